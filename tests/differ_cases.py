"""Build Resolution objects directly for the differ's tests (no parser in between).

The differ is tested on structures, so a failing test points at the differ, not at how
a text was read. Paths follow the contract (DESIGN.md): ``section-key/label``,
``#n`` for an unlabelled paragraph, ``~2`` on a repeated heading.
"""

from __future__ import annotations

from collections.abc import Sequence

from resdiff.model import Clause, Header, Resolution, Section, label_key, section_key

#: (label or None, text) or (label or None, text, [sub-clauses])
ClauseSpec = tuple[str | None, str] | tuple[str | None, str, list["ClauseSpec"]]
SectionSpec = tuple[str, Sequence[ClauseSpec]]


def _clause(spec: ClauseSpec, prefix: str, position: int, heading: str) -> Clause:
    label, text = spec[0], spec[1]
    children = spec[2] if len(spec) > 2 else []  # type: ignore[misc]
    segment = label_key(label) if label else f"#{position}"
    path = f"{prefix}/{segment}"
    kids = tuple(_clause(c, path, k, heading) for k, c in enumerate(children, 1))
    return Clause(path, label, text, heading, 1, 1, kids)


def build(
    sections: Sequence[SectionSpec],
    *,
    number: str | None = "RESOLUTION 1 (TEST, 2020)",
    title: str | None = "A test resolution",
    formula: str | None = "The Conference (Test, 2020),",
    footnotes: Sequence[str] = (),
    source: str | None = None,
) -> Resolution:
    """A Resolution with these sections: ``[(heading, [(label, text), …]), …]``."""
    seen: dict[str, int] = {}
    out = []
    for heading, clauses in sections:
        key = section_key(heading)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = f"{key}~{seen[key]}"
        built = tuple(_clause(c, key, k, heading) for k, c in enumerate(clauses, 1))
        out.append(Section(key, heading, built, 1, 1))
    header = Header(
        number=Clause("header/number", None, number, "header", 1, 1) if number else None,
        title=Clause("header/title", None, title, "header", 1, 1) if title else None,
        formula=Clause("header/formula", None, formula, "header", 1, 1) if formula else None,
    )
    notes = tuple(
        Clause(f"footnotes/{k}", str(k), text, "footnotes", 1, 1)
        for k, text in enumerate(footnotes, 1)
    )
    return Resolution("", source, header, tuple(out), footnotes=notes)


def letters(texts: Sequence[str]) -> list[ClauseSpec]:
    """Label texts a), b), c) … in order."""
    return [(f"{chr(ord('a') + k)})", t) for k, t in enumerate(texts)]


def numbers(texts: Sequence[str]) -> list[ClauseSpec]:
    """Label texts 1, 2, 3 … in order."""
    return [(str(k), t) for k, t in enumerate(texts, 1)]


#: Distinct, realistic clause texts (from ITU resolutions) for building test pairs.
TEXTS = (
    "that the Internet has become a major platform for many different kinds of "
    "educational, cultural and entertainment activities for children;",
    "that children are among the most active participants online;",
    "the growing development, diversification and spread of access to ICTs worldwide, "
    "in particular the Internet, and the increasingly widespread use thereof by children;",
    "that, in order to address the issue of cybersecurity for children, it is critical "
    "that proactive measures be taken in order to protect children online;",
    "the requirement for a multistakeholder approach in order to promote social "
    "responsibility in the ICT sector;",
    "that child online protection is a subject of valid international global interest;",
    "the memorandum of understanding between the secretariat of the Union and Child "
    "Helpline International;",
    "Resolution 1306 adopted by the 2009 session of the Council, under which a child online "
    "protection working group was set up;",
    "that the year-long Call for Action launched by the Secretary-General on 18 May 2009 "
    "to consider 2009-2010 to be child online safety year;",
    "that several governments and regional organizations are actively promoting and working "
    "towards creating a safe Internet environment for children;",
    "the discussions and observations made at the meetings of the Council Working Group on "
    "Child Online Protection;",
    "to submit a progress report on the results of implementation of this resolution to the "
    "next plenipotentiary conference;",
    "to bring this resolution to the attention of other members and of the United Nations "
    "Secretary-General;",
    "to develop information, to educate and to create consumer-awareness campaigns aimed at "
    "parents, teachers, industry and the population in general;",
    "to allocate a telephone number on a regional basis for child online protection;",
    "to assist developing countries in drawing the greatest possible attention to the "
    "economic aspects of spectrum pricing;",
    "that satellite orbits are limited natural resources which must be used rationally, "
    "efficiently and economically;",
    "the importance of emergency telecommunications for disaster relief and humanitarian "
    "assistance operations in remote regions;",
)
