"""The plain redline (``--format text``): exact output for a diff and a tree diff."""

from __future__ import annotations

import re

from conftest import check_golden
from hypothesis import given, settings
from hypothesis import strategies as st
from render_cases import (
    ADDED,
    KEPT,
    SAME,
    SAMPLE,
    TREE,
    added_clause_diff,
    ref,
    render,
)

from resdiff.changes import Change, Diff
from resdiff.render import RenderOptions
from resdiff.render.text import PLAIN, redline
from resdiff.render.wording import summary_line

EXPECTED = """\
--- res-179-2010.txt  RESOLUTION 179 (Guadalajara, 2010)
+++ res-179-2018.txt  RESOLUTION 179 (REV. DUBAI, 2018)

sections:
  added: recognizing
  renamed: requests the Council → requests the ITU Council

header/title  amended, editorial
  ITU[-'-]{+’+}s role in child online protection

recognizing/c  c)  amended, moved from recalling i)
  Resolution 67 ([-Hyderabad, 2010-]{+Rev. Buenos Aires, 2017+}) of WTDC;

considering/e  e)  added
  {+that protection must *empower* the child;+}

considering/f  f)  amended, was e)
  that parents, guardians[- and educators-]{+, educators and communities+} act;

considering/g  g)  re-lettered, was f)
  that children are online;

recalling/c  c)  removed
  [-the <b>2009</b> Call for Action | year;-]

resolves/1 + resolves/2  1 + 2  split from resolves 1
  to promote safety[- and-]{+; 2+} to share practice;

requests-the-itu-council/#1  merged from requests the Council ¶1 + requests the Council ¶2
  to consider the report[-; to-]{+ and+} act on it;

summary: 1 added, 1 removed, 3 amended, 1 split, 1 merged; 1 moved, 3 re-lettered, \
1 editorial; 2 unchanged; sections: 1 added, 1 renamed
"""


def test_redline_of_every_kind() -> None:
    assert render(SAMPLE, "text") == EXPECTED


def test_unchanged_clauses_and_sections_only_with_all() -> None:
    out = render(SAMPLE, "text", RenderOptions(show_all=True))
    assert "considering/a  a)  unchanged\n  that the Internet plays a role;\n" in out
    assert "  unchanged: considering\n" in out
    assert "considering/a" not in render(SAMPLE, "text")


def test_colour_is_never_used_in_text() -> None:
    assert render(SAMPLE, "text", RenderOptions(color=True)) == EXPECTED


def test_no_differences() -> None:
    assert render(SAME, "text").endswith("\nsummary: no differences (1 clause unchanged)\n")


def test_tree_is_one_line_per_resolution() -> None:
    assert render(TREE, "text") == (
        "--- pp-2010\n"
        "+++ pp-2018\n"
        "\n"
        "NOC  itu-pp/res-1.txt  no differences (1 clause unchanged)\n"
        f"MOD  itu-pp/res-179.txt  {summary_line(SAMPLE)}\n"
        "ADD  itu-pp/res-200.txt  new resolution\n"
        "SUP  itu-pp/res-99.txt  suppressed\n"
        "\n"
        "summary: 4 resolutions: 1 added (ADD), 1 removed (SUP), 1 modified (MOD),"
        " 1 unchanged (NOC)\n"
    )


def test_control_characters_in_text_are_made_visible() -> None:
    out = render(added_clause_diff("bad\x1b[2Jtext\u202e"), "text")
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "{+bad\\x1b[2Jtext\\u202e+}" in out


def test_change_without_word_ops_falls_back_to_its_texts() -> None:
    bare = Change(kind="amended", old=KEPT.old, new=ADDED.new, words=())
    heading, line = render(Diff(SAMPLE.old, SAMPLE.new, (), (bare,)), "text").split("\n")[3:5]
    assert heading == "considering/e  e)  amended"
    assert line == (
        "  [-that the Internet plays a role;-]{+that protection must *empower* the child;+}"
    )


_PLAIN = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs"),
        blacklist_characters="[]{}-+\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["=", "-", "+"]), _PLAIN), min_size=1, max_size=8))
def test_redline_markers_rebuild_both_texts(ops: list[tuple[str, str]]) -> None:
    words = tuple((op, text) for op, text in ops)
    old = "".join(t for op, t in words if op != "+")
    new = "".join(t for op, t in words if op != "-")
    change = Change(
        kind="amended",
        old=(ref("considering/a", "a)", "considering", old),),
        new=(ref("considering/a", "a)", "considering", new),),
        words=words,  # type: ignore[arg-type]
    )
    line = redline(change, PLAIN)
    assert (
        re.sub(r"\{\+(.*?)\+\}", "", re.sub(r"\[-(.*?)-\]", r"\1", line, flags=re.S), flags=re.S)
        == old
    )
    assert (
        re.sub(r"\[-(.*?)-\]", "", re.sub(r"\{\+(.*?)\+\}", r"\1", line, flags=re.S), flags=re.S)
        == new
    )


def test_res179_pair_golden(res179_changes: Diff) -> None:
    """The real pair as a drafter reads it (reviewed by eye against both texts)."""
    check_golden("render/res-179-2010-2018.txt", render(res179_changes, "text"))
