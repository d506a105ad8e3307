"""Golden parse trees and canonical texts for the two reference texts, reviewed by eye.

The files in ``tests/golden/parse/`` are the expected ``resdiff parse --format json``
output and ``resdiff fmt`` output. When the parser changes on purpose, regenerate them
with ``RESDIFF_REGEN_GOLDEN=1 python -m pytest tests/test_parsing_golden.py`` and
review the ``git diff`` before committing.
"""

from __future__ import annotations

import json

import pytest
from conftest import RES_179_2018, SEED_PAGE, check_golden

import resdiff
from resdiff.parsing.tree import to_json

CASES = {"res-179-2010-seed-page": SEED_PAGE, "res-179-2018": RES_179_2018}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_parse_tree(name: str) -> None:
    source = CASES[name]
    r = resdiff.parse(source.read_text(encoding="utf-8"), source.name)
    actual = json.dumps(to_json(r), ensure_ascii=False, indent=2) + "\n"
    check_golden(f"parse/{name}.json", actual)


@pytest.mark.usefixtures("shared_data")
@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_canonical_text(name: str) -> None:
    source = CASES[name]
    r = resdiff.parse(source.read_text(encoding="utf-8"), source.name)
    check_golden(f"parse/{name}.txt", r.to_text())
