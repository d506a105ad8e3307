"""The change model's JSON both ways: ``Diff.from_json`` is the inverse of ``to_json``."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from conftest import ITU_PP, SEED_PAGE, SHARED_DATA

import resdiff
from resdiff.changes import DIFF_SCHEMA, Diff


def _real_pairs() -> list[tuple[Path, Path]]:
    """Every pair of real texts the output manifest compares: Res 179 2010 -> 2018, each
    UN-layout text against its ITU text, each PP-18 text against the next in name order."""
    pp18 = sorted((ITU_PP / "2018-dubai").glob("*.txt"))
    pairs = [(SEED_PAGE, ITU_PP / "2018-dubai" / "res-179.txt")]
    for un in sorted((SHARED_DATA / "un-layout").glob("*.un-layout.txt")):
        pairs.append((ITU_PP / "2018-dubai" / un.name.replace(".un-layout", ""), un))
    pairs.extend(itertools.pairwise(pp18))
    return pairs


def _diff(old: Path, new: Path, **options: object) -> Diff:
    return resdiff.diff(
        resdiff.parse(old.read_text(encoding="utf-8"), old.name),
        resdiff.parse(new.read_text(encoding="utf-8"), new.name),
        **options,
    )


@pytest.mark.usefixtures("shared_data")
def test_from_json_is_the_inverse_of_to_json_on_every_real_pair() -> None:
    pairs = _real_pairs()
    assert len(pairs) > 50, f"expected the real texts under {SHARED_DATA}"
    for old, new in pairs:
        for options in ({}, {"threshold": 0.8, "ignore_editorial": True}):
            diff = _diff(old, new, **options)
            doc = json.loads(json.dumps(diff.to_json(show_all=True, with_options=True)))
            back = Diff.from_json(doc)
            assert back == diff, f"{old.name} -> {new.name} {options}"
            assert back.options == diff.options, f"{old.name} -> {new.name} {options}"
            assert back.outlines == diff.outlines, f"{old.name} -> {new.name} {options}"
            assert back.to_json(show_all=True) == diff.to_json(show_all=True)


def test_options_are_written_only_when_asked(res179_changes: Diff) -> None:
    assert "options" not in res179_changes.to_json(show_all=True)
    doc = res179_changes.to_json(show_all=True, with_options=True)
    assert doc["options"] == {
        "threshold": res179_changes.options["threshold"],
        "ignore_editorial": False,
    }
    assert list(doc)[-2:] == ["options", "outlines"]  # after every field of the contract
    assert Diff.from_json(res179_changes.to_json(show_all=True)).options == {}


def test_outlines_are_written_only_with_the_options() -> None:
    """The texts' clause order and annex heading lines travel with a cached diff (the Word
    report needs them), never in the JSON contract the CLI writes."""
    old = resdiff.parse(ANNEXED.format(title="Guidelines"))
    new = resdiff.parse(ANNEXED.format(title="New guidelines").replace("1 to act;", "1 to go;"))
    diff = resdiff.diff(old, new)
    assert diff.outlines is not None
    assert diff.outlines[0].order == tuple(c.path for c in old.clauses())
    assert [(a.key, a.heading, a.title) for a in diff.outlines[1].annexes] == [
        ("annex", "ANNEX TO RESOLUTION 1 (TEST, 2020)", "New guidelines")
    ]
    assert "outlines" not in diff.to_json(show_all=True)
    doc = json.loads(json.dumps(diff.to_json(show_all=True, with_options=True)))
    assert Diff.from_json(doc).outlines == diff.outlines
    assert Diff.from_json(diff.to_json(show_all=True)).outlines is None


ANNEXED = (
    "RESOLUTION 1 (TEST, 2020)\n\nTitle\n\nresolves\n\n1 to act;\n\n"
    "ANNEX TO RESOLUTION 1 (TEST, 2020)\n\n{title}\n\n1 Act quickly.\n"
)


def test_a_document_without_unchanged_entries_reads_back_without_them(
    res179_changes: Diff,
) -> None:
    back = Diff.from_json(res179_changes.to_json())
    assert back.changes == res179_changes.visible_changes()
    assert len(back.changes) < len(res179_changes.changes)


def test_another_schema_is_refused(res179_changes: Diff) -> None:
    doc = {**res179_changes.to_json(), "schema": "resdiff/tree-diff/v1"}
    with pytest.raises(ValueError, match=DIFF_SCHEMA):
        Diff.from_json(doc)


def test_reports_leave_out_exactly_the_kept_changes(res179_changes: Diff) -> None:
    """``visible_changes`` writes out :attr:`Change.kept`'s test instead of calling it:
    both must say the same of every change, a moved or re-lettered unchanged clause
    included (shown although its text is not)."""
    changes = res179_changes.changes
    assert res179_changes.visible_changes() == tuple(c for c in changes if not c.kept)
    assert any(c.kind == "unchanged" and (c.moved or c.renumbered) for c in changes)
    assert any(c.kept for c in changes)
    assert res179_changes.visible_changes(show_all=True) == changes
