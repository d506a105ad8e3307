"""Akoma Ntoso 3.0 XML as resolution text: one document, or each component of a collection.

Read tolerantly (real converter output does not validate) and without losing text: the
number line (``docType`` + ``docNumber``, else the FRBR number's ``showAs``), the title
(a ``container``/``docTitle`` of the preface), the enacting ``formula``; each ``recitals``
block's ``intro`` as a preambular heading and its ``recital``s as clauses; each
``hcontainer`` (or other hierarchical element) of the ``mainBody`` with its ``heading`` as an
operative section, ``paragraph`` / ``point`` / ``item`` with ``num`` as labelled clauses at any
depth; ``attachments`` (annexes) after the body; ``authorialNote``s as footnotes at the end.
Any other block's text becomes a paragraph of its own, so nothing is dropped. The text is
written as the plain texts are (one paragraph per line, blank lines between) and read by the
ordinary parser.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from resdiff.errors import InputError
from resdiff.readers.safexml import parse_xml, read_file_bytes

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
A = "{" + NS + "}"
FOOTNOTE_RULE = "_" * 20

#: AKN document types that hold one resolution-like text.
DOCUMENT_TYPES = {
    "statement",
    "act",
    "bill",
    "doc",
    "amendment",
    "judgment",
    "debateReport",
    "officialGazette",
    "portion",
}
#: Elements whose text is never the document's: metadata and cross-references.
_SKIP = {A + "meta", A + "componentRef", A + "documentRef"}
#: Blocks that are paragraphs of text (each one line).
_TEXT_BLOCKS = {A + "p", A + "heading", A + "subheading", A + "num", A + "docTitle"}
_WS = re.compile(r"\s+")
#: Children that hold a numbered element's own text (the rest are its sub-elements).
_OWN_TEXT = {A + "content", A + "intro", A + "p"}


@dataclass(frozen=True)
class AknComponent:
    """One document of an AKN file: where it would live in a corpus and its text.

    ``id`` is ``<body>/<kind>-<number>`` (``itu-pp/res-179``) from its FRBR metadata, or
    its number line; ``adopted`` the FRBR date (``2018-11-15``) when the metadata has one.
    """

    id: str
    number: str | None
    adopted: str | None
    text: str


def is_akn(data: bytes) -> bool:
    """Whether ``data`` looks like XML in the Akoma Ntoso 3.0 namespace (a cheap sniff)."""
    return NS.encode() in data[:4096]


def read_akn(path: str | os.PathLike[str]) -> str:
    """The text of the one document in the AKN file at ``path``.

    A ``documentCollection`` of several documents is refused (one line saying how many);
    :func:`read_akn_components` reads each.
    """
    components = read_akn_components(path)
    if len(components) != 1:
        raise InputError(
            f"{path}: an Akoma Ntoso collection of {len(components)} documents, not one"
            " resolution; diff two collections, or import it into a corpus"
        )
    return components[0].text


def read_akn_components(path: str | os.PathLike[str]) -> list[AknComponent]:
    """Every document of the AKN file at ``path`` in document order (one for a single
    document; each component of a ``documentCollection``)."""
    where = str(path)
    root = parse_xml(read_file_bytes(path), where)
    if root.tag != A + "akomaNtoso":
        raise InputError(
            f"{where}: not Akoma Ntoso 3.0 (root element {_local(root.tag)!r},"
            f" expected akomaNtoso in {NS})"
        )
    documents = [el for el in root if isinstance(el.tag, str)]
    found: list[etree._Element] = []
    for doc in documents:
        found += _documents(doc)
    if not found:
        raise InputError(f"{where}: no Akoma Ntoso document in the file")
    out = []
    seen: dict[str, int] = {}
    for doc in found:
        text = document_text(doc)
        if not text.strip():
            continue
        number = _number_line(doc)
        cid = _component_id(doc, number)
        if cid in seen:
            seen[cid] += 1
            cid = f"{cid}-{seen[cid]}"
        else:
            seen[cid] = 1
        out.append(AknComponent(cid, number, _adopted(doc), text))
    if not out:
        raise InputError(f"{where}: the Akoma Ntoso document has no text")
    return out


def _documents(el: etree._Element) -> list[etree._Element]:
    """The documents in ``el``: itself, or a collection's components (those of its
    ``collectionBody``, then those of its ``components``; ``componentRef``s are only
    references to them), depth first."""
    if el.tag == A + "documentCollection":
        found: list[etree._Element] = []
        for comps in el:
            if comps.tag not in (A + "collectionBody", A + "components"):
                continue
            for comp in comps:
                for child in comp:
                    if isinstance(child.tag, str) and child.tag != A + "componentRef":
                        found += _documents(child)
        return found
    if isinstance(el.tag, str) and el.tag.startswith(A):
        return [el]
    return []


def document_text(doc: etree._Element) -> str:
    """The resolution text of one AKN document (``statement``, ``act``, ``doc`` …)."""
    notes: list[str] = []
    lines = list(_document_lines(doc, notes))
    if notes:
        lines.append(FOOTNOTE_RULE)
        lines += notes
    lines = [line for line in lines if line]
    return "\n\n".join(lines) + "\n" if lines else ""


def _document_lines(doc: etree._Element, notes: list[str]) -> Iterator[str]:
    number = None
    preface = doc.find(A + "preface")
    if preface is not None:
        number = _number_from_preface(preface, notes)
    if number is None:
        number = _frbr_number(doc)
    if number:
        yield number
    for part in doc:
        if not isinstance(part.tag, str) or part.tag in _SKIP:
            continue
        if part.tag == A + "preface":
            yield from _preface_rest(part, notes)
        elif part.tag == A + "attachments":
            for attachment in part:
                for inner in attachment:
                    if isinstance(inner.tag, str) and inner.tag not in _SKIP:
                        yield from _annex_lines(inner, notes)
        elif part.tag == A + "components":
            continue
        else:
            yield from _block_lines(part, notes)


def _annex_lines(doc: etree._Element, notes: list[str]) -> Iterator[str]:
    """An attachment's document: its preface lines (heading, title), then its body."""
    for part in doc:
        if not isinstance(part.tag, str) or part.tag in _SKIP:
            continue
        yield from _block_lines(part, notes)


def _number_from_preface(preface: etree._Element, notes: list[str]) -> str | None:
    for p in preface.iter(A + "p"):
        if p.find(f".//{A}docNumber") is not None:
            return _text(p, notes)
    return None


def _preface_rest(preface: etree._Element, notes: list[str]) -> Iterator[str]:
    """The preface without the number line already read (title, other lines)."""
    for p in preface.iter(A + "p"):
        if p.find(f".//{A}docNumber") is not None:
            continue
        if any(a.tag == A + "p" for a in p.iterancestors()):
            continue
        yield _text(p, notes)


def _block_lines(el: etree._Element, notes: list[str]) -> Iterator[str]:
    """Lines of a block element and its descendants: a ``num`` prefixes the first text."""
    tag = el.tag
    if not isinstance(tag, str) or tag in _SKIP:
        return
    if tag in _TEXT_BLOCKS and tag != A + "num":
        yield _text(el, notes)
        return
    label = None
    num = el.find(A + "num")
    if num is not None:
        label = _text(num, notes)
    for child in el:
        if not isinstance(child.tag, str) or child.tag in _SKIP or child is num:
            continue
        if label is not None and child.tag not in (A + "heading", A + "subheading"):
            lines = list(_block_lines(child, notes))
            if child.tag in _OWN_TEXT and lines:
                first = lines.pop(0)  # the label's own text (may be empty)
                yield f"{label} {first}" if first else label
            else:  # the label has no text of its own: sub-clauses follow
                yield label
            label = None
            yield from lines
            continue
        yield from _block_lines(child, notes)
    if label:
        yield label


def _text(el: etree._Element, notes: list[str]) -> str:
    """An inline container's text, whitespace runs collapsed; authorial notes become
    footnotes (numbered by their marker) and leave their marker in the text, unless the
    block holds nothing but notes (a footnotes container, as resdiff writes them)."""
    parts: list[str] = []
    before = len(notes)
    _inline(el, parts, notes)
    text = _WS.sub(" ", "".join(parts)).strip()
    if len(notes) > before:
        bare = _WS.sub("", "".join(_bare(el)))
        if not bare:
            return ""
    return text


def _bare(el: etree._Element) -> Iterator[str]:
    """The text of ``el`` outside its authorial notes."""
    if el.text:
        yield el.text
    for child in el:
        if child.tag != A + "authorialNote":
            yield from _bare(child)
        if child.tail:
            yield child.tail


def _inline(el: etree._Element, parts: list[str], notes: list[str]) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        if isinstance(child.tag, str) and child.tag == A + "authorialNote":
            marker = child.get("marker") or str(len(notes) + 1)
            body = " ".join(_text(p, notes) for p in child if isinstance(p.tag, str))
            notes.append(f"{marker} {body}".strip())
            parts.append(marker if child.get("placement") != "hidden" else "")
        elif isinstance(child.tag, str) and child.tag in _SKIP:
            pass
        elif isinstance(child.tag, str) and child.tag == A + "eol":
            parts.append(" ")
        elif isinstance(child.tag, str):
            _inline(child, parts, notes)
        if child.tail:
            parts.append(child.tail)


def _frbr_number(doc: etree._Element) -> str | None:
    number = doc.find(f"{A}meta/{A}identification/{A}FRBRWork/{A}FRBRnumber")
    if number is not None:
        return number.get("showAs") or None
    return None


def _number_line(doc: etree._Element) -> str | None:
    preface = doc.find(A + "preface")
    number = _number_from_preface(preface, []) if preface is not None else None
    return number or _frbr_number(doc)


_KINDS = {"resolution": "res", "decision": "dec", "recommendation": "rec", "opinion": "opinion"}


def _component_id(doc: etree._Element, number: str | None) -> str:
    """``<body>/<kind>-<n>`` from FRBR (``FRBRauthor`` ``#itu-pp``, ``FRBRnumber``
    ``res-179``), else from the number line (``RESOLUTION 179 (…)`` → ``res-179``)."""
    work = doc.find(f"{A}meta/{A}identification/{A}FRBRWork")
    body = "akn"
    ident = None
    if work is not None:
        author = work.find(A + "FRBRauthor")
        if author is not None and author.get("href", "").startswith("#"):
            body = author.get("href", "")[1:]
        frbr_number = work.find(A + "FRBRnumber")
        if frbr_number is not None:
            ident = frbr_number.get("value")
    if not ident and number:
        match = re.match(r"\s*([A-Za-z]+)\s+(\d+[A-Za-z]*)", number)
        if match:
            kind = match.group(1).lower()
            ident = f"{_KINDS.get(kind, kind)}-{match.group(2).lower()}"
    if not ident:
        ident = _local(doc.tag).lower()
    return f"{_slug(body)}/{_slug(ident)}"


def _adopted(doc: etree._Element) -> str | None:
    date = doc.find(f"{A}meta/{A}identification/{A}FRBRWork/{A}FRBRdate")
    value = date.get("date") if date is not None else None
    return value if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None


def _slug(value: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", value.lower()).strip("-") or "x"


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]
