"""What text the corpus accepts as a revision of a resolution, and why it refuses one.

``add`` and ``import`` commit only texts the parser reads without errors, that have
sections (anything else is not a resolution), and whose number line names the resolution
they are filed under. ``check`` reports the same things for files already there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from resdiff.errors import CorpusError

if TYPE_CHECKING:
    from resdiff.model import Diagnostic, Resolution

_NUMBER_LINE = re.compile(
    r"^\s*(?:[A-Z]{2,6}\s+)?(?P<kind>RESOLUTION|DECISION|RECOMMENDATION|OPINION)\s+"
    r"(?P<number>[0-9]+[A-Za-z]?)\b.*$",
    re.IGNORECASE | re.MULTILINE,
)


#: A UN resolution number: ``73/179`` (session / number).
_UN_NUMBER = re.compile(r"(?P<session>[0-9]{1,4})/(?P<number>[0-9]{1,6}[A-Za-z]?)")


class TextHasErrors(CorpusError):
    """A text was refused because the parser found errors in it; ``diagnostics`` lists them."""

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic], source: str | None):
        super().__init__(message)
        self.diagnostics = tuple(diagnostics)
        self.source = source


def number_of(number_line: str | None) -> str | None:
    """The number in a number line (``RESOLUTION 179 (REV. DUBAI, 2018)`` → ``179``), or
    a UN resolution's number as a corpus id writes it (``73/179`` → ``73-179``)."""
    if not number_line:
        return None
    un = _UN_NUMBER.fullmatch(number_line.strip())
    if un:
        return f"{un['session']}-{un['number']}".lower()
    m = _NUMBER_LINE.match(number_line)
    return m["number"].lower() if m else None


def first_number_line(text: str) -> str | None:
    """The first line of a raw text that reads like a number line (for ``--verbatim``)."""
    m = _NUMBER_LINE.search(text)
    return m.group(0).strip() if m else None


def check_text(parsed: Resolution, source: str | None, number: str) -> None:
    """Refuse a text the corpus cannot version as resolution ``number``: parser errors, no
    section at all (then it is not a resolution, whatever else it is), or a number line
    naming another resolution."""
    where = source or "<text>"
    if parsed.errors:
        raise TextHasErrors(
            f"{where}: refused, the parser found {len(parsed.errors)} error(s);"
            f" first: {parsed.errors[0].format(source)}",
            parsed.diagnostics,
            source,
        )
    if not parsed.sections or any(d.code == "no-structure" for d in parsed.diagnostics):
        raise TextHasErrors(
            f"{where}: refused, no sections found (no 'considering', 'resolves' …):"
            " this does not read as a resolution",
            parsed.diagnostics,
            source,
        )
    found = number_of(parsed.number)
    if found is not None and found != number:
        raise CorpusError(
            f"{where}: its number line reads {parsed.number!r}, which is not number {number}"
        )
