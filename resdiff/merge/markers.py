"""Conflict markers: writing a conflict diff3 style, and refusing a text that holds one.

A merged text with markers is not a resolution: merging it again would treat the markers
as clauses. So an operand holding a marker line is refused, naming its line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from resdiff.errors import InputError

MARKER = re.compile(r"^(<{7}|\|{7}|={7}|>{7})(?: |$)", re.MULTILINE)


def check_no_markers(text: str, source: str | None) -> None:
    """:class:`InputError` naming the first line of ``text`` that is a conflict marker."""
    found = MARKER.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        raise InputError(
            f"{source or '<text>'}:{line}: holds a conflict marker ({found.group(1)}):"
            " resolve the earlier conflict first"
        )


def conflict_block(
    names: tuple[str, str, str], sides: tuple[Sequence[str], Sequence[str], Sequence[str]]
) -> str:
    """One conflict, diff3 style: ours, base, theirs, each labelled with its operand's name.

    ``names`` and ``sides`` are in the order (ours, base, theirs).
    """
    (ours, base, theirs), (o, b, t) = names, sides

    def part(lines: Sequence[str]) -> list[str]:
        return ["\n\n".join(lines)] if lines else []

    return "\n".join(
        [
            f"<<<<<<< {ours}",
            *part(o),
            f"||||||| {base}",
            *part(b),
            "=======",
            *part(t),
            f">>>>>>> {theirs}",
        ]
    )
