"""How delegates name the paragraphs of a UN-layout resolution: PP3, OP5, OP2(a), OP2(a)(i).

UN-layout resolutions have two parts without headings: the preambular paragraphs
(paths ``preamble/N``, the N-th paragraph) and the operative paragraphs numbered across
the whole operative part (``operative/N``, sub-paragraphs ``operative/N/a``,
``operative/N/a/i``). Negotiators speak of them as PP3 and OP5; reports and amending
instructions do too. The names are read from a clause's path and section, so they work
on anything that carries both (a clause, a change's clause reference).
"""

from __future__ import annotations

import re

#: Section keys (and section names) of the two parts of a UN-layout resolution.
PREAMBLE = "preamble"
OPERATIVE = "operative"

_PATH = re.compile(r"(?P<part>preamble|operative)/(?P<number>\d+)(?P<subs>(?:/[a-z]+)*)")


def un_name(path: str, section: str) -> str | None:
    """``PP3`` for ``preamble/3``, ``OP2(a)(i)`` for ``operative/2/a/i``; ``None`` for a
    clause that is not a numbered paragraph of a UN-layout resolution (every ITU clause:
    their sections have headings, never the bare part names)."""
    if section not in (PREAMBLE, OPERATIVE):
        return None
    m = _PATH.fullmatch(path)
    if m is None or m.group("part") != section:
        return None
    prefix = "PP" if section == PREAMBLE else "OP"
    subs = "".join(f"({s})" for s in m.group("subs").split("/") if s)
    return f"{prefix}{m.group('number')}{subs}"


def paragraph_number(path: str, section: str) -> str:
    """The number a UN-layout paragraph is known by (``3`` for PP3, ``2a`` for OP2(a)),
    ``""`` for any other clause: what ``renumbered`` compares when there is no label."""
    name = un_name(path, section)
    return "" if name is None else re.sub(r"[^0-9a-z]", "", name[2:])
