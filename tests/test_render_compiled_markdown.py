"""The compiled document as Markdown: table, headings, quoted base text, escaped marks."""

from __future__ import annotations

import re

from compile_support import examples_compilation, hostile_compilation

from resdiff.merge import Compilation
from resdiff.render import RenderOptions
from resdiff.render.compiled import render


def markdown(compilation: Compilation | None = None) -> str:
    out = render(compilation or examples_compilation(), "markdown", RenderOptions())
    assert isinstance(out, str)
    return out


def test_table_and_conflict_heading() -> None:
    out = markdown()
    assert "| ALPHA | 2 | 1 | 0 |\n| BRAVO | 2 | 0 | 1 |\n| CHARLIE | 1 | 0 | 0 |" in out
    assert "45 clauses; 5 touched, 1 agreed, 1 conflict; **conflicts:** considering d)" in out
    assert "## `considering/d` considering d) — **conflict**\n\n> that parents" in out
    assert (
        "- **MOD** BRAVO: that parents, guardians<strong>, educators</strong> and"
        " ~~educators~~**communities** are not always aware" in out
    )
    assert "- **NOC** ALPHA — now considering e)" in out
    assert "## `resolves/1` resolves 1 — *agreed*" in out


def test_markup_in_names_and_words_is_escaped() -> None:
    out = markdown(hostile_compilation())
    assert re.search(r"(?<!\\)<(script|img|b>|i>)", out) is None
    assert "\\<script\\>alert(1)\\</script\\>" in out
    assert "**A \\<b\\>\\&**" in out
