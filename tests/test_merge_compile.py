"""The compilation of many proposals on the real Res 179 (Rev. Dubai, 2018): agreements,
both conflict kinds, and every outcome (NOC, MOD, (MOD), SUP, SUP*/ADD*, split, ADD)."""

from __future__ import annotations

import pytest
from compile_support import (
    CONSIDERING,
    RAISE,
    RECALLING,
    RESOLVES,
    amend,
    base_text,
    insert,
    move,
    proposal,
    remove,
    split,
)

from resdiff.errors import InputError
from resdiff.merge import Compilation, Entry, compile_proposals

BROAD = amend(RESOLVES, 0, RAISE, "raise broad awareness")
PUBLIC = amend(RESOLVES, 0, RAISE, "raise public awareness")
NEW_RECITAL = "that children with disabilities may need specific measures to protect them online;"


def entry(result: Compilation, path: str) -> Entry:
    found = [e for e in result.entries if e.base == (path,)]
    assert len(found) == 1, path
    return found[0]


def arrivals(result: Compilation, after: str) -> list[Entry]:
    return [e for e in result.entries if not e.base and e.after == after]


def positions(e: Entry) -> list[tuple[tuple[str, ...], str, str]]:
    return [(p.proposals, p.kind, p.mark) for p in e.positions]


@pytest.mark.usefixtures("shared_data")
def test_the_same_amendment_is_one_position_an_agreement() -> None:
    result = compile_proposals(
        base_text(), [proposal("EUR", BROAD), proposal("APT", BROAD), proposal("CTL")]
    )
    e = entry(result, "resolves/1")
    assert positions(e) == [(("APT", "EUR"), "amended", "MOD"), (("CTL",), "unchanged", "NOC")]
    assert e.agreed
    assert not e.conflict
    assert e.positions[0].text is not None
    assert "raise broad awareness" in e.positions[0].text
    assert ["+", "broad "] in [list(w) for w in e.positions[0].words]
    assert result.summary["agreed"] == 1
    assert result.summary["conflicts"] == 0
    assert result.summary["by_proposal"] == {
        "EUR": {"MOD": 1, "ADD": 0, "SUP": 0},
        "APT": {"MOD": 1, "ADD": 0, "SUP": 0},
        "CTL": {"MOD": 0, "ADD": 0, "SUP": 0},
    }


@pytest.mark.usefixtures("shared_data")
def test_two_amendments_of_one_clause_conflict() -> None:
    result = compile_proposals(
        base_text(), [proposal("EUR", BROAD), proposal("APT", PUBLIC), proposal("CTL")]
    )
    e = entry(result, "resolves/1")
    assert e.conflict
    assert not e.agreed
    assert positions(e) == [
        (("APT",), "amended", "MOD"),
        (("EUR",), "amended", "MOD"),
        (("CTL",), "unchanged", "NOC"),
    ]
    assert result.conflicts == (e,)


@pytest.mark.usefixtures("shared_data")
def test_an_amendment_against_a_removal_conflicts() -> None:
    result = compile_proposals(
        base_text(), [proposal("EUR", BROAD), proposal("APT", remove(RESOLVES, 0))]
    )
    e = entry(result, "resolves/1")
    assert e.conflict
    removed = next(p for p in e.positions if p.kind == "removed")
    assert (removed.mark, removed.text, removed.paths) == ("SUP", None, ())
    assert result.summary["by_proposal"]["APT"] == {"MOD": 0, "ADD": 0, "SUP": 1}


@pytest.mark.usefixtures("shared_data")
def test_one_proposal_changing_a_clause_alone_is_no_conflict() -> None:
    result = compile_proposals(base_text(), [proposal("EUR", BROAD), proposal("APT")])
    assert not result.conflicts
    assert entry(result, "resolves/1").touched
    assert result.summary["touched"] == 1
    assert result.summary["agreed"] == 0


@pytest.mark.usefixtures("shared_data")
def test_different_additions_at_one_place_conflict() -> None:
    result = compile_proposals(
        base_text(),
        [
            proposal("EUR", insert(CONSIDERING, 3, NEW_RECITAL)),
            proposal(
                "APT",
                insert(CONSIDERING, 3, "that online games are where children meet strangers;"),
            ),
        ],
    )
    [added] = arrivals(result, "considering/c")
    assert added.conflict
    assert added.section == "considering"
    assert positions(added) == [(("APT",), "added", "ADD"), (("EUR",), "added", "ADD")]
    assert added.positions[1].paths == ("considering/d",)
    assert added.positions[1].text == NEW_RECITAL
    # The clauses after the insertion are re-lettered, not changed: NOC at new paths.
    after = entry(result, "considering/d")
    assert positions(after) == [(("APT", "EUR"), "unchanged", "NOC")]
    assert after.positions[0].paths == ("considering/e",)
    assert result.summary["by_proposal"]["EUR"] == {"MOD": 0, "ADD": 1, "SUP": 0}


@pytest.mark.usefixtures("shared_data")
def test_identical_additions_share_a_position_and_other_places_do_not_conflict() -> None:
    result = compile_proposals(
        base_text(),
        [
            proposal("EUR", insert(CONSIDERING, 3, NEW_RECITAL)),
            proposal("APT", insert(CONSIDERING, 3, NEW_RECITAL)),
            proposal("CTL", insert(CONSIDERING, 5, NEW_RECITAL)),
        ],
    )
    assert positions(arrivals(result, "considering/c")[0]) == [(("APT", "EUR"), "added", "ADD")]
    assert positions(arrivals(result, "considering/e")[0]) == [(("CTL",), "added", "ADD")]
    assert not result.conflicts
    assert result.summary["agreed"] == 1


@pytest.mark.usefixtures("shared_data")
def test_a_move_is_sup_star_where_it_left_and_add_star_where_it_lands() -> None:
    result = compile_proposals(
        base_text(),
        [proposal("EUR", move(CONSIDERING, 2, RECALLING, 8)), proposal("APT")],
    )
    left = entry(result, "considering/c")
    assert positions(left) == [(("EUR",), "moved", "SUP*"), (("APT",), "unchanged", "NOC")]
    assert not left.conflict
    [landed] = arrivals(result, "recalling/h")
    assert positions(landed) == [(("EUR",), "moved", "ADD*")]
    assert landed.positions[0].paths == left.positions[0].paths == ("recalling/i",)
    assert landed.section == "recalling"
    assert result.summary["by_proposal"]["EUR"] == {"MOD": 1, "ADD": 0, "SUP": 0}


@pytest.mark.usefixtures("shared_data")
def test_moves_to_different_places_conflict() -> None:
    result = compile_proposals(
        base_text(),
        [
            proposal("EUR", move(CONSIDERING, 2, RECALLING, 8)),
            proposal("APT", move(CONSIDERING, 2, RECALLING, 0)),
        ],
    )
    assert entry(result, "considering/c").conflict


@pytest.mark.usefixtures("shared_data")
def test_a_split_and_an_editorial_change() -> None:
    result = compile_proposals(
        base_text(),
        [
            proposal("EUR", split(RESOLVES, 3, "in this area,")),
            proposal("APT", amend(CONSIDERING, 3, "children's", "children’s")),
        ],
    )
    e = entry(result, "resolves/4")
    assert positions(e)[0] == (("EUR",), "split", "MOD")
    assert e.positions[0].paths == ("resolves/4", "resolves/5")
    editorial = entry(result, "considering/d")
    assert positions(editorial)[0] == (("APT",), "amended", "(MOD)")
    assert not result.conflicts


@pytest.mark.usefixtures("shared_data")
def test_words_rebuild_the_base_and_the_proposal_text() -> None:
    base = base_text()
    result = compile_proposals(base, [proposal("EUR", BROAD, split(RESOLVES, 3, "in this area,"))])
    for e in result.entries:
        for p in e.positions:
            if p.words:
                assert "".join(t for op, t in p.words if op != "+") == " ".join(
                    base.clause(path).text for path in e.base
                )
                assert "".join(t for op, t in p.words if op != "-") == p.text


@pytest.mark.usefixtures("shared_data")
def test_json_document_has_the_contract_shape() -> None:
    doc = compile_proposals(base_text(), [proposal("EUR", BROAD), proposal("APT")]).to_json()
    assert list(doc) == ["schema", "base", "proposals", "summary", "entries"]
    assert doc["schema"] == "resdiff/compilation/v1"
    assert doc["base"]["number"] == "RESOLUTION 179 (REV. DUBAI, 2018)"
    assert doc["proposals"] == [
        {"name": "EUR", "source": "EUR.txt"},
        {"name": "APT", "source": "APT.txt"},
    ]
    assert list(doc["summary"]) == ["clauses", "touched", "agreed", "conflicts", "by_proposal"]
    e = next(e for e in doc["entries"] if e["base"] == ["resolves/1"])
    assert list(e) == ["base", "section", "after", "conflict", "positions"]
    assert list(e["positions"][0]) == ["proposals", "kind", "mark", "paths", "text", "words"]
    assert list(e["positions"][1]) == ["proposals", "kind", "mark", "paths", "text"]


@pytest.mark.usefixtures("shared_data")
def test_names_must_be_unique_and_a_proposal_given() -> None:
    with pytest.raises(InputError, match="two proposals are named 'EUR'"):
        compile_proposals(base_text(), [proposal("EUR"), proposal("EUR", BROAD)])
    with pytest.raises(InputError, match="no proposal"):
        compile_proposals(base_text(), [])
