"""Reading ITU revision marks: the text ``resdiff diff --format itu`` prints, as data.

The writer is :mod:`resdiff.render.itu`; this module reads its layout back (documented in
``docs/formats/itu.md``, section "Reading marked text"):

- a first block with the resolution's mark and number line, then tab-indented lines
  (what it revises, the title, a summary) — informative only;
- optionally a block of heading marks, one per line, in the new text's order: ``ADD\\theading
  {+h+}``, ``MOD\\theading [-old-]{+new+}``, ``SUP\\theading [-h-]``, and ``NOC\\theading h``
  for an unchanged section whose place among the others changed (or that such a one crossed);
- one block per clause: ``MARK\\tNAME (NOTES)`` then ``LABEL\\tMARKED TEXT`` (header parts
  have no label field), MARK one of ADD, ADD*, MOD, (MOD), SUP, SUP*, NOC.

Marked text holds kept text, ``[-deleted-]`` and ``{+inserted+}`` runs. :func:`parse_ops`
reads them greedily; :func:`parse_ops_against` reads them so that the old side equals a
known text, which is how a clause whose own text contains ``-]`` or ``{+`` is still read
exactly. Control characters the writer showed escaped (``\\x1b``) are restored.
Nothing here knows the base resolution: :mod:`resdiff.apply_marks` does the applying.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resdiff.changes import WordOp
from resdiff.errors import ResdiffError

__all__ = [
    "CLAUSE_MARKS",
    "HEADER_NAMES",
    "Block",
    "HeadingMark",
    "MarkedText",
    "MarksError",
    "header_part",
    "new_side",
    "old_side",
    "parse_marked",
    "parse_ops",
    "parse_ops_against",
    "unescape",
]

CLAUSE_MARKS = ("ADD", "ADD*", "MOD", "(MOD)", "SUP", "SUP*", "NOC")
_NOTE_PREFIXES = ("moved from ", "moved to ", "split from ", "merged from ", "was ", "editorial")
_HEADING_LINE = re.compile(r"^(ADD|MOD|SUP|NOC)\theading (.*)$")
_ADDED = re.compile(r"\{\+(?P<new>.*)\+\}")
_REMOVED = re.compile(r"\[-(?P<old>.*)-\]")
_RENAMED = re.compile(r"\[-(?P<old>.*?)-\]\{\+(?P<new>.*)\+\}")
# What the writer escapes (resdiff.render.wording.printable): C0 but tab/newline, DEL, C1,
# bidi overrides. Only those escapes are undone, so other backslashes stay as written.
_ESCAPE = re.compile(r"\\x([0-9a-f]{2})|\\u(202[a-e]|206[6-9])")
_ESCAPABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class MarksError(ResdiffError):
    """Marked text that cannot be read, or that does not fit the base it is applied to."""


@dataclass(frozen=True)
class HeadingMark:
    """A section heading's mark: added (``new``), removed (``old``), renamed (both), or
    unchanged (NOC, both the same: listed for its place, see :mod:`resdiff.render.itu`)."""

    mark: str
    old: str | None
    new: str | None
    line: int


@dataclass(frozen=True)
class Block:
    """One clause block: its mark, name(s), notes, label field and marked text.

    ``label`` is the label field as written (``e)``, ``[-e)-]{+f)+}``, or the clause's name
    for an unlabelled one), ``None`` for a header part, which has no label field.
    ``line`` is the 1-based line of the block's first line in the marked text.
    """

    mark: str
    name: str
    notes: tuple[str, ...]
    label: str | None
    text: str
    line: int

    @property
    def where(self) -> str:
        """How a message names the block: ``line 12: MOD considering d)``."""
        return f"line {self.line}: {self.mark} {self.name}"

    def note(self, prefix: str) -> str | None:
        """The rest of the first note starting with ``prefix`` (``moved from ``), else None."""
        return next((n[len(prefix) :] for n in self.notes if n.startswith(prefix)), None)


@dataclass(frozen=True)
class MarkedText:
    """A marked text read into its parts: heading marks and clause blocks, in order."""

    headings: tuple[HeadingMark, ...]
    blocks: tuple[Block, ...]


def unescape(text: str) -> str:
    """Undo :func:`resdiff.render.wording.printable`: ``\\x1b`` → ESC, ``\\u202e`` → U+202E."""

    def one(m: re.Match[str]) -> str:
        char = chr(int(m.group(1) or m.group(2), 16))
        if m.group(1) and not _ESCAPABLE.match(char):
            return m.group(0)
        return char

    return _ESCAPE.sub(one, text)


def parse_ops(marked: str) -> tuple[WordOp, ...]:
    """Read marked text greedily: each ``[-`` / ``{+`` runs to the first ``-]`` / ``+}``.

    An opening without its closing is kept as text.
    """
    ops: list[WordOp] = []
    i = 0
    kept: list[str] = []
    while i < len(marked):
        opener = marked[i : i + 2]
        if opener in ("[-", "{+"):
            closer = "-]" if opener == "[-" else "+}"
            end = marked.find(closer, i + 2)
            if end >= 0:
                if kept:
                    ops.append(("=", unescape("".join(kept))))
                    kept = []
                ops.append(("-" if opener == "[-" else "+", unescape(marked[i + 2 : end])))
                i = end + 2
                continue
        kept.append(marked[i])
        i += 1
    if kept:
        ops.append(("=", unescape("".join(kept))))
    return tuple(ops)


def parse_ops_against(marked: str, old: str) -> tuple[WordOp, ...] | None:
    """Read marked text so that its old side (kept + deleted) is exactly ``old``.

    Tries the usual reading first; when the clause's own text contains ``[-``, ``-]``,
    ``{+`` or ``+}`` the markers are ambiguous, and every reading is searched (the
    deleted/kept text must match ``old`` as it goes, so the search stays small). ``None``
    when no reading gives ``old``.
    """
    greedy = parse_ops(marked)
    if old_side(greedy) == old:
        return greedy
    if unescape(marked) != marked:  # escaped controls too: only the greedy reading
        return None
    # depth-first over (position in marked, position in old), markers tried before
    # reading their characters as text; each state is visited once
    goal = (len(marked), len(old))
    parent: dict[tuple[int, int], tuple[tuple[int, int], WordOp] | None] = {(0, 0): None}
    stack = [(0, 0)]
    while stack:
        state = stack.pop()
        if state == goal:
            break
        i, k = state
        steps: list[tuple[tuple[int, int], WordOp]] = []
        opener = marked[i : i + 2]
        if opener in ("[-", "{+"):
            closer = "-]" if opener == "[-" else "+}"
            end = marked.find(closer, i + 2)
            while end >= 0:
                body = marked[i + 2 : end]
                if opener == "{+":
                    steps.append(((end + 2, k), ("+", body)))
                elif old.startswith(body, k):
                    steps.append(((end + 2, k + len(body)), ("-", body)))
                end = marked.find(closer, end + 1)
        if i < len(marked) and k < len(old) and marked[i] == old[k]:
            steps.append(((i + 1, k + 1), ("=", marked[i])))
        for nxt, op in reversed(steps):
            if nxt not in parent:
                parent[nxt] = (state, op)
                stack.append(nxt)
    if goal not in parent:
        return None
    found: list[WordOp] = []
    at = parent[goal]
    while at is not None:
        state, op = at
        found.append(op)
        at = parent[state]
    merged: list[WordOp] = []
    for op_kind, text in reversed(found):
        if merged and merged[-1][0] == op_kind and op_kind == "=":
            merged[-1] = ("=", merged[-1][1] + text)
        else:
            merged.append((op_kind, text))
    return tuple(merged)


def old_side(ops: tuple[WordOp, ...]) -> str:
    """The text before the change: kept and deleted runs."""
    return "".join(t for op, t in ops if op != "+")


def new_side(ops: tuple[WordOp, ...]) -> str:
    """The text after the change: kept and inserted runs."""
    return "".join(t for op, t in ops if op != "-")


def _split_head(head: str, line: int) -> tuple[str, str, tuple[str, ...]]:
    mark, tab, rest = head.partition("\t")
    if not tab or mark not in CLAUSE_MARKS:
        raise MarksError(
            f"line {line}: expected a mark ({', '.join(CLAUSE_MARKS)}), a tab and a clause"
            f" name, not {head[:60]!r}"
        )
    name = rest
    notes: tuple[str, ...] = ()
    if rest.endswith(")"):
        start = rest.find(" (")
        while start >= 0:
            inner = rest[start + 2 : -1].split("; ")
            if all(n.startswith(_NOTE_PREFIXES) for n in inner):
                name, notes = rest[:start], tuple(unescape(n) for n in inner)
                break
            start = rest.find(" (", start + 1)
    return mark, unescape(name), notes


HEADER_NAMES = {
    "the number line": "number",
    "the title": "title",
    "the enacting formula": "formula",
    "the adoption line": "adopted",
    "the document symbol": "symbol",
    "the agenda item": "agenda",
}


def header_part(name: str) -> str | None:
    """The header part a block names (``number``, ``title``, ``formula``), else None."""
    if name.startswith("the header "):
        return name[len("the header ") :]
    return HEADER_NAMES.get(name)


def parse_marked(text: str) -> MarkedText:
    """Split marked text into heading marks and clause blocks (see the module docstring)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if lines and lines[0] and not lines[0].startswith(CLAUSE_MARKS):
        if re.match(r"^\d+ resolutions?:", lines[0]):
            raise MarksError(
                "line 1: these are the marks of a tree diff (many resolutions); apply takes"
                " the marks of one resolution"
            )
        raise MarksError(
            "line 1: not ITU revision marks (expected a mark, a tab and the number line,"
            f" e.g. 'MOD<tab>RESOLUTION …'), found {lines[0][:60]!r}"
        )
    headings: list[HeadingMark] = []
    blocks: list[Block] = []
    i = 0
    first = True
    seen_header = False
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        start = i
        while i < len(lines) and lines[i].strip():
            i += 1
        chunk = lines[start:i]
        if first:
            first = False
            if len(chunk) > 1 and all(line.startswith("\t") for line in chunk[1:]):
                mark = chunk[0].split("\t", 1)[0]
                if mark in ("MOD", "NOC", "ADD", "SUP"):
                    seen_header = True
                    continue  # the resolution's own mark, number line, title and summary
        if all(_HEADING_LINE.match(line) for line in chunk):
            for n, line in enumerate(chunk):
                headings.append(_heading(line, start + 1 + n))
            continue
        blocks.append(_block(chunk, start + 1))
    if not blocks and not headings and not seen_header:
        raise MarksError("no clause marks found (nothing to apply)")
    return MarkedText(tuple(headings), tuple(blocks))


def _heading(line: str, number: int) -> HeadingMark:
    m = _HEADING_LINE.match(line)
    assert m is not None
    mark, body = m.group(1), m.group(2)
    if mark == "NOC":
        heading = unescape(body)
        return HeadingMark(mark, heading, heading, number)
    shape = {"ADD": _ADDED, "SUP": _REMOVED, "MOD": _RENAMED}[mark].fullmatch(body)
    if shape is None:
        raise MarksError(f"line {number}: heading mark does not read as {mark}: {line[:80]!r}")
    old = unescape(shape.group("old")) if "old" in shape.groupdict() else None
    new = unescape(shape.group("new")) if "new" in shape.groupdict() else None
    return HeadingMark(mark, old, new, number)


def _block(chunk: list[str], line: int) -> Block:
    mark, name, notes = _split_head(chunk[0], line)
    if len(chunk) != 2:
        raise MarksError(
            f"line {line}: {mark} {name}: expected one line of text after the mark,"
            f" found {len(chunk) - 1}"
        )
    body = chunk[1]
    if header_part(name) is not None:
        return Block(mark, name, notes, None, body, line)
    label, tab, marked = body.partition("\t")
    if not tab:
        raise MarksError(f"line {line + 1}: {mark} {name}: expected the label, a tab and the text")
    return Block(mark, name, notes, label, marked, line)
