"""What the corpus answers with: frozen records of revisions, log lines, blame, history, checks.

The CLI renders these; tests assert on them. ``to_json()`` gives the documented JSON
(``blame`` is a contract: a list of ``{"path", "label", "introduced", "last_amended"}``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from resdiff.changes import Change, ClauseRef, Diff
from resdiff.corpus.refs import ResolutionId
from resdiff.model import Diagnostic


@dataclass(frozen=True)
class Revision:
    """One adopted revision of a resolution: the last commit carrying its ``Resdiff-Revision``.

    ``blob`` is the id of the file's content at that commit (the key of the diff cache).
    A revision is *pseudo* (``adopted`` is ``None``) when it names a git rev, not a revision.
    """

    resolution: ResolutionId
    name: str
    adopted: date | None
    commit: str
    blob: str

    @property
    def short(self) -> str:
        return self.commit[:10]

    def to_json(self) -> dict[str, Any]:
        return {
            "resolution": str(self.resolution),
            "revision": self.name,
            "adopted": self.adopted.isoformat() if self.adopted else None,
            "commit": self.commit,
        }


def summary_line(summary: dict[str, int]) -> str:
    """``+3 added, -2 removed, 7 amended, 1 moved`` (then split/merged/renumbered when any)."""
    parts = [
        f"+{summary.get('added', 0)} added",
        f"-{summary.get('removed', 0)} removed",
        f"{summary.get('amended', 0)} amended",
        f"{summary.get('moved', 0)} moved",
    ]
    for key in ("split", "merged", "renumbered"):
        if summary.get(key):
            parts.append(f"{summary[key]} {key}")
    return ", ".join(parts)


@dataclass(frozen=True)
class LogEntry:
    """A revision and its change summary against the previous revision (none for the first)."""

    revision: Revision
    summary: dict[str, int] | None
    clauses: int

    @property
    def line(self) -> str:
        if self.summary is None:
            return f"first revision, {self.clauses} clauses"
        return summary_line(self.summary)

    def to_json(self) -> dict[str, Any]:
        return {**self.revision.to_json(), "summary": self.summary, "change": self.line}


@dataclass(frozen=True)
class BlameEntry:
    """Where one clause of a revision comes from (revision names)."""

    path: str
    label: str | None
    introduced: str
    last_amended: str
    text: str = field(default="", compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "label": self.label,
            "introduced": self.introduced,
            "last_amended": self.last_amended,
        }


@dataclass(frozen=True)
class HistoryStep:
    """One clause (or the clauses it was split from / merged into) at one revision.

    ``kind`` is ``introduced``, ``unchanged``, ``amended``, ``split``, ``merged`` or
    ``removed``; ``change`` is the differ's change that led here (``None`` for the revision
    where the clause first appears in the first revision).
    """

    revision: Revision
    kind: str
    clauses: tuple[ClauseRef, ...]
    change: Change | None

    def to_json(self) -> dict[str, Any]:
        return {
            "revision": self.revision.name,
            "adopted": self.revision.adopted.isoformat() if self.revision.adopted else None,
            "kind": self.kind,
            "moved": bool(self.change and self.change.moved),
            "renumbered": bool(self.change and self.change.renumbered),
            "clauses": [c.to_json() for c in self.clauses],
            "words": [[op, t] for op, t in self.change.words] if self.change else [],
        }


@dataclass(frozen=True)
class ClauseHistory:
    """A clause through every revision, oldest first."""

    resolution: ResolutionId
    path: str
    steps: tuple[HistoryStep, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "resolution": str(self.resolution),
            "path": self.path,
            "steps": [s.to_json() for s in self.steps],
        }


@dataclass(frozen=True)
class Problem:
    """One thing ``check`` found: where (file or commit), what, and how bad."""

    level: str  # "error" | "warning"
    where: str
    message: str

    def format(self) -> str:
        return f"{self.where}: {self.level}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {"level": self.level, "where": self.where, "message": self.message}


@dataclass(frozen=True)
class FileCheck:
    """One resolution file: its parser diagnostics, and (with a base) its diff against it."""

    relpath: str
    status: str  # "added" | "removed" | "modified" | "unchanged" | "checked"
    diagnostics: tuple[Diagnostic, ...]
    diff: Diff | None = None

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.level == "error")


@dataclass(frozen=True)
class CheckReport:
    """Everything ``resdiff check`` says about a corpus (optionally against a base ref)."""

    base: str | None
    files: tuple[FileCheck, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems) and not any(
            f.errors for f in self.files
        )


@dataclass(frozen=True)
class ImportResult:
    """What ``import`` loaded: how many revision commits, of how many resolutions."""

    commits: int
    resolutions: int
    head: str
