"""The base clauses a proposal's marks name: each found by name and quoted text, used once,
and a misfit named with the clause and the words it lacks."""

from __future__ import annotations

import pytest
from differ_cases import build, letters

from resdiff.apply_base import BaseClauses, amended_name
from resdiff.itu_marks import Block, MarksError

BASE = build([("considering", letters(["that children are online;", "that children are online;"]))])


def pool() -> BaseClauses:
    clauses = BaseClauses()
    for clause in BASE.clauses():
        clauses.add(clause, 1)
    return clauses


def block(mark: str, name: str, text: str, notes: tuple[str, ...] = ()) -> Block:
    return Block(mark, name, notes, name.rsplit(" ", 1)[-1], text, 7)


def test_the_named_clause_is_taken_first_and_only_once() -> None:
    clauses = pool()
    second = clauses.take(
        block("SUP", "considering b)", ""), ["considering b)"], BASE.clause("considering/b").text
    )
    assert second.clause.path == "considering/b"
    # the same text again: the other clause of that text, the named one being used
    again = clauses.take(block("SUP", "considering b)", ""), ["considering b)"], second.clause.text)
    assert again.clause.path == "considering/a"
    assert clauses.find(["considering a)"], second.clause.text) is None


def test_a_misfit_names_the_clause_and_the_words_it_lacks() -> None:
    marked = block("MOD", "considering a)", "that [-adults-]{+children+} are online;")
    with pytest.raises(
        MarksError,
        match=r"^line 7: MOD considering a\): the deleted words 'adults' are not in the base"
        r" clause considering a\)$",
    ):
        pool().take_amended(marked, ["considering a)"], (("=", "that "), ("-", "adults")))


def test_a_suppressed_clause_must_quote_its_text_as_deleted() -> None:
    with pytest.raises(MarksError, match=r"suppressed clause's text must read \[-…-\]"):
        pool().removed(block("SUP", "considering a)", "that children are online;"))


def test_a_renumbered_clause_is_looked_for_under_its_old_label() -> None:
    marked = block("MOD", "considering b)", "x", notes=("was a)",))
    assert amended_name(marked, "b)") == "considering a)"
    assert amended_name(block("MOD", "considering b)", "x"), "b)") == "considering b)"
