"""Commit trailers (contract): how a commit says which revision of which resolution it is.

::

    Add Resolution 179 (Rev. Dubai, 2018)

    Resdiff-Resolution: itu-pp/res-179
    Resdiff-Revision: dubai-2018
    Resdiff-Adopted: 2018-11-16

Only the message's last paragraph is read, as ``git interpret-trailers`` does. The
commit's author and committer dates are the adoption date (:func:`adoption_epoch`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

RESOLUTION = "Resdiff-Resolution"
REVISION = "Resdiff-Revision"
ADOPTED = "Resdiff-Adopted"
KEYS = (RESOLUTION, REVISION, ADOPTED)

_TRAILER = re.compile(r"(?P<key>[A-Za-z][A-Za-z0-9-]*)\s*:\s*(?P<value>.*)")


@dataclass(frozen=True)
class Trailers:
    """The ``Resdiff-*`` trailers of one commit message (values as written, or ``None``)."""

    resolution: str | None = None
    revision: str | None = None
    adopted: str | None = None

    @property
    def any(self) -> bool:
        return any((self.resolution, self.revision, self.adopted))


def parse_trailers(message: str) -> Trailers:
    """Read the ``Resdiff-*`` trailers from the last paragraph of a commit message."""
    paragraphs = [p for p in re.split(r"\n\s*\n", message.strip()) if p.strip()]
    if len(paragraphs) < 2:
        return Trailers()
    found: dict[str, str] = {}
    for line in paragraphs[-1].splitlines():
        m = _TRAILER.fullmatch(line.strip())
        if m is None:
            continue
        for key in KEYS:
            if m["key"].lower() == key.lower():
                found.setdefault(key, m["value"].strip())
    return Trailers(found.get(RESOLUTION), found.get(REVISION), found.get(ADOPTED))


def format_message(subject: str, resolution: str, revision: str, adopted: str) -> str:
    """The full commit message: subject, blank line, the three trailers."""
    return (
        f"{subject}\n\n{RESOLUTION}: {resolution}\n{REVISION}: {revision}\n{ADOPTED}: {adopted}\n"
    )


#: git stores commit times as unsigned seconds since 1970: earlier adoption dates are
#: committed at this time, and the Resdiff-Adopted trailer keeps the real date.
EARLIEST_COMMIT_TIME = 12 * 3600


def adoption_epoch(day: date) -> int:
    """The commit time for an adoption date: noon UTC, so the date reads the same everywhere
    (1970-01-01 noon for earlier dates, which git cannot store)."""
    epoch = int(datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc).timestamp())
    return max(epoch, EARLIEST_COMMIT_TIME)
