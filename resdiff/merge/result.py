"""The result of a three-way merge: the merged text's sections, its conflicts, its changes,
and the ``resdiff/merge/v1`` JSON document (docs/json-schema.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from resdiff.model import Resolution

MERGE_SCHEMA = "resdiff/merge/v1"

ConflictKind = Literal["both-amended", "amended-removed", "both-added", "section-removed"]
Side = Literal["ours", "theirs"]
From = Literal["ours", "theirs", "both"]
MergeKind = Literal["added", "removed", "amended", "moved", "split", "merged", "renamed"]


@dataclass(frozen=True)
class Line:
    """One clause of the merged text: label as it will be written, text, depth (0 top level)."""

    label: str | None
    text: str
    depth: int = 0

    def render(self) -> str:
        if self.label and self.text:
            return f"{self.label} {self.text}"
        return self.label or self.text


@dataclass(frozen=True)
class Conflict:
    """Two sides that changed one place differently.

    ``base``/``ours``/``theirs`` are clause paths in those texts; ``lines`` each side's
    clauses as they would be written (``base`` first, then ``ours``, then ``theirs``);
    ``resolved`` the side ``--favor`` took, or ``None``.
    """

    kind: ConflictKind
    base: tuple[str, ...]
    ours: tuple[str, ...]
    theirs: tuple[str, ...]
    base_lines: tuple[Line, ...]
    ours_lines: tuple[Line, ...]
    theirs_lines: tuple[Line, ...]
    resolved: Side | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "base": list(self.base),
            "ours": list(self.ours),
            "theirs": list(self.theirs),
            "resolved": self.resolved,
        }


@dataclass(frozen=True)
class MergeChange:
    """A change the merge took, and which side it came from (``merged``: paths in the result)."""

    side: From
    kind: MergeKind
    base: tuple[str, ...]
    merged: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.side,
            "kind": self.kind,
            "base": list(self.base),
            "merged": list(self.merged),
        }


@dataclass(frozen=True)
class Merge:
    """A three-way merge of one resolution.

    ``text`` is the merged resolution in canonical form, with every unresolved conflict
    written diff3 style between markers; ``resolution`` is the merged text parsed, each
    unresolved conflict holding the base version (what both sides started from).
    ``clean`` is true when no conflict is left unresolved.
    """

    text: str
    resolution: Resolution
    conflicts: tuple[Conflict, ...]
    changes: tuple[MergeChange, ...]

    @property
    def clean(self) -> bool:
        return all(c.resolved is not None for c in self.conflicts)

    @property
    def unresolved(self) -> tuple[Conflict, ...]:
        return tuple(c for c in self.conflicts if c.resolved is None)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": MERGE_SCHEMA,
            "clean": self.clean,
            "text": self.text,
            "conflicts": [c.to_json() for c in self.conflicts],
            "changes": [c.to_json() for c in self.changes],
        }
