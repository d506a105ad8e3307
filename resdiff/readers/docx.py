"""Word documents (.docx) as resolution text, with their tracked changes accepted or rejected.

What is read (WordprocessingML, through :mod:`resdiff.readers.safexml`): the body's
paragraphs in order, each table row as one paragraph (its cells joined by a tab), content
controls and hyperlinks by their text, a field by its shown result; footnotes
(``word/footnotes.xml``) at the end, after a rule, numbered in order of reference, as the
canonical text writes them. Comments, bookmarks, field instructions, drawings and all
formatting are ignored. ITU layout (label, tab, text) reads as ``label text``.

Tracked changes, as Word's "Accept all" / "Reject all" resolve them: ``w:ins`` and
``w:moveTo`` are kept on accept and dropped on reject, ``w:del`` / ``w:delText`` and
``w:moveFrom`` the other way round, at any nesting (a deletion inside an insertion is gone
either way). A deleted paragraph mark (``w:pPr/w:rPr/w:del``) joins the paragraph with the
next one on accept; an inserted one (``w:pPr/w:rPr/w:ins``) does so on reject. Inserted
and deleted table rows (``w:trPr/w:ins|w:del``) likewise. Formatting changes
(``w:rPrChange``, ``w:pPrChange``) change no text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Literal

from lxml import etree

from resdiff.errors import InputError
from resdiff.readers.safexml import BoundedZip

Changes = Literal["accept", "reject"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTE_RULE = "_" * 20

#: Elements whose content is ignored entirely: properties, field codes, comments'
#: anchors, drawings and text boxes (not the resolution's text).
_SKIP = {
    W + "pPr",
    W + "rPr",
    W + "tblPr",
    W + "trPr",
    W + "tcPr",
    W + "sectPr",
    W + "instrText",
    W + "delInstrText",
    W + "commentReference",
    W + "footnoteRef",
    W + "endnoteRef",
    W + "endnoteReference",
    W + "drawing",
    W + "pict",
    W + "object",
    MC + "AlternateContent",
    W + "rPrChange",
    W + "pPrChange",
}
#: A label at the start of a paragraph followed by a tab (ITU layout).
_LABEL_TAB = re.compile(r"^(\(?[0-9A-Za-z]{1,6}(?:\.[0-9A-Za-z]{1,4})*[.)]?(?: bis| ter)?)\t")


def read_docx(path: str | os.PathLike[str], changes: Changes = "accept") -> str:
    """The text of the Word document at ``path`` with every tracked change accepted (the
    default: the document as it now reads) or rejected (as it read before the changes).

    One paragraph per line, a blank line between paragraphs, footnotes at the end.
    :class:`~resdiff.errors.InputError` (one line naming the file) for anything that is not
    a readable .docx: not a zip, truncated, no main document, malformed or hostile XML,
    a member that decompresses beyond the bound.
    """
    if changes not in ("accept", "reject"):
        raise ValueError(f"changes must be 'accept' or 'reject', not {changes!r}")
    archive = BoundedZip(path)
    main = _main_part(archive)
    body = archive.xml(main).find(W + "body")
    if body is None:
        raise InputError(f"{path}: {main} has no w:body: not a Word document")
    reader = _Reader(changes)
    paragraphs = list(reader.blocks(body))
    notes = [p for p in reader.note_paragraphs if p.strip()]
    notes += _footnotes(archive, main, changes, reader.footnote_ids)
    lines = [p for p in paragraphs if p.strip()]
    if notes:
        lines.append(FOOTNOTE_RULE)
        lines += notes
    if not lines:
        raise InputError(f"{path}: the document has no text")
    return "\n\n".join(lines) + "\n"


def _main_part(archive: BoundedZip) -> str:
    """The main document part named by ``_rels/.rels`` (``word/document.xml`` by default)."""
    if archive.has("_rels/.rels"):
        rels = archive.xml("_rels/.rels")
        for rel in rels.iter(PKG_REL + "Relationship"):
            if rel.get("Type") == OFFICE_DOC and rel.get("Target"):
                target = str(rel.get("Target", "")).lstrip("/")
                if archive.has(target):
                    return target
    if archive.has("word/document.xml"):
        return "word/document.xml"
    raise InputError(f"{archive.where}: no word/document.xml: not a Word document")


def _footnotes(archive: BoundedZip, main: str, changes: Changes, order: list[str]) -> list[str]:
    """The text of each referenced footnote, numbered in order of first reference."""
    if not order:
        return []
    folder, _, name = main.rpartition("/")
    part = f"{folder}/footnotes.xml" if folder else "footnotes.xml"
    rels_name = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    if archive.has(rels_name):
        for rel in archive.xml(rels_name).iter(PKG_REL + "Relationship"):
            if rel.get("Type") == FOOTNOTES and rel.get("Target"):
                target = rel.get("Target", "")
                part = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
    if not archive.has(part):
        return []
    notes: dict[str, str] = {}
    for note in archive.xml(part).iter(W + "footnote"):
        if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        reader = _Reader(changes)
        text = " ".join(t.strip() for t in reader.blocks(note) if t.strip())
        notes[note.get(W + "id", "")] = text
    out = []
    for number, note_id in enumerate(order, 1):
        found = notes.get(note_id)
        if found:
            out.append(f"{number} {found}")
    return out


class _Reader:
    """Walks WordprocessingML blocks, resolving tracked changes one way."""

    def __init__(self, changes: Changes) -> None:
        self.accept = changes == "accept"
        #: tags whose content is dropped in this mode
        self.gone = {W + "del", W + "moveFrom"} if self.accept else {W + "ins", W + "moveTo"}
        self.footnote_ids: list[str] = []
        #: body paragraphs in a footnote style (footnotes typed as text, as resdiff's own
        #: Word reports and many pasted documents hold them), read as footnotes
        self.note_paragraphs: list[str] = []

    def blocks(self, container: etree._Element) -> Iterator[str]:
        """The paragraphs of a body, cell, footnote or content control, joined across
        paragraph marks that this mode removes."""
        pending = ""
        for text, joins, note in self._raw_blocks(container, dropped=False):
            pending += text
            if not joins:  # the paragraph that keeps its mark keeps its style too (Word)
                if note:
                    self.note_paragraphs.append(pending)
                else:
                    yield pending
                pending = ""
        if pending:
            yield pending

    def _raw_blocks(
        self, container: etree._Element, dropped: bool
    ) -> Iterator[tuple[str, bool, bool]]:
        """(paragraph text, whether its mark goes away in this mode, whether it is in a
        footnote style) in document order."""
        for el in container:
            tag = el.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "p":
                mark = el.find(f"{W}pPr/{W}rPr")
                if dropped:
                    yield "", True, False
                    continue
                joins = mark is not None and any(mark.find(t) is not None for t in self.gone)
                style = el.find(f"{W}pPr/{W}pStyle")
                note = style is not None and str(style.get(W + "val", "")).lower().startswith(
                    "footnote"
                )
                yield _label_tab(self.inline(el)), joins, note
            elif tag == W + "tbl":
                for row in el.iter(W + "tr"):
                    props = row.find(W + "trPr")
                    if props is not None and any(props.find(t) is not None for t in self.gone):
                        continue
                    cells = [
                        " ".join(t.strip() for t in self.blocks(cell) if t.strip())
                        for cell in row.findall(W + "tc")
                    ]
                    yield "\t".join(c for c in cells if c), False, False
            elif tag in self.gone:  # a block-level change (whole paragraphs moved/deleted)
                yield from self._raw_blocks(el, dropped=True)
            else:  # sdt, sdtContent, customXml, ins/del/moveTo kept, smartTag …
                yield from self._raw_blocks(el, dropped)

    def inline(self, el: etree._Element) -> str:
        """The text of a paragraph's (or run container's) content in this mode."""
        parts: list[str] = []
        self._collect(el, parts)
        return "".join(parts)

    def _collect(self, el: etree._Element, parts: list[str]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or tag in self.gone:
                continue
            if tag in (W + "t", W + "delText", M + "t"):
                parts.append(child.text or "")
            elif tag == W + "tab" or tag == W + "ptab":
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == W + "sym":
                parts.append(_symbol(child.get(W + "char", "")))
            elif tag == W + "footnoteReference":
                note_id = child.get(W + "id", "")
                if note_id not in self.footnote_ids:
                    self.footnote_ids.append(note_id)
                parts.append(str(self.footnote_ids.index(note_id) + 1))
            elif tag == W + "p":  # a paragraph nested in an inline container
                parts.append(self.inline(child))
            else:
                self._collect(child, parts)


def _symbol(code: str) -> str:
    """A ``w:sym`` character (hex code, private-use range of symbol fonts mapped down)."""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF020 <= value <= 0xF0FF:
        value -= 0xF000
    return chr(value) if 0x20 <= value < 0x110000 else ""


def _label_tab(text: str) -> str:
    """``a)<tab>that …`` → ``a) that …`` (ITU layout: label, tab, text)."""
    return _LABEL_TAB.sub(r"\1 ", text, count=1)
