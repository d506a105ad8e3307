"""The compiled document's shared view: which provisions are shown, their names, and each
position's notes — the diff report's notes of the change behind it, worded for a
compilation (moved to / from, split into, now e), editorial)."""

from __future__ import annotations

import pytest
from compile_support import (
    CONSIDERING,
    RECALLING,
    RESOLVES,
    amend,
    base_text,
    examples_compilation,
    move,
    proposal,
    split,
)

from resdiff.merge import compile_proposals
from resdiff.render.compiled.view import EntryView, entries, summary_line, title


def notes(view: EntryView) -> list[tuple[str, str, str | None]]:
    return [(p.names, p.mark, p.note) for p in view.positions]


def test_touched_provisions_in_order_and_all_with_show_all() -> None:
    compilation = examples_compilation()
    assert [v.name for v in entries(compilation)] == [
        "new after considering c)",
        "considering d)",
        "recalling f)",
        "resolves 1",
        "instructs the Secretary-General 4",
    ]
    assert len(entries(compilation, show_all=True)) == len(compilation.entries) == 46
    assert title(compilation) == "Compilation of proposals on RESOLUTION 179 (Guadalajara, 2010)"
    assert summary_line(compilation) == "45 clauses; 5 touched, 1 agreed, 1 conflict"


@pytest.mark.usefixtures("shared_data")
def test_notes_of_a_move_a_split_an_editorial_change_and_re_lettering() -> None:
    compilation = compile_proposals(
        base_text(),
        [
            proposal("EUR", move(CONSIDERING, 2, RECALLING, 8)),
            proposal("APT", split(RESOLVES, 3, "in this area,")),
            proposal("CTL", amend(CONSIDERING, 3, "children's", "children’s")),
        ],
    )
    views = {v.name: v for v in entries(compilation)}
    assert notes(views["considering c)"]) == [
        ("EUR", "SUP*", "moved to recalling i)"),
        ("APT = CTL", "NOC", None),
    ]
    assert notes(views["new after recalling h)"]) == [("EUR", "ADD*", "moved from considering c)")]
    assert notes(views["considering d)"])[0] == ("CTL", "(MOD)", "editorial")
    assert notes(views["considering d)"])[1:] == [
        ("APT", "NOC", None),
        ("EUR", "NOC", "now considering c)"),
    ]
    assert notes(views["resolves 4"])[0] == ("APT", "MOD", "split into resolves 4 + resolves 5")
    assert views["considering c)"].positions[0].ops == (
        ("-", compilation.clauses["considering/c"].text),
    )


@pytest.mark.usefixtures("shared_data")
def test_the_real_2018_revision_as_a_proposal_on_2010() -> None:
    """Res 179 (Rev. Dubai, 2018) read as a proposal on the 2010 text: a new section,
    clauses moved into it from another section, a renamed one, footnotes added."""
    from conftest import RES_179_2018, SEED_PAGE

    import resdiff

    base = resdiff.parse(SEED_PAGE.read_text(encoding="utf-8"), "2010")
    dubai = resdiff.parse(RES_179_2018.read_text(encoding="utf-8"), "2018")
    views = entries(compile_proposals(base, [("DUBAI", dubai)]))
    names = [v.name for v in views]
    assert names[:4] == [
        "the number line",
        "the title",  # ITU’s → ITU's: editorial
        "the enacting formula",
        "new in recognizing, after the enacting formula",
    ]
    moved = next(v for v in views if v.name == "recalling i)")
    assert notes(moved) == [("DUBAI", "SUP*", "moved to recognizing c)")]
    arrived = [v for v in views if any(p.note == "moved from recalling i)" for p in v.positions)]
    assert [v.name for v in arrived] == ["new in recognizing, after the enacting formula"]
    assert "new in footnotes, after invites Sector Members ¶1" in names
