"""Shared fixtures: where the real texts are, and helpers to read them.

The real ITU texts live in ``../shared/data`` beside this repository (they are not ours
to commit). ``RESDIFF_SHARED_DATA`` may point elsewhere. Tests that need them skip with
a clear reason only when that folder is absent — and under CI, where :mod:`ci_strict`
(whose hooks are imported here) turns every skip into a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from ci_strict import (  # noqa: F401 (pytest hooks, registered by being in this module)
    pytest_make_collect_report,
    pytest_runtest_makereport,
    pytest_terminal_summary,
)

import resdiff
from resdiff.changes import Diff
from resdiff.model import Resolution

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


@pytest.fixture
def res179_revisions(shared_data: Path) -> tuple[Resolution, Resolution]:
    """Res 179 as adopted in 2010 (the seed page) and as revised in 2018, parsed, each
    with its file name as the source."""
    old = resdiff.parse(SEED_PAGE.read_text(encoding="utf-8"), "res-179.seed-page.txt")
    new = resdiff.parse(RES_179_2018.read_text(encoding="utf-8"), "res-179.txt")
    return old, new


@pytest.fixture
def res179_changes(res179_revisions: tuple[Resolution, Resolution]) -> Diff:
    """The diff of :func:`res179_revisions`: the real 2010 → 2018 changes."""
    return resdiff.diff(*res179_revisions)
