"""Blame and clause history over hand-built diffs: moves, re-lettering, splits and merges.

The functions are pure (no git, no parser), so the lineage rules are pinned down here on
small, explicit change lists; tests/test_corpus.py runs them on the real texts.
"""

from __future__ import annotations

from datetime import date

import pytest

from resdiff.changes import Change, ClauseRef, Diff, Meta
from resdiff.corpus.blame import blame, history
from resdiff.corpus.records import Revision
from resdiff.corpus.refs import ResolutionId
from resdiff.errors import RefError

RID = ResolutionId.parse("itu-pp/res-1")
REVS = [
    Revision(RID, name, date(year, 10, 1), f"{i:040x}", f"{i + 10:040x}")
    for i, (name, year) in enumerate((("a-2010", 2010), ("b-2014", 2014), ("c-2018", 2018)))
]


def ref(path: str, text: str = "") -> ClauseRef:
    section, _, key = path.rpartition("/")
    return ClauseRef(path, f"{key})", section, text or f"text of {path}")


def change(kind: str, old: list[str], new: list[str], **flags: bool) -> Change:
    return Change(kind, tuple(ref(p) for p in old), tuple(ref(p) for p in new), **flags)  # type: ignore[arg-type]


def diff(*changes: Change) -> Diff:
    meta = Meta(None, None, None)
    return Diff(meta, meta, (), tuple(changes))


FIRST = [ref("recalling/a"), ref("recalling/b"), ref("resolves/1"), ref("resolves/2")]
# 2010 → 2014: recalling b) moves to recognizing a) unchanged; resolves 1 is split in two;
# a new resolves 3 appears.
D1 = diff(
    change("unchanged", ["recalling/a"], ["recalling/a"]),
    change("unchanged", ["recalling/b"], ["recognizing/a"], moved=True, renumbered=True),
    change("split", ["resolves/1"], ["resolves/1", "resolves/2"]),
    change("unchanged", ["resolves/2"], ["resolves/3"], renumbered=True),
    change("added", [], ["resolves/4"]),
)
# 2014 → 2018: resolves 1 and 2 (the split parts) merge back; recognizing a) is amended;
# resolves 4 is removed.
D2 = diff(
    change("unchanged", ["recalling/a"], ["recalling/a"]),
    change("amended", ["recognizing/a"], ["recognizing/a"]),
    change("merged", ["resolves/1", "resolves/2"], ["resolves/1"]),
    change("unchanged", ["resolves/3"], ["resolves/2"], renumbered=True),
    change("removed", ["resolves/4"], []),
)
FINAL = [ref("recalling/a"), ref("recognizing/a"), ref("resolves/1"), ref("resolves/2")]


def test_blame_follows_moves_splits_and_merges() -> None:
    got = {e.path: (e.introduced, e.last_amended) for e in blame(REVS, FIRST, [D1, D2], FINAL)}
    assert got == {
        "recalling/a": ("a-2010", "a-2010"),  # never touched
        "recognizing/a": ("a-2010", "c-2018"),  # moved (not an amendment), then amended
        "resolves/1": ("a-2010", "c-2018"),  # split in 2014, merged in 2018: origin kept
        "resolves/2": ("a-2010", "a-2010"),  # only re-lettered twice
    }


def test_blame_of_a_merge_keeps_the_earliest_origin() -> None:
    d = diff(change("merged", ["resolves/1", "resolves/4"], ["resolves/1"]))
    state_first = [ref("resolves/1")]
    d0 = diff(
        change("unchanged", ["resolves/1"], ["resolves/1"]), change("added", [], ["resolves/4"])
    )
    got = blame(REVS, state_first, [d0, d], [ref("resolves/1")])
    assert (got[0].introduced, got[0].last_amended) == ("a-2010", "c-2018")


def test_blame_keeps_the_order_and_labels_of_the_final_text() -> None:
    entries = blame(REVS, FIRST, [D1, D2], FINAL)
    assert [e.path for e in entries] == [c.path for c in FINAL]
    assert [e.label for e in entries] == ["a)", "a)", "1)", "2)"]


def test_history_through_a_split_and_a_merge() -> None:
    steps = history(REVS, FIRST, [D1, D2], "resolves/1")
    assert [(s.revision.name, s.kind, [c.path for c in s.clauses]) for s in steps] == [
        ("a-2010", "introduced", ["resolves/1"]),
        ("b-2014", "split", ["resolves/1", "resolves/2"]),
        ("c-2018", "merged", ["resolves/1"]),
    ]


def test_history_of_a_moved_clause_and_of_a_removed_one() -> None:
    steps = history(REVS, FIRST, [D1, D2], "recognizing/a")
    assert [(s.revision.name, s.kind) for s in steps] == [
        ("a-2010", "introduced"),
        ("b-2014", "unchanged"),
        ("c-2018", "amended"),
    ]
    assert steps[1].change is not None
    assert steps[1].change.moved
    gone = history(REVS, FIRST, [D1, D2], "resolves/4")
    assert [(s.revision.name, s.kind) for s in gone] == [
        ("b-2014", "introduced"),
        ("c-2018", "removed"),
    ]


def test_history_of_an_unknown_clause() -> None:
    with pytest.raises(RefError, match="no clause 'considering/z'"):
        history(REVS, FIRST, [D1, D2], "considering/z")
