"""``--format text``: a plain redline for pipes and files.

Layout (the ``term`` format is the same with colour)::

    --- res-179.seed-page.txt  PP RESOLUTION 179 (Guadalajara, 2010)
    +++ res-179.txt  RESOLUTION 179 (REV. DUBAI, 2018)

    sections:
      added: recognizing
      renamed: requests the Council → requests the ITU Council

    considering/f  f)  amended, was e)
      that child online protection [-initiatives-]{+efforts+} …

    summary: 9 amended, 1 added; 2 moved, 10 re-lettered; 8 unchanged; sections: 1 renamed

Deleted words read ``[-…-]`` and inserted ones ``{+…+}`` (as ``git diff --word-diff``).
A tree diff is one line per resolution (mark, path, counts) and a total line. The layout
is written once here against a :class:`Style`; :mod:`resdiff.render.term` supplies ANSI.
"""

from __future__ import annotations

from dataclasses import dataclass

from resdiff.changes import Change, Diff, Meta, TreeDiff
from resdiff.render import RenderOptions
from resdiff.render.report import kind_and_notes, visible_sections
from resdiff.render.word_runs import display_ops
from resdiff.render.wording import (
    change_labels,
    change_paths,
    printable,
    section_line,
    summary_line,
    tree_line,
    tree_summary_line,
)

INDENT = "  "


@dataclass(frozen=True)
class Style:
    """How the redline marks words and headings; the plain style uses brackets only."""

    def deleted(self, text: str) -> str:
        return f"[-{text}-]"

    def inserted(self, text: str) -> str:
        return f"{{+{text}+}}"

    def heading(self, text: str) -> str:
        return text

    def note(self, text: str) -> str:
        return text

    def mark(self, mark: str, text: str) -> str:
        """A tree line, given its ITU mark (ADD/SUP/MOD/NOC)."""
        return text


PLAIN = Style()


def render(result: Diff | TreeDiff, options: RenderOptions) -> str:
    """Render a diff or a tree diff as plain text (no colour, whatever ``options.color``)."""
    return render_styled(result, options, PLAIN)


def render_styled(result: Diff | TreeDiff, options: RenderOptions, style: Style) -> str:
    """Render with ``style``; every line ends with a newline; same input, same bytes."""
    lines = (
        _tree_lines(result, style)
        if isinstance(result, TreeDiff)
        else _diff_lines(result, options, style)
    )
    return "".join(line + "\n" for line in lines)


def _side(marker: str, meta: Meta | str | None) -> str:
    if isinstance(meta, Meta):
        parts = [meta.source or "(unnamed)"]
        if meta.number:
            parts.append(meta.number)
        return printable(f"{marker} " + "  ".join(parts))
    return printable(f"{marker} {meta or '(unnamed)'}")


def _diff_lines(diff: Diff, options: RenderOptions, style: Style) -> list[str]:
    lines = [style.heading(_side("---", diff.old)), style.heading(_side("+++", diff.new))]
    sections = visible_sections(diff, options.show_all)
    if sections:
        lines += ["", style.heading("sections:")]
        lines += [INDENT + printable(section_line(s)) for s in sections]
    for change in diff.visible_changes(options.show_all):
        lines += ["", style.heading(change_heading(change)), INDENT + redline(change, style)]
    lines += ["", style.note("summary: " + summary_line(diff))]
    return lines


def change_heading(change: Change) -> str:
    """``considering/f  f)  amended, was e)``: paths, labels, kind and notes."""
    parts = [" + ".join(change_paths(change))]
    labels = change_labels(change)
    if labels:
        parts.append(" + ".join(labels))
    parts.append(kind_and_notes(change))
    return printable("  ".join(parts))


def redline(change: Change, style: Style) -> str:
    """The clause's words on one line, deletions and insertions marked by ``style``."""
    out: list[str] = []
    for op, text in display_ops(change):
        shown = printable(text)
        if op == "=":
            out.append(shown)
        elif op == "-":
            out.append(style.deleted(shown))
        else:
            out.append(style.inserted(shown))
    return "".join(out)


def _tree_lines(tree: TreeDiff, style: Style) -> list[str]:
    lines = [
        style.heading(_side("---", tree.old_source)),
        style.heading(_side("+++", tree.new_source)),
        "",
    ]
    lines += [style.mark(e.mark, printable(tree_line(e))) for e in tree.entries]
    lines += ["", style.note("summary: " + tree_summary_line(tree))]
    return lines
