"""``--format markdown``: a report made for a pull-request comment (GitHub-flavoured Markdown).

A diff reads: the two sides, a summary table of counts, the section changes, then one
heading per change (path, label, kind, "moved from …", "was e)") over its clause text
with ~~deleted~~ and **inserted** words. A tree diff reads: a table of every resolution
with its ITU mark (ADD/SUP/MOD/NOC) and counts, then each modified resolution's changes
folded in a ``<details>`` block.

Resolution text is untrusted: every Markdown-special ASCII character is backslash-escaped
(``*``, ``_``, ``[``, ``<``, ``|``, ``@`` …) so it can neither format, link, mention nor
inject HTML. A marked run whose delimiters CommonMark would not recognise (``that**,**``:
an opening ``**`` between a letter and punctuation is not left-flanking) is wrapped in
``<del>``/``<strong>`` instead, which GitHub renders exactly as ``~~``/``**``.
"""

from __future__ import annotations

import html
import re
import unicodedata

from resdiff.changes import SUMMARY_KEYS, Change, Diff, Meta, TreeDiff, TreeEntry
from resdiff.render import RenderOptions
from resdiff.render.report import expands, kind_and_notes, visible_sections
from resdiff.render.word_runs import display_ops
from resdiff.render.wording import (
    change_labels,
    change_paths,
    printable,
    renumbered_word,
    section_line,
    summary_line,
    tree_summary_line,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&@#$])")
# At the start of a paragraph: a list item, a setext underline or a numbered list.
_LEADING = re.compile(r"^([-+=])|^(\d+)([.)])")
_ROW_NAMES = {"renumbered": "re-lettered"}


def escape(text: str) -> str:
    """Backslash-escape Markdown/HTML-special ASCII characters; control characters made visible.

    Escaped wherever they stand: emphasis and strike (``*`` ``_`` ``~``), code, links and
    HTML (`` ` `` ``[`` ``]`` ``<`` ``>`` ``&``), table cells (``|``), GitHub mentions,
    issue links and math (``@`` ``#`` ``$``) and the backslash itself. A backslash before
    ASCII punctuation is always a literal, so escaping is safe.
    """
    return _SPECIAL.sub(r"\\\1", printable(text))


def render(result: Diff | TreeDiff, options: RenderOptions) -> str:
    """Render a diff or a tree diff as GitHub-flavoured Markdown; ends with one newline."""
    blocks = (
        _tree_blocks(result, options)
        if isinstance(result, TreeDiff)
        else _diff_blocks(result, options, 2)
    )
    return "\n\n".join(blocks) + "\n"


def _side(meta: Meta) -> str:
    parts = [p for p in (meta.source, meta.number) if p]
    return escape(" — ".join(parts)) if parts else "(unnamed)"


def _diff_blocks(
    diff: Diff, options: RenderOptions, level: int, *, title: bool = True
) -> list[str]:
    blocks: list[str] = []
    if title:
        names = [escape(m.number or m.source or "(unnamed)") for m in (diff.old, diff.new)]
        blocks.append(f"{'#' * level} resdiff: {names[0]} → {names[1]}")
    blocks.append(f"**Old:** {_side(diff.old)}  \n**New:** {_side(diff.new)}")
    blocks.append(summary_table(diff))
    sections = visible_sections(diff, options.show_all)
    if sections:
        blocks.append(
            "**Sections:**\n\n" + "\n".join(f"- {escape(section_line(s))}" for s in sections)
        )
    for change in diff.visible_changes(options.show_all):
        blocks.append(change_heading(change, level + 1))
        blocks.append(redline(change))
    if not diff.differs:
        blocks.append(f"_{escape(summary_line(diff))}_")
    return blocks


def summary_table(diff: Diff) -> str:
    """The counts by kind and flag, as a two-column table (every key, zeros included)."""
    summary = diff.summary
    names = {**_ROW_NAMES, "renumbered": renumbered_word(diff)}
    rows = [f"| {names.get(k, k)} | {summary[k]} |" for k in SUMMARY_KEYS]
    return "\n".join(["| change | clauses |", "| --- | ---: |", *rows])


def change_heading(change: Change, level: int) -> str:
    """``### `considering/f` f) — amended, was e)``."""
    paths = " + ".join(f"`{p}`" for p in change_paths(change))
    labels = " + ".join(change_labels(change))
    notes = kind_and_notes(change)
    head = f"{paths} {escape(labels)}" if labels else paths
    return f"{'#' * level} {head} — {escape(notes)}"


def _is_space(char: str) -> bool:
    return char.isspace()


def _is_punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _left_flanking(before: str, after: str) -> bool:
    """CommonMark: can a delimiter run between ``before`` and ``after`` open emphasis?"""
    if _is_space(after):
        return False
    return not _is_punct(after) or _is_space(before) or _is_punct(before)


def _right_flanking(before: str, after: str) -> bool:
    """CommonMark: can a delimiter run between ``before`` and ``after`` close emphasis?"""
    if _is_space(before):
        return False
    return not _is_punct(before) or _is_space(after) or _is_punct(after)


_WRAP = {"-": ("~~", "<del>", "</del>"), "+": ("**", "<strong>", "</strong>")}


def redline(change: Change) -> str:
    """The clause text as one Markdown paragraph with ~~deleted~~ and **inserted** runs.

    Whitespace at the edge of a run moves outside its delimiters (``** word**`` would not
    be emphasis); a deleted run of whitespace alone is dropped, an inserted one kept.
    """
    pieces: list[tuple[str, str]] = []  # ("=", escaped text) or ("-"/"+", escaped core)

    def add(kind: str, text: str) -> None:
        # Touching runs of one kind become one (``**a****b**`` would not render).
        if pieces and pieces[-1][0] == kind:
            pieces[-1] = (kind, pieces[-1][1] + text)
        else:
            pieces.append((kind, text))

    for op, raw in display_ops(change):
        text: str = raw
        if op == "=":
            add("=", escape(text))
            continue
        core = text.strip()
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        if not core:
            if op == "+":
                add("=", text)
            continue
        if lead:
            add("=", lead)
        add(op, escape(core))
        if trail:
            add("=", trail)
    out: list[str] = []
    for i, (kind, piece) in enumerate(pieces):
        if kind == "=":
            out.append(piece)
            continue
        before = _edge(pieces, i - 1, last=True)
        after = _edge(pieces, i + 1, last=False)
        delim, open_tag, close_tag = _WRAP[kind]
        if _left_flanking(before, piece[0]) and _right_flanking(piece[-1], after):
            out.append(f"{delim}{piece}{delim}")
        else:
            out.append(f"{open_tag}{piece}{close_tag}")
    paragraph = "".join(out).strip()
    # A paragraph must not open a list, a heading or a code block.
    paragraph = _LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", paragraph)
    return paragraph or "_(empty)_"


def _edge(pieces: list[tuple[str, str]], index: int, *, last: bool) -> str:
    """The character next to a delimiter: a line edge reads as a space, a marked run as
    punctuation (its own delimiter or tag), else the neighbouring text's edge character."""
    if index < 0 or index >= len(pieces):
        return " "
    op, text = pieces[index]
    if op != "=":
        return "*"
    if not text:
        return " "
    return text[-1] if last else text[0]


def _tree_blocks(tree: TreeDiff, options: RenderOptions) -> list[str]:
    blocks = [
        f"## resdiff: {escape(tree.old_source or '(old)')} → {escape(tree.new_source or '(new)')}",
        escape(tree_summary_line(tree)),
    ]
    rows = ["| mark | resolution | changes |", "| --- | --- | --- |"]
    rows += [f"| {e.mark} | {escape(e.path)} | {escape(_tree_changes(e))} |" for e in tree.entries]
    blocks.append("\n".join(rows))
    for entry in tree.entries:
        if entry.diff is None or not expands(entry):
            continue
        inner = _diff_blocks(entry.diff, options, 3, title=False)
        summary = html.escape(f"{entry.mark} {entry.path}: {summary_line(entry.diff)}")
        body = "\n\n".join(inner)
        blocks.append(f"<details>\n<summary>{printable(summary)}</summary>\n\n{body}\n\n</details>")
    return blocks


def _tree_changes(entry: TreeEntry) -> str:
    if entry.status == "added":
        return "new resolution"
    if entry.status == "removed":
        return "suppressed"
    if entry.diff is None:
        return entry.status
    return summary_line(entry.diff)
