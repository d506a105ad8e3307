"""The change model: what a diff found, as frozen dataclasses (the JSON contract's shape).

:mod:`resdiff.differ` computes these; every renderer in :mod:`resdiff.render` only reads
them. ``to_json()`` gives exactly the ``resdiff/diff/v1`` and ``resdiff/tree-diff/v1``
documents described in DESIGN.md and docs/json-schema.md, and ``Diff.from_json()`` reads
a diff back from its document (the pair-diff cache stores diffs that way).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, Literal

from resdiff.model import made

ChangeKind = Literal["added", "removed", "amended", "unchanged", "split", "merged"]
SectionKind = Literal["unchanged", "renamed", "added", "removed"]
TreeStatus = Literal["added", "removed", "modified", "unchanged"]
WordOp = tuple[Literal["=", "-", "+"], str]

DIFF_SCHEMA = "resdiff/diff/v1"
TREE_SCHEMA = "resdiff/tree-diff/v1"

#: ITU revision marks by tree status.
TREE_MARKS: dict[str, str] = {
    "added": "ADD",
    "removed": "SUP",
    "modified": "MOD",
    "unchanged": "NOC",
}


@dataclass(frozen=True)
class ClauseRef:
    """A clause as a change names it: path, label as written, section heading, text."""

    path: str
    label: str | None
    section: str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "label": self.label, "section": self.section, "text": self.text}

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> ClauseRef:
        return cls(path=doc["path"], label=doc["label"], section=doc["section"], text=doc["text"])


@dataclass(frozen=True)
class Change:
    """One clause-level change. ``old``/``new`` are empty for added/removed clauses."""

    kind: ChangeKind
    old: tuple[ClauseRef, ...]
    new: tuple[ClauseRef, ...]
    moved: bool = False
    renumbered: bool = False
    editorial: bool = False
    similarity: float = 1.0
    words: tuple[WordOp, ...] = ()

    @property
    def kept(self) -> bool:
        """True for a clause kept as it was, in place, under the same label: what reports
        leave out unless asked for everything (``--all``)."""
        return self.kind == "unchanged" and not self.moved and not self.renumbered

    @property
    def mark(self) -> str:
        """The ITU revision mark: ADD, SUP, MOD, (MOD) or NOC."""
        if self.kind == "added":
            return "ADD"
        if self.kind == "removed":
            return "SUP"
        if self.kind == "unchanged":
            return "NOC"
        if self.editorial:
            return "(MOD)"
        return "MOD"

    def old_text(self) -> str:
        """The old text as the word ops rebuild it (``=`` and ``-``)."""
        return "".join(t for op, t in self.words if op != "+")

    def new_text(self) -> str:
        """The new text as the word ops rebuild it (``=`` and ``+``)."""
        return "".join(t for op, t in self.words if op != "-")

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "old": [c.to_json() for c in self.old],
            "new": [c.to_json() for c in self.new],
            "moved": self.moved,
            "renumbered": self.renumbered,
            "editorial": self.editorial,
            "similarity": round(self.similarity, 4),
            "words": [[op, text] for op, text in self.words],
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Change:
        """The change a ``changes[]`` entry of the document describes."""
        return cls(
            kind=doc["kind"],
            old=tuple(ClauseRef.from_json(r) for r in doc["old"]),
            new=tuple(ClauseRef.from_json(r) for r in doc["new"]),
            moved=doc["moved"],
            renumbered=doc["renumbered"],
            editorial=doc["editorial"],
            similarity=doc["similarity"],
            words=tuple((op, text) for op, text in doc["words"]),
        )


def clause_ref(path: str, label: str | None, section: str, text: str) -> ClauseRef:
    """``ClauseRef(path, label, section, text)`` made by :func:`resdiff.model.made`: the
    differ makes one or two per clause."""
    return made(ClauseRef, path=path, label=label, section=section, text=text)


def make_change(
    kind: ChangeKind,
    old: tuple[ClauseRef, ...],
    new: tuple[ClauseRef, ...],
    moved: bool,
    renumbered: bool,
    editorial: bool,
    similarity: float,
    words: tuple[WordOp, ...],
) -> Change:
    """``Change(kind, old, new, …)`` made by :func:`resdiff.model.made`: a diff makes one
    per clause."""
    return made(Change, kind=kind, old=old, new=new, moved=moved, renumbered=renumbered,
                editorial=editorial, similarity=similarity, words=words)  # fmt: skip


@dataclass(frozen=True)
class SectionChange:
    """A section's fate: kept, renamed, added or removed (``old``/``new`` are headings)."""

    kind: SectionKind
    old: str | None
    new: str | None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "old": self.old, "new": self.new}

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> SectionChange:
        return cls(kind=doc["kind"], old=doc["old"], new=doc["new"])


@dataclass(frozen=True)
class Meta:
    """Which text a side of the diff is: where it came from, its number line and title."""

    source: str | None
    number: str | None
    title: str | None

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "number": self.number, "title": self.title}

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Meta:
        return cls(source=doc["source"], number=doc["number"], title=doc["title"])


@dataclass(frozen=True)
class AnnexLines:
    """An annex's heading line and title (``ANNEX 1 TO RESOLUTION 48 …``; title or None)."""

    key: str
    heading: str
    title: str | None


@dataclass(frozen=True)
class Outline:
    """What the JSON contract does not say about a text and the Word report needs to write
    it back whole: every clause path in document order (where a removed clause stood
    among the others) and each annex's heading lines."""

    order: tuple[str, ...]
    annexes: tuple[AnnexLines, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "order": list(self.order),
            "annexes": [[a.key, a.heading, a.title] for a in self.annexes],
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Outline:
        return cls(
            order=tuple(str(path) for path in doc["order"]),
            annexes=tuple(AnnexLines(k, h, t) for k, h, t in doc["annexes"]),
        )


_KIND = attrgetter("kind")
_MOVED = attrgetter("moved")
_RENUMBERED = attrgetter("renumbered")
_EDITORIAL = attrgetter("editorial")

SUMMARY_KEYS = (
    "added",
    "removed",
    "amended",
    "unchanged",
    "split",
    "merged",
    "moved",
    "renumbered",
    "editorial",
)


@dataclass(frozen=True)
class Diff:
    """The clause-aware difference between two revisions of one resolution.

    ``changes`` holds every change, unchanged clauses included, ordered by position in
    the new text (removed clauses at their old position). Renderers show unchanged
    entries only when asked (``--all``); ``summary`` always counts them.
    """

    old: Meta
    new: Meta
    sections: tuple[SectionChange, ...]
    changes: tuple[Change, ...]
    options: dict[str, Any] = field(default_factory=dict, compare=False)
    #: The old and new texts' outlines (clause order, annex heading lines), when the diff
    #: was computed from the texts; not part of the JSON contract (see :class:`Outline`).
    outlines: tuple[Outline, Outline] | None = field(default=None, compare=False)

    @property
    def summary(self) -> dict[str, int]:
        changes = self.changes
        counts = dict.fromkeys(SUMMARY_KEYS, 0)
        for kind, count in Counter(map(_KIND, changes)).items():
            counts[kind] += count
        counts["moved"] += sum(map(_MOVED, changes))
        counts["renumbered"] += sum(map(_RENUMBERED, changes))
        counts["editorial"] += sum(map(_EDITORIAL, changes))
        return counts

    @property
    def differs(self) -> bool:
        """True when anything but unchanged clauses and unchanged sections is reported."""
        return any(not c.kept for c in self.changes) or any(
            s.kind != "unchanged" for s in self.sections
        )

    def visible_changes(self, show_all: bool = False) -> tuple[Change, ...]:
        """The changes a report lists: all with ``show_all``, else all but the kept ones
        (a re-lettered or moved clause is shown even when its text is not)."""
        if show_all:
            return self.changes
        # :attr:`Change.kept`, its test written out: this runs once per change of every
        # report, and a property call each costs the JSON writer a few per cent
        return tuple(c for c in self.changes if c.kind != "unchanged" or c.moved or c.renumbered)

    def to_json(self, show_all: bool = False, *, with_options: bool = False) -> dict[str, Any]:
        """The ``resdiff/diff/v1`` document.

        Without ``show_all``, plain ``unchanged`` entries are left out; an unchanged clause
        that was re-lettered or moved is listed, since its place changed and a reader
        (or a tool comparing clause mappings) needs to see where it went. With
        ``with_options`` the document also carries the options the diff was computed with
        (an ``options`` object after ``changes``) and the two texts' outlines (an
        ``outlines`` pair, when the diff has them), so that :meth:`from_json` gives back
        this very diff; the CLI never writes it.
        """
        changes = self.visible_changes(show_all)
        doc = {
            "schema": DIFF_SCHEMA,
            "old": self.old.to_json(),
            "new": self.new.to_json(),
            "summary": self.summary,
            "sections": [s.to_json() for s in self.sections],
            "changes": [c.to_json() for c in changes],
        }
        if with_options:
            doc["options"] = dict(self.options)
            if self.outlines is not None:
                doc["outlines"] = [o.to_json() for o in self.outlines]
        return doc

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Diff:
        """The diff a ``resdiff/diff/v1`` document describes: the inverse of :meth:`to_json`.

        ``Diff.from_json(d.to_json(show_all=True, with_options=True)) == d``, options
        included (the differ keeps similarities at the document's four decimals). A document
        written without ``show_all`` lacks the plain unchanged clauses, and one without
        ``with_options`` gives empty options. Raises ``ValueError`` for another schema and
        ``KeyError``/``TypeError`` for a document of the wrong shape.
        """
        if doc.get("schema") != DIFF_SCHEMA:
            raise ValueError(f"not a {DIFF_SCHEMA} document: schema {doc.get('schema')!r}")
        return cls(
            old=Meta.from_json(doc["old"]),
            new=Meta.from_json(doc["new"]),
            sections=tuple(SectionChange.from_json(s) for s in doc["sections"]),
            changes=tuple(Change.from_json(c) for c in doc["changes"]),
            options=dict(doc.get("options", {})),
            outlines=_outlines(doc.get("outlines")),
        )


@dataclass(frozen=True)
class TreeEntry:
    """One resolution of a tree diff: its relative path, status and (when both exist) diff."""

    path: str
    status: TreeStatus
    diff: Diff | None

    @property
    def mark(self) -> str:
        return TREE_MARKS[self.status]

    def to_json(self, show_all: bool = False) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": self.status,
            "diff": self.diff.to_json(show_all) if self.diff is not None else None,
        }


@dataclass(frozen=True)
class TreeDiff:
    """The conference-level view: every resolution of two trees, sorted by path."""

    old_source: str | None
    new_source: str | None
    entries: tuple[TreeEntry, ...]

    @property
    def differs(self) -> bool:
        return any(e.status != "unchanged" for e in self.entries)

    def to_json(self, show_all: bool = False) -> dict[str, Any]:
        return {
            "schema": TREE_SCHEMA,
            "old": self.old_source,
            "new": self.new_source,
            "resolutions": [e.to_json(show_all) for e in self.entries],
        }


def _outlines(doc: Any) -> tuple[Outline, Outline] | None:
    """The two outlines a cached document carries (None when it carries none)."""
    if doc is None:
        return None
    old, new = doc
    return Outline.from_json(old), Outline.from_json(new)
