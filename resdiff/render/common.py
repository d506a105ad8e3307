"""Shared wording for human-readable renderers: how a change, a clause and a summary read.

Every human format (text, term, markdown, and the reports: html, docx, itu, instructions)
names clauses and describes changes the same way, so a drafter reading one format can
find the same words in another. The API is small on purpose:

- :func:`clause_name` — ``"recalling i)"``, ``"resolves 1 i)"``, ``"the title"``;
- :func:`describe` — the notes of a change: ``"moved from recalling i)"``, ``"was e)"``,
  ``"split from considering c)"``, ``"merged from recalling a) + recalling b)"``, ``"editorial"``;
- :func:`kind_word` — the kind as a drafter says it (``"amended"``, ``"re-lettered"`` …);
- :func:`change_paths` / :func:`change_labels` — what heads a change;
- :func:`display_ops` — word ops to show, with a fallback when a change carries none;
- :func:`summary_line`, :func:`section_line`, :func:`tree_line`, :func:`tree_summary_line`;
- :func:`printable` — control characters made visible (no terminal escapes from input text).

Nothing here computes a diff; it only reads :mod:`resdiff.changes`.
"""

from __future__ import annotations

import re
from itertools import pairwise

from resdiff.changes import (
    TREE_MARKS,
    Change,
    ClauseRef,
    Diff,
    SectionChange,
    TreeDiff,
    TreeEntry,
    WordOp,
)
from resdiff.model import FOOTNOTES, HEADER, section_key
from resdiff.un_names import un_name

__all__ = [
    "change_labels",
    "change_paths",
    "clause_name",
    "describe",
    "display_ops",
    "kind_and_notes",
    "kind_word",
    "printable",
    "section_line",
    "summary_line",
    "tree_line",
    "tree_summary_line",
]

_HEADER_NAMES = {
    "number": "the number line",
    "title": "the title",
    "formula": "the enacting formula",
    "adopted": "the adoption line",
    "symbol": "the document symbol",
    "agenda": "the agenda item",
}
# C0 controls but tab and newline, DEL, C1 controls, and bidi overrides that can disguise text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Replace control characters by a visible escape (``\\x1b``) so input text cannot
    drive a terminal or reorder what is shown; ordinary text is returned unchanged."""
    return _CONTROL.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


def clause_name(ref: ClauseRef) -> str:
    """How a drafter names a clause: section heading then label path.

    ``recalling i)``, ``resolves 1 i)`` (a sub-clause), ``requests the Council ¶1``
    (an unlabelled paragraph), ``annex considering a)``, ``the title``, ``footnote 1``;
    in a UN-layout resolution ``PP3``, ``OP5``, ``OP2(a)``, as delegates say.
    """
    named = un_name(ref.path, ref.section)
    if named is not None:
        return named
    segments = ref.path.split("/")
    if ref.section == HEADER or segments[0] == HEADER:
        return _HEADER_NAMES.get(segments[-1], f"the header {segments[-1]}")
    if ref.section == FOOTNOTES or segments[0] == FOOTNOTES:
        return f"footnote {segments[-1]}"
    own = ref.label if ref.label else f"¶{segments[-1].lstrip('#')}"
    key = section_key(ref.section)
    start = next((i for i, seg in enumerate(segments[:-1]) if seg.split("~", 1)[0] == key), None)
    prefix: list[str] = []
    parents: list[str] = []
    if start is not None:
        prefix = [seg.replace("~", " ") for seg in segments[:start]]
        parents = segments[start + 1 : -1]
    return " ".join([*prefix, ref.section, *parents, own])


def _short(ref: ClauseRef) -> str:
    """The label alone: ``e)``, or ``¶1`` for an unlabelled paragraph (``PP3``, ``OP5``
    in a UN-layout resolution)."""
    named = un_name(ref.path, ref.section)
    if named is not None:
        return named
    return ref.label if ref.label else f"¶{ref.path.rsplit('/', 1)[-1].lstrip('#')}"


def kind_word(change: Change) -> str:
    """The kind as shown in a heading; a listed unchanged clause was re-lettered or moved."""
    if change.kind == "unchanged":
        if change.moved:
            return "moved"
        if change.renumbered:
            refs = change.new or change.old
            un = bool(refs) and un_name(refs[0].path, refs[0].section) is not None
            return "renumbered" if un else "re-lettered"
    return change.kind


def describe(change: Change) -> tuple[str, ...]:
    """The notes a drafter needs beside the kind, in a fixed order.

    ``split from recalling c)`` / ``merged from recalling a) + recalling b)`` for splits
    and merges; else ``moved from recalling i)`` when the clause changed section (or
    order), else ``was e)`` when only its label changed; then ``editorial`` for (MOD).
    """
    notes: list[str] = []
    if change.kind == "split" and change.old:
        notes.append("split from " + " + ".join(clause_name(r) for r in change.old))
    elif change.kind == "merged" and change.old:
        notes.append("merged from " + " + ".join(clause_name(r) for r in change.old))
    elif change.old and change.new:
        if change.moved:
            notes.append(f"moved from {clause_name(change.old[0])}")
        elif change.renumbered:
            notes.append(f"was {_short(change.old[0])}")
    if change.editorial:
        notes.append("editorial")
    return tuple(notes)


def kind_and_notes(change: Change) -> str:
    """The kind and its notes as one phrase, without saying the kind twice.

    ``amended, moved from recalling i)``, ``re-lettered, was f)``, ``added``,
    ``split from resolves 1``, ``amended, editorial``.
    """
    notes = describe(change)
    kind = kind_word(change)
    if notes and notes[0].startswith(kind + " "):
        return ", ".join(notes)
    return ", ".join((kind, *notes))


def change_paths(change: Change) -> tuple[str, ...]:
    """The paths that head a change: the new clauses, or the old ones for a removal."""
    refs = change.new or change.old
    return tuple(r.path for r in refs)


def change_labels(change: Change) -> tuple[str, ...]:
    """The labels as written of the clauses that head a change (unlabelled ones omitted);
    a UN-layout paragraph's name instead (``PP3``, ``OP5``), labelled or not."""
    refs = change.new or change.old
    out = []
    for r in refs:
        named = un_name(r.path, r.section)
        if named is not None or r.label:
            out.append(named or r.label or "")
    return tuple(out)


def display_ops(change: Change) -> tuple[WordOp, ...]:
    """The word ops to show for a change.

    The differ's ``words`` when present (neighbouring ops of one kind joined, so a
    renderer marks one run, never two touching ones); otherwise (a change built without word ops)
    the old texts as deleted and the new texts as inserted, or the text as kept when
    old and new read the same.
    """
    if change.words:
        return _coalesced(change.words)
    old = " ".join(r.text for r in change.old)
    new = " ".join(r.text for r in change.new)
    if old == new:
        return (("=", new),) if new else ()
    ops: list[WordOp] = []
    if old:
        ops.append(("-", old))
    if new:
        ops.append(("+", new))
    return tuple(ops)


def _coalesced(ops: tuple[WordOp, ...]) -> tuple[WordOp, ...]:
    if all(a[0] != b[0] for a, b in pairwise(ops)):
        return ops
    out: list[WordOp] = []
    for op, text in ops:
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return tuple(out)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def renumbered_word(diff: Diff) -> str:
    """How the ``renumbered`` count reads: ``re-lettered`` (ITU paragraphs are lettered),
    ``renumbered`` for a UN-layout resolution (PP3 → PP4, OP8 → OP7)."""
    un = any(
        un_name(ref.path, ref.section) is not None
        for change in diff.changes
        if change.renumbered
        for ref in change.new[:1]
    )
    return "renumbered" if un else "re-lettered"


def summary_line(diff: Diff) -> str:
    """One line that counts what changed (non-zero counts only, in a fixed order).

    ``9 amended, 1 added, 1 split; 2 moved, 10 re-lettered, 1 editorial; 8 unchanged;
    sections: 1 added, 1 renamed`` — or ``no differences (20 clauses unchanged)``.
    """
    s = diff.summary
    kinds = [f"{s[k]} {k}" for k in ("added", "removed", "amended", "split", "merged") if s[k]]
    flags = [
        f"{s[k]} {word}"
        for k, word in (
            ("moved", "moved"),
            ("renumbered", renumbered_word(diff)),
            ("editorial", "editorial"),
        )
        if s[k]
    ]
    section_counts: dict[str, int] = {}
    for sec in diff.sections:
        if sec.kind != "unchanged":
            section_counts[sec.kind] = section_counts.get(sec.kind, 0) + 1
    sections = [
        f"{section_counts[k]} {k}" for k in ("added", "removed", "renamed") if k in section_counts
    ]
    if not diff.differs:
        return f"no differences ({_plural(s['unchanged'], 'clause')} unchanged)"
    parts = [", ".join(kinds)] if kinds else []
    if flags:
        parts.append(", ".join(flags))
    parts.append(f"{s['unchanged']} unchanged")
    if sections:
        parts.append("sections: " + ", ".join(sections))
    return "; ".join(parts)


def section_line(section: SectionChange) -> str:
    """``renamed: requests the Council → requests the ITU Council``, ``added: recognizing``."""
    if section.kind == "renamed":
        return f"renamed: {section.old} → {section.new}"
    if section.kind == "added":
        return f"added: {section.new}"
    if section.kind == "removed":
        return f"removed: {section.old}"
    return f"unchanged: {section.new or section.old}"


def tree_line(entry: TreeEntry) -> str:
    """One line per resolution of a tree diff: mark, path and what happened to it."""
    if entry.status == "added":
        what = "new resolution"
    elif entry.status == "removed":
        what = "suppressed"
    elif entry.diff is None:
        what = entry.status
    else:
        what = summary_line(entry.diff)
    return f"{entry.mark:<4} {entry.path}  {what}"


def tree_summary_line(tree: TreeDiff) -> str:
    """``56 resolutions: 1 added (ADD), 3 modified (MOD), 52 unchanged (NOC)``."""
    counts: dict[str, int] = {}
    for entry in tree.entries:
        counts[entry.status] = counts.get(entry.status, 0) + 1
    parts = [f"{counts[k]} {k} ({mark})" for k, mark in TREE_MARKS.items() if counts.get(k)]
    head = _plural(len(tree.entries), "resolution")
    return f"{head}: " + ", ".join(parts) if parts else f"{head}"
