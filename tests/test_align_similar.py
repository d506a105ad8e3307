"""similar: clauses paired by token similarity at the threshold, within the cap."""

from __future__ import annotations

from align_cases import big_section_texts, mapping, moved
from differ_cases import TEXTS, build, letters, numbers

from resdiff.align import align_resolutions, similarity


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


def test_a_section_too_large_for_the_cap_still_pairs_its_amended_clauses() -> None:
    """14,000 numbered paragraphs, every sixth amended: the ~2,300 amended ones are too
    many to compare all with all (over the cap), so the aligner compares within the gaps
    between unchanged paragraphs — each is still paired in place, none removed + added."""
    texts = big_section_texts(14000)
    amended = [t.replace(" ", " very ", 1) if k % 6 == 0 else t for k, t in enumerate(texts)]
    al = align_resolutions(
        build([("resolves", numbers(texts))]), build([("resolves", numbers(amended))])
    )
    assert not al.removed
    assert not al.added
    assert mapping(al)[("resolves/7",)] == ("resolves/7",)
    assert all(m.old == m.new for m in al.matches)  # in place, one to one
    assert sum(m.similarity < 1.0 for m in al.matches) == len(range(0, 14000, 6))


def test_a_section_rewritten_throughout_beyond_the_cap_pairs_by_place() -> None:
    """2,500 paragraphs, every one amended: no anchors at all and over the cap, so each
    old paragraph is compared with the new ones near its place — all amended in place."""
    texts = big_section_texts(2500)
    amended = [t.replace(" ", " very ", 1) for t in texts]
    al = align_resolutions(
        build([("resolves", numbers(texts))]), build([("resolves", numbers(amended))])
    )
    assert not al.removed
    assert not al.added
    body = [m for m in al.matches if al.old[m.old[0]].path.startswith("resolves/")]
    assert len(body) == 2500
    assert all(m.old == m.new and m.similarity < 1.0 for m in body)


R37 = "Resolution 37 (Rev. Buenos Aires, 2017) of WTDC, on bridging the digital divide;"


def test_a_citation_updated_to_a_successor_and_moved_is_one_moved_amendment() -> None:
    """The similar pass asks the same citation rule as the in-place pass: a recital whose
    instrument was replaced by its successor, the description kept, pairs even when it
    moved to another section."""
    successor = R37.replace("37 (Rev. Buenos Aires, 2017)", "17 (Kigali, 2022)")
    old = build(
        [("recalling", letters([TEXTS[0], R37, TEXTS[1]])), ("noting", letters(TEXTS[2:4]))]
    )
    new = build(
        [
            ("recalling", letters([TEXTS[0], TEXTS[1]])),
            ("noting", letters([*TEXTS[2:4], successor])),
        ]
    )
    al = align_resolutions(old, new)
    assert mapping(al)[("recalling/b",)] == ("noting/c",)
    assert moved(al) == {"recalling/b"}


def test_a_recital_citing_another_instrument_elsewhere_is_removed_and_added() -> None:
    other = "Resolution 17 (Rev. Buenos Aires, 2017) of WTDC, on regional initiatives;"
    old = build(
        [("recalling", letters([TEXTS[0], R37, TEXTS[1]])), ("noting", letters(TEXTS[2:4]))]
    )
    new = build(
        [("recalling", letters([TEXTS[0], TEXTS[1]])), ("noting", letters([*TEXTS[2:4], other]))]
    )
    al = align_resolutions(old, new)
    assert [al.old[i].path for i in al.removed] == ["recalling/b"]
    assert [al.new[j].path for j in al.added] == ["noting/c"]
