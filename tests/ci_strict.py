"""A pytest plugin that keeps CI honest: under CI a skipped test is a failed test.

A test skips when what it needs is missing (the real texts, chromium, soffice, pandoc, a
full git history). Locally that is fine and the skip says why. Under CI (the ``CI``
environment variable, set by ``.ci/run``) a run that skips has not checked what it
claims, so every skip — a skip mark, ``pytest.skip()`` in a test or fixture, a whole
module skipped at collection — becomes a failure whose one line says what is missing.
Expected failures (``xfail``) are left alone. The summary always ends with the count of
skipped tests (``skipped tests: N``), which ``.ci/run`` requires to be 0.

The conftest imports the hooks, so the suite gets them without ``-p``; another run can
load the module with ``-p ci_strict``.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

import pytest


def under_ci() -> bool:
    """True when the ``CI`` environment variable is set to anything but empty/0/false."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def skip_reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    """The reason a skipped report gives, on one line (``Skipped: `` dropped)."""
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        reason = str(longrepr[2])
    else:
        reason = str(longrepr)
    reason = reason.removeprefix("Skipped: ")
    return " ".join(reason.split()) or "no reason given"


def _fail_instead(report: pytest.TestReport | pytest.CollectReport) -> None:
    reason = skip_reason(report)
    report.outcome = "failed"
    report.longrepr = f"CI requires what this test needs, but: {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport() -> Generator[Any]:
    """Under CI turn a skipped test into a failed one (xfail excepted)."""
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if not report.skipped or hasattr(report, "wasxfail"):
        return
    if under_ci():
        _fail_instead(report)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report() -> Generator[Any]:
    """Under CI a module skipped while collected (``allow_module_level``) fails too."""
    outcome = yield
    report: pytest.CollectReport = outcome.get_result()
    if not report.skipped:
        return
    if under_ci():
        _fail_instead(report)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """End every run with the count of skipped tests (and modules), which ``.ci/run``
    checks: under CI any that escaped the hooks above still make the run fail."""
    skipped = terminalreporter.stats.get("skipped", [])
    terminalreporter.write_line(f"skipped tests: {len(skipped)}")
