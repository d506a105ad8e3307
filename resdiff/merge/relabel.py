"""Labels for a merged section, recomputed in the section's own style.

A merge that takes one side's inserted recital and the other side's amendment of a later
one must re-letter what follows; the style is the base section's (letters ``a)`` for
preambular paragraphs, numbers ``1`` for operative ones, ``1.`` for the operative
paragraphs of a UN-layout resolution), read from its labels. A section
whose labels follow no plain sequence (``1 bis``, ``(a)``…) keeps every label as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

Style = Literal["letters", "numbers", "dotted"] | None

_LETTER = re.compile(r"[a-z]+\)")
_NUMBER = re.compile(r"[0-9]+")
_DOTTED = re.compile(r"[0-9]+\.")


def letters(n: int) -> str:
    """The ``n``-th letter label (1-based): ``a)`` … ``z)``, then ``aa)``, ``bb)`` as ITU does."""
    q, r = divmod(n - 1, 26)
    return chr(ord("a") + r) * (q + 1) + ")"


def label_for(style: Style, n: int) -> str:
    """The ``n``-th label (1-based) of a section in ``style``."""
    if style == "letters":
        return letters(n)
    return f"{n}." if style == "dotted" else str(n)


def style_of(labels: Sequence[str | None]) -> Style:
    """The style a section's top-level labels follow: ``a) b) c)`` → letters,
    ``1 2 3`` → numbers, ``1. 2. 3.`` → dotted (UN operative paragraphs); anything else
    (gaps, ``bis``, brackets, unlabelled) → ``None``."""
    if not labels or any(label is None for label in labels):
        return None
    if all(label is not None and _LETTER.fullmatch(label) for label in labels):
        if list(labels) == [letters(i) for i in range(1, len(labels) + 1)]:
            return "letters"
        return None
    numbered = all(label is not None and _NUMBER.fullmatch(label) for label in labels)
    if numbered and list(labels) == [str(i) for i in range(1, len(labels) + 1)]:
        return "numbers"
    dotted = all(label is not None and _DOTTED.fullmatch(label) for label in labels)
    if dotted and list(labels) == [f"{i}." for i in range(1, len(labels) + 1)]:
        return "dotted"
    return None
