"""The report model: each row's mark and notes, computed once, and what is listed."""

from __future__ import annotations

from render_cases import (
    ADDED,
    AMENDED,
    KEPT,
    MERGED,
    MOVED,
    RELETTERED,
    REMOVED,
    SAMPLE,
    SPLIT,
    TITLE,
    TREE,
    ref,
)

from resdiff.changes import Change, SectionChange
from resdiff.render.report import (
    Note,
    Row,
    describe,
    expands,
    kind_and_notes,
    rows,
    visible_sections,
)
from resdiff.render.text import change_heading
from resdiff.render.wording import kind_word


def test_notes_for_every_kind() -> None:
    assert describe(MOVED) == ("moved from recalling i)",)
    assert describe(AMENDED) == ("was e)",)
    assert describe(RELETTERED) == ("was f)",)
    assert describe(SPLIT) == ("split from resolves 1",)
    assert describe(MERGED) == ("merged from requests the Council ¶1 + requests the Council ¶2",)
    assert describe(TITLE) == ("editorial",)
    assert describe(ADDED) == describe(REMOVED) == describe(KEPT) == ()
    unlabelled = Change(
        kind="amended",
        old=(ref("requests-the-council/#1", None, "requests the Council", "x"),),
        new=(ref("requests-the-itu-council/1", "1", "requests the ITU Council", "y"),),
        renumbered=True,
    )
    assert describe(unlabelled) == ("was ¶1",)


def test_kind_and_notes_say_the_kind_once() -> None:
    assert kind_and_notes(MOVED) == "amended, moved from recalling i)"
    assert change_heading(MOVED) == "recognizing/c  c)  amended, moved from recalling i)"
    moved_only = Change(kind="unchanged", old=MOVED.old, new=MOVED.new, moved=True)
    assert kind_word(moved_only) == "moved"
    assert kind_and_notes(moved_only) == "moved from recalling i)"
    assert kind_word(RELETTERED) == "re-lettered"
    assert kind_word(KEPT) == "unchanged"
    assert kind_and_notes(SPLIT) == "split from resolves 1"
    assert kind_and_notes(TITLE) == "amended, editorial"


def test_rows_carry_their_mark_and_notes_in_reading_order() -> None:
    shown = [(r.anchor, r.mark, tuple(n.text for n in r.notes)) for r in rows(SAMPLE)]
    assert shown == [
        ("header/title", "(MOD)", ("editorial",)),
        ("recognizing/c", "ADD*", ("moved from recalling i)",)),
        ("considering/a", "NOC", ()),
        ("considering/e", "ADD", ()),
        ("considering/f", "MOD", ("was e)",)),
        ("considering/g", "MOD", ("was f)",)),  # only re-lettered: still MOD
        ("was:recalling/c", "SUP", ()),
        ("was:recalling/i", "SUP*", ("moved to recognizing c)",)),  # after recalling c)
        ("resolves/1", "MOD", ("split from resolves 1",)),
        (
            "requests-the-itu-council/#1",
            "MOD",
            ("merged from requests the Council ¶1 + requests the Council ¶2",),
        ),
    ]


def test_the_two_ends_of_a_move_point_at_each_other() -> None:
    arrived, left = (r for r in rows(SAMPLE) if r.change is MOVED)
    assert (arrived.role, left.role) == ("change", "moved-away")
    assert arrived.partner_anchor == left.anchor == "was:recalling/i"
    assert left.partner_anchor == arrived.anchor == "recognizing/c"
    assert left.move_note == Note("moved-to", "moved to recognizing c)", MOVED.new, "recognizing/c")
    assert (arrived.section, left.section) == ("recognizing", "recalling")


def test_a_relettering_note_names_both_clauses_and_marks_follow_the_role() -> None:
    (note,) = Row.of(AMENDED).notes
    assert (note.kind, note.refs) == ("was", (AMENDED.old[0], AMENDED.new[0]))
    assert Row.of(TITLE).notes == (Note("editorial", "editorial"),)
    assert Row.of(MOVED, "moved-away").mark == "SUP*"
    assert Row.of(REMOVED).mark == "SUP"


def test_kept_clauses_are_listed_only_with_all() -> None:
    assert [r.change for r in rows(SAMPLE)] == [
        TITLE, MOVED, KEPT, ADDED, AMENDED, RELETTERED, REMOVED, MOVED, SPLIT, MERGED
    ]  # fmt: skip
    assert KEPT not in [r.change for r in rows(SAMPLE, show_all=False)]
    assert len(rows(SAMPLE, show_all=False)) == len(rows(SAMPLE)) - 1
    assert SAMPLE.visible_changes() == tuple(c for c in SAMPLE.changes if c is not KEPT)


def test_sections_and_tree_entries_shown_without_all() -> None:
    assert visible_sections(SAMPLE) == (
        SectionChange("added", None, "recognizing"),
        SectionChange("renamed", "requests the Council", "requests the ITU Council"),
    )
    assert visible_sections(SAMPLE, show_all=True) == SAMPLE.sections
    assert [expands(e) for e in TREE.entries] == [False, True, False, False]
    assert [expands(e, show_all=True) for e in TREE.entries] == [True, True, False, False]
