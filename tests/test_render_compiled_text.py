"""The compiled document as text and term: the examples' agreement and conflict, word marks,
colour only when asked, and hostile text made visible."""

from __future__ import annotations

from compile_support import examples_compilation, hostile_compilation

from resdiff.render import RenderOptions
from resdiff.render.compiled import render


def text(**opts: bool) -> str:
    out = render(examples_compilation(), "text", RenderOptions(**opts))
    assert isinstance(out, str)
    return out


def block(out: str, head: str) -> list[str]:
    """The lines of the provision whose heading starts with ``head``."""
    blocks = out.split("\n\n")
    found = [b for b in blocks if b.startswith(head)]
    assert len(found) == 1, head
    return found[0].split("\n")


def test_summary_counts_each_proposal_and_names_the_conflicts() -> None:
    out = text()
    assert out.startswith("=== Compilation of proposals on RESOLUTION 179 (Guadalajara, 2010)\n")
    assert "summary: 45 clauses; 5 touched, 1 agreed, 1 conflict\n" in out
    assert "  ALPHA    MOD 2  ADD 1  SUP 0\n  BRAVO    MOD 2  ADD 0  SUP 1\n" in out
    assert "conflicts: considering d)\n" in out


def test_a_conflict_shows_the_base_and_every_position() -> None:
    lines = block(text(), "considering/d")
    assert lines[0] == "considering/d  considering d)  CONFLICT"
    assert lines[1].startswith("  base:  that parents, guardians and educators are not always")
    assert lines[2] == (
        "  MOD    BRAVO: that parents, guardians{+, educators+} and [-educators-]{+communities+}"
        " are not always aware of children’s activities on the Internet;"
    )
    assert lines[3].startswith("  MOD    CHARLIE: that parents, guardians and educators [-are not")
    assert lines[4] == "  NOC    ALPHA — now considering e)"


def test_an_agreement_is_one_position_for_both() -> None:
    lines = block(text(), "resolves/1")
    assert lines[0] == "resolves/1  resolves 1  agreed"
    assert lines[2].startswith("  MOD    ALPHA = BRAVO: ")
    assert "raise awareness {+and share best practices +}on child" in lines[2]
    assert lines[3] == "  NOC    CHARLIE"


def test_additions_and_removals() -> None:
    out = text()
    added = block(out, "after considering/c")
    assert added == [
        "after considering/c  new after considering c)",
        "  ADD    ALPHA: {+that children with disabilities may need specific measures to protect"
        " them online;+} — as considering/d",
    ]
    removed = block(out, "recalling/f")
    assert removed[2].startswith("  SUP    BRAVO: [-the memorandum of understanding")


def test_untouched_provisions_only_with_all() -> None:
    assert "considering/a" not in text()
    assert "considering/a  considering a)\n" in text(show_all=True)


def test_term_colours_only_when_asked() -> None:
    plain = render(examples_compilation(), "term", RenderOptions())
    assert plain == text()
    assert "\x1b" not in plain
    coloured = render(examples_compilation(), "term", RenderOptions(color=True))
    assert isinstance(coloured, str)
    assert "\x1b[9;31meducators\x1b[0m" in coloured
    assert "\x1b[4;32mcommunities\x1b[0m" in coloured


def test_control_characters_in_proposals_are_made_visible() -> None:
    out = render(hostile_compilation(), "term", RenderOptions(color=True))
    assert isinstance(out, str)
    assert "\\x1b[31monline" in out
    assert "\x1b[31monline" not in out
