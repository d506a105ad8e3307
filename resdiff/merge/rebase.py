"""Which revision a proposal was drafted on, read from its number line.

``RESOLUTION 179 (Guadalajara, 2010)`` → resolution ``res-179``, revision
``guadalajara-2010``; ``RESOLUTION 179 (REV. DUBAI, 2018)`` → ``res-179``, ``dubai-2018``.
Those are the names the corpus gives revisions (docs/corpus.md), so ``resdiff rebase``
finds the base of a proposal without being told.
"""

from __future__ import annotations

import re

_KINDS = {"resolution": "res", "decision": "dec", "recommendation": "rec", "opinion": "opinion"}
_NUMBER_LINE = re.compile(
    r"^\s*(?P<kind>RESOLUTION|DECISION|RECOMMENDATION|OPINION)\s+(?P<number>[0-9]+[A-Za-z]?)\s*"
    r"\(\s*(?:REV\.?\s+)?(?P<place>[^,()]+?)\s*,\s*(?P<year>[0-9]{4})\s*\)",
    re.IGNORECASE,
)


def drafted_on(number_line: str | None) -> tuple[str, str] | None:
    """``(resolution shorthand, revision name)`` a number line names, or ``None``."""
    if not number_line:
        return None
    m = _NUMBER_LINE.match(number_line)
    if m is None:
        return None
    place = re.sub(r"[^0-9a-z]+", "-", m["place"].casefold()).strip("-")
    return f"{_KINDS[m['kind'].lower()]}-{m['number'].lower()}", f"{place}-{m['year']}"
