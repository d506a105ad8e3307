"""The result of compiling many proposals against one base text, and its
``resdiff/compilation/v1`` JSON document (docs/json-schema.md).

A :class:`Compilation` is what a secretariat publishes before a conference: for each
provision of the base, in base order, one :class:`Entry` holding every proposal's outcome,
proposals with an identical result sharing one :class:`Position`; the clauses a proposal
adds (or moves in) stand in entries of their own right after the base clause they follow.
Computed by :mod:`resdiff.merge.compile`; only read by the renderers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from resdiff.changes import Change, ClauseRef, Meta, WordOp

COMPILATION_SCHEMA = "resdiff/compilation/v1"

PositionKind = Literal["unchanged", "amended", "removed", "moved", "split", "merged", "added"]

#: The counts of ``summary.by_proposal``, in this order.
PROPOSAL_MARKS = ("MOD", "ADD", "SUP")


@dataclass(frozen=True)
class Proposal:
    """One proposal: its name (``EUR``, ``ACP/12/1``) and where its text came from."""

    name: str
    source: str | None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "source": self.source}


@dataclass(frozen=True)
class Position:
    """What one or more proposals did, identically, at one place of the base.

    ``paths`` are the clause's paths in the first proposal named (proposals that insert
    clauses elsewhere may letter a changed clause differently; NOC positions are split by
    path, so theirs are every proposal's); ``text`` its text there (the parts of a
    split joined by one space, the clauses of an addition by a newline; ``None`` when
    removed); ``words`` the word ops from the base text, for a changed text (else empty);
    ``origin`` the base clauses a clause moved in (ADD*) comes from (not in the JSON: the
    SUP* position in their entries says where they went); ``change`` the diff's change
    behind the position (of its first proposal; none for a run of additions), from which
    the people formats take their notes as the diff report does.
    """

    proposals: tuple[str, ...]
    kind: PositionKind
    mark: str
    paths: tuple[str, ...]
    text: str | None
    words: tuple[WordOp, ...] = ()
    origin: tuple[str, ...] = field(default=(), compare=False)
    change: Change | None = field(default=None, compare=False, repr=False)

    @property
    def changed(self) -> bool:
        """Anything but NOC."""
        return self.kind != "unchanged"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "proposals": list(self.proposals),
            "kind": self.kind,
            "mark": self.mark,
            "paths": list(self.paths),
            "text": self.text,
        }
        if self.words:
            out["words"] = [[op, text] for op, text in self.words]
        return out


@dataclass(frozen=True)
class Entry:
    """One provision of the compilation.

    A base clause (``base`` its one path, every proposal in exactly one position), or
    the clauses proposals add or move in at one place (``base`` empty, ``after`` the
    base clause they follow, ``None`` before the first). ``section`` is the key of the
    section the clause stands in. ``conflict``: two or more different changes.
    """

    base: tuple[str, ...]
    section: str
    after: str | None
    conflict: bool
    positions: tuple[Position, ...]

    @property
    def touched(self) -> bool:
        """Some proposal changes (or adds) something here."""
        return any(p.changed for p in self.positions)

    @property
    def agreed(self) -> bool:
        """Two or more proposals made the same change here, and nobody another one."""
        return not self.conflict and any(p.changed and len(p.proposals) > 1 for p in self.positions)

    def to_json(self) -> dict[str, Any]:
        return {
            "base": list(self.base),
            "section": self.section,
            "after": self.after,
            "conflict": self.conflict,
            "positions": [p.to_json() for p in self.positions],
        }


@dataclass(frozen=True)
class Compilation:
    """Every proposal's outcome on every provision of one base text (see the module doc).

    ``clauses`` holds the base's clauses by path (what the renderers print as base text),
    ``headings`` the heading of every section key an entry names (the base's, and those of
    sections proposals add).
    """

    base: Meta
    proposals: tuple[Proposal, ...]
    entries: tuple[Entry, ...]
    clauses: dict[str, ClauseRef] = field(default_factory=dict, compare=False)
    headings: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def conflicts(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.conflict)

    @property
    def by_proposal(self) -> dict[str, dict[str, int]]:
        """Per proposal: clauses it amends (MOD, moves and splits included), adds, removes."""
        counts = {p.name: dict.fromkeys(PROPOSAL_MARKS, 0) for p in self.proposals}
        for entry in self.entries:
            for position in entry.positions:
                mark = _count_mark(position)
                if mark is None:
                    continue
                weight = len(position.paths) if mark == "ADD" else 1
                for name in position.proposals:
                    counts[name][mark] += weight
        return counts

    @property
    def summary(self) -> dict[str, Any]:
        return {
            "clauses": sum(1 for e in self.entries if e.base),
            "touched": sum(1 for e in self.entries if e.touched),
            "agreed": sum(1 for e in self.entries if e.agreed),
            "conflicts": len(self.conflicts),
            "by_proposal": self.by_proposal,
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": COMPILATION_SCHEMA,
            "base": self.base.to_json(),
            "proposals": [p.to_json() for p in self.proposals],
            "summary": self.summary,
            "entries": [e.to_json() for e in self.entries],
        }


def _count_mark(position: Position) -> str | None:
    """Which ``by_proposal`` count a position adds to, by its mark: a move counts once, at
    its old place (SUP*, as MOD); a merge as MOD of its first clause and SUP of the others."""
    if position.mark == "ADD":
        return "ADD"
    if position.mark == "SUP":
        return "SUP"
    if position.mark in ("MOD", "(MOD)", "SUP*"):
        return "MOD"
    return None  # NOC, and ADD* (counted where it left)
