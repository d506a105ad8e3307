"""Applying ITU revision marks: the round trip on every real pair and on generated
revisions, and marks that do not fit their base refused with the clause and words."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT, SHARED_DATA
from differ_cases import build, letters
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from synthetic import Doc, revisions

import resdiff
from resdiff.itu_marks import MarksError
from resdiff.model import Resolution
from resdiff.render import RenderOptions, render

sys.path.insert(0, str(ROOT / "scripts"))
from output_manifest import real_pairs

PAIRS = real_pairs(SHARED_DATA) if (SHARED_DATA / "itu-pp").is_dir() else []


def clauses(res: Resolution) -> list[tuple[str, str | None, str]]:
    return [(c.path, c.label, c.text) for c in res.clauses()]


def itu(old: Resolution, new: Resolution, show_all: bool = False) -> str:
    out = render(resdiff.diff(old, new), "itu", RenderOptions(show_all=show_all))
    assert isinstance(out, str)
    return out


@pytest.mark.usefixtures("shared_data")
@pytest.mark.parametrize(
    ("old_path", "new_path"), [pytest.param(*pair[1:], id=pair[0]) for pair in PAIRS]
)
def test_applying_the_marks_of_a_real_pair_gives_the_new_clauses(
    old_path: Path, new_path: Path
) -> None:
    old = resdiff.parse(old_path.read_text(encoding="utf-8"), old_path.name)
    new = resdiff.parse(new_path.read_text(encoding="utf-8"), new_path.name)
    assert clauses(resdiff.apply(old, itu(old, new))) == clauses(new)


@pytest.mark.usefixtures("shared_data")
def test_the_real_pairs_are_all_there() -> None:
    names = [p[0] for p in PAIRS]
    assert "res-179" in names
    assert "draft" in names
    assert sum(n.startswith("un:") for n in names) == 3
    assert sum(n.startswith("pp18:") for n in names) > 50


def test_marks_with_every_clause_listed_apply_too(
    res179_revisions: tuple[Resolution, Resolution],
) -> None:
    old, new = res179_revisions
    assert clauses(resdiff.apply(old, itu(old, new, show_all=True))) == clauses(new)


def test_the_result_is_canonical_text(res179_revisions: tuple[Resolution, Resolution]) -> None:
    old, new = res179_revisions
    assert resdiff.apply(old, itu(old, new)).to_text() == new.to_text()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revisions())
def test_applying_the_marks_of_a_generated_revision_gives_its_clauses(
    pair: tuple[Doc, Doc],
) -> None:
    old, new = pair[0].resolution(), pair[1].resolution()
    assert clauses(resdiff.apply(old, itu(old, new))) == clauses(new)


BASE = build(
    [
        ("considering", [("a)", "that children are online;"), ("b)", "that parents worry;")]),
        ("resolves", [("1", "to act;")]),
    ]
)


def marks_for(new_sections: list[tuple[str, list[tuple[str, str]]]]) -> str:
    return itu(BASE, build(new_sections))


def test_a_mod_whose_deleted_words_are_not_in_the_base_is_refused() -> None:
    marked = marks_for(
        [
            ("considering", [("a)", "that children are online;"), ("b)", "that parents care;")]),
            ("resolves", [("1", "to act;")]),
        ]
    ).replace("[-worry-]", "[-fret-]")
    with pytest.raises(MarksError, match=r"MOD considering b\).*'fret'.*not in the base"):
        resdiff.apply(BASE, marked)


def test_a_clause_the_base_does_not_have_is_refused() -> None:
    marked = marks_for(
        [
            ("considering", [("a)", "that children are online;"), ("b)", "that parents care;")]),
            ("resolves", [("1", "to act;")]),
        ]
    )
    other = build([("considering", [("a)", "that children are online;")])])
    with pytest.raises(MarksError, match=r"considering b\)"):
        resdiff.apply(other, marked)


def test_noc_text_that_differs_from_the_base_is_refused() -> None:
    new = build(
        [
            ("considering", [("a)", "that children are online;"), ("b)", "that parents care;")]),
            ("resolves", [("1", "to act;")]),
        ]
    )
    marked = itu(BASE, new, show_all=True).replace("that children are online;", "that kids are;")
    with pytest.raises(MarksError, match=r"NOC considering a\)"):
        resdiff.apply(BASE, marked)


def test_literal_marker_characters_in_a_clause_are_read_against_the_base() -> None:
    old = build([("considering", [("a)", "that a[-b-]c holds;")])])
    new = build([("considering", [("a)", "that a[-b-]c holds firmly;")])])
    assert clauses(resdiff.apply(old, itu(old, new))) == clauses(new)


def test_a_hand_written_proposal_without_the_header_block_applies() -> None:
    marked = (
        "MOD\tconsidering b)\nb)\tthat parents [-worry-]{+and educators care+};\n\n"
        "ADD\tconsidering c)\nc)\t{+that schools teach online safety;+}\n\n"
        "SUP\tresolves 1\n1\t[-to act;-]\n\n"
        "ADD\tresolves 1\n1\t{+to act together;+}\n"
    )
    result = resdiff.apply(BASE, marked)
    assert clauses(result)[3:] == [
        ("considering/a", "a)", "that children are online;"),
        ("considering/b", "b)", "that parents and educators care;"),
        ("considering/c", "c)", "that schools teach online safety;"),
        ("resolves/1", "1", "to act together;"),
    ]


def test_a_suppressed_section_whose_clauses_are_kept_is_refused() -> None:
    marked = (
        "SUP\theading [-considering-]\n\nSUP\tconsidering a)\na)\t[-that children are online;-]\n"
    )
    with pytest.raises(MarksError, match=r"considering b\): its section is suppressed"):
        resdiff.apply(BASE, marked)


def test_marks_of_an_unchanged_text_give_the_base() -> None:
    assert clauses(resdiff.apply(BASE, itu(BASE, BASE))) == clauses(BASE)


SENTENCES = (
    "Member States are invited to contribute to the child online protection initiative.",
    "The Council shall review the implementation of this resolution every year.",
    "Sector Members may submit contributions on emergency telecommunications.",
    "Regional offices will organize workshops on accessibility for persons with disabilities.",
    "The Secretary-General shall report on the financial plan to the next conference.",
    "Developing countries should receive assistance in building national capacity.",
    "Study groups are encouraged to cooperate on numbering resources for help lines.",
    "The Bureau will publish guidelines for industry and for policy-makers.",
)


@st.composite
def unlabelled_revisions(draw: st.DrawFn) -> tuple[str, str]:
    """Old and new texts whose operative section is made of unlabelled paragraphs:
    paragraphs inserted, deleted and amended, so their numbers (``¶2``) shift."""
    pool = list(draw(st.permutations(SENTENCES)))
    old = [pool.pop() for _ in range(draw(st.integers(1, 4)))]
    new = list(old)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["insert", "delete", "amend"]))
        if op == "insert" and pool:
            new.insert(draw(st.integers(0, len(new))), pool.pop())
        elif op == "delete" and len(new) > 1:
            new.pop(draw(st.integers(0, len(new) - 1)))
        elif op == "amend" and new:
            k = draw(st.integers(0, len(new) - 1))
            new[k] = new[k].replace(" the ", " the relevant ", 1).replace(" on ", " notably on ", 1)

    def text(paras: list[str]) -> str:
        head = [
            "RESOLUTION 1 (TEST, 2020)",
            "A test resolution",
            "The Conference (Test, 2020),",
            "considering",
            "a) that children are online;",
            "requests the Council",
        ]
        return "\n\n".join(head + paras) + "\n"

    return text(old), text(new)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unlabelled_revisions())
def test_unlabelled_paragraphs_come_back_in_place(pair: tuple[str, str]) -> None:
    old, new = resdiff.parse(pair[0]), resdiff.parse(pair[1])
    assert clauses(resdiff.apply(old, itu(old, new))) == clauses(new)


def test_a_clause_moved_out_of_an_emptied_section_and_split() -> None:
    """Found by Hypothesis (the generated round trip above): considering's only clause moves
    to the end section, split in two, and considering goes. The diff reads it as considering
    renamed noting (and the old noting removed); only the heading marks' order says that the
    renamed section now stands last, where the removed one stood."""
    t0 = (
        "the importance of emergency telecommunications for disaster relief and humanitarian"
        " assistance operations in remote regions;"
    )
    t1, t2, t3, t4, t5, t6 = (
        "that satellite orbits are limited natural resources;",
        "to assist developing countries with spectrum pricing;",
        "to allocate a telephone number on a regional basis;",
        "to develop information and awareness campaigns;",
        "to bring this resolution to the attention of other members;",
        "to submit a progress report to the next plenipotentiary conference;",
    )
    old = build(
        [
            ("considering", letters([t0])),
            ("recalling", letters([t1])),
            ("recognizing", letters([t2, t3, t4, t5])),
            ("noting", letters([t6])),
        ]
    )
    first = "the importance of emergency telecommunications;"
    second = "for disaster relief and humanitarian assistance operations in remote regions;"
    new = build(
        [
            ("recalling", letters([t1])),
            ("recognizing", letters([t2, t3, t4, t5])),
            ("noting", letters([first, second, t6])),
        ]
    )
    assert clauses(resdiff.apply(old, itu(old, new))) == clauses(new)


def test_a_renamed_section_that_now_stands_first_comes_back_first() -> None:
    """Found by Hypothesis (the generated round trip above): considering's clause goes,
    recognizing's clause now stands under the first heading. The diff reads recognizing as
    renamed considering; only the unchanged recalling, listed for its place (``NOC
    heading``), says that the renamed section now stands before it."""
    a, b, c = (
        "that the Internet is a platform for education;",
        "that children are active online;",
        "the growing spread of access to ICTs worldwide;",
    )
    old = build(
        [("considering", letters([a])), ("recalling", letters([b])), ("recognizing", letters([c]))]
    )
    new = build([("considering", letters([c])), ("recalling", letters([b]))])
    marks = itu(old, new)
    assert "MOD\theading [-recognizing-]{+considering+}\nNOC\theading recalling\n" in marks
    assert clauses(resdiff.apply(old, marks)) == clauses(new)


def test_an_added_section_after_an_unmarked_section_comes_back_after_it() -> None:
    """Found by Hypothesis: the diff reads the new recalling (one clause moved in) as added
    and the old recalling as renamed noting. No clause block stands in considering, so
    only its heading, listed before the added one, says that recalling comes after it."""
    t0, t1, t2, t3, t4, t5 = (
        "the importance of emergency telecommunications for disaster relief;",
        "that satellite orbits are limited natural resources;",
        "to assist developing countries with spectrum pricing;",
        "to allocate a telephone number on a regional basis;",
        "to develop information and awareness campaigns;",
        "to bring this resolution to the attention of other members;",
    )
    old = build(
        [
            ("considering", letters([t0])),
            ("recalling", letters([t1, t2, t3])),
            ("recognizing", letters([t4])),
            ("noting", letters([t5])),
        ]
    )
    new = build(
        [
            ("considering", letters([t0])),
            ("recalling", letters([t3])),
            ("recognizing", letters([t4])),
            ("noting", letters([t2, t1, t5])),
        ]
    )
    marks = itu(old, new)
    assert "NOC\theading considering\nADD\theading {+recalling+}\n" in marks
    assert clauses(resdiff.apply(old, marks)) == clauses(new)


def test_heading_marks_written_by_hand_reorder_the_sections() -> None:
    marked = "NOC\theading resolves\nNOC\theading considering\n"
    result = resdiff.apply(BASE, marked)
    assert [c.path for c in result.clauses()][3:] == [
        "resolves/1",
        "considering/a",
        "considering/b",
    ]


def test_a_noc_heading_the_base_does_not_have_is_refused() -> None:
    with pytest.raises(MarksError, match=r"line 1: NOC heading 'noting': the base has no such"):
        resdiff.apply(BASE, "NOC\theading noting\n")
