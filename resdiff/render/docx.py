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
- Each text in its own order (:mod:`resdiff.render.both_orders`): rejecting all gives the
  old paragraphs in the old order, a clause of a section moved whole written as a move.
- Annex heading lines and titles (``AnnexNo``, ``Annextitle``) from the diff's outlines,
  where each text enters the annex; a diff read from JSON has none, and shows none.
- Deterministic bytes: fixed core-property dates and fixed zip entry timestamps.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.comments import Comment
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.shared import Pt, Twips
from lxml import etree

from resdiff.changes import Change, ClauseRef, Diff, Outline, TreeDiff, WordOp
from resdiff.errors import InputError
from resdiff.model import FOOTNOTES
from resdiff.render import RenderOptions
from resdiff.render.both_orders import in_both_orders
from resdiff.render.headings import interleave, stands
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


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + _W_NS + "}"
_ID = _W + "id"
#: Parses the body built as text: no DTD, no entities, text nodes of any length.
_BODY_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _text(text: str) -> str:
    """``text`` escaped as XML character data that parses back to exactly ``text``."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")  # a parser would read a raw CR as LF
    return text


def _attr(value: str) -> str:
    """``value`` escaped as a double-quoted XML attribute value that parses back exactly."""
    value = _text(value).replace('"', "&quot;")
    return value.replace("\n", "&#10;").replace("\t", "&#9;")


@dataclass
class _Revisions:
    """Hands out unique ``w:id`` values and stamps author and date on each revision."""

    author: str
    date: str
    next_id: int = 1_000_001  # clear of the comment ids (0, 1, …) the comments take
    count: dict[str, int] = field(default_factory=lambda: {"ins": 0, "del": 0})

    def __post_init__(self) -> None:
        self._rest = f' w:author="{_attr(self.author)}" w:date="{_attr(self.date)}"'

    def stamp(self, tag: str) -> str:
        """The start tag of a new ``tag`` revision (``w:ins``/``w:del``), with its id,
        author and date."""
        start = f'<{tag} w:id="{self.next_id}"{self._rest}'
        self.next_id += 1
        return start


class _Builder:
    """Appends paragraphs made of plain, inserted and deleted runs to the document body.

    The paragraphs are written as WordprocessingML text (the XML python-docx's
    ``add_paragraph``/``add_run`` would make) and parsed in one go into python-docx's
    document element by :meth:`finish`: python-docx's per-object API looks up the style
    and the body's last child again for every paragraph, and making each element through
    lxml's API costs more than parsing it, which made a text of 20,000 paragraphs take a
    minute. Comments (``marks="itu"``) are numbered here too: python-docx finds the next
    comment id by reading every comment's, which is quadratic.
    """

    def __init__(
        self, document: Any, revisions: _Revisions, marks: bool, stamp: dt.datetime
    ) -> None:
        self.document = document
        self.rev = revisions
        self.marks = marks
        self.stamp = stamp
        self._style_ids: dict[str, str | None] = {}
        self._parts: list[str] = []
        self._comments: Any = None  # python-docx's Comments, made at the first note
        self._comment_count = 0
        self._comment_templates: dict[str, Any] = {}

    def _paragraph_start(self, style: str | None, mark: str | None) -> None:
        """``<w:p>`` and its properties: style ``style`` (a name), tracked as inserted
        (``mark`` "+") or deleted ("-")."""
        out = self._parts
        out.append("<w:p>")
        if style is None and mark is None:
            return
        out.append("<w:pPr>")
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.document.part.get_style_id(
                    style, WD_STYLE_TYPE.PARAGRAPH
                )
            style_id = self._style_ids[style]
            if style_id is not None:
                out.append(f'<w:pStyle w:val="{_attr(style_id)}"/>')
        if mark is not None:
            out.append("<w:rPr>")
            out.append(self.rev.stamp("w:ins" if mark == "+" else "w:del"))
            out.append("/></w:rPr>")
        out.append("</w:pPr>")

    # -- runs ---------------------------------------------------------------------------
    def _run(self, text: str, deleted: bool) -> None:
        out = self._parts
        start = '<w:delText xml:space="preserve">' if deleted else '<w:t xml:space="preserve">'
        end = "</w:delText>" if deleted else "</w:t>"
        out.append("<w:r>")
        for i, part in enumerate(_clean(text).split("\t")):
            if i:
                out.append("<w:tab/>")
            if part:
                out.append(start)
                out.append(_text(part))
                out.append(end)
        out.append("</w:r>")

    def _append_ops(self, ops: list[WordOp]) -> None:
        out = self._parts
        for op, text in ops:
            if not text:
                continue
            if op == "=":
                self._run(text, deleted=False)
            elif op == "+":
                out.append(self.rev.stamp("w:ins") + ">")
                self._run(text, deleted=False)
                out.append("</w:ins>")
                self.rev.count["ins"] += 1
            else:
                out.append(self.rev.stamp("w:del") + ">")
                self._run(text, deleted=True)
                out.append("</w:del>")
                self.rev.count["del"] += 1

    def _comment(self, note: str) -> None:
        """A comment saying ``note``, anchored on an empty run (at the paragraph's end).

        The comment is the one python-docx's ``Document.add_comment`` makes, built once
        per distinct note and copied (with its id) for each paragraph; ids count 0, 1, …
        in order, as python-docx hands them out.
        """
        if self._comments is None:
            self._comments = self.document.comments
        template = self._comment_templates.get(note)
        if template is None:
            template = self._comment_template(note)
            self._comment_templates[note] = template
        comment_id = str(self._comment_count)
        self._comment_count += 1
        element = copy.deepcopy(template)
        element.set(_ID, comment_id)
        self._comments._comments_elm.append(element)
        self._parts.append(
            f'<w:commentRangeStart w:id="{comment_id}"/><w:r/>'
            f'<w:commentRangeEnd w:id="{comment_id}"/>'
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
            f'<w:commentReference w:id="{comment_id}"/></w:r>'
        )

    def _comment_template(self, note: str) -> Any:
        """A ``w:comment`` saying ``note``, made by python-docx (its id to be set)."""
        scratch = parse_xml(f"<w:comments {nsdecls('w')}/>")
        element = scratch.add_comment()
        element.author = self.rev.author
        element.initials = ""
        element.date = self.stamp
        comment = Comment(element, self._comments._comments_part)
        first, *more = _clean(note).split("\n")
        comment.paragraphs[0].add_run(first)
        for text in more:
            comment.add_paragraph(text=text)
        return element

    # -- paragraphs ---------------------------------------------------------------------
    def page_break(self) -> None:
        """A page break between two resolutions of a tree diff."""
        self._paragraph_start(None, None)
        self._parts.append('<w:r><w:br w:type="page"/></w:r></w:p>')

    def paragraph(
        self, ops: list[WordOp], style: str, mark: str | None = None, note: str | None = None
    ) -> None:
        """A paragraph of ``ops``; ``mark`` "+"/"-" tracks the paragraph as inserted/deleted;
        ``note`` (the ITU mark, with ``marks="itu"``) becomes a comment on the paragraph."""
        self._paragraph_start(style, mark)
        if note and self.marks:
            # an empty run to anchor the comment on: it adds no text, so accepting or
            # rejecting changes still gives exactly the new or the old paragraph
            self._comment(note)
        self._append_ops(ops)
        self._parts.append("</w:p>")

    def finish(self) -> None:
        """Parse the paragraphs written so far and put them at the end of the body
        (before its section properties, which stay its last child)."""
        xml = f'<w:body xmlns:w="{_W_NS}">{"".join(self._parts)}</w:body>'
        self._parts = []
        parsed = etree.fromstring(xml, _BODY_PARSER)
        del xml
        body = self.document.element.body
        sect_pr = body.sectPr
        for p in list(parsed):
            if sect_pr is not None:
                sect_pr.addprevious(p)
            else:
                body.append(p)


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
    outlines = diff.outlines
    annexes = None
    if outlines is not None and (outlines[0].annexes or outlines[1].annexes):
        _annex_styles(b.document)
        annexes = _Annexes(*outlines)
    ordered = in_both_orders(rows(diff, show_all=True), outlines[0] if outlines else None)
    for turn in interleave(diff, ordered):
        if annexes is not None:
            annexes.enter(b, turn.row)
        for heading in turn.headings:
            _shared_line(b, "Call", _written(heading.old), _written(heading.new))
        _emit_row(b, turn.row)


class _Annexes:
    """Writes each annex's heading line and title where each text enters the annex: one
    paragraph for both texts when both enter the same annex at one row (amended if its
    words changed), else deleted where the old text enters it, inserted where the new does."""

    def __init__(self, old: Outline, new: Outline) -> None:
        self.lines = ({a.key: a for a in old.annexes}, {a.key: a for a in new.annexes})
        self.current: list[str | None] = [None, None]

    def _annex(self, side: int, refs: tuple[ClauseRef, ...], section: str | None) -> str | None:
        """The annex a row stands in, in one text (None: none, or not standing there)."""
        if section is None or not refs:
            return None
        key = refs[0].path.split("/", 1)[0]
        return key if key in self.lines[side] else None

    def enter(self, b: _Builder, row: Row) -> None:
        in_old, in_new = stands(row)
        keys = (
            self._annex(0, row.change.old, in_old),
            self._annex(1, row.change.new, in_new),
        )
        entering = [key is not None and key != self.current[side] for side, key in enumerate(keys)]
        old = self.lines[0][keys[0]] if entering[0] and keys[0] else None
        new = self.lines[1][keys[1]] if entering[1] and keys[1] else None
        if old is not None and new is not None and old.key == new.key:
            for style, was, now in (
                ("AnnexNo", old.heading, new.heading),
                ("Annextitle", old.title, new.title),
            ):
                _shared_line(b, style, was or None, now or None)
        else:
            if old is not None:
                _shared_line(b, "AnnexNo", old.heading, None)
                _shared_line(b, "Annextitle", old.title or None, None)
            if new is not None:
                _shared_line(b, "AnnexNo", None, new.heading)
                _shared_line(b, "Annextitle", None, new.title or None)
        for side, section in enumerate((in_old, in_new)):
            if section is not None:
                self.current[side] = keys[side]


def _shared_line(b: _Builder, style: str, old: str | None, new: str | None) -> None:
    """A line of both texts (kept or amended), of the old only (deleted) or the new only
    (inserted); nothing when neither has it."""
    if old and new:
        ops: list[WordOp] = [("=", new)] if old == new else [("-", old), ("+", new)]
        b.paragraph(ops, style, None, None if old == new else "MOD")
    elif old:
        b.paragraph([("-", old)], style, "-", "SUP")
    elif new:
        b.paragraph([("+", new)], style, "+", "ADD")


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


def _annex_styles(document: Any) -> None:
    """The styles of an annex's heading line (``AnnexNo``, centred) and title
    (``Annextitle``, bold and centred), added only to a document with annexes."""
    styles = document.styles
    if "AnnexNo" in [s.name for s in styles]:
        return
    for name, space, bold in (("AnnexNo", 24, False), ("Annextitle", 12, True)):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style.paragraph_format.space_before = Pt(space)
        style.paragraph_format.keep_with_next = True
        if bold:
            style.font.bold = True


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
    builder.finish()
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
