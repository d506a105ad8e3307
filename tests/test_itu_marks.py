"""Reading ITU revision marks: blocks, notes, heading marks, marked text and escapes."""

from __future__ import annotations

import pytest

from resdiff.itu_marks import (
    MarksError,
    parse_marked,
    parse_ops,
    parse_ops_against,
    unescape,
)

SAMPLE = (
    "MOD\tRESOLUTION 1 (TEST, 2020)\n\tA title\n\t1 amended\n\n"
    "MOD\theading [-recognizing-]{+recalling further+}\nADD\theading {+noting+}\n\n"
    "MOD\tconsidering g) (was f))\n[-f)-]{+g)+}\tthe growing {+mediation, +}use;\n\n"
    "ADD*\trecognizing c) (moved from recalling i))\nc)\tResolution 67;\n"
)


def test_blocks_notes_and_heading_marks_are_read() -> None:
    marks = parse_marked(SAMPLE)
    assert [(h.mark, h.old, h.new) for h in marks.headings] == [
        ("MOD", "recognizing", "recalling further"),
        ("ADD", None, "noting"),
    ]
    first, second = marks.blocks
    assert (first.mark, first.name, first.notes, first.label) == (
        "MOD",
        "considering g)",
        ("was f)",),
        "[-f)-]{+g)+}",
    )
    assert second.note("moved from ") == "recalling i)"
    assert (first.line, second.line) == (8, 11)


def test_an_unchanged_heading_listed_for_its_place_is_read_as_noc() -> None:
    marks = parse_marked(
        "SUP\theading [-considering-]\nMOD\theading [-recognizing-]{+considering+}\n"
        "NOC\theading recalling\n"
    )
    assert [(h.mark, h.old, h.new, h.line) for h in marks.headings] == [
        ("SUP", "considering", None, 1),
        ("MOD", "recognizing", "considering", 2),
        ("NOC", "recalling", "recalling", 3),
    ]


def test_marked_text_reads_into_word_ops() -> None:
    assert parse_ops("a [-b-]{+c+} d") == (("=", "a "), ("-", "b"), ("+", "c"), ("=", " d"))
    assert parse_ops("an open [- only") == (("=", "an open [- only"),)


def test_literal_markers_are_read_against_the_old_text() -> None:
    ops = parse_ops_against("x a[-b-]c{+ y+}", "x a[-b-]c")
    assert ops == (("=", "x a[-b-]c"), ("+", " y"))
    assert parse_ops_against("[-a-]b-] c", "a-]b c") == (("-", "a-]b"), ("=", " c"))
    assert parse_ops_against("[-zz-]", "x") is None
    long = "word " * 3000  # no recursion: as long as a clause gets
    assert parse_ops_against(long + "[-x-]y-]{+z+}", long + "x-]y") == (
        ("=", long),
        ("-", "x-]y"),
        ("+", "z"),
    )


def test_escaped_controls_are_restored_and_other_backslashes_kept() -> None:
    assert unescape("a\\x1bb \\x41 \\u202e") == "a\x1bb \\x41 \u202e"


def test_a_block_without_its_text_line_is_refused() -> None:
    with pytest.raises(MarksError, match=r"line 1: MOD considering a\)"):
        parse_marked("MOD\tconsidering a)\n")
