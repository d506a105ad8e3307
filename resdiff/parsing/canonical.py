"""The canonical text of a resolution: repaired, normalised, one paragraph per line.

Layout (documented in ``docs/text-format.md``): the number line, the title, the
enacting formula; then each section's heading on its own line followed by its clauses
(label, a space, text), sub-clauses right after their parent; then each annex (its
heading line, its title, its sections); then, if there are footnotes, a rule of twenty
underscores and one footnote per line (``1 These include …``). A blank line separates
every two lines, and the text ends with one newline. Site text around the resolution
(regions) is not part of the canonical text: it keeps only the resolution.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from resdiff.model import Clause, Resolution, Section

FOOTNOTE_RULE = "_" * 20


def _clause_line(clause: Clause) -> str:
    if clause.label and clause.text:
        return f"{clause.label} {clause.text}"
    return clause.label or clause.text


def _sections(sections: Iterable[Section]) -> Iterator[str]:
    for section in sections:
        if section.heading:
            yield section.heading
        for clause in section.walk():
            yield _clause_line(clause)


def canonical_lines(resolution: Resolution) -> Iterator[str]:
    """Every line of the canonical text, in order (blank separators not included)."""
    if resolution.layout == "un":
        from resdiff.parsing.un_layout import canonical_un_lines

        yield from canonical_un_lines(resolution)
        return
    for part in resolution.header.parts():
        yield part.text
    yield from _sections(resolution.sections)
    for annex in resolution.annexes:
        yield annex.heading
        if annex.title:
            yield annex.title
        yield from _sections(annex.sections)
    if resolution.footnotes:
        yield FOOTNOTE_RULE
        for note in resolution.footnotes:
            yield _clause_line(note)


def render_canonical(resolution: Resolution) -> str:
    """The canonical text (``Resolution.to_text()``): lines joined by blank lines."""
    lines = [line for line in canonical_lines(resolution) if line]
    return "\n\n".join(lines) + "\n" if lines else ""
