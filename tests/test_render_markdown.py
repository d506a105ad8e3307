"""The pull-request report (``--format markdown``): table, ~~deleted~~/**inserted**, escaping."""

from __future__ import annotations

import re

import pytest
from conftest import check_golden
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from render_cases import MERGED, SAME, SAMPLE, TREE, ref, render

from resdiff.changes import Change, Diff, WordOp
from resdiff.render import RenderOptions
from resdiff.render.markdown import escape, redline


def _change(*words: WordOp) -> Change:
    text = "".join(t for op, t in words if op != "-")
    return Change(
        kind="amended",
        old=(ref("considering/a", "a)", "considering", text),),
        new=(ref("considering/a", "a)", "considering", text),),
        words=words,
    )


def test_summary_table_counts_every_kind() -> None:
    out = render(SAMPLE, "markdown")
    assert out.startswith(
        "## resdiff: RESOLUTION 179 (Guadalajara, 2010) → RESOLUTION 179 (REV. DUBAI, 2018)\n"
    )
    assert (
        "| change | clauses |\n| --- | ---: |\n| added | 1 |\n| removed | 1 |\n| amended | 3 |\n"
        "| unchanged | 2 |\n| split | 1 |\n| merged | 1 |\n| moved | 1 |\n"
        "| re-lettered | 3 |\n| editorial | 1 |\n"
    ) in out
    assert "- renamed: requests the Council → requests the ITU Council\n" in out


def test_each_change_is_headed_and_redlined() -> None:
    out = render(SAMPLE, "markdown")
    assert (
        "### `considering/f` f) — amended, was e)\n\n"
        "that parents, guardians ~~and educators~~**, educators and communities** act;\n"
    ) in out
    assert (
        "### `recognizing/c` c) — amended, moved from recalling i)\n\n"
        "Resolution 67 (~~Hyderabad, 2010~~**Rev. Buenos Aires, 2017**) of WTDC;\n"
    ) in out
    assert (
        "### `considering/e` e) — added\n\n**that protection must \\*empower\\* the child;**\n"
        in out
    )
    assert out.endswith("\n")
    assert not out.endswith("\n\n")


def test_resolution_text_cannot_format_link_mention_or_inject_html() -> None:
    text = "<script>alert(1)</script> [x](http://e.vil) @team #12 *b* _i_ `c` | $m$ ~~s~~ &amp;"
    assert escape(text) == (
        "\\<script\\>alert(1)\\</script\\> \\[x\\](http://e.vil) \\@team \\#12 \\*b\\* \\_i\\_ "
        "\\`c\\` \\| \\$m\\$ \\~\\~s\\~\\~ \\&amp;"
    )
    out = render(SAMPLE, "markdown")
    assert "<b>" not in out
    assert "\\<b\\>2009\\</b\\>" in out
    assert "Call for Action \\| year" in out


def test_whitespace_moves_outside_the_delimiters() -> None:
    assert (
        redline(_change(("=", "a"), ("-", " b "), ("+", " c "), ("=", "d"))) == "a ~~b~~  **c** d"
    )


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # an opening delimiter between a letter and punctuation cannot open: use HTML
        (
            (("=", "report"), ("-", "; to"), ("+", " and"), ("=", " act")),
            "report<del>; to</del> **and** act",
        ),
        ((("=", "ITU"), ("-", "'"), ("+", "’"), ("=", "s")), "ITU<del>'</del><strong>’</strong>s"),
        # punctuation after a space or at the start can open
        ((("-", ","), ("=", " x")), "~~,~~ x"),
        ((("=", "in"), ("+", "side"), ("=", " word")), "in**side** word"),
    ],
)
def test_delimiters_only_where_commonmark_reads_them(
    words: tuple[WordOp, ...], expected: str
) -> None:
    assert redline(_change(*words)) == expected


def test_paragraph_cannot_start_a_list_or_heading() -> None:
    assert redline(_change(("=", "1. to promote"))) == "1\\. to promote"
    assert redline(_change(("=", "- item"))) == "\\- item"
    assert redline(_change(("=", "# not a heading"))) == "\\# not a heading"
    assert redline(_change(("=", "    code?"))) == "code?"


def test_merge_is_spelled_out() -> None:
    out = render(Diff(SAMPLE.old, SAMPLE.new, (), (MERGED,)), "markdown")
    assert (
        "### `requests-the-itu-council/#1` — merged from requests the Council ¶1"
        " + requests the Council ¶2\n"
    ) in out


def test_no_differences_and_all() -> None:
    assert render(SAME, "markdown").endswith("\n_no differences (1 clause unchanged)_\n")
    out = render(SAMPLE, "markdown", RenderOptions(show_all=True))
    assert "### `considering/a` a) — unchanged\n\nthat the Internet plays a role;\n" in out


def test_tree_table_and_folded_details() -> None:
    out = render(TREE, "markdown")
    assert "| mark | resolution | changes |\n| --- | --- | --- |\n" in out
    assert "| ADD | itu-pp/res-200.txt | new resolution |\n" in out
    assert "| SUP | itu-pp/res-99.txt | suppressed |\n" in out
    assert "| NOC | itu-pp/res-1.txt | no differences (1 clause unchanged) |\n" in out
    assert out.count("<details>") == 1  # only the modified resolution is folded out
    assert "<summary>MOD itu-pp/res-179.txt: 1 added, 1 removed" in out
    assert "#### `considering/f` f) — amended, was e)" in out


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=40))
def test_escaping_loses_nothing_and_leaves_no_bare_syntax(text: str) -> None:
    text = re.sub("[\u202a-\u202e\u2066-\u2069]", "", text)
    escaped = escape(text)
    assert re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", escaped) == text
    bare = re.sub(r"\\[!-/:-@\[-`{-~]", "", escaped)
    assert not set(bare) & set("\\`*_[]<>|~&@#$")


def test_res179_pair_golden(res179_changes: Diff) -> None:
    """The real pair as a drafter reads it (reviewed by eye against both texts)."""
    check_golden("render/res-179-2010-2018.md", render(res179_changes, "markdown"))


_WORD = st.sampled_from(
    ["the", "ITU", ",", ";", "(", ")", "'", "’", "a-b", "1.", "x*y", "_", "“", ":", "—", "[x]",
     "<b>", "&amp;", "#1", "@me", "`c`", "$x$", "|", "\u00a0"]
)  # fmt: skip
_RUN = st.lists(st.tuples(_WORD, st.sampled_from(["", " "])), min_size=1, max_size=3).map(
    lambda parts: "".join(w + s for w, s in parts)
)


def _unmark(markdown: str, keep: str) -> str:
    """Drop the runs of the other kind, unwrap ours, unescape: the text a reader sees."""
    drop = r"~~.*?~~|<del>.*?</del>" if keep == "+" else r"\*\*.*?\*\*|<strong>.*?</strong>"
    text = re.sub(drop, "", markdown)
    text = re.sub(r"~~|\*\*|</?(?:del|strong)>", "", text)
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
    return "".join(text.split())


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["=", "-", "+"]), _RUN), min_size=1, max_size=6))
def test_redline_shows_both_texts_with_touching_runs_joined(ops: list[tuple[str, str]]) -> None:
    words = tuple(ops)
    old = "".join(t for op, t in words if op != "+")
    new = "".join(t for op, t in words if op != "-")
    assume(old.strip() or new.strip())  # an empty clause reads "_(empty)_"
    out = redline(_change(*words))  # type: ignore[arg-type]
    assert "****" not in out
    assert "~~~~" not in out
    assert _unmark(out, "+") == "".join(new.split())
    assert _unmark(out, "-") == "".join(old.split())
