"""A resolution as Akoma Ntoso 3.0 XML that validates against the OASIS schema.

One ``statement`` (AKN4UN's document type for resolutions and decisions of deliberative
bodies) with FRBR identification in AKN4UN style
(``/akn/un/statement/deliberation/itu-pp/2018-11-15/res-179/!main``, expression
``…/eng@2018-11-15``, manifestation ``…/eng@2018-11-15/.xml``), and:

* the number line as ``preface/longTitle/p/docNumber``, the title as
  ``preface/container[@name="title"]``, the enacting formula as ``preamble/formula``;
* each leading preambular section as ``recitals`` (``intro`` = its heading) of ``recital``s,
  every later section as an ``hcontainer`` (``heading``) of ``paragraph``s in ``mainBody``;
  a clause's label is its ``num``, its sub-clauses nest (``blockList/item`` in a recital,
  ``point`` in a paragraph);
* annexes as ``attachments/attachment/doc[@name="annex"]``; footnotes as ``authorialNote``s
  in ``conclusions``.

A UN-layout resolution (``resolution.layout == "un"``) keeps its layout: the document
symbol, agenda and adoption lines as preface ``container``s (``symbol``, ``agenda``,
``adopted``), the number and title on one line as the text prints them
(``<docNumber>73/179</docNumber>. <docTitle>…</docTitle>``), and its two parts
(``preamble``, ``operative``) without ``intro`` or ``heading``: their names are not
printed in the text, and read back they would become paragraphs. Its FRBR number is the
corpus id's (``res-73-179``), the author the body of its formula (``un-ga``), the date its
adoption line's.

Every ``eId`` is derived from the clause path (contract in DESIGN.md): ``/`` → ``__``,
``#`` → ``_u``, ``~`` → ``_`` (``requests-the-council/#1`` → ``requests-the-council___u1``),
so it is unique and names the clause. Output is deterministic: the same resolution and
metadata give the same bytes. Reading the output back (:mod:`resdiff.readers.akn`) gives
exactly the resolution's clauses.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from resdiff.model import Annex, Clause, Resolution, Section

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
A = "{" + NS + "}"
#: Characters XML 1.0 cannot hold; written as U+FFFD (the only change ever made to text).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_KINDS = {"RESOLUTION": "res", "DECISION": "dec", "RECOMMENDATION": "rec"}
#: The corpus folder of a UN body, by its enacting formula (``The General Assembly,``).
_UN_BODIES = (
    ("general assembly", "un-ga"),
    ("human rights council", "un-hrc"),
    ("economic and social council", "un-ecosoc"),
    ("security council", "un-sc"),
    ("world health assembly", "who-wha"),
    ("executive board", "who-eb"),
)
#: English month names (not :mod:`calendar`'s, which follow the locale).
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
#: ``… on 14 December 2018``: the day an adoption line names.
_ADOPTED_ON = re.compile(r"\bon\s+(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b")


@dataclass(frozen=True)
class AknMeta:
    """Who adopted the text and when: the FRBR identification of the output.

    ``body`` is the corpus folder (``itu-pp``), ``ident`` the resolution's name in it
    (``res-179``), ``date`` the adoption date (ISO ``YYYY-MM-DD``); ``date_name`` says
    what the date is (``adoption``, or ``year`` when only the number line's year is known).
    """

    body: str
    ident: str
    date: str
    date_name: str = "adoption"
    language: str = "eng"


def meta_for(resolution: Resolution, rid: str | None = None, adopted: str | None = None) -> AknMeta:
    """The FRBR metadata of ``resolution``: from its corpus id (``itu-pp/res-179``) and
    adoption date when known, else from its number line (kind, number and year); a
    UN-layout resolution's from its number (``73/179`` → ``res-73-179``), formula and
    adoption line (:func:`_un_meta`)."""
    if resolution.layout == "un":
        return _un_meta(resolution, rid, adopted)
    number = resolution.number or ""
    if rid and "/" in rid:
        body, ident = rid.rsplit("/", 1)
    else:
        body = rid.rsplit("/", 1)[0] if rid and "/" in rid else "itu-pp"
        match = re.match(r"\s*([A-Za-z]+)\s+(\d+[A-Za-z]*)", number)
        ident = rid or (
            f"{_KINDS.get(match.group(1).upper(), match.group(1).lower())}-{match.group(2).lower()}"
            if match
            else "resolution"
        )
    if adopted:
        return AknMeta(_slug(body), _slug(ident), adopted)
    years = re.findall(r"\b(1[89]\d\d|2\d\d\d)\b", number + " " + (resolution.formula or ""))
    year = years[-1] if years else "1970"
    return AknMeta(_slug(body), _slug(ident), f"{year}-01-01", "year")


def _un_meta(resolution: Resolution, rid: str | None, adopted: str | None) -> AknMeta:
    """The FRBR metadata of a UN-layout resolution: ``un-ga`` / ``res-73-179`` (the corpus
    id, the slash of a session number written as a hyphen), adopted on the day its
    adoption line names; the corpus id and date given win."""
    header = resolution.header
    formula = (header.formula.text if header.formula else "").lower()
    body = next((folder for name, folder in _UN_BODIES if name in formula), "un")
    ident = f"res-{resolution.number}" if resolution.number else "resolution"
    if rid:
        body, _, ident = rid.rpartition("/")
        body = body or "un"
    if adopted:
        return AknMeta(_slug(body), _slug(ident), adopted)
    line = header.adopted.text if header.adopted else ""
    day = _adoption_day(line)
    if day is not None:
        return AknMeta(_slug(body), _slug(ident), day)
    years = re.findall(r"\b(1[89]\d\d|2\d\d\d)\b", line)
    return AknMeta(_slug(body), _slug(ident), f"{years[-1] if years else '1970'}-01-01", "year")


def _adoption_day(line: str) -> str | None:
    """The ISO date an adoption line names (``… on 14 December 2018`` → ``2018-12-14``),
    or ``None`` when it names no real day."""
    match = _ADOPTED_ON.search(line)
    if match is None or match.group(2).capitalize() not in _MONTHS:
        return None
    month = _MONTHS.index(match.group(2).capitalize()) + 1
    try:
        return datetime.date(int(match.group(3)), month, int(match.group(1))).isoformat()
    except ValueError:  # 31 February
        return None


def to_akn(resolution: Resolution, meta: AknMeta | None = None) -> bytes:
    """``resolution`` as an Akoma Ntoso 3.0 document (UTF-8 bytes with an XML declaration)."""
    root = etree.Element(A + "akomaNtoso", nsmap={None: NS})
    root.append(_statement(resolution, meta or meta_for(resolution)))
    return _bytes(root)


def to_akn_collection(
    documents: Iterable[tuple[Resolution, AknMeta]], meta: AknMeta, title: str | None = None
) -> bytes:
    """Several resolutions as one AKN ``documentCollection`` (a conference's texts): each a
    ``component`` of the ``collectionBody`` holding its ``statement``. Inside a component
    every eId is prefixed with the component's (``cmp_res-179__considering__a``), as the
    AKN naming convention has it, so that eIds stay unique in the collection."""
    root = etree.Element(A + "akomaNtoso", nsmap={None: NS})
    collection = _sub(root, "documentCollection", name="collection")
    _meta(collection, meta, title, doc_type="documentCollection", subtype="publication")
    if title:
        _sub(_sub(_sub(collection, "preface"), "longTitle"), "p").append(
            _text_element("docTitle", title)
        )
    body = _sub(collection, "collectionBody")
    for resolution, member in documents:
        name = f"cmp_{member.ident}"
        component = _sub(body, "component", eId=name)
        statement = _statement(resolution, member)
        for element in statement.iter():
            if element.get("eId") is not None and element.tag != A + "TLCOrganization":
                element.set("eId", f"{name}__{element.get('eId')}")
        references = statement.find(f"{A}meta/{A}references")
        if references is not None:  # the collection's references serve every component
            references.getparent().remove(references)
        component.append(statement)
    if not len(body):
        raise ValueError("a collection needs at least one document")
    return _bytes(root)


def _bytes(root: etree._Element) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


def _text_element(tag: str, text: str) -> etree._Element:
    element = etree.Element(A + tag)
    element.text = _xml(text)
    return element


def _statement(resolution: Resolution, meta: AknMeta) -> etree._Element:
    """The ``statement`` element of one resolution."""
    statement = etree.Element(A + "statement", name=_statement_name(resolution))
    _meta(statement, meta, resolution.number)
    header = resolution.header
    un = resolution.layout == "un"
    if un:
        _un_preface(statement, resolution)
    elif header.number or header.title:
        preface = _sub(statement, "preface")
        if header.number:
            long_title = _sub(preface, "longTitle", eId=eid(header.number.path))
            _sub(_sub(long_title, "p"), "docNumber").text = _xml(header.number.text)
        if header.title:
            container = _sub(preface, "container", name="title", eId=eid(header.title.path))
            _p(container, header.title.text)
    sections = list(resolution.sections)
    leading = 0
    while leading < len(sections) and sections[leading].part == "preamble":
        leading += 1
    if header.formula or leading:
        preamble = _sub(statement, "preamble")
        if header.formula:
            formula = _sub(
                preamble, "formula", name="enactingFormula", eId=eid(header.formula.path)
            )
            _p(formula, header.formula.text)
        for section in sections[:leading]:
            _recitals(preamble, section, headed=not un)
    body = _sub(statement, "mainBody")
    _hcontainers(body, sections[leading:], headed=not un)
    if not len(body):
        _sub(body, "p")
    if resolution.footnotes:
        conclusions = _sub(statement, "conclusions")
        container = _sub(conclusions, "container", name="footnotes", eId="footnotes")
        for note in resolution.footnotes:
            p = _sub(container, "p")
            authorial = _sub(
                p,
                "authorialNote",
                marker=note.label or note.key,
                placement="bottom",
                eId=eid(note.path),
            )
            _p(authorial, note.text)
    if resolution.annexes:
        attachments = _sub(statement, "attachments")
        for annex in resolution.annexes:
            _annex(attachments, annex, meta)
    return statement


def _un_preface(statement: etree._Element, resolution: Resolution) -> None:
    """The preface of a UN-layout resolution: its symbol, agenda and adoption lines, then
    its number and title on one line, in the order the text prints them."""
    header = resolution.header
    parts = [header.symbol, header.agenda, header.adopted]
    if not any(parts) and header.number is None and header.title is None:
        return
    preface = _sub(statement, "preface")
    for name, part in zip(("symbol", "agenda", "adopted"), parts, strict=True):
        if part is not None:
            _p(_sub(preface, "container", name=name, eId=eid(part.path)), part.text)
    if header.number is not None:
        p = _sub(_sub(preface, "longTitle", eId=eid(header.number.path)), "p")
        number = _sub(p, "docNumber")
        number.text = _xml(header.number.text)
        number.tail = ". " if header.title else "."
        if header.title:
            _sub(p, "docTitle", eId=eid(header.title.path)).text = _xml(header.title.text)
    elif header.title is not None:
        container = _sub(preface, "container", name="title", eId=eid(header.title.path))
        _p(container, header.title.text)


def eid(path: str) -> str:
    """The ``eId`` of a clause path (contract): ``considering/a`` → ``considering__a``,
    ``requests-the-council/#1`` → ``requests-the-council___u1``, ``recalling~2`` →
    ``recalling_2``."""
    return path.replace("/", "__").replace("#", "_u").replace("~", "_")


def _statement_name(resolution: Resolution) -> str:
    word = (resolution.number or "resolution").split(maxsplit=1)[0].lower()
    return re.sub(r"[^a-z]+", "", word) or "resolution"


def _meta(
    statement: etree._Element,
    meta: AknMeta,
    number: str | None,
    references: bool = True,
    doc_type: str = "statement",
    subtype: str = "deliberation",
) -> None:
    work_uri = f"/akn/un/{doc_type}/{subtype}/{meta.body}/{meta.date}/{meta.ident}"
    expr_uri = f"{work_uri}/{meta.language}@{meta.date}"
    element = _sub(statement, "meta")
    ident = _sub(element, "identification", source="#resdiff")
    work = _sub(ident, "FRBRWork")
    _sub(work, "FRBRthis", value=f"{work_uri}/!main")
    _sub(work, "FRBRuri", value=work_uri)
    _sub(work, "FRBRdate", date=meta.date, name=meta.date_name)
    _sub(work, "FRBRauthor", href=f"#{meta.body}")
    _sub(work, "FRBRcountry", value="un")
    _sub(work, "FRBRsubtype", value=subtype)
    frbr_number = _sub(work, "FRBRnumber", value=meta.ident)
    if number:
        frbr_number.set("showAs", _xml(number))
    expression = _sub(ident, "FRBRExpression")
    _sub(expression, "FRBRthis", value=f"{expr_uri}/!main")
    _sub(expression, "FRBRuri", value=expr_uri)
    _sub(expression, "FRBRdate", date=meta.date, name=meta.date_name)
    _sub(expression, "FRBRauthor", href=f"#{meta.body}")
    _sub(expression, "FRBRlanguage", language=meta.language)
    manifestation = _sub(ident, "FRBRManifestation")
    _sub(manifestation, "FRBRthis", value=f"{expr_uri}/.xml")
    _sub(manifestation, "FRBRuri", value=f"{expr_uri}/.xml")
    _sub(manifestation, "FRBRdate", date=meta.date, name="XMLMarkup")
    _sub(manifestation, "FRBRauthor", href="#resdiff")
    if not references:  # an annex: the statement's references serve (eIds stay unique)
        return
    refs = _sub(element, "references", source="#resdiff")
    _sub(
        refs,
        "TLCOrganization",
        eId=meta.body,
        href=f"/ontology/organizations/{meta.body}",
        showAs=meta.body,
    )
    _sub(
        refs,
        "TLCOrganization",
        eId="resdiff",
        href="/ontology/software/resdiff",
        showAs="resdiff",
    )


def _recitals(preamble: etree._Element, section: Section, headed: bool = True) -> None:
    """A preambular section as ``recitals``; its heading as the ``intro`` when ``headed``."""
    recitals = _sub(preamble, "recitals", eId=eid(section.key))
    if headed and section.heading:
        _p(_sub(recitals, "intro"), section.heading)
    for clause in section.clauses:
        recital = _sub(recitals, "recital", eId=eid(clause.path))
        _num_and_text(recital, clause)
        if clause.children:
            _block_list(recital, clause.children, clause.path)
    if not section.clauses:  # recitals need one recital: an empty one reads back as nothing
        _sub(recitals, "recital", eId=eid(section.key) + "__empty")


def _block_list(parent: etree._Element, clauses: Iterable[Clause], path: str) -> None:
    block_list = _sub(parent, "blockList", eId=eid(path) + "__list")
    for clause in clauses:
        item = _sub(block_list, "item", eId=eid(clause.path))
        _num_and_text(item, clause)
        if clause.children:
            _block_list(item, clause.children, clause.path)


def _hcontainers(body: etree._Element, sections: Iterable[Section], headed: bool = True) -> None:
    """Each section as an ``hcontainer``, with its ``heading`` when ``headed``."""
    for section in sections:
        container = _sub(
            body, "hcontainer", name=section.key.replace("~", "_"), eId=eid(section.key)
        )
        if headed and section.heading:
            _sub(container, "heading").text = _xml(section.heading)
        for clause in section.clauses:
            _paragraph(container, clause, "paragraph")


def _paragraph(parent: etree._Element, clause: Clause, tag: str) -> None:
    element = _sub(parent, tag, eId=eid(clause.path))
    if clause.label:
        _sub(element, "num").text = _xml(clause.label)
    if clause.children:
        _p(_sub(element, "intro"), clause.text)
        for child in clause.children:
            _paragraph(element, child, "point")
    else:
        _p(_sub(element, "content"), clause.text)


def _num_and_text(element: etree._Element, clause: Clause) -> None:
    if clause.label:
        _sub(element, "num").text = _xml(clause.label)
    _p(element, clause.text)


def _annex(attachments: etree._Element, annex: Annex, meta: AknMeta) -> None:
    attachment = _sub(attachments, "attachment", eId=eid(annex.key) + "__attachment")
    doc = _sub(attachment, "doc", name="annex")
    annex_meta = AknMeta(
        meta.body, f"{meta.ident}-{annex.key.replace('~', '-')}", meta.date, meta.date_name
    )
    _meta(doc, annex_meta, None, references=False)
    preface = _sub(doc, "preface")
    _p(preface, annex.heading)
    if annex.title:
        _p(preface, annex.title)
    body = _sub(doc, "mainBody")
    _hcontainers(body, annex.sections)
    if not len(body):
        _sub(body, "p")


def _sub(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, A + tag, {k: v for k, v in attributes.items()})


def _p(parent: etree._Element, text: str) -> etree._Element:
    p = _sub(parent, "p")
    p.text = _xml(text)
    return p


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _slug(value: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", value.lower()).strip("-") or "x"
