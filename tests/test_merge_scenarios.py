"""Realistic merges built from the real Resolution 179 (Rev. Dubai, 2018): each is merged
clause by clause and also run through the real ``git merge-file``, which conflicts on
every one of them (re-lettering touches every line after an insertion)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from merge_support import Draft, Para, git_merge_file, parse

import resdiff
from resdiff.merge import Merge, merge_resolutions
from resdiff.merge.markers import check_no_markers


@pytest.fixture
def draft(res179_2018_text: str) -> Draft:
    return Draft.of(parse(res179_2018_text, "res-179.txt"))


def section(draft: Draft, heading: str) -> list[Para]:
    return next(paras for h, paras, _ in draft.sections if h == heading)


def amend(draft: Draft, heading: str, index: int, old: str, new: str) -> Draft:
    out = copy.deepcopy(draft)
    para = section(out, heading)[index]
    assert old in para.text
    para.text = para.text.replace(old, new)
    return out


def run(tmp_path: Path, base: Draft, ours: Draft, theirs: Draft) -> tuple[Merge, int]:
    texts = base.text(), ours.text(), theirs.text()
    result = merge_resolutions(
        parse(texts[0], "base.txt"), parse(texts[1], "ours.txt"), parse(texts[2], "theirs.txt")
    )
    git_conflicts, _ = git_merge_file(tmp_path, *texts)
    return result, git_conflicts


INSERTED = "that online games and social media are where children now most often meet strangers;"


def test_insertion_with_reletttering_and_a_later_amendment(tmp_path: Path, draft: Draft) -> None:
    ours = copy.deepcopy(draft)
    section(ours, "considering").insert(2, Para("c)", INSERTED, []))
    theirs = amend(
        draft, "considering", 7, "national, regional or international level", "every level"
    )
    theirs = amend(theirs, "considering", 9, "is listed in", "is among")
    result, git_conflicts = run(tmp_path, draft, ours, theirs)
    assert git_conflicts > 0  # git cannot: every recital after the insertion was re-lettered
    expected = copy.deepcopy(ours)
    for i, (old, new) in ((7, ("national, regional or international level", "every level")),
                          (9, ("is listed in", "is among"))):  # fmt: skip
        para = section(expected, "considering")[i + 1]  # one further down after the insertion
        para.text = para.text.replace(old, new)
    assert result.clean
    assert result.conflicts == ()
    assert result.text == expected.text()
    kinds = sorted((c.side, c.kind, c.base, c.merged) for c in result.changes)
    assert kinds == [
        ("ours", "added", (), ("considering/c",)),
        ("theirs", "amended", ("considering/h",), ("considering/i",)),
        ("theirs", "amended", ("considering/j",), ("considering/k",)),
    ]


def test_move_on_one_side_and_amendment_on_the_other(tmp_path: Path, draft: Draft) -> None:
    ours = copy.deepcopy(draft)
    moved = section(ours, "considering").pop(2)  # c) moves to the end of "recalling"
    section(ours, "recalling").append(moved)
    theirs = amend(draft, "considering", 2, "the most active", "the most active and youngest")
    result, git_conflicts = run(tmp_path, draft, ours, theirs)
    assert git_conflicts > 0
    assert result.clean
    expected = copy.deepcopy(ours)
    para = section(expected, "recalling")[-1]
    para.text = para.text.replace("the most active", "the most active and youngest")
    assert result.text == expected.text()
    assert {(c.side, c.kind) for c in result.changes} == {("ours", "moved"), ("theirs", "amended")}


def test_split_on_one_side_and_amendment_after_it(tmp_path: Path, draft: Draft) -> None:
    ours = copy.deepcopy(draft)
    paras = section(ours, "considering")
    e = paras[4]
    first, rest = e.text.split(" and have due regard to ", 1)
    paras[4:5] = [
        Para("e)", first + ";", []),
        Para("f)", "that they have due regard to " + rest, []),
    ]
    theirs = amend(draft, "considering", 6, "no mediation, control or guidance", "no guidance")
    result, git_conflicts = run(tmp_path, draft, ours, theirs)
    assert git_conflicts > 0
    assert result.clean
    expected = copy.deepcopy(ours)
    para = section(expected, "considering")[7]
    para.text = para.text.replace("no mediation, control or guidance", "no guidance")
    assert result.text == expected.text()
    assert ("ours", "split") in {(c.side, c.kind) for c in result.changes}


def test_both_amend_one_clause_differently(tmp_path: Path, draft: Draft) -> None:
    ours = amend(draft, "resolves", 0, "child online safety issues", "child online safety")
    theirs = amend(draft, "resolves", 0, "to raise awareness", "to raise public awareness")
    result, git_conflicts = run(tmp_path, draft, ours, theirs)
    assert git_conflicts > 0
    assert not result.clean
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.base, conflict.ours, conflict.theirs) == (
        "both-amended", ("resolves/1",), ("resolves/1",), ("resolves/1",)
    )  # fmt: skip
    block = result.text.split("<<<<<<< ours.txt\n", 1)[1].split(">>>>>>> theirs.txt\n", 1)[0]
    ours_part, rest = block.split("||||||| base.txt\n")
    base_part, theirs_part = rest.split("=======\n")
    assert ours_part == "1 " + section(ours, "resolves")[0].text + "\n"
    assert base_part == "1 " + section(draft, "resolves")[0].text + "\n"
    assert theirs_part == "1 " + section(theirs, "resolves")[0].text + "\n"
    with pytest.raises(resdiff.errors.InputError, match="conflict marker"):
        check_no_markers(result.text, "merged.txt")


def test_one_removes_what_the_other_amends(tmp_path: Path, draft: Draft) -> None:
    ours = copy.deepcopy(draft)
    del section(ours, "considering")[3]  # d) removed, e) … k) re-lettered
    theirs = amend(draft, "considering", 3, "mediation approaches", "mediation and approaches")
    theirs = amend(theirs, "resolves", 2, "to coordinate", "to lead")
    result, git_conflicts = run(tmp_path, draft, ours, theirs)
    assert git_conflicts > 0
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.base, conflict.ours, conflict.theirs) == (
        "amended-removed", ("considering/d",), (), ("considering/d",)
    )  # fmt: skip
    assert "3 to continue to lead the COP initiative" in result.text  # the rest merged
    favored = merge_resolutions(
        parse(draft.text(), "b"), parse(ours.text(), "o"), parse(theirs.text(), "t"), "ours"
    )
    assert favored.clean
    assert favored.conflicts[0].resolved == "ours"
    expected = amend(ours, "resolves", 2, "to coordinate", "to lead")
    assert favored.text == expected.text()


def test_both_add_different_clauses_at_one_place(tmp_path: Path, draft: Draft) -> None:
    ours, theirs = copy.deepcopy(draft), copy.deepcopy(draft)
    section(ours, "resolves").append(Para("6", "to publish an annual report on child safety;", []))
    section(theirs, "resolves").append(Para("6", "to hold a youth forum every two years;", []))
    result, git_conflicts = run(tmp_path, draft, ours, theirs)
    assert git_conflicts > 0
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.ours, conflict.theirs) == (
        "both-added", ("resolves/6",), ("resolves/6",)
    )  # fmt: skip
    favored = merge_resolutions(
        parse(draft.text(), "b"), parse(ours.text(), "o"), parse(theirs.text(), "t"), "theirs"
    )
    assert favored.text == theirs.text()


def test_one_removes_a_section_the_other_changes(tmp_path: Path, draft: Draft) -> None:
    ours = copy.deepcopy(draft)
    ours.sections = [s for s in ours.sections if s[0] != "recalling further"]
    theirs = amend(draft, "recalling further", 1, "in 2008", "in 2008 and 2018")
    result, git_conflicts = run(tmp_path, draft, ours, theirs)
    assert git_conflicts > 0
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.base) == ("section-removed", ("recalling-further/b",))
    favored = merge_resolutions(
        parse(draft.text(), "b"), parse(ours.text(), "o"), parse(theirs.text(), "t"), "ours"
    )
    assert favored.text == ours.text()  # the section goes, heading and all
