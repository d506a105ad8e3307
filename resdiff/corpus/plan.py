"""The commit plan shared by ``add`` and ``import``: what a revision commit says, and when
the corpus refuses one.

Both writes make the same commit for a revision — subject ``Add Resolution 179 (Rev. Dubai,
2018)`` (``Correct …`` for an erratum), the three trailers, the adoption date as commit
date — and refuse the same things before git is touched: a revision older than the
latest one the resolution has, and (for ``import``, which makes no errata) a revision it
already has. The refusal of a file with uncommitted changes is the store's
(:meth:`resdiff.corpus.store.Store.refuse_uncommitted`); ``add`` makes it again under the
index lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from resdiff.corpus.records import Revision
from resdiff.corpus.refs import ResolutionId, subject_title
from resdiff.corpus.trailers import adoption_epoch, format_message
from resdiff.errors import CorpusError


@dataclass(frozen=True)
class RevisionCommit:
    """One planned revision commit: which revision of which resolution, adopted when, and
    whether it adds a revision or corrects one already there (an erratum)."""

    rid: ResolutionId
    revision: str
    adopted: date
    corrects: bool = False

    @property
    def epoch(self) -> int:
        """The commit's author and committer time (see :func:`adoption_epoch`)."""
        return adoption_epoch(self.adopted)

    def message(self, number_line: str | None, title: str | None = None) -> str:
        """The commit message: subject naming the revision (``title``, else the title read
        from the text's number line, else the revision name), then the trailers."""
        verb = "Correct" if self.corrects else "Add"
        shown = title or subject_title(number_line) or self.revision
        subject = f"{verb} {self.rid.kind_word} {self.rid.shown_number} ({shown})"
        return format_message(subject, str(self.rid), self.revision, self.adopted.isoformat())


def plan_revision(
    rid: ResolutionId,
    revision: str,
    adopted: date,
    existing: Sequence[Revision],
    *,
    source: Path | None = None,
) -> RevisionCommit:
    """Plan committing ``revision`` of ``rid`` given the revisions it has (oldest first).

    ``source`` is the file an import reads the revision from: an import refuses a revision
    the resolution already has, where ``add`` (no ``source``) plans a correction of it.
    Either refuses a new revision older than the latest adopted one.
    """
    corrects = any(r.name == revision for r in existing)
    if corrects and source is not None:
        raise CorpusError(f"{source}: {rid} already has revision {revision}")
    if not corrects:
        latest = latest_adopted(existing)
        if latest is not None and latest.adopted is not None and adopted < latest.adopted:
            if source is not None:
                raise CorpusError(
                    f"{source}: {rid} already has the later revision {latest.name}"
                    f" ({latest.adopted}); import revisions in date order"
                )
            raise CorpusError(
                f"{rid}: revision {revision} (adopted {adopted}) is older than {latest.name}"
                f" (adopted {latest.adopted}); add revisions in date order"
            )
    return RevisionCommit(rid, revision, adopted, corrects)


def latest_adopted(revisions: Sequence[Revision]) -> Revision | None:
    """The revision adopted last (the earliest in history order on a tie), if any has a date."""
    return max(
        (r for r in revisions if r.adopted),
        key=lambda r: r.adopted or date.min,
        default=None,
    )
