"""diff_resolutions: the change list a drafter reads (kinds, flags, words, order, JSON)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SHARED_DATA, real_files
from differ_cases import TEXTS, build, letters, numbers
from hypothesis import given, settings
from hypothesis import strategies as st

import resdiff
from resdiff.changes import Change, Diff
from resdiff.differ import DEFAULT_THRESHOLD, diff_resolutions
from resdiff.errors import ResdiffError
from resdiff.model import Resolution


def brief(d: Diff) -> list[tuple[str, list[str], list[str]]]:
    """(kind, old paths, new paths) of every change, in the diff's order."""
    return [(c.kind, [r.path for r in c.old], [r.path for r in c.new]) for c in d.changes]


def only(d: Diff, path: str) -> Change:
    """The change whose new side holds ``path`` (its old side when nothing new has it)."""
    hits = [c for c in d.changes if path in [r.path for r in c.new]]
    hits = hits or [c for c in d.changes if path in [r.path for r in c.old]]
    assert len(hits) == 1, hits
    return hits[0]


BASE = [
    ("considering", letters(TEXTS[:5])),
    ("recalling", letters(TEXTS[5:8])),
    ("resolves", numbers(TEXTS[11:14])),
]


def test_same_text_has_no_changes_and_exit_status_zero() -> None:
    d = diff_resolutions(build(BASE), build(BASE))
    assert not d.differs
    assert {c.kind for c in d.changes} == {"unchanged"}
    assert d.summary["unchanged"] == 3 + 5 + 3 + 3
    assert d.to_json()["changes"] == []
    assert [s.kind for s in d.sections] == ["unchanged"] * 3


def test_library_entry_point_is_this_function() -> None:
    assert resdiff.diff(build(BASE), build(BASE)) == diff_resolutions(build(BASE), build(BASE))


def test_insertion_re_letters_following_clauses_as_unchanged_renumbered() -> None:
    new = [("considering", letters([TEXTS[0], TEXTS[16], *TEXTS[1:5]])), *BASE[1:]]
    d = diff_resolutions(build(BASE), build(new))
    added = only(d, "considering/b")
    assert added.kind == "added"
    assert added.words == (("+", TEXTS[16]),)
    shifted = only(d, "considering/f")
    assert shifted.kind == "unchanged"
    assert shifted.renumbered
    assert not shifted.moved
    assert shifted.old[0].label == "e)"
    assert shifted.new[0].label == "f)"
    assert d.summary == {
        "added": 1, "removed": 0, "amended": 0, "unchanged": 14,
        "split": 0, "merged": 0, "moved": 0, "renumbered": 4, "editorial": 0,
    }  # fmt: skip
    assert d.differs


def test_amended_clause_carries_word_ops_and_similarity() -> None:
    amended = TEXTS[2].replace("worldwide", "worldwide and regionally")
    new = [("considering", letters([*TEXTS[:2], amended, *TEXTS[3:5]])), *BASE[1:]]
    change = only(diff_resolutions(build(BASE), build(new)), "considering/c")
    assert change.kind == "amended"
    assert not change.editorial
    assert not change.renumbered
    assert ("+", " and regionally") in change.words
    assert change.old_text() == TEXTS[2]
    assert change.new_text() == amended
    assert DEFAULT_THRESHOLD <= change.similarity < 1.0
    assert change.mark == "MOD"


def test_removed_clause_is_listed_at_its_old_position() -> None:
    new = [("considering", letters([TEXTS[0], *TEXTS[2:5]])), *BASE[1:]]
    d = diff_resolutions(build(BASE), build(new))
    assert brief(d)[3:6] == [
        ("unchanged", ["considering/a"], ["considering/a"]),
        ("removed", ["considering/b"], []),
        ("unchanged", ["considering/c"], ["considering/b"]),
    ]
    removed = [c for c in d.changes if c.kind == "removed"]
    assert [c.words for c in removed] == [(("-", TEXTS[1]),)]


def test_changes_follow_the_new_text_order() -> None:
    new = [
        ("recognizing", letters([TEXTS[7], TEXTS[17]])),
        ("considering", letters(TEXTS[:5])),
        ("recalling", letters(TEXTS[5:7])),
        ("resolves", numbers(TEXTS[11:14])),
    ]
    d = diff_resolutions(build(BASE), build(new))
    paths = [c.new[0].path if c.new else "-" + c.old[0].path for c in d.changes]
    assert paths[:5] == [
        "header/number",
        "header/title",
        "header/formula",
        "recognizing/a",
        "recognizing/b",
    ]
    moved = only(d, "recognizing/a")
    assert moved.moved
    assert moved.renumbered
    assert moved.old[0].path == "recalling/c"
    assert [s.kind for s in d.sections] == ["added", "unchanged", "unchanged", "unchanged"]


def test_editorial_only_differences_are_marked_and_can_be_ignored() -> None:
    curly = TEXTS[0].replace("Internet", "Inter\u00adnet").replace("children", "children’s")
    straight = TEXTS[0].replace("children", "children's")
    old = build([("considering", letters([curly]))], title="ITU’s role")
    new = build([("considering", letters([straight]))], title="ITU's role")
    d = diff_resolutions(old, new)
    change = only(d, "considering/a")
    assert change.kind == "amended"
    assert change.editorial
    assert change.mark == "(MOD)"
    assert change.similarity == 1.0
    assert only(d, "header/title").editorial
    assert d.summary["editorial"] == 2

    quiet = diff_resolutions(old, new, ignore_editorial=True)
    change = only(quiet, "considering/a")
    assert change.kind == "unchanged"
    assert not change.editorial
    assert change.old_text() == curly
    assert change.new_text() == straight
    assert not quiet.differs


def test_case_of_the_number_line_is_editorial_but_a_new_conference_is_not() -> None:
    old = build(BASE, number="Resolution 179 (Rev. Dubai, 2018)")
    assert only(
        diff_resolutions(old, build(BASE, number="RESOLUTION 179 (REV. DUBAI, 2018)")),
        "header/number",
    ).editorial
    bumped = only(
        diff_resolutions(old, build(BASE, number="RESOLUTION 179 (REV. BUSAN, 2014)")),
        "header/number",
    )
    assert bumped.kind == "amended"
    assert not bumped.editorial


def test_split_and_merge_are_single_changes() -> None:
    a = "to encourage Member States to join the working group on child online protection;"
    b = "to share best practices with all stakeholders in their respective regions;"
    joined = a.rstrip(";") + " and " + b
    one = build([("resolves", numbers([TEXTS[11], joined, TEXTS[12]]))])
    two = build([("resolves", numbers([TEXTS[11], a, b, TEXTS[12]]))])

    split = only(diff_resolutions(one, two), "resolves/2")
    assert split.kind == "split"
    assert [r.path for r in split.new] == ["resolves/2", "resolves/3"]
    assert split.old_text() == joined
    assert split.new_text() == a + " " + b

    merged = only(diff_resolutions(two, one), "resolves/2")
    assert merged.kind == "merged"
    assert [r.path for r in merged.old] == ["resolves/2", "resolves/3"]
    assert diff_resolutions(two, one).summary["merged"] == 1


def test_sections_renamed_added_removed() -> None:
    old = build(
        [*BASE, ("requests the Council", [(None, TEXTS[14])]), ("noting", letters([TEXTS[16]]))]
    )
    new = build(
        [
            *BASE,
            ("requests the ITU Council", numbers([TEXTS[14], TEXTS[15]])),
            ("urges", [(None, TEXTS[17])]),
        ]
    )
    d = diff_resolutions(old, new)
    assert [(s.kind, s.old, s.new) for s in d.sections][3:] == [
        ("renamed", "requests the Council", "requests the ITU Council"),
        ("removed", "noting", None),
        ("added", None, "urges"),
    ]
    kept = only(d, "requests-the-itu-council/1")
    assert kept.kind == "unchanged"
    assert not kept.moved
    assert kept.renumbered


def test_footnotes_are_diffed() -> None:
    old = build(BASE, footnotes=["These include the least developed countries."])
    new = build(
        BASE, footnotes=["These include the least developed countries and small island states."]
    )
    change = only(diff_resolutions(old, new), "footnotes/1")
    assert change.kind == "amended"


def test_higher_threshold_turns_a_distant_pair_into_removed_and_added() -> None:
    text = TEXTS[13].replace("teachers, industry", "guardians, educators")
    moved_away = [*BASE[:2], ("resolves", numbers(TEXTS[11:13])), ("invites", numbers([text]))]
    loose = diff_resolutions(build(BASE), build(moved_away), threshold=0.5)
    assert only(loose, "invites/1").kind == "amended"
    assert only(loose, "invites/1").moved
    strict = diff_resolutions(build(BASE), build(moved_away), threshold=0.95)
    assert only(strict, "invites/1").kind == "added"
    assert strict.options["threshold"] == 0.95


@pytest.mark.parametrize("bad", [0, -0.1, 1.5, float("nan")])
def test_threshold_outside_zero_one_is_a_resdiff_error(bad: float) -> None:
    with pytest.raises(ResdiffError, match="threshold"):
        diff_resolutions(build(BASE), build(BASE), threshold=bad)


def test_json_follows_the_contract_and_is_byte_identical_across_runs() -> None:
    new = [("considering", letters([TEXTS[0], TEXTS[16], *TEXTS[1:4]])), *BASE[1:]]
    first = json.dumps(diff_resolutions(build(BASE), build(new)).to_json(), sort_keys=True)
    second = json.dumps(diff_resolutions(build(BASE), build(new)).to_json(), sort_keys=True)
    assert first == second
    doc = json.loads(first)
    assert doc["schema"] == "resdiff/diff/v1"
    assert doc["old"] == {
        "source": None,
        "number": "RESOLUTION 1 (TEST, 2020)",
        "title": "A test resolution",
    }
    for change in doc["changes"]:
        assert set(change) == {
            "kind",
            "old",
            "new",
            "moved",
            "renumbered",
            "editorial",
            "similarity",
            "words",
        }
        for ref in change["old"] + change["new"]:
            assert set(ref) == {"path", "label", "section", "text"}


#: Headings and clause texts drawn with repeats (repeated texts, empty clauses, repeated
#: headings, annexes): where a text aligned with itself could go other than in place.
_HEADINGS = ("considering", "resolves", "invites Member States", "annex/resolves")
_TEXTS = (*TEXTS[:4], "", TEXTS[0])
generated = st.builds(
    lambda sections, notes: build(sections, footnotes=notes),
    st.lists(
        st.tuples(
            st.sampled_from(_HEADINGS),
            st.lists(st.sampled_from(_TEXTS), min_size=1, max_size=5).map(numbers),
        ),
        min_size=1,
        max_size=4,
    ),
    st.lists(st.sampled_from(TEXTS[4:7]), max_size=2),
)
#: Every real text: the ITU ones and their UN-layout copies.
REAL = real_files() + sorted((SHARED_DATA / "un-layout").glob("*.txt"))


def _check_itself(res: Resolution, monkeypatch: pytest.MonkeyPatch) -> None:
    """One parse on both sides (an identical pair of a tree) skips alignment and word
    diffs: the diff, and its JSON, must be those of the full comparison."""
    import resdiff.differ as differ

    other = replace(res, source="new/" + (res.source or "x.txt"))
    quick = diff_resolutions(res, other, ignore_editorial=True)
    with monkeypatch.context() as patch:
        patch.setattr(differ, "_same_clauses", lambda _old, _new: False)
        full = diff_resolutions(res, other, ignore_editorial=True)
    assert quick == full
    assert quick.options == full.options
    for show_all in (False, True):
        assert quick.to_json(show_all) == full.to_json(show_all)
    assert quick.summary["unchanged"] == len(list(res.clauses()))
    assert not quick.differs


@settings(max_examples=150, deadline=None)
@given(generated)
def test_a_generated_text_with_itself_gives_the_diff_the_passes_give(res: Resolution) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _check_itself(res, monkeypatch)


@pytest.mark.parametrize("path", REAL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_real_text_with_itself_gives_the_diff_the_passes_give(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _check_itself(resdiff.parse(path.read_text("utf-8"), path.name), monkeypatch)


def test_real_texts_exist_for_the_identity_test() -> None:
    assert len(REAL) >= 57, f"real texts missing from {SHARED_DATA}: set RESDIFF_SHARED_DATA"


def test_the_outlines_list_every_clause_path_in_document_order(
    seed_text: str, res179_2018_text: str
) -> None:
    """Made from the alignment's sides, the outlines are each text's clauses() walked."""
    old, new = resdiff.parse(seed_text), resdiff.parse(res179_2018_text)
    diff = resdiff.diff(old, new)
    assert diff.outlines is not None
    assert diff.outlines[0].order == tuple(c.path for c in old.clauses())
    assert diff.outlines[1].order == tuple(c.path for c in new.clauses())
    assert len(diff.outlines[1].order) > 90


def test_a_text_diffed_with_itself_has_both_outlines(res179_2018_text: str) -> None:
    one = resdiff.parse(res179_2018_text)
    other = resdiff.parse(res179_2018_text)
    diff = resdiff.diff(one, other)
    expected = tuple(c.path for c in one.clauses())
    assert diff.outlines is not None
    assert diff.outlines[0].order == diff.outlines[1].order == expected
    assert diff.outlines[0].annexes == diff.outlines[1].annexes
