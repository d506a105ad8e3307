"""The shared wording of every human format (text, term, markdown and the reports)."""

from __future__ import annotations

from render_cases import (
    ADDED,
    AMENDED,
    KEPT,
    MERGED,
    MOVED,
    RELETTERED,
    REMOVED,
    SAME,
    SAMPLE,
    SPLIT,
    TITLE,
    TREE,
    ref,
)

from resdiff.changes import Change, Diff, SectionChange, TreeEntry
from resdiff.render.common import (
    change_labels,
    change_paths,
    clause_name,
    describe,
    display_ops,
    kind_and_notes,
    kind_word,
    printable,
    section_line,
    summary_line,
    tree_line,
    tree_summary_line,
)
from resdiff.render.text import change_heading


def test_clause_names_a_drafter_uses() -> None:
    assert clause_name(ref("recalling/i", "i)", "recalling", "")) == "recalling i)"
    assert clause_name(ref("resolves/1/i", "i)", "resolves", "")) == "resolves 1 i)"
    assert clause_name(ref("requests-the-council/#2", None, "requests the Council", "")) == (
        "requests the Council ¶2"
    )
    assert clause_name(ref("annex/considering/a", "a)", "considering", "")) == (
        "annex considering a)"
    )
    assert clause_name(ref("annex~2/considering/a", "a)", "considering", "")) == (
        "annex 2 considering a)"
    )
    assert clause_name(ref("noting~2/b", "b)", "noting", "")) == "noting b)"
    assert clause_name(ref("header/number", None, "header", "")) == "the number line"
    assert clause_name(ref("header/formula", None, "header", "")) == "the enacting formula"
    assert clause_name(ref("footnotes/1", "1", "footnotes", "")) == "footnote 1"


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
    assert kind_word(RELETTERED) == "re-lettered" and kind_word(KEPT) == "unchanged"
    assert kind_and_notes(SPLIT) == "split from resolves 1"
    assert kind_and_notes(TITLE) == "amended, editorial"


def test_paths_and_labels_head_a_change() -> None:
    assert change_paths(SPLIT) == ("resolves/1", "resolves/2")
    assert change_labels(SPLIT) == ("1", "2")
    assert change_paths(REMOVED) == ("recalling/c",)  # its old path
    assert change_labels(MERGED) == ()


def test_display_ops_fall_back_to_the_texts() -> None:
    assert display_ops(AMENDED) == AMENDED.words
    bare_added = Change(kind="added", old=(), new=ADDED.new)
    assert display_ops(bare_added) == (("+", ADDED.new[0].text),)
    bare_kept = Change(kind="unchanged", old=KEPT.old, new=KEPT.new)
    assert display_ops(bare_kept) == (("=", KEPT.new[0].text),)


def test_summary_lines() -> None:
    assert summary_line(SAMPLE) == (
        "1 added, 1 removed, 3 amended, 1 split, 1 merged; 1 moved, 3 re-lettered, 1 editorial;"
        " 2 unchanged; sections: 1 added, 1 renamed"
    )
    assert summary_line(SAME) == "no differences (1 clause unchanged)"
    renamed_only = Diff(
        SAME.old, SAME.new, (SectionChange("renamed", "noting", "noting further"),), (KEPT,)
    )
    assert summary_line(renamed_only) == "1 unchanged; sections: 1 renamed"
    assert section_line(SectionChange("removed", "aware", None)) == "removed: aware"
    assert tree_summary_line(TREE) == (
        "4 resolutions: 1 added (ADD), 1 removed (SUP), 1 modified (MOD), 1 unchanged (NOC)"
    )
    assert tree_line(TreeEntry("a/res-9.txt", "added", None)) == "ADD  a/res-9.txt  new resolution"


def test_printable_escapes_only_controls() -> None:
    assert printable("ITU’s «role» — 2018\t") == "ITU’s «role» — 2018\t"
    assert printable("a\x1b[31mb\x00c\u202ed") == "a\\x1b[31mb\\x00c\\u202ed"
