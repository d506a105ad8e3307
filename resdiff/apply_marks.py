"""Apply a proposal written in ITU revision marks to the base text it was written against.

:func:`apply_marks` is what ``resdiff.apply(base, marked)`` calls: it reads the marked
text (:mod:`resdiff.itu_marks`: the layout ``resdiff diff --format itu`` prints), checks
every mark against the base and builds the resulting resolution. The round trip is the
contract: ``apply_marks(old, itu(diff(old, new)))`` has exactly ``new``'s clauses (paths,
labels, texts), on every real pair (tested).

How a mark meets the base:

- MOD, (MOD), ADD* (moved), NOC, SUP, SUP* name a base clause and quote its text (kept +
  deleted words). The base clause is the unused one whose text is exactly that, the one
  named preferred (the name, or the note "moved from …", "merged from …"); when none
  reads so, the marks do not fit the base and :class:`~resdiff.itu_marks.MarksError`
  names the clause and the words that are not in it.
- Clauses the marks do not mention are unchanged (NOC is printed only with ``--all``).
  They keep their place: between the amended or removed clauses of their section that
  stood before and after them in the base; next to added clauses, by label order, or for
  an unlabelled paragraph by its number (``¶2``) in its section.
- Sections: heading marks rename (MOD), remove (SUP), add (ADD) sections and name an
  unchanged one for its place (NOC); the sections they name stand in the marks' order,
  the others where they stood among them in the base; an added section begins where its
  first clause stands, after the sections named by earlier heading marks. Each clause's
  section is read from its name (``recognizing c)``, ``annex considering a)``).

What the marks do not carry is taken from the base or made up, as documented in
``docs/formats/itu.md``: an annex's heading and title lines (a new annex gets
``ANNEX n TO RESOLUTION …``), and where a split clause's text divides between its parts.
The result is built as canonical text and parsed, so it is a :class:`Resolution` like any
other (and ``to_text()`` is the text to write).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resdiff.apply_base import UN_NAME, BaseClause, BaseClauses, amended_name, un_label
from resdiff.changes import WordOp
from resdiff.itu_marks import (
    Block,
    HeadingMark,
    MarkedText,
    MarksError,
    header_part,
    new_side,
    parse_marked,
    parse_ops,
    unescape,
)
from resdiff.model import FOOTNOTE_RULE, FOOTNOTES, HEADER, Clause, Resolution, label_key
from resdiff.parsing import parse_text

__all__ = ["MarksError", "apply_marks"]

_HEADER_ORDER = {"symbol": -3, "agenda": -2, "adopted": -1, "number": 0, "title": 1, "formula": 2}


@dataclass
class _Slot:
    """A section of the result: header, a body or annex section, or the footnotes."""

    kind: str  # "header", "section", "footnotes"
    heading: str
    annex: int = 0  # 0: the body; n: the n-th annex
    base: int | None = None  # index of the base section slot it continues
    prefix: str = ""  # how clause names in it begin ("annex 2 considering")
    mark: int | None = None  # index of the heading mark naming it (MOD, NOC, ADD), if any


@dataclass
class _Item:
    """A clause of the result (or the anchor a removal gives), in the marks' order."""

    label: str | None
    text: str
    anchor: int | None  # base index of the clause it continues in place, if any
    emit: bool = True
    depth: int = 1
    key: str = ""  # label key, or "#n" for an unlabelled paragraph numbered n
    part: str | None = None  # header part
    parent: int = 0  # UN layout: the number of a sub-paragraph's paragraph (4 for OP4(a))
    extra: list[tuple[str | None, str]] = field(default_factory=list)  # split parts


def apply_marks(base: Resolution, marked: str, source: str | None = None) -> Resolution:
    """The resolution ``marked`` (ITU revision marks) makes of ``base``.

    Raises :class:`~resdiff.itu_marks.MarksError` (a :class:`~resdiff.errors.ResdiffError`)
    when the marks cannot be read or do not fit ``base``, naming the line, the clause and
    the words. ``source`` names the result (for diagnostics and reports).
    """
    return _Applier(base, parse_marked(marked)).run(source)


class _Applier:
    def __init__(self, base: Resolution, marks: MarkedText) -> None:
        self.base = base
        #: a UN-layout result (the base is one, or the marks name PP3 / OP5 paragraphs):
        #: its parts have no heading lines
        self.un = base.layout == "un" or any(
            UN_NAME.fullmatch(block.name.split(" + ", 1)[0]) for block in marks.blocks
        )
        self.blocks = marks.blocks
        self.slots: list[_Slot] = [_Slot("header", HEADER)]
        self.pool = BaseClauses()
        self.olds = self.pool.olds
        self.annex_heads: dict[int, tuple[str, str | None]] = {}
        self._read_base()
        self.base_slots = list(self.slots)
        self.added = self._apply_headings(marks.headings)

    # -- the base ------------------------------------------------------------------
    def _read_base(self) -> None:
        base = self.base
        for part in base.header.parts():
            self.pool.add(part, 0)
        sections = [(0, s) for s in base.sections]
        for n, annex in enumerate(base.annexes, start=1):
            self.annex_heads[n] = (annex.heading, annex.title)
            sections.extend((n, s) for s in annex.sections)
        for annex_no, section in sections:
            prefix = _annex_prefix(annex_no)
            self.slots.append(_Slot("section", section.heading, annex_no, len(self.slots), prefix))
            for clause in section.walk():
                self.pool.add(clause, len(self.slots) - 1)
        self.slots.append(_Slot("footnotes", FOOTNOTES))
        for note in base.footnotes:
            self.pool.add(note, len(self.slots) - 1)
        self.slots[0].base = 0
        self.slots[-1].base = len(self.slots) - 1

    def _apply_headings(self, marks: tuple[HeadingMark, ...]) -> list[tuple[str, int]]:
        """Rename and remove base sections; return the headings of added sections, each
        with the index of its mark.

        Also records the base sections the heading marks name (MOD, SUP, NOC), in the
        marks' order: the order :meth:`_section_order` gives them."""
        added: list[tuple[str, int]] = []
        self.removed: set[int] = set()
        #: base sections the heading marks name, in the marks' (the new text's) order
        self.listed: list[int] = []
        for n, mark in enumerate(marks):
            if mark.mark == "ADD":
                added.append((mark.new or "", n))
                continue
            found = next(
                (
                    i
                    for i, s in enumerate(self.slots)
                    if s.kind == "section" and s.heading == mark.old and i not in self.listed
                ),
                None,
            )
            if found is None:
                raise MarksError(
                    f"line {mark.line}: {mark.mark} heading {mark.old!r}: the base has no such"
                    " section"
                )
            self.listed.append(found)
            if mark.mark == "SUP":
                self.removed.add(found)
            else:
                slot = self.slots[found]
                self.slots[found] = _Slot(
                    "section", mark.new or "", slot.annex, found, slot.prefix, mark=n
                )
        return added

    def _section_order(self) -> list[_Slot]:
        """The base's sections less the removed ones, in the order the heading marks give.

        Heading marks come in the new text's order (a removed section at its old place),
        so the sections they name stand in the marks' order; a section they do not name
        stands before the first of those (in the marks' order) that came after it in the
        base, else after them all. The writer names every section whose place among the
        others changed and those it crossed (``NOC heading``), so the unnamed ones kept
        theirs; with fewer marks (written by hand), a renamed section marked after one that
        stood later in the base still moves after it."""
        sections = [i for i, s in enumerate(self.slots) if s.kind == "section"]
        rank = {slot: n for n, slot in enumerate(self.listed)}
        order = list(self.listed)
        for i in sections:
            if i in rank:
                continue
            later = [rank[j] for j in sections if j > i and j in rank]
            if later:
                # after the unnamed sections already put before that one
                order.insert(order.index(self.listed[min(later)]), i)
            else:
                order.append(i)
        ordered = [0, *order, len(self.slots) - 1]
        return [self.slots[i] for i in ordered if i not in self.removed]

    # -- the run -------------------------------------------------------------------
    def run(self, source: str | None) -> Resolution:
        slots = self._section_order()
        placed: list[tuple[_Slot, _Item]] = []  # in the marks' order
        pointer = 0
        for block in self.blocks:
            if block.mark == "SUP*":
                self.pool.check_moved_away(block)
                continue
            if block.mark == "SUP":
                old = self.pool.removed(block)
                target = next((s for s in slots if s.base == old.slot), None)
                if target is not None:
                    placed.append((target, _Item(None, "", old.index, emit=False)))
                continue
            item = self._item(block)
            # a clause amended in place stays in the section its base section became
            continued = self._continued_slot(item, slots)
            pointer = continued if continued is not None else self._slot_of(block, slots, pointer)
            placed.append((slots[pointer], item))
        slots = _slot_order(slots, [s for s, item in placed if item.emit])
        lines: list[str] = []
        last_annex = 0
        for slot in slots:
            items = [item for s, item in placed if s is slot]
            base_slot = slot.base if slot.base is not None else -1
            nocs = [o for o in self.olds if o.slot == base_slot and not o.used]
            merged = _merge(items, nocs, self.un)
            if slot.kind == "header":
                merged.sort(key=lambda it: _HEADER_ORDER.get(it.part or "", 3))
                lines.extend(it.text for it in merged)
                continue
            if slot.kind == "footnotes":
                if merged:
                    lines.append(FOOTNOTE_RULE)
                lines.extend(_line(it.label, it.text) for it in merged)
                continue
            if slot.annex != last_annex:
                last_annex = slot.annex
                heading, title = self.annex_heads.get(
                    slot.annex, (self._new_annex_heading(slot.annex, lines), None)
                )
                lines.append(heading)
                if title:
                    lines.append(title)
            if slot.heading and not self.un:
                lines.append(slot.heading)
            for it in merged:
                lines.append(_line(it.label, it.text))
                lines.extend(_line(label, text) for label, text in it.extra)
        leftover = [o for o in self.olds if not o.used and o.slot in self.removed]
        if leftover:
            old = leftover[0]
            raise MarksError(
                f"{old.name}: its section is suppressed (SUP heading) but the marks neither"
                " suppress nor move the clause"
            )
        text = "\n\n".join(line for line in lines if line) + "\n"
        return parse_text(text, source, "un" if self.un else self.base.layout)

    def _continued_slot(self, item: _Item, slots: list[_Slot]) -> int | None:
        if item.anchor is None or item.part is not None:
            return None
        base_slot = self.olds[item.anchor].slot
        return next((i for i, s in enumerate(slots) if s.base == base_slot), None)

    def _new_annex_heading(self, annex: int, lines: list[str]) -> str:
        number = lines[0] if lines else ""
        m = re.search(
            r"\b(RESOLUTION|DECISION|RECOMMENDATION|OPINION)\s+([0-9][0-9A-Za-z/.-]*)",
            number,
            re.IGNORECASE,
        )
        kind, num = (m.group(1).upper(), m.group(2)) if m else ("RESOLUTION", "1")
        return f"ANNEX {annex} TO {kind} {num}"

    # -- blocks --------------------------------------------------------------------
    def _slot_of(self, block: Block, slots: list[_Slot], pointer: int) -> int:
        """Index in ``slots`` of the section a (non-removal) block stands in."""
        name = block.name.split(" + ", 1)[0]
        if header_part(name) is not None:
            return 0
        if self.un and UN_NAME.fullmatch(name):
            return _un_slot(name, slots)
        if re.fullmatch(r"footnote \S+", name):
            return len(slots) - 1
        folded = name.casefold()
        best: tuple[int, int] | None = None
        # blocks come in the new text's order: look from the current section on, then
        # (sections reordered) from the start
        for i in [*range(pointer, len(slots) - 1), *range(0, pointer)]:
            slot = slots[i]
            if slot.kind != "section":
                continue
            prefix = _slot_name(slot.prefix, slot.heading).casefold() + " "
            if folded.startswith(prefix) and (best is None or len(prefix) > best[1]):
                best = (i, len(prefix))
        for heading, mark in self.added:
            m = re.match(r"annex(?: (\d+))? ", name)
            candidates = [("", 0)]
            if m:
                number = int(m.group(1) or 1)
                candidates.insert(0, (_annex_prefix(number), number))
            for prefix_text, annex in candidates:
                prefix = _slot_name(prefix_text, heading).casefold() + " "
                # paragraphs before any heading, named like an annex's: the body's own
                # when nothing of the body has been placed yet
                first = not heading and slots[pointer].kind == "header"
                longer = best is None or len(prefix) > best[1] or (first and len(prefix) == best[1])
                if folded.startswith(prefix) and longer:
                    self.added.remove((heading, mark))
                    at = pointer + 1 if pointer < len(slots) - 1 else pointer
                    if slots[pointer].kind == "header":
                        at = self._first_section(slots, annex)
                    # after the sections whose heading marks come before its own (the
                    # clause before it may stand in a section before those)
                    before = [
                        i
                        for i, s in enumerate(slots)
                        if s.mark is not None and s.mark < mark and s.annex == annex
                    ]
                    at = max([at, *(i + 1 for i in before)])
                    slots.insert(at, _Slot("section", heading, annex, None, prefix_text, mark))
                    return at
        if best is None:
            raise MarksError(
                f"{block.where}: no section of the base (or added by a heading mark) has"
                " this clause's heading"
            )
        return best[0]

    @staticmethod
    def _first_section(slots: list[_Slot], annex: int) -> int:
        for i, slot in enumerate(slots):
            if slot.kind != "header" and (slot.kind == "footnotes" or slot.annex >= annex):
                return i
        return len(slots) - 1

    def _item(self, block: Block) -> _Item:
        part = header_part(block.name)
        label = _new_label(block.label)
        names = block.name.split(" + ")
        depth, key = _depth_and_key(names[0], label)
        un_name = UN_NAME.fullmatch(names[0]) if self.un else None
        if un_name:
            label, depth, key = un_label(names[0])
        if block.mark == "ADD":
            text = block.text
            if text.startswith("{+") and text.endswith("+}"):
                new_text = unescape(text[2:-2])
            else:
                ops = parse_ops(text)
                if any(op != "+" for op, _ in ops):
                    raise MarksError(f"{block.where}: an added clause's text must read {{+…+}}")
                new_text = new_side(ops)
            item = _Item(label, new_text, None, depth=depth, key=key, part=part)
            if un_name:
                item.parent = int(un_name.group("number"))
        else:
            moved = block.note("moved from ")
            merged = block.note("merged from ")
            split = block.note("split from ")
            wanted = (
                merged.split(" + ")
                if merged
                else [moved]
                if moved
                else [split]
                if split
                else [amended_name(block, label)]
            )
            ops = (("=", unescape(block.text)),) if block.mark == "NOC" else parse_ops(block.text)
            if merged:
                olds = self.pool.take_merged(block, wanted, ops)
            else:
                ops, olds = self.pool.take_amended(block, wanted, ops)
            new_text = new_side(ops)
            anchor = None if moved else min(o.index for o in olds)
            item = _Item(label, new_text, anchor, depth=depth, key=key, part=part)
            if split and len(names) > 1:
                item = _split(item, names, ops)
                if self.un:
                    item.extra = [
                        (un_label(n)[0] if UN_NAME.fullmatch(n) else lab, text)
                        for n, (lab, text) in zip(names[1:], item.extra, strict=True)
                    ]
        return item


def _un_slot(name: str, slots: list[_Slot]) -> int:
    """The preamble or operative part a UN-layout paragraph (``PP3``, ``OP5``) stands
    in; a part the base lacks is added after the header (preamble) or at the end."""
    part = "preamble" if name.startswith("PP") else "operative"
    found = next(
        (i for i, s in enumerate(slots) if s.kind == "section" and s.heading == part), None
    )
    if found is not None:
        return found
    at = 1 if part == "preamble" else len(slots) - 1
    slots.insert(at, _Slot("section", part))
    return at


def _slot_order(slots: list[_Slot], used: list[_Slot]) -> list[_Slot]:
    """Sections in the result's order: those with marked clauses as the marks list them,
    the others (all their clauses unchanged) after the section before them in the base."""
    order: list[_Slot] = []
    for slot in used:
        if not any(s is slot for s in order):
            order.append(slot)
    for i, slot in enumerate(slots):
        if any(s is slot for s in order):
            continue
        if slot.kind == "header":
            order.insert(0, slot)
            continue
        before = slots[i - 1] if i else None
        at = next((n + 1 for n, s in enumerate(order) if s is before), 0)
        order.insert(at, slot)
    header = [s for s in order if s.kind == "header"]
    notes = [s for s in order if s.kind == "footnotes"]
    rest = [s for s in order if s.kind == "section"]
    rest.sort(key=lambda s: s.annex)  # stable: an annex's sections stay after the body's
    return header + rest + notes


def _merge(items: list[_Item], nocs: list[BaseClause], un: bool = False) -> list[_Item]:
    """The section's clauses in order: the marks' items with the unmentioned base clauses
    (unchanged, in base order) put back between them (``un``: a UN-layout base)."""
    out: list[_Item] = []
    pending = list(nocs)
    top = 0

    def take() -> None:
        nonlocal top
        old = pending.pop(0)
        clause = old.clause
        depth, key = _old_depth_and_key(clause)
        out.append(_Item(clause.label, clause.text, old.index, depth=depth, key=key))
        top += depth == 1
        if clause.section == HEADER:
            out[-1].part = clause.path.rsplit("/", 1)[-1]

    for item in items:
        if item.anchor is not None:
            while pending and pending[0].index < item.anchor:
                take()
        else:
            while pending and _noc_first(pending[0], item, top, un):
                take()
        if item.emit:
            out.append(item)
            top += item.depth == 1
    while pending:
        take()
    return [it for it in out if it.emit]


def _noc_first(old: BaseClause, item: _Item, top: int, un: bool = False) -> bool:
    """Whether an unchanged base clause stands before an added (or moved-in) one.

    In a UN-layout base an added sub-paragraph (``OP4(a)``) follows its paragraph (the
    fourth top-level one) and the sub-paragraphs lettered before it.
    """
    depth, key = _old_depth_and_key(old.clause)
    if un and item.depth > 1:
        if depth == 1:
            return top < item.parent
        return top < item.parent or _natural(key) < _natural(item.key)
    if item.key.startswith("#") and item.depth == 1:
        return top + 1 < int(item.key[1:] or 0)
    if depth > item.depth:
        return True  # a sub-clause stays with the clause before it
    if key.startswith("#") or not item.key:
        return True
    return _natural(key) < _natural(item.key)


def _natural(key: str) -> tuple[tuple[int, int, str], ...]:
    out: list[tuple[int, int, str]] = []
    for chunk in re.split(r"(\d+)", key):
        if chunk.isdigit():
            out.append((0, int(chunk), ""))
        elif chunk:
            out.append((1, 0, chunk))
    return tuple(out)


def _old_depth_and_key(clause: Clause) -> tuple[int, str]:
    segments = clause.path.split("/")
    key = segments[-1].split("~", 1)[0]
    start = 1
    for i, seg in enumerate(segments[:-1]):
        if seg.split("~", 1)[0] in ("annex",):
            continue
        start = i + 1
        break
    return max(1, len(segments) - start), key


def _depth_and_key(name: str, label: str | None) -> tuple[int, str]:
    """How deep a named clause stands (1: top level) and its path key (``c``, ``#2``)."""
    m = re.search(r"¶(\d+)$", name)
    if label is None and m:
        return 1, "#" + m.group(1)
    if not label:
        return 1, ""
    rest = name[: len(name) - len(label)].rstrip() if name.endswith(label) else name
    # an annex's number ("annex 2 5 a)") is not a parent paragraph's
    rest = re.sub(r"^annex \d+(?= |$)", "annex", rest)
    depth = 1
    for token in reversed(rest.split(" ")):
        if re.fullmatch(r"(?:[0-9]+[a-z]*|[a-z]{1,4})(?:~\d+)?", token) and any(
            c.isdigit() for c in token
        ):
            depth += 1
        else:
            break
    return depth, label_key(label)


def _split(item: _Item, names: list[str], ops: tuple[WordOp, ...]) -> _Item:
    """A split clause's parts: where its new text divides is not in the marks, so it is
    divided after punctuation the split inserted (``{+;+} ``), else after ``; ``, else
    after other clause-ending punctuation."""
    text = new_side(ops)
    inserted: list[int] = []
    at = 0
    for op, words in ops:
        if op == "-":
            continue
        at += len(words)
        if op == "+" and words[-1:] in (";", ":", ",", ".") and text[at : at + 1] == " ":
            inserted.append(at + 1)
    cuts = (
        inserted
        or [m.end() for m in re.finditer(r"; ", text)]
        or [m.end() for m in re.finditer(r"[:.,] ", text)]
    )
    parts: list[str] = []
    start = 0
    for cut in cuts[: len(names) - 1]:
        parts.append(text[start : cut - 1])
        start = cut
    parts.append(text[start:])
    while len(parts) < len(names):
        parts.append("")
    labels = [item.label] + [_name_label(n) for n in names[1:]]
    item.text = parts[0]
    item.extra = list(zip(labels[1:], parts[1:], strict=True))
    return item


def _name_label(name: str) -> str | None:
    last = name.rsplit(" ", 1)[-1]
    return None if last.startswith("¶") else last


def _new_label(field_: str | None) -> str | None:
    """The label a block's label field gives the clause (None: unlabelled or a header part)."""
    if field_ is None:
        return None
    label = new_side(parse_ops(field_)) if ("[-" in field_ or "{+" in field_) else unescape(field_)
    if "¶" in label or not label:
        return None
    return label


def _annex_prefix(annex: int) -> str:
    return "" if annex == 0 else "annex" if annex == 1 else f"annex {annex}"


def _slot_name(prefix: str, heading: str) -> str:
    """How clause names in a section begin (as :func:`clause_name` writes them): annex
    prefix and heading (``annex 2 considering``); an annex's paragraphs before any heading
    by the annex's number alone (``annex 1``), the body's by nothing."""
    if not prefix:
        return heading
    if not heading:
        return "annex 1" if prefix == "annex" else prefix
    return f"{prefix} {heading}"


def _line(label: str | None, text: str) -> str:
    if label and text:
        return f"{label} {text}"
    return label or text
