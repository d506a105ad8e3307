"""The heading interleaver: which headings of the old and new text stand before each row."""

from __future__ import annotations

from render_cases import SAMPLE

from resdiff.render.headings import Heading, interleave, sections_in_order, written_in
from resdiff.render.report import rows


def test_one_heading_serves_both_texts_when_they_enter_paired_sections() -> None:
    shown = [(t.row.anchor, t.headings) for t in interleave(SAMPLE, rows(SAMPLE)) if t.headings]
    assert shown == [
        ("recognizing/c", (Heading(None, "recognizing"),)),  # an added section
        ("considering/a", (Heading("considering", "considering"),)),
        ("was:recalling/c", (Heading("recalling", None),)),  # only old text is left there
        ("resolves/1", (Heading("resolves", "resolves"),)),
        (
            "requests-the-itu-council/#1",
            (Heading("requests the Council", "requests the ITU Council"),),  # renamed
        ),
    ]


def test_the_old_section_left_at_each_row() -> None:
    left = [(t.row.anchor, t.left_old) for t in interleave(SAMPLE, rows(SAMPLE)) if t.left_old]
    assert left == [
        ("considering/a", "header"),
        ("was:recalling/c", "considering"),
        ("resolves/1", "recalling"),
        ("requests-the-itu-council/#1", "resolves"),
    ]


def test_instructions_count_a_moved_clause_as_written_in_its_old_section() -> None:
    turns = list(interleave(SAMPLE, rows(SAMPLE), share=False, sides=written_in))
    arrived = turns[1]
    assert arrived.row.anchor == "recognizing/c"
    assert arrived.headings == (Heading("recalling", None), Heading(None, "recognizing"))
    assert turns[2].left_old == "recalling"


def test_rows_grouped_under_the_heading_they_stand_under() -> None:
    groups = [(h, [r.anchor for r in g]) for h, g in sections_in_order(rows(SAMPLE))]
    assert groups == [
        ("header", ["header/title"]),
        ("recognizing", ["recognizing/c"]),
        ("considering", ["considering/a", "considering/e", "considering/f", "considering/g"]),
        ("recalling", ["was:recalling/c", "was:recalling/i"]),
        ("resolves", ["resolves/1"]),
        ("requests the ITU Council", ["requests-the-itu-council/#1"]),
    ]
