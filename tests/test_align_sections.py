"""sections: sections pair by where their clauses went, then by heading."""

from __future__ import annotations

from collections import Counter

from align_cases import moved
from differ_cases import TEXTS, build, letters, numbers

from resdiff.align import align_resolutions
from resdiff.align.sections import heading_similarity, pair_sections
from resdiff.model import Clause, Section, section_key

BDT = "instructs the Director of the Telecommunication Development Bureau"
TSB = "instructs the Director of the Telecommunication Standardization Bureau"


def sec(heading: str, n: int) -> Section:
    key = section_key(heading)
    clauses = tuple(Clause(f"{key}/{k}", None, "x", heading, 1, 1) for k in range(n))
    return Section(key, heading, clauses, 1, 1)


def test_content_wins_over_a_same_named_section() -> None:
    # 2010 "recognizing" is 2018 "recalling further"; 2018 "recognizing" is new
    old = [sec("recalling", 10), sec("recognizing", 5)]
    new = [sec("recognizing", 5), sec("recalling", 8), sec("recalling further", 4)]
    flow = Counter({("recalling", "recalling"): 6, ("recalling", "recognizing"): 2,
                    ("recognizing", "recalling-further"): 4})  # fmt: skip
    assert pair_sections(old, new, flow) == {
        "recalling": "recalling",
        "recognizing": "recalling-further",
    }


def test_same_heading_pairs_when_content_does_not_decide() -> None:
    old = [sec("considering", 3), sec("resolves", 2)]
    new = [sec("considering", 4), sec("resolves", 9)]
    assert pair_sections(old, new, Counter()) == {
        "considering": "considering",
        "resolves": "resolves",
    }


def test_reworded_heading_pairs_with_one_shared_clause() -> None:
    old = [sec("requests the Council", 1)]
    new = [sec("requests the ITU Council", 5)]
    assert pair_sections(
        old, new, Counter({("requests-the-council", "requests-the-itu-council"): 1})
    ) == {"requests-the-council": "requests-the-itu-council"}
    # nearly equal and both isolated: paired even without a shared clause
    assert pair_sections(old, new, Counter()) == {
        "requests-the-council": "requests-the-itu-council"
    }


def test_different_bureaux_are_not_one_section_renamed() -> None:
    assert 0.8 < heading_similarity(sec(BDT, 1), sec(TSB, 1)) < 0.9
    old = [sec("noting", 3), sec(BDT, 2)]
    new = [sec("noting", 2), sec("recalling", 3), sec(TSB, 2)]
    flow = Counter({("noting", "recalling"): 3})
    assert pair_sections(old, new, flow) == {"noting": "recalling"}
    flow[(section_key(BDT), section_key(TSB))] = 1
    assert pair_sections(old, new, flow)[section_key(BDT)] == section_key(TSB)


def test_a_single_moved_clause_does_not_rename_its_section() -> None:
    old = [sec("noting", 1), sec("considering", 4)]
    new = [sec("noting", 2), sec("considering", 4), sec("recognizing", 3)]
    flow = Counter({("noting", "recognizing"): 1, ("considering", "considering"): 4})
    assert pair_sections(old, new, flow)["noting"] == "noting"


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
