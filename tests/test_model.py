"""The canonical text (``Resolution.to_text()``): layout, repairs applied, idempotence."""

from __future__ import annotations

import resdiff
from resdiff.model import FOOTNOTE_RULE, render_canonical

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
