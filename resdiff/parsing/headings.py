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
from functools import lru_cache

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
#: parse; most questions are answered from these sets without them. A text opening with a
#: whole phrase (then a space, a comma or its end) matches its family pattern; a text whose
#: first word (its run of ``a``–``z``) opens no phrase matches neither case-sensitive one.
_PREAMBLE_SET = frozenset(PREAMBLE_PHRASES)
_OPERATIVE_SET = frozenset(OPERATIVE_PHRASES)
_FAMILY_SET = _PREAMBLE_SET | _OPERATIVE_SET
PREAMBLE_FIRST = frozenset(p.split(" ")[0] for p in _PREAMBLE_SET) | {"further"}
OPERATIVE_FIRST = frozenset(p.split(" ")[0] for p in _OPERATIVE_SET) | {"further"}
_FAMILY_FIRST = PREAMBLE_FIRST | OPERATIVE_FIRST
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


def may_open_family(src: str, start: int, end: int, first_words: frozenset[str]) -> bool:
    """Whether ``src[start:end]`` may match a family pattern opening with ``first_words``:
    a match opens with one of them followed by a non-letter or the end."""
    word = _ASCII_WORD.match(src, start, end)
    return word is not None and word.group() in first_words


def preamble_end(src: str, start: int, end: int) -> int | None:
    """Where ``PREAMBLE_RE.match(src, start, end)`` ends, ``None`` if it does not match."""
    return _family_end(src, start, end, _PREAMBLE_SINGLE, _PREAMBLE_QUALIFIERS, PREAMBLE_RE)


def operative_end(src: str, start: int, end: int) -> int | None:
    """Where ``OPERATIVE_RE.match(src, start, end)`` ends, ``None`` if it does not match."""
    return _family_end(src, start, end, _OPERATIVE_SINGLE, _OPERATIVE_QUALIFIERS, OPERATIVE_RE)


def _singles(phrases: tuple[str, ...]) -> frozenset[str]:
    """The one-word phrases that open no longer phrase (``appeals`` opens ``appeals to``)."""
    longer = {p.split(" ")[0] for p in phrases if " " in p}
    return frozenset(p for p in phrases if " " not in p and p not in longer)


_PREAMBLE_SINGLE = _singles(PREAMBLE_PHRASES)
_OPERATIVE_SINGLE = _singles(OPERATIVE_PHRASES)
#: The words a family pattern's optional qualifiers open with (``recalling further``,
#: ``noting with concern``, ``in particular``; ``resolves further``).
_PREAMBLE_QUALIFIERS = frozenset(["further", "also", "furthermore", "in", "moreover", "with"])
_OPERATIVE_QUALIFIERS = frozenset(["further"])


def _family_end(
    src: str,
    start: int,
    end: int,
    single: frozenset[str],
    qualifiers: frozenset[str],
    pattern: LazyPattern,
) -> int | None:
    """The end of ``pattern``'s match at ``start``, without the pattern when the text opens
    with a one-word phrase that no qualifier follows: the match is then that word (if a
    word boundary follows it), as no other alternative and no qualifier can match."""
    word = _ASCII_WORD.match(src, start, end)
    if word is None:
        return None
    first = word.group()
    if first in single:
        after = word.end()
        if after == end:
            return after
        char = src[after]
        if not char.isspace():
            return None if char.isalnum() or char == "_" else after
        nxt = _ASCII_WORD.match(src, _skip_spaces(src, after, end), end)
        if nxt is None or nxt.group() not in qualifiers:
            return after
    elif first not in _FAMILY_FIRST:
        return None
    m = pattern.match(src, start, end)
    return m.end() if m else None


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
    return _opens_family(heading.casefold(), _PREAMBLE_SET, PREAMBLE_FIRST, PREAMBLE_RE)


def is_operative(heading: str) -> bool:
    return _opens_family(heading.casefold(), _OPERATIVE_SET, OPERATIVE_FIRST, OPERATIVE_RE)


def _opens_family(
    text: str, phrases: frozenset[str], first_words: frozenset[str], pattern: LazyPattern
) -> bool:
    """``pattern.match(text) is not None``, without the pattern where the sets decide."""
    if opens_with_phrase(text, phrases):
        return True
    if not may_open_family(text, 0, len(text), first_words):
        return False
    return pattern.match(text) is not None
