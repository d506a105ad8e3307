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

#: ``RESOLUTION 179 (REV. DUBAI, 2018)``; the seed page writes ``PP RESOLUTION 179 (…)``.
#: The keyword in capitals, or in title case when the place and year follow in brackets
#: (so the seed page's ``PP Resolution 179`` site line is not taken for it).
NUMBER_RE = re.compile(
    r"(?P<prefix>PP(?:-\d+)?\s+)?"
    r"(?P<number>(?:RESOLUTION|DECISION|RECOMMENDATION|OPINION)\s+[0-9][0-9A-Za-z/.-]*"
    r"(?:\s*\([^()\n]{1,80}\))?"
    r"|(?:Resolution|Decision|Recommendation|Opinion)\s+[0-9][0-9A-Za-z/.-]*"
    r"\s*\([^()\n]{0,80}\b\d{4}\))\s*"
)

#: ``The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),``
FORMULA_RE = re.compile(
    r"The\s+(?:[A-Z][\w-]*\s+)*?(?:Conference|Assembly|Council|Summit|Congress)\b.{0,200}"
)

#: ``ANNEX 1 TO RESOLUTION 208 (DUBAI, 2018)`` (also ``ANNEX TO DECISION 5 (…)``).
ANNEX_RE = re.compile(
    r"(?:ANNEX|APPENDIX|ATTACHMENT)(?:\s+[0-9A-Z]{1,3})?\s+TO\s+"
    r"(?:RESOLUTION|DECISION|RECOMMENDATION|OPINION)\s+[0-9][0-9A-Za-z/.-]*"
    r"(?:\s*\([^()\n]{1,80}\))?"
)

#: Opening words of preamble headings (participles and adjectives).
PREAMBLE = (
    r"(?:considering|recalling|recognizing|recognising|noting|bearing\s+in\s+mind|"
    r"taking\s+into\s+(?:account|consideration)|aware|convinced|emphasizing|emphasising|"
    r"acknowledging|mindful|concerned|conscious|welcoming|observing|reaffirming|stressing|"
    r"appreciating|having\s+(?:considered|regard|noted|examined|reviewed)|affirming|"
    r"expressing|highlighting|underlining|deeply\s+concerned|alarmed|guided\s+by|"
    r"further\s+(?:considering|recalling|recognizing|noting))"
)
#: Opening words of operative headings (verbs in the third person).
OPERATIVE = (
    r"(?:resolves|decides|instructs|invites|requests|urges|encourages|calls\s+upon|"
    r"recommends|authorizes|authorises|appeals\s+to|asks|charges|entrusts|declares|"
    r"approves|endorses|adopts|agrees|supports|expresses|reaffirms|proclaims|accepts|"
    r"commends|congratulates|thanks|directs|calls\s+on|appeals)"
)
#: Qualifiers that may follow a preamble word: ``recalling further``, ``noting with concern``.
_PREAMBLE_TAIL = (
    r"(?:\s+(?:further|also|furthermore|in\s+particular|moreover))?"
    r"(?:\s+with\s+(?:grave\s+|deep\s+|great\s+|serious\s+|particular\s+)?"
    r"(?:concern|satisfaction|appreciation|interest|regret|gratitude)"
    r"(?:\s+and\s+(?:concern|satisfaction|appreciation|interest|regret|gratitude))?)?"
    r"(?:\s+(?:further|also))?"
)

FAMILY_RE = re.compile(
    rf"(?:(?:further|also)\s+)?(?:{PREAMBLE}{_PREAMBLE_TAIL}|{OPERATIVE})\b", re.IGNORECASE
)
PREAMBLE_RE = re.compile(rf"(?:further\s+)?{PREAMBLE}{_PREAMBLE_TAIL}\b")
OPERATIVE_RE = re.compile(rf"(?:further\s+)?{OPERATIVE}(?:\s+further)?\b")

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

_OPENER_RE = re.compile(r"[a-z][a-z-]*(?:ing|ed|es|s)\b")


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
    family = FAMILY_RE.match(text)
    if family:
        return True
    if text.endswith(",") or len(words) > 8:
        return False
    return _OPENER_RE.fullmatch(first) is not None


def is_preamble(heading: str) -> bool:
    """Whether a heading opens a preamble section (``considering``) rather than an operative one."""
    return PREAMBLE_RE.match(heading.casefold()) is not None


def is_operative(heading: str) -> bool:
    return OPERATIVE_RE.match(heading.casefold()) is not None
