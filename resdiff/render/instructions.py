"""Amending instructions in plain English (``--format instructions``).

The list a delegate pastes into a proposal: one instruction per change, in the order of
the new text, naming clauses as the existing text does::

    In considering d), replace "and educators" by ", educators and communities".
    After considering d), insert the following new paragraph e): "…".
    Delete recalling c).
    Move recalling i) to recognizing, as paragraph c), and amend it to read: "…".
    Re-letter considering e) to j) as f) to k).

and in the UN layout, naming paragraphs the way delegates do::

    In OP5, replace "and communities" by ", communities and youth organizations".
    Insert a new PP3: "…".
    Delete OP7.
    Renumber OP8–OP12 as OP7–OP11.

Quoted text is copied exactly from the texts (only the white space around a quoted
fragment is trimmed). A change of a few words is given as word edits ("replace … by …",
"delete …", "after … insert …"), each fragment made long enough to occur only once in
the clause; a longer rewrite, or one that cannot be quoted unambiguously, is given as
"amend … to read". Consecutive deletions and consecutive re-letterings are grouped into
ranges.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from resdiff.changes import Change, ClauseRef, Diff, TreeDiff, WordOp
from resdiff.model import FOOTNOTES
from resdiff.render import RenderOptions
from resdiff.render.headings import interleave, stands, written_in
from resdiff.render.report import Row, expands, rows
from resdiff.render.word_runs import display_ops, runs
from resdiff.render.wording import clause_name, is_header, itu_number_line, label_or_name, printable
from resdiff.un_names import un_name

__all__ = ["edits", "instructions", "render"]

#: A UN resolution number (``73/179``, ``WHA71.1``): the title says "resolution 73/179".
_UN_NUMBER = re.compile(r"\d{1,4}/\d{1,4}(?:\s?[A-Z])?|WHA\d{1,3}\.\d{1,3}|EB\d{1,3}\.R\d{1,3}")

#: At most this many word edits are listed; more is a rewrite ("amend … to read").
MAX_EDITS = 3
#: Word edits are used while the quoted fragments stay below this many characters
#: (or 40 % of the new text, whichever is larger).
MAX_EDIT_CHARS = 80
#: Fragments are widened word by word (up to this many) until they occur only once.
MAX_CONTEXT_WORDS = 6


@dataclass(frozen=True)
class Edit:
    """One word edit inside a clause: the old fragment (may be empty), the new one, and
    for a pure insertion the words it goes after (empty: at the beginning)."""

    old: str
    new: str
    after: str = ""

    def phrase(self) -> str:
        if self.old and self.new:
            return f'replace "{self.old}" by "{self.new}"'
        if self.old:
            return f'delete "{self.old}"'
        if self.after:
            return f'after "{self.after}", insert "{self.new}"'
        return f'at the beginning, insert "{self.new}"'


def _tail(text: str, n: int) -> str | None:
    """The last ``n`` words of ``text`` with what follows them (None if it has fewer)."""
    if n == 0:
        return ""
    words = list(re.finditer(r"\S+", text))
    if len(words) < n:
        return None
    return text[words[-n].start() :]


def _count(text: str, fragment: str) -> int:
    """How often ``fragment`` occurs in ``text``, overlapping occurrences included."""
    count, start = 0, text.find(fragment)
    while start >= 0:
        count += 1
        start = text.find(fragment, start + 1)
    return count


def _widen(before: str, removed: str, inserted: str, old_text: str) -> tuple[str, str] | None:
    """Prefix both fragments with just enough preceding words to make the old one unique."""
    for n in range(0, MAX_CONTEXT_WORDS + 1):
        tail = _tail(before, n)
        if tail is None:
            return None
        wide_old = (tail + removed).strip()
        if _count(old_text, wide_old) == 1:
            return wide_old, (tail + inserted).strip()
    return None


def edits(ops: tuple[WordOp, ...] | list[WordOp], old_text: str) -> list[Edit] | None:
    """The word edits that turn the old clause into the new one, or None when they cannot be
    quoted unambiguously (a white-space-only change, a fragment that repeats)."""
    merged = runs(ops)
    out: list[Edit] = []
    before = ""  # the old text up to here
    kept = ""  # the unchanged text since the last edit: context may only come from here
    i = 0
    while i < len(merged):
        op, text = merged[i]
        if op == "=":
            before += text
            kept += text
            i += 1
            continue
        removed = inserted = ""
        while i < len(merged) and merged[i][0] != "=":
            if merged[i][0] == "-":
                removed += merged[i][1]
            else:
                inserted += merged[i][1]
            i += 1
        old, new = removed.strip(), inserted.strip()
        if not old and not new:
            return None  # white space only: not expressible as quoted words
        if old:
            widened = _widen(kept, removed, inserted, old_text)
            if widened is None:
                return None
            out.append(Edit(widened[0], widened[1]))
        else:
            after = ""
            if before.strip():
                for n in range(1, MAX_CONTEXT_WORDS + 1):
                    candidate = (_tail(kept, n) or "").strip()
                    if candidate and _count(old_text, candidate) == 1:
                        after = candidate
                        break
                else:
                    return None
            out.append(Edit("", new, after))
        before += removed
        kept = ""
    return out


def _join(phrases: list[str]) -> str:
    if len(phrases) <= 1:
        return "".join(phrases)
    if len(phrases) == 2:
        return f"{phrases[0]}, and {phrases[1]}"
    return ", ".join(phrases[:-1]) + f", and {phrases[-1]}"


def _short_edits(change: Change) -> list[Edit] | None:
    old_text = " ".join(r.text for r in change.old)
    new_text = " ".join(r.text for r in change.new)
    found = edits(display_ops(change), old_text)
    if not found or len(found) > MAX_EDITS:
        return None
    size = sum(len(e.old) + len(e.new) for e in found)
    if size > max(MAX_EDIT_CHARS, 0.4 * len(new_text)):
        return None
    return found


def _q(text: str) -> str:
    return f'"{text}"'


def _verb(labels: list[str]) -> str:
    """``Re-letter`` for lettered paragraphs, ``Renumber`` for numbered ones."""
    return "Renumber" if all(re.match(r"\(?\d", lab) for lab in labels if lab) else "Re-letter"


def _is_un(ref: ClauseRef) -> bool:
    """Whether ``ref`` is a paragraph of a UN-layout resolution (named PP3, OP5)."""
    return un_name(ref.path, ref.section) is not None


def _range(refs: list[ClauseRef]) -> str:
    """``e) to g)``; ``OP8–OP12`` in a UN-layout resolution."""
    first, last = label_or_name(refs[0]), label_or_name(refs[-1])
    if len(refs) == 1:
        return first
    return f"{first}–{last}" if _is_un(refs[0]) else f"{first} to {last}"


def _section_prefix(ref: ClauseRef) -> str:
    """``considering `` for ``considering e)``: the name without the label (nothing for a
    UN-layout paragraph: ``OP5`` names it whole)."""
    if _is_un(ref):
        return ""
    name = clause_name(ref)
    label = ref.label or ""
    return name[: -len(label)] if label and name.endswith(label) else name + " "


def _amend(change: Change, lead: str, text_of_new: str) -> str:
    """``In X, replace …`` or ``Amend X to read: "…"`` (``lead`` names the clause)."""
    found = _short_edits(change)
    suffix = " (editorial)" if change.editorial else ""
    if found:
        return f"In {lead}, {_join([e.phrase() for e in found])}{suffix}."
    return f"Amend {lead} to read: {_q(text_of_new)}{suffix}."


def _moved(change: Change) -> str:
    old, new = change.old[0], change.new[0]
    if _is_un(new):  # a UN-layout paragraph is named, wherever it came from
        head = f"Move {clause_name(old)} so that it becomes {clause_name(new)}"
        if old.text == new.text:
            return head + "."
        return f"{head}, and amend it to read: {_q(new.text)}."
    where = f"as paragraph {new.label}" if new.label else "as an unnumbered paragraph"
    head = f"Move {clause_name(old)} to {new.section}, {where}"
    if old.text == new.text:
        return head + "."
    return f"{head}, and amend it to read: {_q(new.text)}."


def _anchor_name(prev: Row) -> str:
    """How an "After …" instruction names the paragraph before: by its old name when it
    stands in the old text at this place, else as the new paragraph it is."""
    change = prev.change
    if change.old and not change.moved and not prev.moved_away:
        return clause_name(change.old[-1])
    return f"new {clause_name(change.new[-1])}"


def _added(change: Change, prev: Row | None) -> str:
    new = change.new[0]
    if is_header(new):
        return f"Insert {clause_name(new)}: {_q(new.text)}."
    if new.section == FOOTNOTES:
        return f"Insert the following new footnote {new.label or ''}: {_q(new.text)}.".replace(
            " :", ":"
        )
    if _is_un(new):
        return f"Insert a new {clause_name(new)}: {_q(new.text)}."
    what = (
        f"the following new paragraph {new.label}" if new.label else "the following new paragraph"
    )
    if prev is not None and prev.change.new and prev.change.new[-1].section == new.section:
        return f"After {_anchor_name(prev)}, insert {what}: {_q(new.text)}."
    return f"At the beginning of {new.section}, insert {what}: {_q(new.text)}."


def _relabel_lead(old: ClauseRef, new: ClauseRef) -> str:
    """``Re-letter considering e) as f)``, ``Number requests the Council ¶1 as 1`` …"""
    if not old.label and new.label:
        return f"Number {clause_name(old)} as {new.label}"
    if old.label and not new.label:
        return f"Remove the label of {clause_name(old)}"
    return f"{_verb([old.label or '', new.label or ''])} {clause_name(old)} as {label_or_name(new)}"


def _split_merge(change: Change) -> str:
    olds = " and ".join(clause_name(r) for r in change.old)
    labels = [r.label for r in change.new if r.label]
    noun = "paragraphs" if len(change.new) > 1 else "paragraph"
    lab = (" " + " and ".join(labels)) if labels else ""
    quoted = "; ".join(
        (f"{r.label} {_q(r.text)}" if r.label and len(change.new) > 1 else _q(r.text))
        for r in change.new
    )
    return f"Replace {olds} by the following {noun}{lab}: {quoted}."


def _is_relabel_only(change: Change) -> bool:
    return (
        change.kind == "unchanged"
        and change.renumbered
        and not change.moved
        and bool(change.old)
        and bool(change.new)
        and change.old[0].section == change.new[0].section
    )


def instructions(diff: Diff) -> list[str]:
    """The amending instructions of one diff, in the order of the new text.

    Headings: a renamed or added heading is named where the new text enters its section;
    a removed one is deleted after its last paragraph (the old text leaves it there), or
    at the end.
    """
    renamed = {s.new: s.old for s in diff.sections if s.kind == "renamed" and s.new and s.old}
    added = {s.new for s in diff.sections if s.kind == "added" and s.new}
    removed = {s.old for s in diff.sections if s.kind == "removed" and s.old}
    announced: set[str] = set()
    out: list[str] = []
    turns = list(interleave(diff, rows(diff, show_all=True), share=False, sides=written_in))
    all_rows = [turn.row for turn in turns]
    prev_new: Row | None = None
    i = 0
    while i < len(turns):
        left = turns[i].left_old
        if left is not None and left in removed:
            out.append(f"Delete the heading {_q(left)}.")
            removed.discard(left)
        for heading in turns[i].headings:
            new = heading.new
            if new is None or new in announced:
                continue
            announced.add(new)
            if new in renamed:
                out.append(f"Replace the heading {_q(renamed[new])} by {_q(new)}.")
            elif new in added:
                where = f"After {_anchor_name(prev_new)}" if prev_new else "At the beginning"
                out.append(f"{where}, insert the new heading {_q(new)}.")
        consumed, line = _row_instruction(all_rows, i, prev_new)
        if line is not None:
            out.append(line)
        if stands(all_rows[i])[1] is not None:
            prev_new = all_rows[i + consumed - 1]
        i += consumed
    out.extend(f"Delete the heading {_q(heading)}." for heading in sorted(removed))
    return [printable(line) for line in out]


def _group(all_rows: list[Row], i: int, belongs: Callable[[Row], bool]) -> list[Change]:
    """The change of row ``i`` and of the rows after it that ``belongs`` accepts."""
    group = [all_rows[i].change]
    while i + len(group) < len(all_rows) and belongs(all_rows[i + len(group)]):
        group.append(all_rows[i + len(group)].change)
    return group


def _row_instruction(all_rows: list[Row], i: int, prev_new: Row | None) -> tuple[int, str | None]:
    """The instruction for row ``i`` (None for an unchanged clause or the old place of a
    moved one) and how many rows it covers: consecutive re-letterings, or deletions of
    labelled clauses, of one section are grouped into one instruction."""
    row = all_rows[i]
    change = row.change
    if row.moved_away or row.kept:
        return 1, None
    if _is_relabel_only(change):
        section = change.old[0].section
        group = _group(
            all_rows,
            i,
            lambda r: (
                not r.moved_away
                and _is_relabel_only(r.change)
                and r.change.old[0].section == section
            ),
        )
        olds = [c.old[0] for c in group]
        news = [c.new[0] for c in group]
        line = (
            f"{_verb([r.label or '' for r in olds])} {_section_prefix(olds[0])}{_range(olds)}"
            f" as {_range(news)}."
        )
        return len(group), line
    if change.kind == "removed":
        first = change.old[0]
        group = _group(
            all_rows,
            i,
            lambda r: (
                r.change.kind == "removed"
                and r.change.old[0].section == first.section
                and bool(first.label or _is_un(first))
                and bool(r.change.old[0].label or _is_un(r.change.old[0]))
            ),
        )
        olds = [c.old[0] for c in group]
        if len(olds) == 1:
            return 1, f"Delete {clause_name(olds[0])}."
        return len(olds), f"Delete {_section_prefix(olds[0])}{_range(olds)}."
    return 1, _change_instruction(change, prev_new)


def _change_instruction(change: Change, prev_new: Row | None) -> str:
    """The instruction for an added, split, merged, moved or amended clause."""
    if change.kind == "added":
        return _added(change, prev_new)
    if change.kind in ("split", "merged"):
        return _split_merge(change)
    if change.moved:
        return _moved(change)
    # amended (perhaps editorial, perhaps re-lettered too)
    old, new = change.old[0], change.new[0]
    if change.renumbered and old.label != new.label:
        found = _short_edits(change)
        if found:
            return f"{_relabel_lead(old, new)}, and in it {_join([e.phrase() for e in found])}."
        return f"{_relabel_lead(old, new)}, and amend it to read: {_q(new.text)}."
    return _amend(change, clause_name(old), new.text)


def _title(diff: Diff) -> str:
    raw = diff.old.number or diff.new.number
    if raw is not None and _UN_NUMBER.fullmatch(raw):
        return f"Amendments to resolution {raw}:"
    number = itu_number_line(raw) or diff.old.source or "the resolution"
    return f"Amendments to {number}:"


def render(result: Diff | TreeDiff, options: RenderOptions) -> str:
    """Render amending instructions, one per line (a tree diff: one block per resolution)."""
    if isinstance(result, Diff):
        lines = instructions(result)
        return "\n".join([_title(result), *lines]) + "\n" if lines else "No amendments.\n"
    blocks: list[str] = []
    for entry in result.entries:
        if entry.status == "added":
            blocks.append(f"Add the new resolution {printable(entry.path)}.")
        elif entry.status == "removed":
            blocks.append(f"Suppress the resolution {printable(entry.path)}.")
        elif entry.diff is not None and expands(entry, options.show_all):
            lines = instructions(entry.diff)
            head = f"{printable(entry.path)}: " + _title(entry.diff)
            blocks.append("\n".join([head, *lines]) if lines else f"{head}\nNo amendments.")
    return "\n\n".join(blocks) + "\n" if blocks else "No amendments.\n"
