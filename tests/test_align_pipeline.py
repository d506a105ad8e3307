"""align_resolutions: every pass in order, over header, body, annexes and footnotes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from align_cases import mapping
from conftest import SHARED_DATA, real_files
from differ_cases import TEXTS, build, letters, numbers
from hypothesis import given, settings
from hypothesis import strategies as st

import resdiff
from resdiff.align import align_identical, align_resolutions
from resdiff.model import Resolution

#: Headings and clause texts drawn with repeats (repeated texts, empty labels, repeated
#: headings): where aligning a text with itself could go other than clause by clause.
_HEADINGS = ("considering", "resolves", "invites Member States", "annex/resolves")
_TEXTS = (*TEXTS[:4], "", TEXTS[0])
resolutions = st.builds(
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


def _with_itself(res: Resolution) -> tuple[Resolution, Resolution]:
    """One parse on both sides, as a tree diff of an identical pair has it."""
    return res, replace(res, source="other/" + (res.source or "x.txt"))


@settings(max_examples=150, deadline=None)
@given(resolutions)
def test_a_text_aligned_with_itself_is_what_the_passes_find(res: Resolution) -> None:
    old, new = _with_itself(res)
    assert align_identical(old, new) == align_resolutions(old, new)


#: Every real text: the ITU ones and their UN-layout copies.
REAL = real_files() + sorted((SHARED_DATA / "un-layout").glob("*.txt"))


@pytest.mark.parametrize("path", REAL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_real_text_aligned_with_itself_is_what_the_passes_find(path: Path) -> None:
    old, new = _with_itself(resdiff.parse(path.read_text("utf-8"), path.name))
    assert align_identical(old, new) == align_resolutions(old, new)


def test_real_texts_exist_for_the_identity_test() -> None:
    assert len(REAL) >= 57, "real texts missing: set RESDIFF_SHARED_DATA"


def test_footnotes_align_among_themselves() -> None:
    old = build([("considering", letters(TEXTS[:2]))], footnotes=[TEXTS[5], TEXTS[6]])
    new = build([("considering", letters(TEXTS[:2]))], footnotes=[TEXTS[6]])
    al = align_resolutions(old, new)
    assert [al.old[i].path for i in al.removed] == ["footnotes/1"]
    assert mapping(al)[("footnotes/2",)] == ("footnotes/1",)


def test_sub_clauses_are_aligned_too() -> None:
    old = build(
        [("resolves", [("1", "to do the following:", [("i)", TEXTS[0]), ("ii)", TEXTS[1])])])]
    )
    new = build(
        [
            (
                "resolves",
                [
                    (
                        "1",
                        "to do the following:",
                        [("i)", TEXTS[2]), ("ii)", TEXTS[0]), ("iii)", TEXTS[1])],
                    )
                ],
            )
        ]
    )
    al = align_resolutions(old, new)
    assert mapping(al)[("resolves/1/i",)] == ("resolves/1/ii",)
    assert mapping(al)[("resolves/1/ii",)] == ("resolves/1/iii",)
    assert [al.new[j].path for j in al.added] == ["resolves/1/i"]


def test_alignment_is_deterministic() -> None:
    old = build([("considering", letters(TEXTS[:8])), ("resolves", numbers(TEXTS[8:14]))])
    new = build([("considering", letters(TEXTS[2:10])), ("resolves", numbers(TEXTS[10:16]))])
    assert align_resolutions(old, new) == align_resolutions(old, new)


def test_threshold_out_of_range_is_refused() -> None:
    res = build([("considering", letters(TEXTS[:1]))])
    with pytest.raises(ValueError, match="threshold"):
        align_resolutions(res, res, threshold=0)
