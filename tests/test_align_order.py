"""order: repeated and near-duplicate clauses keep their order; what moved."""

from __future__ import annotations

import pytest
from align_cases import mapping, moved
from differ_cases import TEXTS, build, letters, numbers

from resdiff.align import align_resolutions
from resdiff.align.order import lis


def test_amended_clause_moved_to_another_section_is_one_moved_pair() -> None:
    old = build([("recalling", letters(TEXTS[:4])), ("noting", letters(TEXTS[4:6]))])
    moved_text = TEXTS[3].replace("online;", "online at national and regional levels;")
    new = build([("recalling", letters(TEXTS[:3])), ("noting", letters([moved_text, *TEXTS[4:6]]))])
    al = align_resolutions(old, new)
    assert mapping(al)[("recalling/d",)] == ("noting/a",)
    assert moved(al) == {"recalling/d"}
    assert not al.added
    assert not al.removed


def test_within_a_section_only_the_clause_out_of_order_is_moved() -> None:
    old = build([("considering", letters(TEXTS[:6]))])
    order = [TEXTS[0], TEXTS[4], TEXTS[1], TEXTS[2], TEXTS[3], TEXTS[5]]
    al = align_resolutions(old, build([("considering", letters(order))]))
    assert moved(al) == {"considering/e"}


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


@pytest.mark.parametrize(
    ("values", "expected"),
    [([], []), ([3], [0]), ([1, 2, 3], [0, 1, 2]), ([1, 5, 2, 3], [0, 2, 3]), ([3, 2, 1], [2])],
)
def testlis(values: list[int], expected: list[int]) -> None:
    assert lis(values) == expected
