"""How the human formats word things: clause names, kinds, summaries, number lines.

Every human format (text, term, markdown, and the reports: html, docx, itu, instructions)
names clauses and counts changes the same way, so a drafter reading one format finds the
same words in another:

- :func:`clause_name` — ``"recalling i)"``, ``"resolves 1 i)"``, ``"the title"``;
  :func:`short_label` — ``"e)"`` or ``"¶1"``; :func:`label_or_name` — ``"e)"`` or the name;
- :func:`kind_word` — the kind as a drafter says it (``"amended"``, ``"re-lettered"`` …);
- :func:`change_paths` / :func:`change_labels` — what heads a change;
- :func:`summary_line`, :func:`section_line`, :func:`tree_line`, :func:`tree_summary_line`;
- :func:`itu_number_line` — ``RESOLUTION 179 (REV. DUBAI, 2018)``; :func:`is_header`;
- :func:`printable` — control characters made visible (no terminal escapes from input text).

The notes of a change ("moved from …", "was e)") belong to the report model
(:mod:`resdiff.render.report`). Nothing here computes a diff; it only reads
:mod:`resdiff.changes`.
"""

from __future__ import annotations

import re

from resdiff.changes import (
    TREE_MARKS,
    Change,
    ClauseRef,
    Diff,
    SectionChange,
    TreeDiff,
    TreeEntry,
)
from resdiff.model import FOOTNOTES, HEADER, section_key
from resdiff.un_names import un_name

__all__ = [
    "change_labels",
    "change_paths",
    "clause_name",
    "is_header",
    "itu_number_line",
    "kind_word",
    "label_or_name",
    "printable",
    "section_line",
    "short_label",
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
    (an unlabelled paragraph), ``annex considering a)``, ``annex 2 ¶1`` (an annex's
    paragraph before any heading), ``the title``, ``footnote 1``;
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
    elif segments[0].split("~", 1)[0] == "annex":
        # an annex's paragraphs before any heading: the annex always by its number
        # ("annex 1 ¶1", "annex 2 5"), so that no two annexes' paragraphs share a name
        # and a label never reads as an annex number ("annex 1 2 bis")
        number = segments[0].partition("~")[2] or "1"
        return " ".join([f"annex {number}", *segments[1:-1], own])
    return " ".join([*prefix, ref.section, *parents, own])


def short_label(ref: ClauseRef) -> str:
    """The label alone: ``e)``, or ``¶1`` for an unlabelled paragraph (``PP3``, ``OP5``
    in a UN-layout resolution)."""
    named = un_name(ref.path, ref.section)
    if named is not None:
        return named
    return ref.label if ref.label else f"¶{ref.path.rsplit('/', 1)[-1].lstrip('#')}"


def label_or_name(ref: ClauseRef) -> str:
    """The label as written (``e)``), or the clause's name when it has none (``the title``);
    a UN-layout paragraph by its name (``PP3``, ``OP5``), the way delegates cite it."""
    if ref.label and un_name(ref.path, ref.section) is None:
        return ref.label
    return clause_name(ref)


def is_header(ref: ClauseRef) -> bool:
    """True for the number line, title and enacting formula."""
    return ref.section == HEADER or ref.path.startswith(HEADER + "/")


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


_NUMBER_LINE = re.compile(
    r"\b(RESOLUTION|DECISION|RECOMMENDATION|OPINION)\b.*", re.IGNORECASE | re.DOTALL
)


def itu_number_line(number: str | None) -> str | None:
    """The number line in ITU style: ``RESOLUTION 179 (REV. DUBAI, 2018)``.

    Upper case, and any site prefix before the kind word dropped (the seed page says
    ``PP RESOLUTION 179 (Guadalajara, 2010)``).
    """
    if not number:
        return number
    match = _NUMBER_LINE.search(number)
    text = match.group(0) if match else number
    return " ".join(text.split()).upper()
