"""The invariants of ``resdiff/compilation/v1`` as properties, over real PP-18 texts and
proposals generated from them (amend, remove, insert, move; labels recomputed):

- every base clause has exactly one entry, and the entries follow the base order;
- every proposal stands in exactly one position of each base-clause entry (NOC included),
  and in at most one of an entry of additions;
- an entry of additions comes right after the base clause it follows (``after``);
- a conflict is exactly two or more different changes in one entry; the same proposal
  given twice under two names never conflicts with itself.
"""

from __future__ import annotations

import copy
import random
from functools import cache

import pytest
from conftest import ITU_PP
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from merge_support import Draft, Para, parse

from resdiff.merge import Compilation, compile_proposals
from resdiff.model import Resolution

FILES = ["res-179.txt", "res-2.txt", "res-71.txt", "res-139.txt"]
KINDS = st.sampled_from(["amend", "remove", "insert", "move"])
EDITS = st.lists(st.tuples(KINDS, st.integers(0, 10_000)), min_size=0, max_size=4)
PROPS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def base_draft(name: str) -> Draft:
    path = ITU_PP / "2018-dubai" / name
    if not path.is_file():
        pytest.fail(f"real text {path} is missing (set RESDIFF_SHARED_DATA)")
    return Draft.of(parse(path.read_text(encoding="utf-8"), name))


def revise(draft: Draft, edits: list[tuple[str, int]], tag: str) -> Draft:
    """A proposal: each edit picks its section and paragraph from its number."""
    out = copy.deepcopy(draft)
    places = [i for i, (_, paras, style) in enumerate(out.sections) if style and paras]
    for n, (kind, seed) in enumerate(edits):
        rng = random.Random(seed)
        paras = out.sections[rng.choice(places)][1]
        p = rng.randrange(len(paras))
        if kind == "insert":
            paras.insert(p, Para("x)", f"that {tag} inserts recital {n} on rural schools;", []))
        elif kind == "amend":
            paras[p].text = paras[p].text.rstrip(";,.") + f", as {tag} proposes ({n});"
        elif kind == "remove" and len(paras) > 1:
            del paras[p]
        elif kind == "move" and len(paras) > 2:
            paras.insert(0 if p else len(paras) - 1, paras.pop(p))
    return out


def compiled(name: str, proposals: list[list[tuple[str, int]]]) -> tuple[Resolution, Compilation]:
    draft = base_draft(name)
    base = parse(draft.text(), "base")
    texts = [
        (f"P{i}", parse(revise(draft, edits, f"P{i}").text(), f"P{i}"))
        for i, edits in enumerate(proposals)
    ]
    return base, compile_proposals(base, texts)


@PROPS
@given(st.sampled_from(FILES), st.lists(EDITS, min_size=1, max_size=4))
def test_every_base_clause_one_entry_every_proposal_one_position(
    name: str, proposals: list[list[tuple[str, int]]]
) -> None:
    base, result = compiled(name, proposals)
    names = sorted(p.name for p in result.proposals)
    doc = result.to_json()
    base_entries = [e for e in doc["entries"] if e["base"]]
    assert all(len(e["base"]) == 1 for e in base_entries)
    assert [e["base"][0] for e in base_entries] == [c.path for c in base.clauses()]
    assert doc["summary"]["clauses"] == len(list(base.clauses()))
    for e in doc["entries"]:
        seen = sorted(n for p in e["positions"] for n in p["proposals"])
        if e["base"]:
            assert seen == names
        else:
            assert len(seen) == len(set(seen))
            assert seen
        changed = [p for p in e["positions"] if p["kind"] != "unchanged"]
        assert e["conflict"] == (len(changed) >= 2)


@PROPS
@given(st.sampled_from(FILES), st.lists(EDITS, min_size=1, max_size=4))
def test_additions_come_right_after_the_clause_they_follow(
    name: str, proposals: list[list[tuple[str, int]]]
) -> None:
    _, result = compiled(name, proposals)
    last_base: str | None = None
    for e in result.to_json()["entries"]:
        if e["base"]:
            last_base = e["base"][0]
        else:
            assert e["after"] == last_base
            assert all(p["kind"] in ("added", "moved") for p in e["positions"])


@PROPS
@given(st.sampled_from(FILES), EDITS)
def test_one_proposal_under_two_names_agrees_with_itself(
    name: str, edits: list[tuple[str, int]]
) -> None:
    draft = base_draft(name)
    base = parse(draft.text(), "base")
    text = parse(revise(draft, edits, "X").text(), "X")
    result = compile_proposals(base, [("A", text), ("B", text)])
    assert not result.conflicts
    for e in result.entries:
        assert len(e.positions) == 1
        assert e.positions[0].proposals == ("A", "B")
    touched = result.summary["touched"]
    assert result.summary["agreed"] == touched
