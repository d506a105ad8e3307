"""ITU revision marks in plain text (``--format itu``).

Each clause carries the mark ITU proposals and Final Acts use: ADD (new text), MOD
(amended; deletions ``[-…-]``, insertions ``{+…+}``), (MOD) (editorial only), SUP
(suppressed), NOC (no change; only with ``--all``). Moved text is marked as proposals do:
SUP* where it left and ADD* where it arrived, each with a note naming the other end
(ADD*/SUP* per SOURCES.md). A re-lettered clause is MOD with its label marked
(``[-e)-]{+f)+}``). In a tree diff each resolution first carries its own mark. The
number line is written in ITU style: ``RESOLUTION 179 (REV. DUBAI, 2018)``.

Heading marks (ADD / MOD / SUP ``heading``) come first, in the new text's order; an
unchanged section is listed there too (``NOC\\theading recalling``) when the marks would
not otherwise say where it stands against the others: its order against another kept
section changed, or an added section follows it and none of its clauses is marked.

Layout, one block per clause, blank line between::

    MOD	considering d)
    d)	that parents, guardians[- and educators-]{+, educators and communities+} are …
"""

from __future__ import annotations

from resdiff.changes import Diff, SectionChange, TreeDiff, TreeEntry, WordOp
from resdiff.model import section_key
from resdiff.render import RenderOptions
from resdiff.render.report import Note, Row, expands, row_ops, rows
from resdiff.render.wording import (
    clause_name,
    is_header,
    itu_number_line,
    label_or_name,
    printable,
    summary_line,
    tree_summary_line,
)

__all__ = ["marked", "render"]


def marked(ops: list[WordOp] | tuple[WordOp, ...]) -> str:
    """Plain-text revision marks: ``[-deleted-]`` and ``{+inserted+}``, kept text as is."""
    out: list[str] = []
    for op, text in ops:
        text = printable(text)
        if op == "-":
            out.append(f"[-{text}-]")
        elif op == "+":
            out.append(f"{{+{text}+}}")
        else:
            out.append(text)
    return "".join(out)


def _section_mark(section: SectionChange, listed: bool = False) -> str | None:
    if section.kind == "renamed":
        return (
            f"MOD\theading [-{printable(section.old or '')}-]{{+{printable(section.new or '')}+}}"
        )
    if section.kind == "added":
        return f"ADD\theading {{+{printable(section.new or '')}+}}"
    if section.kind == "removed":
        return f"SUP\theading [-{printable(section.old or '')}-]"
    if listed:
        return f"NOC\theading {printable(section.old or '')}"
    return None


def _key_of(path: str, heading: str) -> str | None:
    """The section part of a clause path (``annex/considering`` of
    ``annex/considering/a``), None for a paragraph before any heading."""
    key = section_key(heading)
    segments = path.split("/")
    for n, segment in enumerate(segments[:-1]):
        if segment.split("~", 1)[0] == key:
            return "/".join(segments[: n + 1])
    return None


def _new_keys(diff: Diff) -> dict[int, str]:
    """The new text's section key (``annex/considering``) of each section of
    ``diff.sections`` that has a clause in the new text, by its index there: the n-th
    section with a heading is the n-th key with it in the new text's order."""
    keys: dict[str, list[str]] = {}  # new heading → its sections' keys, in new order
    for change in diff.changes:
        if change.new:
            new = change.new[0]
            key = _key_of(new.path, new.section)
            if key is not None and key not in keys.setdefault(new.section, []):
                keys[new.section].append(key)
    out: dict[int, str] = {}
    seen: dict[str, int] = {}  # new heading → sections with it so far
    for n, section in enumerate(diff.sections):
        if section.new is None:
            continue
        k = seen.get(section.new, 0)
        seen[section.new] = k + 1
        if k < len(keys.get(section.new, [])):
            out[n] = keys[section.new][k]
    return out


def _old_places(diff: Diff, new_keys: dict[int, str]) -> dict[int, int]:
    """Where each kept (unchanged or renamed) section of ``diff.sections`` stood in the old
    text: the old position of a clause that stayed in it (sections are contiguous, so any
    one orders it among the others). Known only from a diff's outlines."""
    if diff.outlines is None:
        return {}
    old_at = {path: n for n, path in enumerate(diff.outlines[0].order)}
    stayed: dict[tuple[str, str], int] = {}  # (new key, old heading) → first old position
    for change in diff.changes:
        if change.new and change.old and change.old[0].path in old_at:
            key = _key_of(change.new[0].path, change.new[0].section)
            if key is not None:
                at = (key, change.old[0].section)
                stayed[at] = min(stayed.get(at, len(old_at)), old_at[change.old[0].path])
    places: dict[int, int] = {}
    for n, key in new_keys.items():
        section = diff.sections[n]
        place = stayed.get((key, section.old or ""))
        if section.kind in ("unchanged", "renamed") and place is not None:
            places[n] = place
    return places


def _listed_sections(diff: Diff, show_all: bool) -> set[int]:
    """Indices in ``diff.sections`` of the unchanged sections the marks list (``NOC
    heading``), since a reader of the marks keeps an unlisted section where it stood in
    the base: those that changed places with another kept section, and the one an added
    section follows when no clause block of its own says where it stands."""
    new_keys = _new_keys(diff)
    listed = _crossed(sorted(_old_places(diff, new_keys).items()))
    marked = {
        _key_of(ref.path, ref.section)
        for row in rows(diff, show_all)
        if not row.moved_away
        for ref in row.change.new
    } - {None}
    for n, section in enumerate(diff.sections):
        if section.kind != "added":
            continue
        # the kept section it follows (an added one before it does this for both)
        k = n - 1
        while k >= 0 and diff.sections[k].kind == "removed":
            k -= 1
        if k >= 0 and diff.sections[k].kind != "added" and new_keys.get(k) not in marked:
            listed.add(k)
    return {n for n in listed if diff.sections[n].kind == "unchanged"}


def _crossed(places: list[tuple[int, int]]) -> set[int]:
    """The sections of ``places`` (``(section, old place)`` in the new text's order) that
    changed places with another: those with a later one that stood before them in the old
    text, or an earlier one that stood after them. One pass each way, not every pair:
    a resolution may have thousands of sections."""
    crossed: set[int] = set()
    highest = -1  # the latest old place of the sections so far
    for section, place in places:
        if highest > place:
            crossed.add(section)
        highest = max(highest, place)
    lowest = None  # the earliest old place of the sections after
    for section, place in reversed(places):
        if lowest is not None and lowest < place:
            crossed.add(section)
        lowest = place if lowest is None else min(lowest, place)
    return crossed


def _label(row: Row) -> str:
    change = row.change
    if row.moved_away:
        return printable(label_or_name(change.old[0]))
    if change.renumbered and change.old and change.new and not change.moved:
        old, new = label_or_name(change.old[0]), label_or_name(change.new[0])
        return f"[-{printable(old)}-]{{+{printable(new)}+}}"
    ref = change.new[0] if change.new else change.old[0]
    return printable(label_or_name(ref))


def _names(row: Row) -> str:
    change = row.change
    if row.moved_away:
        return clause_name(change.old[0])
    refs = change.new or change.old
    return " + ".join(clause_name(r) for r in refs)


def _note(note: Note) -> str:
    """A row's note as the marks say it; a re-lettered clause without a label is named in
    full (``was requests the Council ¶1``)."""
    if note.kind == "was":
        return f"was {label_or_name(note.refs[0])}"
    return note.text


def _row_block(row: Row) -> str:
    head = f"{row.mark}\t{printable(_names(row))}"
    if row.notes:
        head += " (" + "; ".join(printable(_note(n)) for n in row.notes) + ")"
    ops = row_ops(row)
    if row.change.kind == "added" and not row.moved_away:
        ops = [("+", "".join(t for _, t in ops))]
    elif row.change.kind == "removed":
        ops = [("-", "".join(t for _, t in ops))]
    if is_header(row.ref):
        return f"{head}\n{marked(ops)}"
    return f"{head}\n{_label(row)}\t{marked(ops)}"


def render_diff(diff: Diff, options: RenderOptions) -> str:
    """The marks of one resolution: its mark and number line, section marks, clause blocks."""
    number = itu_number_line(diff.new.number or diff.old.number) or "(no number line)"
    lines = [f"{'MOD' if diff.differs else 'NOC'}\t{printable(number)}"]
    old_number = itu_number_line(diff.old.number)
    if old_number and old_number != itu_number_line(diff.new.number):
        lines.append(f"\t(revises {printable(old_number)})")
    if diff.new.title or diff.old.title:
        lines.append(f"\t{printable(diff.new.title or diff.old.title or '')}")
    lines.append(f"\t{summary_line(diff)}")
    blocks = ["\n".join(lines)]
    listed = _listed_sections(diff, options.show_all)
    heading_marks = [
        m for m in (_section_mark(s, n in listed) for n, s in enumerate(diff.sections)) if m
    ]
    if heading_marks:
        blocks.append("\n".join(heading_marks))
    blocks.extend(_row_block(row) for row in rows(diff, options.show_all))
    return "\n\n".join(blocks) + "\n"


def _entry(entry: TreeEntry, options: RenderOptions) -> str | None:
    if entry.status == "unchanged" and not options.show_all:
        return None
    if entry.diff is None or not expands(entry, options.show_all):
        return f"{entry.mark}\t{printable(entry.path)}\n"
    body = render_diff(entry.diff, options)
    first, _, rest = body.partition("\n")
    return f"{entry.mark}\t{printable(entry.path)}\n{first.split(chr(9), 1)[1]}\n{rest}"


def render(result: Diff | TreeDiff, options: RenderOptions) -> str:
    """Render a diff (or a tree diff) with ITU revision marks as plain text."""
    if isinstance(result, Diff):
        return render_diff(result, options)
    parts = [tree_summary_line(result) + "\n"]
    parts.extend(p for p in (_entry(e, options) for e in result.entries) if p)
    return "\n".join(parts)
