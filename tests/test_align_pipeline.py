"""align_resolutions: every pass in order, over header, body, annexes and footnotes."""

from __future__ import annotations

import pytest
from align_cases import mapping
from differ_cases import TEXTS, build, letters, numbers

from resdiff.align import align_resolutions


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
