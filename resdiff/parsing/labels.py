"""Clause labels: recognising them at the start of a paragraph, their style and order.

A label is written ``a)``, ``(a)``, ``i)``, ``1``, ``1.``, ``1)``, ``1 bis``, ``4c`` or
``4.1``. Its *style* (letter, roman, number, dotted) decides nesting: a clause whose
style differs from its section's first clause is a sub-clause of the clause before it
(``resolves 1 … i) … ii)``). Its *ordinal* drives the gap/duplicate/order warnings.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, NamedTuple

from resdiff.parsing.patterns import LazyPattern

Style = Literal["alpha", "roman", "number", "dotted"]

_SUFFIX = r"(?:bis|ter|quater|quinquies)"
#: (Written without re.VERBOSE: the same pattern compiles in half the time.)
LABEL_RE = LazyPattern(
    r"(?P<label>"
    r"\(\s?(?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\s?\)"  # (a) (iv) (1)
    r"|(?:[a-z]{1,2}|[ivxlc]{2,6}|\d{1,3}[a-z]?)\)"  # a) iv) 1) 1a)
    r"|\d{1,3}(?:\.\d{1,3})+\.?"  # 4.1 4.1.2
    rf"|\d{{1,3}}\s{_SUFFIX}"  # 1 bis
    r"|\d{1,3}[a-z]?\.?"  # 1 1. 4c
    r")(?=\s|$)"
)

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


class Label(NamedTuple):
    """A label as written (``text``), its style and ordinal (``1`` for ``a)``, ``i)``, ``1``).

    A named tuple: immutable, and cheaper to define at start-up than a dataclass.
    """

    text: str
    style: Style
    ordinal: int
    suffix: bool = False  # ``1 bis``: an insertion, not a duplicate of ``1``


def split_label(text: str) -> tuple[str | None, int]:
    """Return ``(label as written, offset where the text after it starts)`` or ``(None, 0)``."""
    m = LABEL_RE.match(text)
    if not m:
        return None, 0
    return " ".join(m.group("label").split()), skip_space(text, m.end())


def skip_space(text: str, pos: int) -> int:
    """The offset of the first non-space character at or after ``pos`` (where a label's
    text starts)."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


@lru_cache(maxsize=1024)
def roman_value(word: str) -> int | None:
    """The value of a lower-case roman numeral (``iv`` → 4), ``None`` if it is not one."""
    if not word or any(c not in _ROMAN for c in word):
        return None
    total = 0
    for i, c in enumerate(word):
        v = _ROMAN[c]
        total += -v if i + 1 < len(word) and _ROMAN[word[i + 1]] > v else v
    return total if to_roman(total) == word else None


def to_roman(value: int) -> str:
    """Lower-case roman numeral of ``value`` (1 → ``i``)."""
    out = []
    for v, s in (
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while value >= v:
            out.append(s)
            value -= v
    return "".join(out)


def alpha_value(word: str) -> int:
    """``a`` → 1 … ``z`` → 26, ``aa`` → 27 (ITU continues a) … z) with aa))."""
    if len(word) == 1:
        return ord(word) - 96
    return 26 * (ord(word[0]) - 96) + ord(word[1]) - 96


def core(label: str) -> str:
    """The label without brackets, dots and suffix words: ``(a)`` → ``a``, ``1 bis`` → ``1``,
    ``( a)`` → ``a`` (a space inside the brackets is no suffix)."""
    if " " not in label:
        return label.strip("().")
    return label.strip("() ").split()[0].strip(".")


@lru_cache(maxsize=4096)
def classify(label: str, prefer_alpha: bool = False) -> Label:
    """Style and ordinal of ``label``; ``prefer_alpha`` reads a lone ``i)``/``v)`` as a letter.

    Remembered: a document has a few dozen distinct labels, each met several times.
    """
    suffix = " " in label
    word = core(label)
    if "." in word:
        return Label(label, "dotted", int(word.split(".")[-1] or 0), suffix)
    if word[:1].isdigit():
        digits = re.match(r"\d+", word)
        return Label(label, "number", int(digits.group()) if digits else 0, suffix)
    roman = roman_value(word)
    if roman is not None and not (prefer_alpha and len(word) == 1):
        return Label(label, "roman", roman, suffix)
    return Label(label, "alpha", alpha_value(word), suffix)


def successor(label: Label) -> list[str]:
    """The label texts that would directly follow ``label`` in its style (for run-on repairs)."""
    n = label.ordinal + 1
    if label.style == "number":
        return [str(n)]
    if label.style == "roman":
        return [to_roman(n) + ")", "(" + to_roman(n) + ")"]
    return []
