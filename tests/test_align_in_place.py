"""in_place: a clause rewritten where it stood, on the same subject, stays paired."""

from __future__ import annotations

from align_cases import mapping
from differ_cases import TEXTS, build, letters

from resdiff.align import align_resolutions, similarity


def test_heavily_rewritten_clause_in_place_on_the_same_subject_stays_paired() -> None:
    old_text = (
        "Resolution 1306 adopted by the 2009 session of the Council, under which a child online "
        "protection working group was set up, and its mandate was defined by the members;"
    )
    new_text = (
        "Council Resolution 1306 (Rev. 2015), which sets out the mandate of the Council Working "
        "Group on child online protection, with the contribution of all stakeholders;"
    )
    assert similarity(old_text, new_text) < 0.65  # too far apart to pair anywhere
    old = build([("recalling", letters([TEXTS[0], old_text, TEXTS[1]]))])
    new = build([("recalling", letters([TEXTS[0], new_text, TEXTS[1]]))])
    assert mapping(align_resolutions(old, new))[("recalling/b",)] == ("recalling/b",)


def test_unrelated_clause_in_the_same_place_is_removed_and_added() -> None:
    old = build([("recalling", letters([TEXTS[0], TEXTS[16], TEXTS[1]]))])
    new = build([("recalling", letters([TEXTS[0], TEXTS[17], TEXTS[1]]))])
    al = align_resolutions(old, new)
    assert [al.old[i].path for i in al.removed] == ["recalling/b"]
    assert [al.new[j].path for j in al.added] == ["recalling/b"]


def test_threshold_one_pairs_only_identical_texts() -> None:
    old = build([("recalling", letters([TEXTS[0], TEXTS[7], TEXTS[1]]))])
    rewritten = TEXTS[7].replace("working group was set up", "working group has its mandate")
    new = build([("recalling", letters([TEXTS[0], rewritten, TEXTS[1]]))])
    assert mapping(align_resolutions(old, new))[("recalling/b",)] == ("recalling/b",)
    strict = align_resolutions(old, new, threshold=1.0)
    assert ("recalling/b",) not in mapping(strict)
    assert [strict.old[i].path for i in strict.removed] == ["recalling/b"]
