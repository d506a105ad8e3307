"""Where every clause of a resolution stands: its section, its depth, its neighbours.

The three-way merge works on clause paths (the diff's vocabulary); this module gives each
path the structural facts the diff does not carry: which :class:`Place` (a body or annex
section, or the header and footnote parts) holds it, whether it is a top-level clause of
that section or a sub-clause, and its position in document order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from resdiff.model import FOOTNOTES, HEADER, Clause, Resolution, Section

#: The container of body sections (annex sections carry their annex's index, from 0).
BODY = -1


@dataclass(frozen=True)
class Place:
    """A section of one text, or its header / footnote part.

    ``index`` is the position among the text's places in document order; ``container``
    is :data:`BODY`, an annex index, or ``None`` for the header and footnotes.
    """

    key: str
    heading: str
    part: str
    index: int
    container: int | None
    section: Section | None

    @property
    def fixed(self) -> bool:
        """The header and the footnotes: their clauses keep their labels and order."""
        return self.section is None


@dataclass(frozen=True)
class Slot:
    """One clause of a text: the clause, its place, its depth (0 top level) and position."""

    clause: Clause
    place: Place
    depth: int
    order: int
    parent: str | None


@dataclass(frozen=True)
class Layout:
    """Every place and clause of one resolution, by path and in document order."""

    resolution: Resolution
    places: tuple[Place, ...]
    slots: tuple[Slot, ...]
    by_path: dict[str, Slot]

    @classmethod
    def of(cls, resolution: Resolution) -> Layout:
        places: list[Place] = []
        slots: list[Slot] = []

        def add(place: Place, clauses: tuple[Clause, ...], depth: int, parent: str | None) -> None:
            for clause in clauses:
                slots.append(Slot(clause, place, depth, len(slots), parent))
                add(place, clause.children, depth + 1, clause.path)

        header = Place(HEADER, HEADER, "header", 0, None, None)
        places.append(header)
        add(header, resolution.header.parts(), 0, None)
        for container, sections in _containers(resolution):
            for section in sections:
                place = Place(
                    section.key, section.heading, section.part, len(places), container, section
                )
                places.append(place)
                add(place, section.clauses, 0, None)
        notes = Place(FOOTNOTES, FOOTNOTES, "footnotes", len(places), None, None)
        places.append(notes)
        add(notes, resolution.footnotes, 0, None)
        return cls(resolution, tuple(places), tuple(slots), {s.clause.path: s for s in slots})

    def in_place(self, place: Place) -> Iterator[Slot]:
        """The clauses of one place, in order."""
        return (s for s in self.slots if s.place is place)


def _containers(resolution: Resolution) -> Iterator[tuple[int, tuple[Section, ...]]]:
    yield BODY, resolution.sections
    for i, annex in enumerate(resolution.annexes):
        yield i, annex.sections
