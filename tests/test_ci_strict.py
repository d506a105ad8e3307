"""The CI plugin (tests/ci_strict.py): under CI a skip fails, saying what is missing;
locally it stays a skip; every run prints the count of skipped tests.

Each case runs pytest in a subprocess on a small test folder, as ``.ci/run`` runs the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

NEEDS = """
import pytest

def test_fine():
    pass

@pytest.mark.skipif(True, reason="chromium is not installed")
def test_marked():
    pass

def test_called():
    pytest.skip("real texts not found at /nowhere")

@pytest.mark.xfail(reason="a known bug")
def test_known_bug():
    assert False
"""

MODULE = """
import pytest

pytest.skip("pandoc is not installed", allow_module_level=True)
"""


def run_pytest(folder: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    env["PYTHONPATH"] = str(TESTS)
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # only the plugin under test: a fast start
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rA", "-p", "ci_strict", "-p", "no:cacheprovider",
         "--continue-on-collection-errors", "-c", os.devnull, str(folder)],
        cwd=folder, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture
def suite(tmp_path: Path) -> Path:
    (tmp_path / "test_needs.py").write_text(NEEDS, encoding="utf-8")
    (tmp_path / "test_module.py").write_text(MODULE, encoding="utf-8")
    return tmp_path


def test_locally_a_skip_stays_a_skip_and_says_why(suite: Path) -> None:
    done = run_pytest(suite, ci=None)
    assert done.returncode == 0, done.stdout
    assert "skipped tests: 3" in done.stdout
    assert "chromium is not installed" in done.stdout
    assert "real texts not found at /nowhere" in done.stdout


def test_under_ci_every_skip_fails_with_one_line_saying_what_is_missing(suite: Path) -> None:
    done = run_pytest(suite, ci="true")
    assert done.returncode == 1, done.stdout
    assert "skipped tests: 0" in done.stdout
    summary = [line for line in done.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    assert sorted(summary) == [
        "ERROR test_module.py - CI requires what this test needs, but: pandoc is not installed",
        "ERROR test_needs.py::test_marked - CI requires what this test needs, but:"
        " chromium is not installed",
        "FAILED test_needs.py::test_called - CI requires what this test needs, but:"
        " real texts not found at /nowhere",
    ]
    # an expected failure is not a skip: it stays xfailed
    assert "XFAIL" in done.stdout
    assert "test_known_bug" in done.stdout


def test_ci_false_is_local(suite: Path) -> None:
    done = run_pytest(suite, ci="0")
    assert done.returncode == 0, done.stdout
    assert "skipped tests: 3" in done.stdout
