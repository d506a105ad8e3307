"""The coloured redline (``--format term``): ANSI only when asked, never from input text."""

from __future__ import annotations

import re

from render_cases import SAMPLE, TREE, added_clause_diff, render

from resdiff.render import RenderOptions
from resdiff.render.term import BOLD, DELETED, INSERTED, MARK_COLOURS, RESET


def test_without_colour_term_is_exactly_text() -> None:
    for result in (SAMPLE, TREE):
        assert render(result, "term", RenderOptions(color=False)) == render(result, "text")


def test_words_are_struck_red_and_underlined_green() -> None:
    out = render(SAMPLE, "term", RenderOptions(color=True))
    line = next(x for x in out.splitlines() if "guardians" in x)
    assert line == (
        f"  that parents, guardians{DELETED} and educators{RESET}"
        f"{INSERTED}, educators and communities{RESET} act;"
    )
    # strike-through (9) and underline (4): the marks do not rest on colour alone
    assert DELETED == "\x1b[9;31m"
    assert INSERTED == "\x1b[4;32m"
    assert "[-" not in out
    assert "{+" not in out


def test_headings_bold_and_tree_marks_coloured() -> None:
    out = render(SAMPLE, "term", RenderOptions(color=True))
    assert f"{BOLD}considering/f  f)  amended, was e){RESET}\n" in out
    tree = render(TREE, "term", RenderOptions(color=True))
    assert f"{MARK_COLOURS['ADD']}ADD  itu-pp/res-200.txt  new resolution{RESET}\n" in tree
    assert f"{MARK_COLOURS['SUP']}SUP  itu-pp/res-99.txt  suppressed{RESET}\n" in tree


def test_every_escape_sequence_is_closed_on_its_line() -> None:
    out = render(SAMPLE, "term", RenderOptions(color=True)) + render(
        TREE, "term", RenderOptions(color=True)
    )
    for line in out.splitlines():
        codes = re.findall(r"\x1b\[[0-9;]*m", line)
        opened = [c for c in codes if c != RESET]
        assert codes == [
            c for pair in zip(opened, [RESET] * len(opened), strict=True) for c in pair
        ]


def test_input_text_cannot_inject_terminal_escapes() -> None:
    out = render(added_clause_diff("\x1b]0;pwned\x07ok"), "term", RenderOptions(color=True))
    assert f"{INSERTED}\\x1b]0;pwned\\x07ok{RESET}" in out
    assert "\x07" not in out
    assert "\x1b]" not in out
