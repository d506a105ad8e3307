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
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import real_files
from differ_cases import TEXTS, build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resdiff
from resdiff.changes import Diff
from resdiff.differ import PART_SEPARATOR, diff_resolutions
from resdiff.model import Resolution

HEADINGS = (
    "considering",
    "recalling",
    "recognizing",
    "noting",
    "resolves",
    "invites Member States",
)
OPERATIVE = {"resolves", "invites Member States"}


@dataclass
class Para:
    """A clause of a generated revision and where its text came from."""

    text: str
    origin: tuple[int, ...]  # ids of the old clauses it stems from (empty: inserted)
    edit: str = "none"  # none | amend | split | merge | insert


@dataclass
class Doc:
    sections: list[tuple[str, list[Para]]] = field(default_factory=list)
    deleted: set[int] = field(default_factory=set)  # ids of old clauses deleted

    def resolution(self) -> Resolution:
        def label(heading: str, k: int) -> str:
            return str(k + 1) if heading in OPERATIVE else f"{chr(ord('a') + k)})"

        return build(
            [
                (heading, [(label(heading, k), p.text) for k, p in enumerate(paras)])
                for heading, paras in self.sections
                if paras
            ]
        )

    def paras(self) -> list[Para]:
        return [p for _, paras in self.sections for p in paras]


@st.composite
def documents(draw: st.DrawFn) -> tuple[Doc, list[str]]:
    """An old document built from distinct texts, and the texts left for insertions."""
    pool = list(draw(st.permutations(TEXTS)))
    headings = draw(st.lists(st.sampled_from(HEADINGS), min_size=1, max_size=4, unique=True))
    doc = Doc()
    ident = 0
    for heading in headings:
        paras = []
        for _ in range(draw(st.integers(1, 4))):
            paras.append(Para(pool.pop(), (ident,)))
            ident += 1
        doc.sections.append((heading, paras))
    return doc, pool


def _untouched(doc: Doc) -> list[tuple[int, int]]:
    return [
        (s, k)
        for s, (_, paras) in enumerate(doc.sections)
        for k, p in enumerate(paras)
        if p.edit == "none"
    ]


@st.composite
def revisions(draw: st.DrawFn) -> tuple[Doc, Doc]:
    old, pool = draw(documents())
    new = Doc([(h, [Para(p.text, p.origin) for p in paras]) for h, paras in old.sections])
    home = {p.origin[0]: heading for heading, paras in old.sections for p in paras}
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(["insert", "delete", "move", "amend", "split", "merge"]))
        spots = _untouched(new)
        if op == "insert" and pool:
            s = draw(st.integers(0, len(new.sections) - 1))
            k = draw(st.integers(0, len(new.sections[s][1])))
            new.sections[s][1].insert(k, Para(pool.pop(), (), "insert"))
        elif not spots:
            continue
        elif op == "delete":
            s, k = draw(st.sampled_from(spots))
            new.deleted.update(new.sections[s][1].pop(k).origin)
        elif op == "move":
            s, k = draw(st.sampled_from(spots))
            para = new.sections[s][1].pop(k)
            t = draw(st.integers(0, len(new.sections) - 1))
            new.sections[t][1].insert(draw(st.integers(0, len(new.sections[t][1]))), para)
        elif op == "amend":
            s, k = draw(st.sampled_from(spots))
            para = new.sections[s][1][k]
            words = para.text.split(" ")
            at = draw(st.integers(1, len(words) - 1))
            words.insert(at, draw(st.sampled_from(["notably", "inter alia", "in particular"])))
            new.sections[s][1][k] = Para(" ".join(words), para.origin, "amend")
        elif op == "split":
            s, k = draw(st.sampled_from(spots))
            para = new.sections[s][1][k]
            words = para.text.split(" ")
            if len(words) < 12:
                continue
            at = draw(st.integers(len(words) // 3, 2 * len(words) // 3))
            first = Para(" ".join(words[:at]) + ";", para.origin, "split")
            second = Para(" ".join(words[at:]), para.origin, "split")
            new.sections[s][1][k : k + 1] = [first, second]
        elif op == "merge":
            s, k = draw(st.sampled_from(spots))
            paras = new.sections[s][1]
            if k + 1 >= len(paras) or paras[k + 1].edit != "none":
                continue
            a, b = paras[k], paras[k + 1]
            if b.origin[0] != a.origin[0] + 1 or home[a.origin[0]] != home[b.origin[0]]:
                continue  # only clauses consecutive in one section of the old text
            paras[k : k + 2] = [
                Para(a.text.rstrip(";") + " and " + b.text, a.origin + b.origin, "merge")
            ]
    return old, new


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
