"""Shared fixtures: where the real texts are, and helpers to read them.

The real ITU texts live in ``../shared/data`` beside this repository (they are not ours
to commit). ``RESDIFF_SHARED_DATA`` may point elsewhere. Tests that need them skip with
a clear reason only when that folder is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("RESDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
ITU_PP = SHARED_DATA / "itu-pp"
SEED_PAGE = ITU_PP / "2010-guadalajara" / "res-179.seed-page.txt"
RES_179_2018 = ITU_PP / "2018-dubai" / "res-179.txt"


def real_files() -> list[Path]:
    """Every real text in the shared data folder, sorted (empty when it is absent)."""
    if not ITU_PP.is_dir():
        return []
    return sorted(ITU_PP.rglob("*.txt"))


@pytest.fixture
def shared_data() -> Path:
    if not ITU_PP.is_dir():
        pytest.skip(f"real texts not found at {ITU_PP} (set RESDIFF_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture
def seed_text(shared_data: Path) -> str:
    return SEED_PAGE.read_text(encoding="utf-8")


@pytest.fixture
def res179_2018_text(shared_data: Path) -> str:
    return RES_179_2018.read_text(encoding="utf-8")
