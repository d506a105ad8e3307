"""Names of UN-layout paragraphs (resdiff/un_names.py): PP3, OP5, OP2(a)(i), and what
``renumbered`` compares."""

from __future__ import annotations

import pytest

from resdiff.un_names import paragraph_number, un_name


@pytest.mark.parametrize(
    ("path", "section", "name", "number"),
    [
        ("preamble/3", "preamble", "PP3", "3"),
        ("operative/12", "operative", "OP12", "12"),
        ("operative/2/a", "operative", "OP2(a)", "2a"),
        ("operative/2/a/iv", "operative", "OP2(a)(iv)", "2aiv"),
        ("preamble/2/b", "preamble", "PP2(b)", "2b"),
    ],
)
def test_un_paragraphs_are_named_as_delegates_do(
    path: str, section: str, name: str, number: str
) -> None:
    assert un_name(path, section) == name
    assert paragraph_number(path, section) == number


@pytest.mark.parametrize(
    ("path", "section"),
    [
        ("considering/a", "considering"),  # ITU clauses keep their own names
        ("resolves/1", "resolves"),
        ("requests-the-council/#1", "requests the Council"),
        ("header/number", "header"),
        ("footnotes/1", "footnotes"),
        ("operative/#2", "operative"),  # an unnumbered operative paragraph
        ("operative/3", "preamble"),  # path and section disagree: not a UN paragraph
        ("annex/preamble/3", "preamble"),
    ],
)
def test_other_clauses_have_no_un_name(path: str, section: str) -> None:
    assert un_name(path, section) is None
    assert paragraph_number(path, section) == ""
