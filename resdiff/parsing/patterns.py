"""Regular expressions compiled at their first use, not at import.

The parser holds some fifty patterns; compiling them all costs a fresh process more
than parsing a resolution does, and most texts need only some of them (a text with no
annex never searches for an annex heading, an ITU text never for a UN symbol line).
A :class:`LazyPattern` compiles on the first call of one of its methods and then keeps
the compiled pattern's bound methods on the instance, so every later call costs what a
call on a compiled pattern does.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

_MAX = sys.maxsize


class LazyPattern:
    """A ``re.Pattern`` made on first use; the methods the parser calls, same signatures."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet); later method calls go
        straight to it."""
        compiled = re.compile(self.pattern, self.flags)
        self.__dict__.update(
            compiled=lambda: compiled,
            match=compiled.match,
            fullmatch=compiled.fullmatch,
            search=compiled.search,
            finditer=compiled.finditer,
            findall=compiled.findall,
        )
        return compiled

    def match(self, string: str, pos: int = 0, endpos: int = _MAX) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _MAX) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = _MAX) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = _MAX) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = _MAX) -> list[str]:
        return self.compiled().findall(string, pos, endpos)
