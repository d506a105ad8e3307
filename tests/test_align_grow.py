"""grow: one clause split into consecutive clauses, or consecutive clauses merged."""

from __future__ import annotations

from align_cases import big_section_texts, mapping
from differ_cases import TEXTS, build, numbers

from resdiff.align import align_resolutions, similarity


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
    assert not al.added
    assert not al.removed


def test_two_consecutive_clauses_merged_into_one_is_one_match() -> None:
    a = "to encourage Member States to join the working group on child online protection;"
    b = "to share best practices with all stakeholders in their respective regions;"
    old = build([("resolves", numbers([TEXTS[11], a, b, TEXTS[12]]))])
    merged = a.rstrip(";") + ", and " + b
    new = build([("resolves", numbers([TEXTS[11], merged, TEXTS[12]]))])
    al = align_resolutions(old, new)
    assert mapping(al)[("resolves/2", "resolves/3")] == ("resolves/2",)
    assert not al.added
    assert not al.removed


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
    assert not al.added
    assert not al.removed


def test_a_split_inside_a_section_with_many_free_clauses_is_found_in_its_gap() -> None:
    """Over 64 free clauses in one section: a lone clause looks for its split only in its
    gap between anchors, and the split there is still reported as one change."""
    texts = big_section_texts(400)
    replaced = [f"entirely new paragraph {k} on another subject altogether;" for k in range(100)]
    words = texts[200].split(" ")
    first, second = " ".join(words[:14]) + ";", " ".join(words[14:])
    new_texts = [*replaced, *texts[100:200], first, second, *texts[201:]]
    al = align_resolutions(
        build([("resolves", numbers(texts))]), build([("resolves", numbers(new_texts))])
    )
    pairs = mapping(al)
    assert pairs[("resolves/201",)] == ("resolves/201", "resolves/202")
