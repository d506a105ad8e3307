"""citation: two clauses opening by citing different instruments are two recitals."""

from __future__ import annotations

import pytest

from resdiff.align.citation import cites_other_instrument, leading_citation


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Resolution 37 (Rev. Buenos Aires, 2017) of WTDC, on bridging", "resolution 37"),
        ("that Resolution 77 (Rev. Dubai, 2018) of this conference", "resolution 77"),
        ("Resolution ITU-R 66 (Geneva, 2015) of the Radiocommunication", "resolution itu-r 66"),
        ("Recommendation ITU-T  D.53 of the ITU-T, on", "recommendation itu-t d.53"),
        ("the Decision 5 (Rev. Dubai, 2018) on revenue", "decision 5"),
        ("Resolutions 37 and 17 of WTDC", None),
        ("that the Union should hold Resolution 2 forums", None),
    ],
)
def test_leading_citation_names_the_instrument_a_clause_opens_with(
    text: str, cited: str | None
) -> None:
    assert leading_citation(text) == cited


def test_only_two_different_cited_instruments_make_two_recitals() -> None:
    r37 = "Resolution 37 (Rev. Buenos Aires, 2017) of WTDC, on bridging the digital divide;"
    assert cites_other_instrument(r37, "Resolution 17 (Rev. Buenos Aires, 2017) of WTDC;")
    assert not cites_other_instrument(r37, "Resolution 37 (Rev. Kigali, 2022) of WTDC;")
    # the same description: the citation updated to a successor instrument
    assert not cites_other_instrument(r37, r37.replace("37 (Rev. Buenos Aires", "17 (Kigali"))
    # nothing but boilerplate after the citation: the number is the recital
    assert cites_other_instrument(
        "Resolution 77 (Rev. Dubai, 2018) of this conference;",
        "Resolution 78 (Rev. Dubai, 2018) of this conference;",
    )
    assert not cites_other_instrument(r37, "that the digital divide persists;")
    assert not cites_other_instrument("that the digital divide persists;", r37)
