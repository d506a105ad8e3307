"""Properties of the differ over generated revisions (Hypothesis) and over the real texts.

- ``diff(x, x)`` has no changes; ``diff(x, parse(x.to_text()))`` at most editorial ones;
- for a revision made by inserting, deleting, moving, splitting, merging, amending and
  re-lettering clauses, applying the reported changes to the old clauses gives exactly
  the new clauses, in order, and every clause an edit did not touch is found again;
- the output is identical across runs.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from conftest import real_files
from hypothesis import HealthCheck, given, settings
from synthetic import Doc, documents, revisions

import resdiff
from resdiff.changes import Diff
from resdiff.differ import PART_SEPARATOR, diff_resolutions
from resdiff.model import Resolution


def check_apply(old: Resolution, new: Resolution, d: Diff) -> None:
    """Applying the changes to old's clauses gives new's clauses, in order, exactly."""
    old_clauses = [(c.path, c.label, c.text) for c in old.clauses()]
    new_clauses = [(c.path, c.label, c.text) for c in new.clauses()]
    consumed = sorted((r.path, r.label, r.text) for c in d.changes for r in c.old)
    assert consumed == sorted(old_clauses)  # every old clause accounted for once
    produced = [(r.path, r.label, r.text) for c in d.changes for r in c.new]
    assert produced == new_clauses  # every new clause once, in the new text's order
    for c in d.changes:
        assert c.old_text() == PART_SEPARATOR.join(r.text for r in c.old)
        assert c.new_text() == PART_SEPARATOR.join(r.text for r in c.new)
        assert (c.kind == "added") == (not c.old)
        assert (c.kind == "removed") == (not c.new)


SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents())
def test_diff_of_a_text_with_itself_has_no_changes(generated: tuple[Doc, list[str]]) -> None:
    res = generated[0].resolution()
    d = diff_resolutions(res, res)
    assert not d.differs
    assert d.to_json()["changes"] == []
    check_apply(res, res, d)


@SETTINGS
@given(documents())
def test_diff_against_the_canonical_text_reparsed_is_at_most_editorial(
    generated: tuple[Doc, list[str]],
) -> None:
    res = generated[0].resolution()
    d = diff_resolutions(res, resdiff.parse(res.to_text()))
    assert all(c.kind == "unchanged" or c.editorial for c in d.changes)
    assert not any(c.moved or c.renumbered for c in d.changes)
    assert all(s.kind == "unchanged" for s in d.sections)


@SETTINGS
@given(revisions())
def test_applying_the_changes_reproduces_the_new_clauses(pair: tuple[Doc, Doc]) -> None:
    old_doc, new_doc = pair
    old, new = old_doc.resolution(), new_doc.resolution()
    d = diff_resolutions(old, new)
    check_apply(old, new, d)

    old_ids = {
        c.path: k
        for k, c in enumerate(
            c for c in old.clauses() if "/" in c.path and not c.path.startswith("header")
        )
    }
    new_body = [c for c in new.clauses() if not c.path.startswith("header/")]
    by_new_path = {r.path: c for c in d.changes for r in c.new}
    for para, clause in zip(new_doc.paras(), new_body, strict=True):
        change = by_new_path[clause.path]
        found = tuple(sorted(old_ids[r.path] for r in change.old))
        if para.edit == "none":
            assert change.kind == "unchanged", (para, change)
            assert found == para.origin, (para, change)
        elif para.edit == "amend":
            assert change.kind == "amended", (para, change)
            assert found == para.origin, (para, change)
        elif para.edit == "insert":
            # added, or taken for a deleted clause rewritten in its place (same subject)
            assert change.kind == "added" or set(found) <= new_doc.deleted, (para, change)
        elif para.edit == "merge":
            assert change.kind == "merged", (para, change)
            assert found == para.origin, (para, change)
    # a split whose parts still stand together is reported as one split
    for _, paras in new_doc.sections:
        for a, b in itertools.pairwise(paras):
            if a.edit == b.edit == "split" and a.origin == b.origin:
                splits = [c for c in d.changes if c.kind == "split"]
                assert any(
                    a.text in [r.text for r in c.new] and b.text in [r.text for r in c.new]
                    for c in splits
                )


@SETTINGS
@given(revisions())
def test_output_is_identical_across_runs(pair: tuple[Doc, Doc]) -> None:
    old, new = pair[0].resolution(), pair[1].resolution()
    first = json.dumps(diff_resolutions(old, new).to_json(show_all=True))
    assert json.dumps(diff_resolutions(old, new).to_json(show_all=True)) == first


@pytest.mark.parametrize("path", real_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_text_against_its_canonical_form_is_at_most_editorial(path: Path) -> None:
    original = resdiff.parse(path.read_text(encoding="utf-8"), str(path))
    canonical = resdiff.parse(original.to_text())
    d = diff_resolutions(original, canonical)
    noisy = [
        c
        for c in d.changes
        if (c.kind != "unchanged" and not c.editorial) or c.moved or c.renumbered
    ]
    assert noisy == []
    assert all(s.kind == "unchanged" for s in d.sections)
    assert not diff_resolutions(original, original).differs


def test_real_texts_exist_for_the_parametrised_test() -> None:
    if not real_files():
        pytest.skip("real texts not found (set RESDIFF_SHARED_DATA)")
    assert len(real_files()) > 10
