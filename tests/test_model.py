"""The model: the canonical text (``Resolution.to_text()``: layout, repairs applied,
idempotence) and the objects :func:`~resdiff.model.made` makes without their ``__init__``."""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Iterator

import pytest

import resdiff
from resdiff.changes import Diff
from resdiff.model import FOOTNOTE_RULE, Clause, Resolution, made, render_canonical

NOISY = (
    "\ufeffSite header\r\n\r\n"
    "RESOLUTION 5 (REV. DUBAI, 2018)\r\n\r\n"
    "A   title\r\n\r\n"
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\r\n"
    "considering\r\n"
    "a)   that  one; ____________________ 1 A note.\r\n"
    "b) that two, resolves\r\n"
    "1 to act:\r\n"
    "i) first;\r\n"
    "ii) second; 2 to go; 3 to stop. ANNEX TO RESOLUTION 5 (REV. DUBAI, 2018) Rules\r\n"
    "1 Do this.\r\n"
)

CANONICAL = """\
RESOLUTION 5 (REV. DUBAI, 2018)

A title

The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),

considering

a) that one;

b) that two,

resolves

1 to act:

i) first;

ii) second; 2 to go; 3 to stop.

ANNEX TO RESOLUTION 5 (REV. DUBAI, 2018)

Rules

1 Do this.

____________________

1 A note.
"""


def test_canonical_layout() -> None:
    r = resdiff.parse(NOISY)
    assert r.to_text() == CANONICAL
    assert render_canonical(r) == CANONICAL
    assert FOOTNOTE_RULE == "_" * 20


def test_run_on_only_continues_the_same_label_sequence() -> None:
    """'ii) second; 2 to go; 3 to stop.' is not split: only iii) would follow ii)."""
    r = resdiff.parse(NOISY)
    assert r.clause("resolves/1/ii").text == "second; 2 to go; 3 to stop."
    assert [c.path for c in r.sections[1].walk()] == ["resolves/1", "resolves/1/i", "resolves/1/ii"]


def test_canonical_is_idempotent_and_keeps_clauses() -> None:
    r = resdiff.parse(NOISY)
    again = resdiff.parse(r.to_text())
    assert again.to_text() == r.to_text()
    assert [(c.path, c.label, c.text, c.section) for c in again.clauses()] == [
        (c.path, c.label, c.text, c.section) for c in r.clauses()
    ]
    assert again.diagnostics == ()  # nothing left to repair


def test_canonical_leaves_out_site_text() -> None:
    r = resdiff.parse(NOISY)
    assert "Site header" not in r.to_text()
    assert r.regions[0].text == "Site header\r\n\r\n"  # the BOM is not site text


def test_empty_and_unstructured() -> None:
    assert resdiff.parse("").to_text() == ""
    assert resdiff.parse("one\n  two  \n").to_text() == "one\n\ntwo\n"


def test_label_without_text() -> None:
    r = resdiff.parse("considering\n\na)\n\nb) that\n")
    assert r.to_text() == "considering\n\na)\n\nb) that\n"
    assert r.clause("considering/a").text == ""


def test_made_gives_the_object_the_class_itself_makes() -> None:
    """``made`` skips the frozen dataclass's ``__init__``: the object must still be equal
    to (and hash, pickle and refuse changes like) the one the class makes."""
    quick = made(Clause, path="considering/a", label="a)", text="that one;",
                 section="considering", line=3, column=1, children=())  # fmt: skip
    made_by_class = Clause("considering/a", "a)", "that one;", "considering", 3, 1, ())
    assert quick == made_by_class
    assert hash(quick) == hash(made_by_class)
    assert pickle.loads(pickle.dumps(quick)) == made_by_class
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.text = "changed"  # type: ignore[misc]


def _made_objects(diff: Diff, sides: tuple[Resolution, ...]) -> Iterator[object]:
    """Every clause of the header, sections and footnotes of ``sides``, and every change
    and clause reference of ``diff``: the objects the parser and the differ make by
    ``made``."""
    for side in sides:
        yield from side.header.parts()
        for section in side.all_sections():
            yield from section.walk()
        yield from side.footnotes
    for change in diff.changes:
        yield change
        yield from change.old
        yield from change.new


def test_every_object_made_without_its_init_holds_exactly_its_fields(
    res179_revisions: tuple[Resolution, Resolution],
) -> None:
    """A call of ``made`` that misspelled or left out a field would make an object that
    lacks it (or carries a stray attribute) and still compares by the fields it has:
    every clause, change and reference of a real parse and diff (an amended pair, and
    one text against itself) holds exactly its class's fields, and equals the object
    its class makes from them."""
    old, new = res179_revisions
    checked = 0
    for diff, sides in ((resdiff.diff(old, new), (old, new)), (resdiff.diff(new, new), (new,))):
        for obj in _made_objects(diff, sides):
            assert dataclasses.is_dataclass(obj)
            assert not isinstance(obj, type)
            names = [f.name for f in dataclasses.fields(obj)]
            assert sorted(vars(obj)) == sorted(names), obj
            assert type(obj)(**{name: getattr(obj, name) for name in names}) == obj
            checked += 1
    assert checked > 200
