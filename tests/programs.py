"""External programs some tests need (pandoc, soffice): found, or the test cannot run.

Locally a missing program skips the test and says why. Under CI (``CI`` set) it fails
instead, naming what is missing: a CI run must not go green on part of the suite.
"""

from __future__ import annotations

import os
import shutil

import pytest


def require_program(name: str, purpose: str) -> str:
    """The path of program ``name``; skip (locally) or fail (under CI) when it is absent."""
    path = shutil.which(name)
    if path is not None:
        return path
    message = f"{name} is not installed ({purpose}; .ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(f"CI requires it: {message}")
    pytest.skip(message)
