"""Recognising header lines, annex headings and section headings — by form, not by a list.

Section headings are an open set. A line is a heading when it *looks* like one: short,
lower-case initial, unlabelled, not a sentence (no closing ``;`` or ``.``) and opening
with a participle or a verb of the kind resolutions use (``considering``, ``noting with
concern``, ``instructs the Secretary-General``, ``welcoming`` …). The phrase families
below are only used where form alone is not enough: to find a heading glued to the end
of the paragraph before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from resdiff.parsing.patterns import LazyPattern

#: ``RESOLUTION 179 (REV. DUBAI, 2018)``; the seed page writes ``PP RESOLUTION 179 (…)``.
#: The keyword in capitals, or in title case when the place and year follow in brackets
#: (so the seed page's ``PP Resolution 179`` site line is not taken for it).
NUMBER_RE = LazyPattern(
    r"(?P<prefix>PP(?:-\d+)?\s+)?"
    r"(?P<number>(?:RESOLUTION|DECISION|RECOMMENDATION|OPINION)\s+[0-9][0-9A-Za-z/.-]*"
    r"(?:\s*\([^()\n]{1,80}\))?"
    r"|(?:Resolution|Decision|Recommendation|Opinion)\s+[0-9][0-9A-Za-z/.-]*"
    r"\s*\([^()\n]{0,80}\b\d{4}\))\s*"
)

#: ``The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),``
FORMULA_RE = LazyPattern(
    r"The\s+(?:[A-Z][\w-]*\s+)*?(?:Conference|Assembly|Council|Summit|Congress)\b.{0,200}"
)

#: ``ANNEX 1 TO RESOLUTION 208 (DUBAI, 2018)`` (also ``ANNEX TO DECISION 5 (…)``).
ANNEX_RE = LazyPattern(
    r"(?:ANNEX|APPENDIX|ATTACHMENT)(?:\s+[0-9A-Z]{1,3})?\s+TO\s+"
    r"(?:RESOLUTION|DECISION|RECOMMENDATION|OPINION)\s+[0-9][0-9A-Za-z/.-]*"
    r"(?:\s*\([^()\n]{1,80}\))?"
)

#: Opening words of preamble headings (participles and adjectives), in the order tried.
PREAMBLE_PHRASES = (
    "considering",
    "recalling",
    "recognizing",
    "recognising",
    "noting",
    "bearing in mind",
    "taking into account",
    "taking into consideration",
    "aware",
    "convinced",
    "emphasizing",
    "emphasising",
    "acknowledging",
    "mindful",
    "concerned",
    "conscious",
    "welcoming",
    "observing",
    "reaffirming",
    "stressing",
    "appreciating",
    "having considered",
    "having regard",
    "having noted",
    "having examined",
    "having reviewed",
    "affirming",
    "expressing",
    "highlighting",
    "underlining",
    "deeply concerned",
    "alarmed",
    "guided by",
    "further considering",
    "further recalling",
    "further recognizing",
    "further noting",
)
#: Opening words of operative headings (verbs in the third person), in the order tried.
OPERATIVE_PHRASES = (
    "resolves",
    "decides",
    "instructs",
    "invites",
    "requests",
    "urges",
    "encourages",
    "calls upon",
    "recommends",
    "authorizes",
    "authorises",
    "appeals to",
    "asks",
    "charges",
    "entrusts",
    "declares",
    "approves",
    "endorses",
    "adopts",
    "agrees",
    "supports",
    "expresses",
    "reaffirms",
    "proclaims",
    "accepts",
    "commends",
    "congratulates",
    "thanks",
    "directs",
    "calls on",
    "appeals",
)


def _alternatives(phrases: tuple[str, ...]) -> str:
    return "(?:" + "|".join(p.replace(" ", r"\s+") for p in phrases) + ")"


PREAMBLE = _alternatives(PREAMBLE_PHRASES)
OPERATIVE = _alternatives(OPERATIVE_PHRASES)
#: Qualifiers that may follow a preamble word: ``recalling further``, ``noting with concern``.
_PREAMBLE_TAIL = (
    r"(?:\s+(?:further|also|furthermore|in\s+particular|moreover))?"
    r"(?:\s+with\s+(?:grave\s+|deep\s+|great\s+|serious\s+|particular\s+)?"
    r"(?:concern|satisfaction|appreciation|interest|regret|gratitude)"
    r"(?:\s+and\s+(?:concern|satisfaction|appreciation|interest|regret|gratitude))?)?"
    r"(?:\s+(?:further|also))?"
)

FAMILY_RE = LazyPattern(
    rf"(?:(?:further|also)\s+)?(?:{PREAMBLE}{_PREAMBLE_TAIL}|{OPERATIVE})\b", re.IGNORECASE
)
PREAMBLE_RE = LazyPattern(rf"(?:further\s+)?{PREAMBLE}{_PREAMBLE_TAIL}\b")
OPERATIVE_RE = LazyPattern(rf"(?:further\s+)?{OPERATIVE}(?:\s+further)?\b")

#: The patterns above are long, and compiling them costs a fresh process more than a
#: parse; most questions are answered from the phrases without them (:func:`opens_with_phrase`,
#: :func:`preamble_end`, :func:`operative_end`), tested against the patterns themselves.
_PREAMBLE_SET = frozenset(PREAMBLE_PHRASES)
_OPERATIVE_SET = frozenset(OPERATIVE_PHRASES)
_FAMILY_SET = _PREAMBLE_SET | _OPERATIVE_SET
_ASCII_WORD = LazyPattern(r"[a-z]+")


def opens_with_phrase(text: str, phrases: frozenset[str]) -> bool:
    """Whether single-spaced ``text`` opens with one of ``phrases`` (of up to three words)
    followed by a space, a comma or its end: then the phrases' pattern matches it."""
    words = text.split(" ", 3)
    return (
        words[0].rstrip(",") in phrases
        or " ".join(words[:2]).rstrip(",") in phrases
        or " ".join(words[:3]).rstrip(",") in phrases
    )


def preamble_end(src: str, start: int, end: int) -> int | None:
    """Where ``PREAMBLE_RE.match(src, start, end)`` ends, ``None`` if it does not match."""
    return _family_end(src, start, end, _PREAMBLE_BY_FIRST, _PREAMBLE_QUALIFIERS, _PREAMBLE_GRAMMAR)


def operative_end(src: str, start: int, end: int) -> int | None:
    """Where ``OPERATIVE_RE.match(src, start, end)`` ends, ``None`` if it does not match."""
    return _family_end(
        src, start, end, _OPERATIVE_BY_FIRST, _OPERATIVE_QUALIFIERS, _OPERATIVE_GRAMMAR
    )


def _by_first(phrases: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases (as words) by their first word, each list in the order the pattern tries."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split(" "))
        out.setdefault(words[0], []).append(words)
    return {first: tuple(alternatives) for first, alternatives in out.items()}


_PREAMBLE_BY_FIRST = _by_first(PREAMBLE_PHRASES)
_OPERATIVE_BY_FIRST = _by_first(OPERATIVE_PHRASES)
#: The words a heading found by :func:`preamble_end` or :func:`operative_end` can open
#: with (the first word of a phrase, or a leading ``further``): at any other word both
#: say ``None``.
FAMILY_FIRST_WORDS = frozenset([*_PREAMBLE_BY_FIRST, *_OPERATIVE_BY_FIRST, "further"])
#: The words a family pattern's optional qualifiers open with (``recalling further``,
#: ``noting with concern``, ``in particular``; ``resolves further``).
_PREAMBLE_QUALIFIERS = frozenset(["further", "also", "furthermore", "in", "moreover", "with"])
_OPERATIVE_QUALIFIERS = frozenset(["further"])


def _family_end(
    src: str,
    start: int,
    end: int,
    by_first: dict[str, tuple[tuple[str, ...], ...]],
    qualifiers: frozenset[str],
    grammar: _Grammar,
) -> int | None:
    """The end of a family pattern's match at ``start``, read from the phrases themselves
    where they decide it, and from the pattern's ``grammar`` (:func:`_grammar_end`) for
    what they leave open: the pattern itself is never compiled.

    Only phrases opening with the text's first word can match; they are tried in the
    pattern's order, word by word (``\\s+`` between words, each word whole). A phrase
    that a word character follows fails, as the pattern's ``\\b`` does; one that a
    qualifier word follows (``recalling further``) is left to the pattern, as is a
    leading ``further``.
    """
    word = _ASCII_WORD.match(src, start, end)
    if word is None:
        return None
    first = word.group()
    alternatives = by_first.get(first)
    if alternatives is None:
        return None if first != "further" else _grammar_end(grammar, src, start, end)
    for words in alternatives:
        pos = word.end()
        for expected in words[1:]:
            if pos >= end or not src[pos].isspace():
                break
            nxt = _ASCII_WORD.match(src, _skip_spaces(src, pos, end), end)
            if nxt is None or nxt.group() != expected:
                break
            pos = nxt.end()
        else:
            if pos == end:
                return pos
            char = src[pos]
            if not char.isspace():
                if char.isalnum() or char == "_":
                    continue  # no word boundary: the pattern tries the next phrase
                return pos
            nxt = _ASCII_WORD.match(src, _skip_spaces(src, pos, end), end)
            if nxt is not None and nxt.group() in qualifiers:
                return _grammar_end(grammar, src, start, end)
            return pos
    return None


# -- the family patterns as data ----------------------------------------------------------
# PREAMBLE_RE and OPERATIVE_RE written as nested tuples, matched by backtracking in the
# pattern's own order (:func:`_grammar_end`): the qualifier cases (``recalling further``,
# ``noting with deep concern``, a leading ``further``) are answered without compiling the
# patterns, whose alternations of some seventy phrases cost more to compile than a parse.
# A sequence holds literal words (``str``), :data:`_SPACE` (``\\s+``) and groups: ``("?",
# sequence)`` (optional, tried first) and ``("|", (sequence, …))`` (alternatives in order).

#: ``\\s+`` in a grammar sequence.
_SPACE = 0
#: A grammar sequence (see above): words, :data:`_SPACE` and groups.
_Grammar = tuple[Any, ...]


def _phrase(phrase: str) -> _Grammar:
    """A phrase's words with ``\\s+`` between them, as :func:`_alternatives` writes it."""
    words: list[object] = []
    for word in phrase.split(" "):
        words += [_SPACE, word] if words else [word]
    return tuple(words)


def _choice(*words: str) -> tuple[str, _Grammar]:
    return ("|", tuple((word,) for word in words))


_FEELINGS = _choice("concern", "satisfaction", "appreciation", "interest", "regret", "gratitude")
_DEGREES = (
    "|",
    tuple((word, _SPACE) for word in ("grave", "deep", "great", "serious", "particular")),
)
#: ``(?:further\\s+)?{PREAMBLE}{_PREAMBLE_TAIL}`` (the ``\\b`` after it is checked apart).
_PREAMBLE_GRAMMAR: _Grammar = (
    ("?", ("further", _SPACE)),
    ("|", tuple(_phrase(p) for p in PREAMBLE_PHRASES)),
    (
        "?",
        (
            _SPACE,
            (
                "|",
                (
                    ("further",),
                    ("also",),
                    ("furthermore",),
                    ("in", _SPACE, "particular"),
                    ("moreover",),
                ),
            ),
        ),
    ),
    (
        "?",
        (
            _SPACE,
            "with",
            _SPACE,
            ("?", (_DEGREES,)),
            _FEELINGS,
            ("?", (_SPACE, "and", _SPACE, _FEELINGS)),
        ),
    ),
    ("?", (_SPACE, _choice("further", "also"))),
)
#: ``(?:further\\s+)?{OPERATIVE}(?:\\s+further)?``.
_OPERATIVE_GRAMMAR: _Grammar = (
    ("?", ("further", _SPACE)),
    ("|", tuple(_phrase(p) for p in OPERATIVE_PHRASES)),
    ("?", (_SPACE, "further")),
)


def _grammar_end(grammar: _Grammar, src: str, start: int, end: int) -> int | None:
    """Where ``re.match(pattern + r"\\b", src[:end], start)`` ends for the pattern that
    ``grammar`` writes: its first way of matching, in the pattern's order, that a word
    boundary follows."""
    for stop in _ends(grammar, src, start, end):
        if stop == end or not _is_word(src[stop]):
            return stop  # a word character (the grammar's last) before: a boundary
    return None


def _is_word(char: str) -> bool:
    """Whether ``char`` is a word character as ``\\w`` reads one."""
    return char.isalnum() or char == "_"


def _ends(seq: _Grammar, src: str, pos: int, end: int) -> Iterator[int]:
    """Every end of a match of ``seq`` at ``pos`` (``src`` up to ``end``), in the order a
    backtracking regular-expression engine tries them."""
    for k, element in enumerate(seq):
        if isinstance(element, str):
            if not src.startswith(element, pos, end):
                return
            pos += len(element)
            continue
        if element == _SPACE:
            stop = pos
            while stop < end and src[stop].isspace():
                stop += 1
            for after in range(stop, pos, -1):  # greedy, then giving back
                yield from _ends(seq[k + 1 :], src, after, end)
            return
        kind, body = element
        rest = seq[k + 1 :]
        if kind == "?":
            yield from _ends(body + rest, src, pos, end)
            yield from _ends(rest, src, pos, end)
        else:
            for choice in body:
                yield from _ends(choice + rest, src, pos, end)
        return
    yield pos


def _skip_spaces(src: str, pos: int, end: int) -> int:
    while pos < end and src[pos].isspace():
        pos += 1
    return pos


#: Words that open an unlabelled paragraph, never a heading.
_NOT_HEADING_START = frozenset(
    [
        "to",
        "that",
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "for",
        "and",
        "or",
        "with",
        "by",
        "as",
        "at",
        "from",
        "which",
        "this",
        "these",
        "those",
        "its",
        "their",
        "all",
        "any",
        "each",
        "such",
        "it",
        "there",
        "where",
        "when",
        "if",
        "inter",
        "both",
        "either",
        "neither",
        "not",
        "no",
        "none",
        "one",
        "some",
        "other",
        "under",
        "within",
        "without",
        "between",
        "among",
        "upon",
        "into",
        "through",
        "during",
        "after",
        "before",
        "since",
        "while",
        "whereas",
        "until",
        "unless",
        "but",
        "so",
        "also",
    ]
)

_OPENER_RE = LazyPattern(r"[a-z][a-z-]*(?:ing|ed|es|s)\b")


@lru_cache(maxsize=4096)
def is_heading(content: str) -> bool:
    """Whether a whole line (already known to carry no label) reads as a section heading.

    Remembered: both revisions (and every file of a tree) ask about the same lines.
    """
    text = " ".join(content.split())
    if not text or not text[0].islower():
        return False
    words = text.split(" ")
    if len(words) > 32 or len(text) > 300:
        return False
    if text[-1] in ";.:!?" or ";" in text or ". " in text:
        return False
    first = words[0].rstrip(",")
    if first in _NOT_HEADING_START:
        return False
    if opens_with_phrase(text, _FAMILY_SET) or FAMILY_RE.match(text):
        return True
    if text.endswith(",") or len(words) > 8:
        return False
    return _OPENER_RE.fullmatch(first) is not None


def is_preamble(heading: str) -> bool:
    """Whether a heading opens a preamble section (``considering``) rather than an operative one."""
    text = heading.casefold()
    return preamble_end(text, 0, len(text)) is not None


def is_operative(heading: str) -> bool:
    text = heading.casefold()
    return operative_end(text, 0, len(text)) is not None
