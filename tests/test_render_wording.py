"""The shared wording of every human format: clause names, kinds, summaries, controls."""

from __future__ import annotations

from render_cases import (
    KEPT,
    MERGED,
    REMOVED,
    SAME,
    SAMPLE,
    SPLIT,
    TREE,
    ref,
)

from resdiff.changes import Diff, SectionChange, TreeEntry
from resdiff.render.wording import (
    change_labels,
    change_paths,
    clause_name,
    printable,
    section_line,
    summary_line,
    tree_line,
    tree_summary_line,
)


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


def test_an_annexs_paragraphs_before_any_heading_are_named_with_their_annex() -> None:
    """Two annexes that both open with paragraph 1 (Res 71 of PP-18) must not share a
    name, or ``apply`` cannot tell where the second annex starts."""
    names = [
        clause_name(ref(path, label, "", ""))
        for path, label in [
            ("annex/1", "1"),
            ("annex~2/1", "1"),
            ("annex~2/#3", None),
            ("annex~2/2/a", "a)"),
            ("annex/2bis", "2 bis"),
            ("section/1", "1"),
        ]
    ]
    assert names == ["annex 1 1", "annex 2 1", "annex 2 ¶3", "annex 2 2 a)", "annex 1 2 bis", " 1"]


def test_paths_and_labels_head_a_change() -> None:
    assert change_paths(SPLIT) == ("resolves/1", "resolves/2")
    assert change_labels(SPLIT) == ("1", "2")
    assert change_paths(REMOVED) == ("recalling/c",)  # its old path
    assert change_labels(MERGED) == ()


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
