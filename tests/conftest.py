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
#: The sources the Res 179 pair's fixtures give its revisions (their paths under itu-pp/).
RES_179_OLD_NAME = "2010-guadalajara/res-179.seed-page.txt"
RES_179_NEW_NAME = "2018-dubai/res-179.txt"
#: Reviewed expected outputs (parse trees, canonical texts, diff mappings, reports).
GOLDEN = ROOT / "tests" / "golden"


def check_golden(name: str, actual: str) -> None:
    """Compare ``actual`` with the reviewed golden file ``tests/golden/<name>``;
    ``RESDIFF_REGEN_GOLDEN=1`` rewrites it (review the change by eye with ``git diff``
    before committing it)."""
    path = GOLDEN / name
    if os.environ.get("RESDIFF_REGEN_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with RESDIFF_REGEN_GOLDEN=1 and review it"
    assert actual == path.read_text(encoding="utf-8"), (
        f"{name} differs from the reviewed golden file; if the change is intended, "
        "regenerate with RESDIFF_REGEN_GOLDEN=1 and review the git diff"
    )


def real_files() -> list[Path]:
    """Every real text in the shared data folder, sorted (empty when it is absent)."""
    if not ITU_PP.is_dir():
        return []
    return sorted(ITU_PP.rglob("*.txt"))


def real_text(path: Path) -> str:
    """The text of a real file of the shared data folder; the test asking is skipped,
    saying where the folder was looked for, when that folder is absent."""
    if not ITU_PP.is_dir():
        pytest.skip(f"real texts not found at {ITU_PP} (set RESDIFF_SHARED_DATA)")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def shared_data() -> Path:
    if not ITU_PP.is_dir():
        pytest.skip(f"real texts not found at {ITU_PP} (set RESDIFF_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def seed_text() -> str:
    return real_text(SEED_PAGE)


@pytest.fixture(scope="session")
def res179_2018_text() -> str:
    return real_text(RES_179_2018)


@pytest.fixture(scope="session")
def res179_revisions(seed_text: str, res179_2018_text: str) -> tuple[Resolution, Resolution]:
    """Res 179 as adopted in 2010 (the seed page, noise and all) and as revised in 2018,
    parsed, with their paths under itu-pp/ as sources. The one fixture of this real pair
    (immutable, so built once for the whole run)."""
    old = resdiff.parse(seed_text, RES_179_OLD_NAME)
    new = resdiff.parse(res179_2018_text, RES_179_NEW_NAME)
    return old, new


@pytest.fixture(scope="session")
def res179_changes(res179_revisions: tuple[Resolution, Resolution]) -> Diff:
    """The diff of :func:`res179_revisions`: the real 2010 → 2018 changes."""
    return resdiff.diff(*res179_revisions)
