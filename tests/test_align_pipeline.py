"""align_resolutions: every pass in order, over header, body, annexes and footnotes."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace

import pytest
from align_cases import mapping
from conftest import ITU_PP, SHARED_DATA, real_files
from differ_cases import TEXTS, build, letters, numbers
from hypothesis import HealthCheck, given, settings
from synthetic import ALL_EDITS, Doc, revisions

from resdiff.align import Alignment, align_resolutions
from resdiff.align.sides import Side
from resdiff.align.state import AlignState
from resdiff.model import Resolution
from resdiff.parsing import parse_text


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


# -- the shortcuts change nothing ---------------------------------------------------------
# Each pass skips work it can prove idle (keys that cannot be equal, clauses that cannot
# grow, sections whose flow did not change, pairs already in order, texts met once, gaps
# sharing no subject). With every shortcut turned off, each pass does the whole of its
# plain rule: the alignment must be the same, on generated revisions and on every real
# pair.


def _aligned_plainly(old: Resolution, new: Resolution) -> Alignment:
    """``align_resolutions`` with every shortcut turned off."""
    from resdiff.align import exact, grow, in_place, order, pipeline

    plain_side = pipeline.build_side
    plain_map = pipeline.map_sections

    def every_text(res: Resolution, encode: Callable[[str], str]) -> Side:
        side = plain_side(res, encode)
        return replace(side, repeated=[i for i, c in enumerate(side.clauses) if c.text])

    def afresh(state: AlignState) -> None:  # the flow counted anew, the map made anew
        state.section_memo = None
        state._flow = None
        plain_map(state)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(exact, "_signature", lambda *_: b"")  # every key computed
        patch.setattr(grow._Grower, "_growable", lambda self, *_: list(self.one_dom))
        patch.setattr(order, "_in_order", lambda *_: False)
        patch.setattr(in_place, "_may_pair", lambda *_: True)
        patch.setattr(pipeline, "build_side", every_text)
        patch.setattr(pipeline, "map_sections", afresh)
        return align_resolutions(old, new)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revisions(ALL_EDITS))
def test_shortcuts_change_no_alignment_of_a_generated_revision(docs: tuple[Doc, Doc]) -> None:
    old, new = docs[0].resolution(), docs[1].resolution()
    assert align_resolutions(old, new) == _aligned_plainly(old, new)
    assert align_resolutions(new, old) == _aligned_plainly(new, old)


def test_shortcuts_change_no_alignment_of_a_real_pair() -> None:
    """The pairs the output manifest compares: the seed page and Res 179, each PP-18
    resolution and the next, each UN-layout text and its ITU original."""
    files = real_files()
    assert files, f"real texts not found at {ITU_PP} (set RESDIFF_SHARED_DATA)"
    pp18 = [path for path in files if path.parent.name == "2018-dubai"]
    pairs = [
        (ITU_PP / "2010-guadalajara" / "res-179.seed-page.txt", pp18[0].with_name("res-179.txt"))
    ]
    pairs += itertools.pairwise(pp18)
    for un in sorted((SHARED_DATA / "un-layout").glob("*.un-layout.txt")):
        pairs.append((pp18[0].with_name(un.name.replace(".un-layout", "")), un))
    for a, b in pairs:
        old, new = parse_text(a.read_text("utf-8")), parse_text(b.read_text("utf-8"))
        assert align_resolutions(old, new) == _aligned_plainly(old, new), f"{a.name} -> {b.name}"
