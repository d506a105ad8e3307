"""The merge package's small parts: labels in a section's style, the revision a number line
names, conflict markers, the per-side outcome table, and ``resdiff.merge`` itself."""

from __future__ import annotations

import pytest

import resdiff
from resdiff.errors import InputError
from resdiff.merge import Anchor, side_outcomes
from resdiff.merge.markers import check_no_markers, conflict_block
from resdiff.merge.rebase import drafted_on
from resdiff.merge.relabel import label_for, letters, style_of

BASE = """RESOLUTION 1 (Dubai, 2018)

Test

The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),

considering

a) that alpha beta gamma delta epsilon is good;

b) that zeta eta theta iota kappa is better;

c) that lambda mu nu xi omicron is best;

resolves

1 to do the first thing with care;

2 to do the second thing with speed;
"""


def test_letters_follow_itu_after_z() -> None:
    assert [letters(n) for n in (1, 2, 26, 27, 28)] == ["a)", "b)", "z)", "aa)", "bb)"]
    assert label_for("numbers", 12) == "12"
    assert label_for("dotted", 12) == "12."  # a UN operative paragraph


@pytest.mark.parametrize(
    ("labels", "style"),
    [
        (["a)", "b)", "c)"], "letters"),
        (["1", "2"], "numbers"),
        (["1.", "2.", "3."], "dotted"),
        (["1.", "3."], None),
        (["a)", "c)"], None),  # a gap: labels kept as written
        (["1", "1bis", "2"], None),
        (["(a)", "(b)"], None),
        ([None, None], None),
        ([], None),
    ],
)
def test_style_of_a_section(labels: list[str | None], style: str | None) -> None:
    assert style_of(labels) == style


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ("RESOLUTION 179 (Guadalajara, 2010)", ("res-179", "guadalajara-2010")),
        ("RESOLUTION 179 (REV. DUBAI, 2018)", ("res-179", "dubai-2018")),
        ("DECISION 5 (Rev. Busan, 2014)", ("dec-5", "busan-2014")),
        ("RECOMMENDATION 7 (Rev. Buenos Aires, 2017)", ("rec-7", "buenos-aires-2017")),
        ("RESOLUTION 179", None),
        (None, None),
    ],
)
def test_drafted_on_reads_the_number_line(line: str | None, named: object) -> None:
    assert drafted_on(line) == named


def test_markers_are_refused_with_their_line() -> None:
    check_no_markers("a) text ======= inside a line\n", "x.txt")
    with pytest.raises(InputError, match=r"^x\.txt:3: holds a conflict marker \(>>>>>>>\)"):
        check_no_markers("a\n\n>>>>>>> theirs\n", "x.txt")
    block = conflict_block(("o", "b", "t"), (["1 x"], [], ["1 y", "2 z"]))
    assert block == "<<<<<<< o\n1 x\n||||||| b\n=======\n1 y\n\n2 z\n>>>>>>> t"


def test_outcome_table_of_one_side() -> None:
    base = resdiff.parse(BASE, "base")
    side_text = BASE.replace("b) that zeta", "b) that a new clause is put here;\n\nc) that zeta")
    side_text = side_text.replace("c) that lambda", "d) that lambda").replace("speed", "haste")
    side_text = side_text.replace("1 to do the first thing with care;\n\n", "")
    side = resdiff.parse(side_text, "side")
    table = side_outcomes(base, side, "EUR")
    assert table.name == "EUR"
    assert table.outcome("considering/a").kind == "unchanged"
    assert table.outcome("considering/b").kind == "unchanged"
    assert [s.clause.path for s in table.outcome("considering/b").side] == ["considering/c"]
    assert table.outcome("resolves/1").kind == "removed"
    amended = table.outcome("resolves/2")
    assert amended.kind == "amended"
    assert amended.texts() == (("2", "to do the second thing with haste;"),)
    [(anchor, item)] = list(table.additions())
    assert anchor == Anchor("after", "considering/a")
    assert item.slot.clause.text == "that a new clause is put here;"
    assert table.sections["considering"].kind == "unchanged"


def test_resdiff_merge_is_callable_after_the_package_is_imported() -> None:
    import resdiff.merge.outcomes  # binds the package to the name resdiff.merge

    base = resdiff.parse(BASE, "base")
    ours = resdiff.parse(BASE.replace("with care", "with great care"), "ours")
    result = resdiff.merge(base, ours, base)
    assert result.clean
    assert result.text == ours.to_text()
    with pytest.raises(resdiff.errors.ResdiffError, match="favor"):
        resdiff.merge(base, ours, base, favor="mine")  # type: ignore[arg-type]


def test_small_merge_relabels_and_renames() -> None:
    base = resdiff.parse(BASE, "base")
    ours = resdiff.parse(
        BASE.replace("a) that alpha", "a) that a first new clause comes here;\n\nb) that alpha")
        .replace("b) that zeta", "c) that zeta")
        .replace("c) that lambda", "d) that lambda"),
        "ours",
    )
    theirs = resdiff.parse(
        BASE.replace("resolves\n", "resolves further\n").replace("best;", "best of all;"),
        "theirs",
    )
    result = resdiff.merge(base, ours, theirs)
    assert result.clean
    assert "d) that lambda mu nu xi omicron is best of all;" in result.text
    assert "\nresolves further\n" in result.text
    assert [(c.side, c.kind, c.base, c.merged) for c in result.changes] == [
        ("theirs", "renamed", ("resolves",), ("resolves-further",)),
        ("ours", "added", (), ("considering/a",)),
        ("theirs", "amended", ("considering/c",), ("considering/d",)),
    ]


def test_a_side_read_in_another_layout_is_merged_in_the_base_layout(seed_text: str) -> None:
    """Found by fuzzing: a UN-layout side merged onto an ITU base gave a merged text that
    read back differently (its number line and title were written apart, then joined)."""
    from conftest import SHARED_DATA

    un_text = (SHARED_DATA / "un-layout" / "res-2.un-layout.txt").read_text(encoding="utf-8")
    base = resdiff.parse(seed_text, "base")
    ours = resdiff.parse(un_text, "ours")
    assert (base.layout, ours.layout) == ("itu", "un")
    result = resdiff.merge(base, ours, base)
    assert result.clean
    assert result.resolution.layout == "itu"
    assert result.text == resdiff.parse(un_text, layout="itu").to_text()
    assert resdiff.parse(result.text).to_text() == result.text
