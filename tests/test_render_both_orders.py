"""Rows in each text's own order: what the Word report needs to read back as both texts."""

from __future__ import annotations

import dataclasses

from test_render_docx import docx_of, paragraphs_of, resolve

import resdiff
from resdiff.changes import Diff
from resdiff.render.both_orders import in_both_orders
from resdiff.render.headings import stands
from resdiff.render.report import Row, rows

HEAD = "RESOLUTION 1 (TEST, 2020)\n\nTitle\n\n"
CONSIDERING = "considering\n\na) that one;\n\nb) that two;\n\n"
RECALLING = "recalling\n\na) Resolution 10;\n\nb) Resolution 11;\n\n"
RESOLVES = "resolves\n\n1 to act;\n"


def _moved_section() -> Diff:
    """``recalling`` moved before ``considering`` as a whole, ``considering c)`` removed:
    the differ calls no clause moved (each keeps its neighbours)."""
    return resdiff.diff(resdiff.parse(_old_text()), resdiff.parse(_new_text()))


def _old_places(diff: Diff, ordered: tuple[Row, ...]) -> list[int]:
    assert diff.outlines is not None
    where = {path: i for i, path in enumerate(diff.outlines[0].order)}
    return [where[r.change.old[0].path] for r in ordered if stands(r)[0] is not None]


def _new_paths(ordered: tuple[Row, ...]) -> list[str]:
    return [r.change.new[0].path for r in ordered if stands(r)[1] is not None]


def test_a_section_moved_whole_is_written_in_both_orders() -> None:
    diff = _moved_section()
    before = rows(diff, show_all=True)
    assert not any(r.change.moved for r in before)
    assert _old_places(diff, before) != sorted(_old_places(diff, before))  # the problem
    ordered = in_both_orders(before, diff.outlines[0] if diff.outlines else None)
    assert _old_places(diff, ordered) == sorted(_old_places(diff, ordered))
    assert _new_paths(ordered) == _new_paths(before)
    # the clauses whose places cross are written as the two ends of a move
    marks = sorted(r.mark for r in ordered if r.change.moved)
    assert marks == ["ADD*", "ADD*", "SUP*", "SUP*"]
    data = docx_of(diff)
    assert resolve(data, accept=False) == paragraphs_of(resdiff.parse(_old_text()))
    assert resolve(data, accept=True) == paragraphs_of(resdiff.parse(_new_text()))


def _old_text() -> str:
    return HEAD + CONSIDERING + "c) that three;\n\n" + RECALLING + RESOLVES


def _new_text() -> str:
    return HEAD + RECALLING + CONSIDERING + RESOLVES


def test_rows_already_in_both_orders_are_left_as_they_are() -> None:
    diff = resdiff.diff(
        resdiff.parse(HEAD + CONSIDERING + RESOLVES),
        resdiff.parse(HEAD + CONSIDERING.replace("one", "first") + RECALLING + RESOLVES),
    )
    before = rows(diff, show_all=True)
    assert diff.outlines is not None
    assert in_both_orders(before, diff.outlines[0]) == before


def test_without_the_old_outline_the_rows_are_left_as_they_are() -> None:
    """A diff read from the JSON contract has no outline: the report then shows the rows
    in reading order, as before outlines existed."""
    diff = dataclasses.replace(_moved_section(), outlines=None)
    before = rows(diff, show_all=True)
    assert in_both_orders(before, None) == before
    assert resolve(docx_of(diff), accept=True) == paragraphs_of(resdiff.parse(_new_text()))
