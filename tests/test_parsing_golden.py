"""Golden parse trees and canonical texts for the two reference texts, reviewed by eye.

The files in ``tests/golden/parse/`` are the expected ``resdiff parse --format json``
output and ``resdiff fmt`` output. When the parser changes on purpose, regenerate them
with ``RESDIFF_REGEN_GOLDEN=1 python -m pytest tests/test_parsing_golden.py`` and
review the ``git diff`` before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import RES_179_2018, SEED_PAGE

import resdiff
from resdiff.parsing.tree import to_json

GOLDEN = Path(__file__).parent / "golden" / "parse"
REGEN = os.environ.get("RESDIFF_REGEN_GOLDEN") == "1"

CASES = {"res-179-2010-seed-page": SEED_PAGE, "res-179-2018": RES_179_2018}


def check_golden(path: Path, actual: str) -> None:
    if REGEN:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with RESDIFF_REGEN_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} differs from golden"


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_parse_tree(name: str, shared_data: Path) -> None:
    source = CASES[name]
    r = resdiff.parse(source.read_text(encoding="utf-8"), source.name)
    actual = json.dumps(to_json(r), ensure_ascii=False, indent=2) + "\n"
    check_golden(GOLDEN / f"{name}.json", actual)


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_canonical_text(name: str, shared_data: Path) -> None:
    source = CASES[name]
    r = resdiff.parse(source.read_text(encoding="utf-8"), source.name)
    check_golden(GOLDEN / f"{name}.txt", r.to_text())
