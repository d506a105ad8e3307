"""What alignment returns: clause matches, the fate of each section, and the clauses."""

from __future__ import annotations

from dataclasses import dataclass, field

from resdiff.model import Clause, Section

__all__ = ["Alignment", "Match", "SectionPair"]


@dataclass(frozen=True, init=False)
class Match:
    """Old clauses paired with new ones (indices into :attr:`Alignment.old`/``new``).

    One-to-one for unchanged/amended, one-to-many for a split, many-to-one for a merge.
    """

    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float
    moved: bool = False

    def __init__(
        self, old: tuple[int, ...], new: tuple[int, ...], similarity: float, moved: bool = False
    ) -> None:
        # the fields written straight into the instance, as resdiff.model.made does:
        # a frozen dataclass's own __init__ sets each through object.__setattr__, and an
        # alignment makes one Match per clause
        fields = self.__dict__
        fields["old"] = old
        fields["new"] = new
        fields["similarity"] = similarity
        fields["moved"] = moved


@dataclass(frozen=True)
class SectionPair:
    """A section's fate: ``old`` and ``new`` both set (kept or renamed), or one of them."""

    old: Section | None
    new: Section | None


@dataclass(frozen=True)
class Alignment:
    """Which old clauses became which new ones; the rest were removed or added."""

    old: tuple[Clause, ...]
    new: tuple[Clause, ...]
    matches: tuple[Match, ...]
    removed: tuple[int, ...]
    added: tuple[int, ...]
    sections: tuple[SectionPair, ...]
    #: section key of every old / new clause (``header``, ``footnotes`` or a Section.key)
    old_sections: tuple[str, ...] = field(default=(), repr=False)
    new_sections: tuple[str, ...] = field(default=(), repr=False)
