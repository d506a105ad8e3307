"""The parse tree as plain data (``resdiff parse --format json``, schema ``resdiff/parse/v1``).

The schema is documented in ``docs/text-format.md``. Keys come in a fixed order, so the
JSON text is byte-identical across runs.
"""

from __future__ import annotations

from typing import Any

from resdiff.model import Annex, Clause, Diagnostic, Resolution, Section

SCHEMA = "resdiff/parse/v1"


def clause_json(clause: Clause) -> dict[str, Any]:
    return {
        "path": clause.path,
        "label": clause.label,
        "text": clause.text,
        "section": clause.section,
        "line": clause.line,
        "column": clause.column,
        "children": [clause_json(c) for c in clause.children],
    }


def section_json(section: Section) -> dict[str, Any]:
    return {
        "key": section.key,
        "heading": section.heading,
        "part": section.part,
        "line": section.line,
        "column": section.column,
        "clauses": [clause_json(c) for c in section.clauses],
    }


def annex_json(annex: Annex) -> dict[str, Any]:
    return {
        "key": annex.key,
        "heading": annex.heading,
        "title": annex.title,
        "line": annex.line,
        "column": annex.column,
        "sections": [section_json(s) for s in annex.sections],
    }


def diagnostic_json(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "level": diagnostic.level,
        "code": diagnostic.code,
        "message": diagnostic.message,
        "line": diagnostic.line,
        "column": diagnostic.column,
    }


def to_json(resolution: Resolution) -> dict[str, Any]:
    """The whole parse: header, sections, annexes, footnotes, regions and diagnostics.

    A UN-layout resolution adds ``"layout": "un"`` and its header parts ``adopted``,
    ``symbol`` and ``agenda`` where present; an ITU one's JSON has neither.
    """
    header = resolution.header
    parts = {
        name: clause_json(part) if part else None
        for name, part in (
            ("number", header.number),
            ("title", header.title),
            ("formula", header.formula),
        )
    }
    for name, part in (
        ("adopted", header.adopted),
        ("symbol", header.symbol),
        ("agenda", header.agenda),
    ):
        if part is not None:  # UN-layout header parts, only where present
            parts[name] = clause_json(part)
    return {
        "schema": SCHEMA,
        "source": resolution.source,
        **({"layout": resolution.layout} if resolution.layout != "itu" else {}),
        "header": parts,
        "sections": [section_json(s) for s in resolution.sections],
        "annexes": [annex_json(a) for a in resolution.annexes],
        "footnotes": [clause_json(f) for f in resolution.footnotes],
        "regions": [
            {"kind": r.kind, "line": r.line, "column": r.column, "text": r.text}
            for r in resolution.regions
        ],
        "diagnostics": [diagnostic_json(d) for d in resolution.diagnostics],
    }


def to_outline(resolution: Resolution) -> str:
    """The clause tree as indented text: path, label and text of every clause."""
    out: list[str] = []
    for part in resolution.header.parts():
        out.append(f"{part.path}  {part.text}")

    def sections(items: tuple[Section, ...], indent: str) -> None:
        for section in items:
            out.append("")
            out.append(f"{indent}{section.heading or '(no heading)'}  [{section.key}]")
            for clause in section.clauses:
                walk(clause, indent + "  ")

    def walk(clause: Clause, indent: str) -> None:
        label = f"{clause.label} " if clause.label else ""
        out.append(f"{indent}{clause.path}  {label}{clause.text}")
        for child in clause.children:
            walk(child, indent + "  ")

    sections(resolution.sections, "")
    for annex in resolution.annexes:
        out.append("")
        out.append(f"{annex.heading}  [{annex.key}]" + (f"  {annex.title}" if annex.title else ""))
        sections(annex.sections, "  ")
    if resolution.footnotes:
        out.append("")
        for note in resolution.footnotes:
            walk(note, "")
    return "\n".join(out).lstrip("\n") + "\n"
