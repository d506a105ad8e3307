"""section_pairing: sections pair by where their clauses went, then by heading."""

from __future__ import annotations

from collections import Counter

from resdiff.model import Clause, Section, section_key
from resdiff.section_pairing import heading_similarity, pair_sections

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
