"""Properties of the three-way merge over real PP-18 texts and generated revisions of them.

A revision amends, removes, inserts or moves paragraphs of some sections and re-letters
or renumbers what follows, as a conference does (tests/merge_support.py).
"""

from __future__ import annotations

import copy
from functools import cache

import pytest
from conftest import ITU_PP
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from merge_support import Draft, Para, parse

import resdiff
from resdiff.changes import Change
from resdiff.merge import merge_resolutions
from resdiff.model import Resolution

FILES = ["res-179.txt", "res-2.txt", "res-71.txt", "res-131.txt", "res-139.txt", "res-196.txt"]
Op = tuple[str, float, float]  # kind, where (0-1), a second place (0-1, for moves)
OPS = st.lists(
    st.tuples(
        st.sampled_from(["amend", "remove", "insert", "move"]),
        st.floats(0, 0.999),
        st.floats(0, 0.999),
    ),
    min_size=1,
    max_size=4,
)


@cache
def base_text(name: str) -> str:
    path = ITU_PP / "2018-dubai" / name
    if not path.is_file():
        pytest.fail(f"real text {path} is missing (set RESDIFF_SHARED_DATA)")
    return parse(path.read_text(encoding="utf-8"), name).to_text()


def revise(draft: Draft, ops: list[Op], sections: list[int], tag: str) -> Draft:
    """``draft`` with ``ops`` applied inside the given sections (by index into them)."""
    out = copy.deepcopy(draft)
    for n, (kind, where, other) in enumerate(ops):
        s = sections[int(where * len(sections))]
        paras = out.sections[s][1]
        p = int(other * len(paras)) if paras else 0
        if kind == "insert" or not paras:
            new = Para(
                "x)", f"that the {tag} proposal number {n} on remote schools is inserted here;", []
            )
            paras.insert(p, new)
        elif kind == "amend":
            paras[p].text = paras[p].text.rstrip(";,.") + f", as amended by {tag} ({n});"
        elif kind == "remove" and len(paras) > 1:
            del paras[p]
        elif kind == "move" and len(paras) > 2:
            moved = paras.pop(p)
            paras.insert(0 if p else len(paras), moved)
    return out


def _key(change: Change) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """A change by kind and texts (paths differ between a side and the merge)."""
    return change.kind, tuple(r.text for r in change.old), tuple(r.text for r in change.new)


def sections_of(draft: Draft) -> list[int]:
    return [i for i, (_, paras, style) in enumerate(draft.sections) if style and len(paras) > 1]


def texts(name: str, ops: list[Op]) -> tuple[Resolution, Resolution]:
    draft = Draft.of(parse(base_text(name), name))
    return parse(base_text(name), "base"), parse(
        revise(draft, ops, sections_of(draft), "x").text(), "x"
    )


PROPS = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(st.sampled_from(FILES), OPS)
def test_one_side_changed_gives_that_side(name: str, ops: list[Op]) -> None:
    base, x = texts(name, ops)
    assert merge_resolutions(base, x, base).text == x.to_text()
    assert merge_resolutions(base, base, x).text == x.to_text()


@PROPS
@given(st.sampled_from(FILES), OPS)
def test_the_same_change_on_both_sides_is_taken_once(name: str, ops: list[Op]) -> None:
    base, x = texts(name, ops)
    result = merge_resolutions(base, x, x)
    assert result.clean
    assert result.text == x.to_text()


@PROPS
@given(st.sampled_from(FILES), OPS, OPS)
def test_swapping_the_sides_gives_the_same_conflicts(name: str, a: list[Op], b: list[Op]) -> None:
    draft = Draft.of(parse(base_text(name), name))
    where = sections_of(draft)
    base = parse(base_text(name), "base")
    x = parse(revise(draft, a, where, "x").text(), "x")
    y = parse(revise(draft, b, where, "y").text(), "y")
    one, two = merge_resolutions(base, x, y), merge_resolutions(base, y, x)
    assert sorted((c.kind, c.base, c.ours, c.theirs) for c in one.conflicts) == sorted(
        (c.kind, c.base, c.theirs, c.ours) for c in two.conflicts
    )
    assert one.clean == two.clean


@PROPS
@given(st.sampled_from(FILES), OPS, OPS)
def test_changes_to_different_sections_merge_cleanly_into_both(
    name: str, a: list[Op], b: list[Op]
) -> None:
    draft = Draft.of(parse(base_text(name), name))
    where = sections_of(draft)
    if len(where) < 2:
        where = where * 2
    ours_part, theirs_part = where[::2], where[1::2]
    x = revise(draft, a, ours_part, "x")
    both = revise(x, b, theirs_part, "y")
    y = revise(draft, b, theirs_part, "y")
    base = parse(base_text(name), "base")
    if ours_part == theirs_part:
        return
    result = merge_resolutions(base, parse(x.text(), "x"), parse(y.text(), "y"))
    assert result.clean, result.conflicts
    # diff(base, merged) holds each side's changes: the merged text is both applied.
    assert result.text == both.text()
    merged = resdiff.diff(base, result.resolution)
    for side in (x, y):
        for change in resdiff.diff(base, parse(side.text(), "side")).changes:
            if change.kind != "unchanged":
                assert _key(change) in {_key(c) for c in merged.changes}
