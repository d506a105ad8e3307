"""align: clauses paired by content (not label), sections by content and heading."""

from __future__ import annotations

import pytest
from differ_cases import TEXTS, build, letters, numbers

from resdiff.align import Alignment, _lis, align_resolutions, similarity


def mapping(al: Alignment) -> dict[tuple[str, ...], tuple[str, ...]]:
    """old paths -> new paths of every match, body only."""
    return {
        tuple(al.old[i].path for i in m.old): tuple(al.new[j].path for j in m.new)
        for m in al.matches
        if not al.old[m.old[0]].path.startswith("header/")
    }


def moved(al: Alignment) -> set[str]:
    return {al.old[m.old[0]].path for m in al.matches if m.moved}


def test_identical_resolutions_align_one_to_one_in_place() -> None:
    res = build([("considering", letters(TEXTS[:4])), ("resolves", numbers(TEXTS[11:13]))])
    al = align_resolutions(res, res)
    assert all(al.old[m.old[0]].path == al.new[m.new[0]].path for m in al.matches)
    assert len(al.matches) == 3 + 4 + 2
    assert not al.added and not al.removed and not moved(al)
    assert all(
        p.old is not None and p.new is not None and p.old.key == p.new.key for p in al.sections
    )


def test_one_inserted_recital_re_letters_the_rest_instead_of_changing_them() -> None:
    old = build([("considering", letters(TEXTS[:5]))])
    new = build([("considering", letters([TEXTS[0], TEXTS[10], *TEXTS[1:5]]))])
    al = align_resolutions(old, new)
    assert mapping(al) == {
        ("considering/a",): ("considering/a",),
        ("considering/b",): ("considering/c",),
        ("considering/c",): ("considering/d",),
        ("considering/d",): ("considering/e",),
        ("considering/e",): ("considering/f",),
    }
    assert [al.new[j].path for j in al.added] == ["considering/b"]
    assert not moved(al)


def test_amended_clause_moved_to_another_section_is_one_moved_pair() -> None:
    old = build([("recalling", letters(TEXTS[:4])), ("noting", letters(TEXTS[4:6]))])
    moved_text = TEXTS[3].replace("online;", "online at national and regional levels;")
    new = build([("recalling", letters(TEXTS[:3])), ("noting", letters([moved_text, *TEXTS[4:6]]))])
    al = align_resolutions(old, new)
    assert mapping(al)[("recalling/d",)] == ("noting/a",)
    assert moved(al) == {"recalling/d"}
    assert not al.added and not al.removed


def test_within_a_section_only_the_clause_out_of_order_is_moved() -> None:
    old = build([("considering", letters(TEXTS[:6]))])
    order = [TEXTS[0], TEXTS[4], TEXTS[1], TEXTS[2], TEXTS[3], TEXTS[5]]
    al = align_resolutions(old, build([("considering", letters(order))]))
    assert moved(al) == {"considering/e"}


def test_split_into_two_consecutive_clauses_is_one_match() -> None:
    whole = (
        "to encourage Member States to join the working group; and to share best practices "
        "with all stakeholders in their region"
    )
    old = build([("resolves", numbers([TEXTS[11], whole, TEXTS[12]]))])
    new = build(
        [
            (
                "resolves",
                numbers(
                    [
                        TEXTS[11],
                        "to encourage Member States to join the working group;",
                        "to share best practices with all stakeholders in their region;",
                        TEXTS[12],
                    ]
                ),
            )
        ]
    )
    al = align_resolutions(old, new)
    assert mapping(al)[("resolves/2",)] == ("resolves/2", "resolves/3")
    assert not al.added and not al.removed


def test_two_consecutive_clauses_merged_into_one_is_one_match() -> None:
    a = "to encourage Member States to join the working group on child online protection;"
    b = "to share best practices with all stakeholders in their respective regions;"
    old = build([("resolves", numbers([TEXTS[11], a, b, TEXTS[12]]))])
    merged = a.rstrip(";") + ", and " + b
    new = build([("resolves", numbers([TEXTS[11], merged, TEXTS[12]]))])
    al = align_resolutions(old, new)
    assert mapping(al)[("resolves/2", "resolves/3")] == ("resolves/2",)
    assert not al.added and not al.removed


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


def test_threshold_decides_how_different_a_pair_may_be() -> None:
    old_text = TEXTS[13]
    new_text = (
        "to develop information and to create awareness campaigns aimed at parents, guardians, "
        "educators and industry;"
    )
    score = similarity(old_text, new_text)
    old = build([("invites", numbers([old_text])), ("urges", numbers([TEXTS[0]]))])
    new = build([("invites", numbers([TEXTS[1]])), ("urges", numbers([TEXTS[0], new_text]))])
    loose = align_resolutions(old, new, threshold=score - 0.01)
    strict = align_resolutions(old, new, threshold=score + 0.01)
    assert mapping(loose)[("invites/1",)] == ("urges/2",)
    assert ("invites/1",) not in mapping(strict)


def test_repeated_text_pairs_in_document_order_same_section_first() -> None:
    same = "to report to the Council annually;"
    old = build([("instructs A", numbers([same, TEXTS[0]])), ("instructs B", numbers([same]))])
    new = build([("instructs A", numbers([TEXTS[0], same])), ("instructs B", numbers([same]))])
    al = align_resolutions(old, new)
    assert mapping(al)[("instructs-a/1",)] == ("instructs-a/2",)
    assert mapping(al)[("instructs-b/1",)] == ("instructs-b/1",)


def test_renamed_heading_pairs_its_section() -> None:
    old = build([("resolves", numbers(TEXTS[:2])), ("requests the Council", [(None, TEXTS[11])])])
    new = build(
        [
            ("resolves", numbers(TEXTS[:2])),
            ("requests the ITU Council", numbers([TEXTS[11], TEXTS[12]])),
        ]
    )
    al = align_resolutions(old, new)
    pairs = [
        (p.old.heading if p.old else None, p.new.heading if p.new else None) for p in al.sections
    ]
    assert pairs == [("resolves", "resolves"), ("requests the Council", "requests the ITU Council")]
    assert not moved(al)


def test_section_whose_paragraphs_went_under_a_new_heading_is_renamed() -> None:
    # old "recognizing" now stands as "recalling further"; a new "recognizing" appears
    old = build([("recalling", letters(TEXTS[:3])), ("recognizing", letters(TEXTS[3:6]))])
    new = build(
        [
            ("recognizing", letters([TEXTS[16], TEXTS[17]])),
            ("recalling", letters(TEXTS[:3])),
            ("recalling further", letters(TEXTS[3:6])),
        ]
    )
    al = align_resolutions(old, new)
    pairs = [
        (p.old.heading if p.old else None, p.new.heading if p.new else None) for p in al.sections
    ]
    assert pairs == [
        (None, "recognizing"),
        ("recalling", "recalling"),
        ("recognizing", "recalling further"),
    ]
    assert not moved(al)


def test_section_whose_clauses_all_moved_elsewhere_is_removed() -> None:
    old = build([("considering", letters(TEXTS[:4])), ("noting", letters(TEXTS[4:5]))])
    new = build([("considering", letters([*TEXTS[:2], TEXTS[4], *TEXTS[2:4]]))])
    al = align_resolutions(old, new)
    assert [
        (p.old.heading if p.old else None, p.new.heading if p.new else None) for p in al.sections
    ] == [
        ("considering", "considering"),
        ("noting", None),
    ]
    assert moved(al) == {"noting/a"}


def test_footnotes_align_among_themselves() -> None:
    old = build([("considering", letters(TEXTS[:2]))], footnotes=[TEXTS[5], TEXTS[6]])
    new = build([("considering", letters(TEXTS[:2]))], footnotes=[TEXTS[6]])
    al = align_resolutions(old, new)
    assert [al.old[i].path for i in al.removed] == ["footnotes/1"]
    assert mapping(al)[("footnotes/2",)] == ("footnotes/1",)


def test_sub_clauses_are_aligned_too() -> None:
    old = build(
        [("resolves", [("1", "to do the following:", [("i)", TEXTS[0]), ("ii)", TEXTS[1])])])]
    )
    new = build(
        [
            (
                "resolves",
                [
                    (
                        "1",
                        "to do the following:",
                        [("i)", TEXTS[2]), ("ii)", TEXTS[0]), ("iii)", TEXTS[1])],
                    )
                ],
            )
        ]
    )
    al = align_resolutions(old, new)
    assert mapping(al)[("resolves/1/i",)] == ("resolves/1/ii",)
    assert mapping(al)[("resolves/1/ii",)] == ("resolves/1/iii",)
    assert [al.new[j].path for j in al.added] == ["resolves/1/i"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [([], []), ([3], [0]), ([1, 2, 3], [0, 1, 2]), ([1, 5, 2, 3], [0, 2, 3]), ([3, 2, 1], [2])],
)
def test_lis(values: list[int], expected: list[int]) -> None:
    assert _lis(values) == expected


def test_alignment_is_deterministic() -> None:
    old = build([("considering", letters(TEXTS[:8])), ("resolves", numbers(TEXTS[8:14]))])
    new = build([("considering", letters(TEXTS[2:10])), ("resolves", numbers(TEXTS[10:16]))])
    assert align_resolutions(old, new) == align_resolutions(old, new)


def test_threshold_out_of_range_is_refused() -> None:
    res = build([("considering", letters(TEXTS[:1]))])
    with pytest.raises(ValueError, match="threshold"):
        align_resolutions(res, res, threshold=0)


def test_repeated_boilerplate_amended_in_each_place_keeps_its_order() -> None:
    boiler = (
        "These include the least developed countries, small island developing states, "
        "landlocked developing countries and countries with economies in transition."
    )
    words = boiler.split(" ")
    olds, news = [], []
    for k in range(6):
        olds += [boiler, TEXTS[k]]
        # later copies are amended less, so each old copy scores best against the last
        amended = [*words[:3], *[f"word{k}"] * (6 - k), *words[3:]]
        news += [" ".join(amended), TEXTS[k]]
    al = align_resolutions(build([("notes", numbers(olds))]), build([("notes", numbers(news))]))
    assert all(al.old[m.old[0]].path == al.new[m.new[0]].path for m in al.matches)
    assert not moved(al)


def test_threshold_one_pairs_only_identical_texts() -> None:
    old = build([("recalling", letters([TEXTS[0], TEXTS[7], TEXTS[1]]))])
    rewritten = TEXTS[7].replace("working group was set up", "working group has its mandate")
    new = build([("recalling", letters([TEXTS[0], rewritten, TEXTS[1]]))])
    assert mapping(align_resolutions(old, new))[("recalling/b",)] == ("recalling/b",)
    strict = align_resolutions(old, new, threshold=1.0)
    assert ("recalling/b",) not in mapping(strict)
    assert [strict.old[i].path for i in strict.removed] == ["recalling/b"]


def test_near_duplicate_clauses_each_amended_keep_their_order() -> None:
    old = build(
        [
            (
                "recalling",
                letters(
                    [
                        TEXTS[0],
                        "Resolution 66 (Rev. Dubai, 2018) of this conference;",
                        "Resolution 165 (Rev. Dubai, 2018) of this conference;",
                        TEXTS[1],
                    ]
                ),
            )
        ]
    )
    new = build(
        [
            (
                "recalling",
                letters(
                    [
                        TEXTS[0],
                        "Resolution 66 notably (Rev. Dubai, 2018) of this revised",
                        "Resolution revised (Rev. Dubai, notably 2018) of this conference;",
                        TEXTS[1],
                    ]
                ),
            )
        ]
    )
    al = align_resolutions(old, new)
    assert mapping(al)[("recalling/b",)] == ("recalling/b",)
    assert mapping(al)[("recalling/c",)] == ("recalling/c",)
    assert not moved(al)


def test_a_real_swap_of_different_clauses_is_kept() -> None:
    a, b = TEXTS[2], TEXTS[3]
    old = build([("considering", letters([TEXTS[0], a, b, TEXTS[1]]))])
    new = build([("considering", letters([TEXTS[0], b + " notably", a + " further", TEXTS[1]]))])
    al = align_resolutions(old, new)
    assert mapping(al)[("considering/b",)] == ("considering/c",)
    assert mapping(al)[("considering/c",)] == ("considering/b",)
    assert len(moved(al)) == 1


def test_split_into_three_parts_none_similar_enough_alone() -> None:
    parts = [
        "to encourage Member States to join the working group on child online protection;",
        "to share best practices with all stakeholders in their respective regions;",
        "to report on the results of their work to the next plenipotentiary conference",
    ]
    whole = " ".join(p.rstrip(";") + "," for p in parts[:2]) + " " + parts[2]
    assert max(similarity(whole, p) for p in parts) < 0.65
    old = build([("resolves", numbers([TEXTS[11], whole, TEXTS[12]]))])
    new = build([("resolves", numbers([TEXTS[11], *parts, TEXTS[12]]))])
    al = align_resolutions(old, new)
    assert mapping(al)[("resolves/2",)] == ("resolves/2", "resolves/3", "resolves/4")
    assert not al.added and not al.removed


def _big_section_texts(count: int) -> list[str]:
    """Distinct, similar-looking paragraphs: a long operative list in a small vocabulary."""
    import random

    words = ["promote", "the", "ITU", "Member", "States", "regional", "cooperation", "national"]
    rng = random.Random(179)
    return [f"to {k} " + " ".join(rng.choice(words) for _ in range(25)) + ";" for k in range(count)]


def test_a_section_too_large_for_the_cap_still_pairs_its_amended_clauses() -> None:
    """14,000 numbered paragraphs, every sixth amended: the ~2,300 amended ones are too
    many to compare all with all (over the cap), so the aligner compares within the gaps
    between unchanged paragraphs — each is still paired in place, none removed + added."""
    texts = _big_section_texts(14000)
    amended = [t.replace(" ", " very ", 1) if k % 6 == 0 else t for k, t in enumerate(texts)]
    al = align_resolutions(
        build([("resolves", numbers(texts))]), build([("resolves", numbers(amended))])
    )
    assert not al.removed and not al.added
    assert mapping(al)[("resolves/7",)] == ("resolves/7",)
    assert all(m.old == m.new for m in al.matches)  # in place, one to one
    assert sum(m.similarity < 1.0 for m in al.matches) == len(range(0, 14000, 6))


def test_a_section_rewritten_throughout_beyond_the_cap_pairs_by_place() -> None:
    """2,500 paragraphs, every one amended: no anchors at all and over the cap, so each
    old paragraph is compared with the new ones near its place — all amended in place."""
    texts = _big_section_texts(2500)
    amended = [t.replace(" ", " very ", 1) for t in texts]
    al = align_resolutions(
        build([("resolves", numbers(texts))]), build([("resolves", numbers(amended))])
    )
    assert not al.removed and not al.added
    body = [m for m in al.matches if al.old[m.old[0]].path.startswith("resolves/")]
    assert len(body) == 2500
    assert all(m.old == m.new and m.similarity < 1.0 for m in body)


def test_a_split_inside_a_section_with_many_free_clauses_is_found_in_its_gap() -> None:
    """Over 64 free clauses in one section: a lone clause looks for its split only in its
    gap between anchors, and the split there is still reported as one change."""
    texts = _big_section_texts(400)
    replaced = [f"entirely new paragraph {k} on another subject altogether;" for k in range(100)]
    words = texts[200].split(" ")
    first, second = " ".join(words[:14]) + ";", " ".join(words[14:])
    new_texts = [*replaced, *texts[100:200], first, second, *texts[201:]]
    al = align_resolutions(
        build([("resolves", numbers(texts))]), build([("resolves", numbers(new_texts))])
    )
    pairs = mapping(al)
    assert pairs[("resolves/201",)] == ("resolves/201", "resolves/202")
