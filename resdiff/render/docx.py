"""A Word document of the new text with every change as a real tracked change (``--format docx``).

A delegate opens it in Word or LibreOffice and accepts or rejects changes one by one:
accepting all gives exactly the new text's paragraphs, rejecting all gives the old text's.
Built with python-docx plus the WordprocessingML it does not wrap (``w:ins``/``w:del``
runs, ``w:delText``, tracked paragraph marks), through its ``oxml`` layer.

- Every revision carries ``w:author`` (``RenderOptions.author``, default "resdiff") and
  ``w:date`` (``RenderOptions.date``, else :data:`DEFAULT_DATE`, so output is
  deterministic); ``w:id`` values are unique in the document.
- With ``marks="itu"`` each changed paragraph also carries a comment with its ITU mark
  (MOD, ADD, SUP, (MOD), ADD*/SUP* naming the other end of a move); comments anchor on an
  empty run, so accepting or rejecting changes still gives exactly the new or old text.
- Layout as in ITU texts: number line centred (style ``ResNo``), title bold and centred
  (``Restitle``), enacting formula (``Normalaftertitle``), section headings in italics
  (``Call``), and each clause as label, tab, text with a hanging indent.
- An amended clause shows its word changes; a re-lettered one its label change; an added
  or removed clause is a whole inserted or deleted paragraph; moved text is deleted where
  it left and inserted where it arrived (as ITU's SUP*/ADD*); a renamed heading is amended.
- Deterministic bytes: fixed core-property dates and fixed zip entry timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from docx.text.paragraph import Paragraph

from resdiff.changes import Change, ClauseRef, Diff, TreeDiff, WordOp
from resdiff.errors import InputError
from resdiff.model import FOOTNOTES
from resdiff.render import RenderOptions
from resdiff.render.headings import interleave
from resdiff.render.report import Row, expands, rows
from resdiff.render.word_runs import runs
from resdiff.un_names import OPERATIVE, PREAMBLE

__all__ = ["DEFAULT_DATE", "render"]

#: The revision date used when none is given, so the same inputs give the same bytes.
DEFAULT_DATE = "2000-01-01T00:00:00Z"
#: The fixed timestamp of every entry of the .docx (zip) file.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
#: Hanging indent of a labelled clause, as in ITU texts (label, tab, text).
INDENT = Twips(794)

_HEADER_STYLES = {
    "header/number": "ResNo",
    "header/title": "Restitle",
    "header/formula": "Normalaftertitle",
}
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _iso_date(value: str | None) -> str:
    """``2018-11-16`` or a full ISO 8601 time → ``2018-11-16T00:00:00Z`` (UTC, seconds)."""
    if value is None:
        return DEFAULT_DATE
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            parsed = dt.datetime.fromisoformat(text + "T00:00:00+00:00")
        else:
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"--date {value!r}: not an ISO 8601 date (e.g. 2018-11-16)") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _clean(text: str) -> str:
    """Text as XML can hold it (characters XML forbids become U+FFFD)."""
    return _XML_INVALID.sub("\ufffd", text)


@dataclass
class _Revisions:
    """Hands out unique ``w:id`` values and stamps author and date on each revision."""

    author: str
    date: str
    next_id: int = 1_000_001  # clear of the comment ids (0, 1, …) python-docx hands out
    count: dict[str, int] = field(default_factory=lambda: {"ins": 0, "del": 0})

    def stamp(self, tag: str) -> Any:
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        self.next_id += 1
        return el


class _Builder:
    """Appends paragraphs made of plain, inserted and deleted runs to the document body.

    Paragraphs are appended as python-docx's ``add_paragraph(style=...)`` makes them, but
    with each style's id looked up once and the paragraph put straight before the body's
    ``w:sectPr``: python-docx looks both up again for every paragraph, scanning the
    styles part and the body's children, which made a section of 25,000 clauses
    quadratic (minutes).
    """

    def __init__(
        self, document: Any, revisions: _Revisions, marks: bool, stamp: dt.datetime
    ) -> None:
        self.document = document
        self.rev = revisions
        self.marks = marks
        self.stamp = stamp
        self._style_ids: dict[str, str | None] = {}
        #: The body's section properties, which stay its last child (found once: finding
        #: it, or counting the body's children, walks them all).
        self._sect_pr = document.element.body.sectPr

    def _add_paragraph(self, style: str | None = None) -> Any:
        """A new empty paragraph at the end of the body, styled ``style`` (a name)."""
        p = OxmlElement("w:p")
        if self._sect_pr is not None:
            self._sect_pr.addprevious(p)
        else:
            self.document.element.body.append(p)
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.document.part.get_style_id(
                    style, WD_STYLE_TYPE.PARAGRAPH
                )
            p.style = self._style_ids[style]
        return Paragraph(p, self.document._body)

    # -- runs ---------------------------------------------------------------------------
    def _run(self, text: str, deleted: bool) -> Any:
        run = OxmlElement("w:r")
        parts = _clean(text).split("\t")
        for i, part in enumerate(parts):
            if i:
                run.append(OxmlElement("w:tab"))
            if part:
                t = OxmlElement("w:delText" if deleted else "w:t")
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                t.text = part
                run.append(t)
        return run

    def _append_ops(self, p: Any, ops: list[WordOp]) -> None:
        for op, text in ops:
            if not text:
                continue
            if op == "=":
                p.append(self._run(text, deleted=False))
            elif op == "+":
                wrapper = self.rev.stamp("w:ins")
                wrapper.append(self._run(text, deleted=False))
                p.append(wrapper)
                self.rev.count["ins"] += 1
            else:
                wrapper = self.rev.stamp("w:del")
                wrapper.append(self._run(text, deleted=True))
                p.append(wrapper)
                self.rev.count["del"] += 1

    # -- paragraphs ---------------------------------------------------------------------
    def page_break(self) -> None:
        """A page break between two resolutions of a tree diff."""
        para = self._add_paragraph()
        br = OxmlElement("w:br")
        br.set(qn("w:type"), "page")
        run = OxmlElement("w:r")
        run.append(br)
        para._p.append(run)

    def paragraph(
        self, ops: list[WordOp], style: str, mark: str | None = None, note: str | None = None
    ) -> None:
        """A paragraph of ``ops``; ``mark`` "+"/"-" tracks the paragraph as inserted/deleted;
        ``note`` (the ITU mark, with ``marks="itu"``) becomes a comment on the paragraph."""
        para = self._add_paragraph(style)
        p = para._p
        if mark is not None:
            ppr = p.get_or_add_pPr()
            rpr = OxmlElement("w:rPr")
            rpr.append(self.rev.stamp("w:ins" if mark == "+" else "w:del"))
            ppr.append(rpr)
        if note and self.marks:
            # an empty run to anchor the comment on: it adds no text, so accepting or
            # rejecting changes still gives exactly the new or the old paragraph
            anchor = para.add_run()
            comment = self.document.add_comment(
                anchor, text=_clean(note), author=self.rev.author, initials=""
            )
            comment._comment_elm.date = self.stamp
        self._append_ops(p, ops)


def _line(ref: ClauseRef) -> str:
    """A clause as a paragraph of an ITU text reads: label, tab, text (no label: the text)."""
    return f"{ref.label}\t{ref.text}" if ref.label else ref.text


def _style(ref: ClauseRef) -> str:
    if ref.section == FOOTNOTES:
        return "Footnote"
    return _HEADER_STYLES.get(ref.path, "Clause" if ref.label else "ClauseUnlabelled")


def _label_ops(old: ClauseRef, new: ClauseRef) -> list[WordOp]:
    """The label and tab of an amended clause as ops (a changed label is deleted + inserted)."""
    old_head = f"{old.label}\t" if old.label else ""
    new_head = f"{new.label}\t" if new.label else ""
    if old_head == new_head:
        return [("=", new_head)]
    if old.label and new.label:
        return [("-", old.label), ("+", new.label), ("=", "\t")]
    return [("-", old_head), ("+", new_head)]


def _words_fit(change: Change) -> bool:
    """True when the change's word ops rebuild exactly its old and new clause texts."""
    return (
        len(change.old) == 1
        and len(change.new) == 1
        and bool(change.words)
        and change.old_text() == change.old[0].text
        and change.new_text() == change.new[0].text
    )


def _note(row: Row) -> str | None:
    """The ITU mark of a row as its comment says it: ``MOD``, ``ADD* (moved from recalling i))``."""
    if row.kept:
        return None
    move = row.move_note
    return f"{row.mark} ({move.text})" if move else row.mark


def _emit_row(b: _Builder, row: Row) -> None:
    change = row.change
    note = _note(row)
    if row.moved_away:
        for ref in change.old:
            b.paragraph([("-", _line(ref))], _style(ref), "-", note)
            note = None
        return
    if (
        change.moved
        or change.kind in ("added", "removed", "split", "merged")
        or not _words_fit(change)
    ):
        if not change.moved:
            for ref in change.old:
                b.paragraph([("-", _line(ref))], _style(ref), "-", note)
                note = None
        for ref in change.new:
            b.paragraph([("+", _line(ref))], _style(ref), "+", note)
            note = None
        return
    old, new = change.old[0], change.new[0]
    if change.kind == "unchanged" and old.label == new.label and old.text == new.text:
        b.paragraph([("=", _line(new))], _style(new))
        return
    b.paragraph(runs([*_label_ops(old, new), *change.words]), _style(new), None, note)


def _written(heading: str | None) -> str | None:
    """A heading as the text writes it: the parts of a UN-layout resolution (``preamble``,
    ``operative``) have no heading line, so the report writes none either."""
    return None if heading in (PREAMBLE, OPERATIVE) else heading


def _emit_diff(b: _Builder, diff: Diff) -> None:
    """The whole new text of one resolution, old text interleaved as tracked deletions."""
    for turn in interleave(diff, rows(diff, show_all=True)):
        for heading in turn.headings:
            old, new = _written(heading.old), _written(heading.new)
            if old and new:
                ops: list[WordOp] = [("=", new)] if old == new else [("-", old), ("+", new)]
                b.paragraph(ops, "Call", None, None if old == new else "MOD")
            elif old:
                b.paragraph([("-", old)], "Call", "-", "SUP")
            elif new:
                b.paragraph([("+", new)], "Call", "+", "ADD")
        _emit_row(b, turn.row)


def _styles(document: Any) -> None:
    """The ITU-like paragraph styles: ResNo, Restitle, Normalaftertitle, Call, Clause."""
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    normal.paragraph_format.space_before = Pt(6)
    normal.paragraph_format.space_after = Pt(0)

    def add(name: str) -> Any:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        return style

    resno = add("ResNo")
    resno.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    resno.paragraph_format.space_before = Pt(24)
    resno.font.size = Pt(14)
    title = add("Restitle")
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(12)
    title.font.bold = True
    title.font.size = Pt(14)
    formula = add("Normalaftertitle")
    formula.paragraph_format.space_before = Pt(18)
    call = add("Call")
    call.font.italic = True
    call.paragraph_format.keep_with_next = True
    call.paragraph_format.space_before = Pt(12)
    call.paragraph_format.left_indent = INDENT
    clause = add("Clause")
    clause.paragraph_format.left_indent = INDENT
    clause.paragraph_format.first_line_indent = -INDENT
    clause.paragraph_format.tab_stops.add_tab_stop(INDENT)
    add("ClauseUnlabelled")
    footnote = add("Footnote")
    footnote.font.size = Pt(10)
    footnote.paragraph_format.left_indent = INDENT
    footnote.paragraph_format.first_line_indent = -INDENT
    footnote.paragraph_format.tab_stops.add_tab_stop(INDENT)


def _track_revisions(document: Any) -> None:
    """Turn on "Track changes" so a delegate's own edits are tracked too."""
    settings = document.settings.element
    if settings.find(qn("w:trackRevisions")) is None:
        successors = (
            "w:doNotTrackMoves",
            "w:doNotTrackFormatting",
            "w:documentProtection",
            "w:autoFormatOverride",
            "w:styleLockTheme",
            "w:styleLockQFSet",
            "w:defaultTabStop",
        )
        settings.insert_element_before(OxmlElement("w:trackRevisions"), *successors)


def _fixed_zip(data: bytes) -> bytes:
    """Re-pack the .docx with fixed entry timestamps (python-docx stamps the current time)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            if info.filename == "docProps/thumbnail.jpeg":
                continue  # python-docx's template thumbnail shows some other document
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            body = src.read(info.filename)
            if info.filename == "_rels/.rels":
                body = re.sub(rb"<Relationship [^>]*thumbnail[^>]*/>", b"", body)
            if info.filename == "[Content_Types].xml":
                body = re.sub(rb'<Default Extension="jpeg"[^>]*/>', b"", body)
            dst.writestr(fixed, body)
    return out.getvalue()


def render(result: Diff | TreeDiff, options: RenderOptions) -> bytes:
    """Render the new text with tracked changes as .docx bytes (a tree diff: one resolution
    after another, each modified resolution in full)."""
    if not options.author or _XML_INVALID.search(options.author):
        raise InputError(
            f"--author {options.author!r}: must be a non-empty name without control characters"
        )
    date = _iso_date(options.date)
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _styles(document)
    _track_revisions(document)
    stamp = dt.datetime.fromisoformat(date.replace("Z", "+00:00"))
    builder = _Builder(document, _Revisions(options.author, date), options.marks == "itu", stamp)
    title = None
    if isinstance(result, Diff):
        _emit_diff(builder, result)
        title = result.new.number or result.old.number
    else:
        first = True
        for entry in result.entries:
            if entry.diff is None or not expands(entry, options.show_all):
                if entry.status in ("added", "removed"):
                    builder.paragraph([("=", f"{entry.mark}\t{entry.path}")], "ClauseUnlabelled")
                continue
            if not first:
                builder.page_break()
            first = False
            _emit_diff(builder, entry.diff)
    core = document.core_properties
    core.author = options.author
    core.last_modified_by = options.author
    core.created = stamp
    core.modified = stamp
    core.revision = 1
    core.title = _clean(title or "resdiff tracked changes")
    core.comments = "Made by resdiff: accept all changes for the new text, reject all for the old."
    raw = io.BytesIO()
    document.save(raw)
    return _fixed_zip(raw.getvalue())
