"""Whether two clauses open by citing different instruments: the one rule alignment uses.

A recital "Resolution 37 (…) of WTDC, on bridging the digital divide" replaced by
"Resolution 17 (…) of WTDC, on regional initiatives" shares most of its words (the
citation's boilerplate) yet is another recital: a drafter reports one removed and one
added, not an amendment. Every pass that pairs clauses by score (similar, order, in
place) asks :func:`cites_other_instrument` before pairing an old clause with a new one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from resdiff.align.subject import subject_words

__all__ = [
    "MIN_DESCRIBED",
    "SAME_DESCRIPTION",
    "cites_other_instrument",
    "leading_citation",
]

#: A clause that opens by citing one instrument: "Resolution 37 (Rev. Buenos Aires, 2017)
#: of WTDC, on …", "Recommendation ITU-T D.53 …", "Decision 5 …" (optionally after
#: "that" / "the"). Plural citations ("Resolutions 37 and 17") name no single instrument.
_LEADING_CITATION = re.compile(
    r"^(?:that\s+)?(?:the\s+)?(resolution|recommendation|decision|opinion)\s+"
    r"((?:itu-[rtd]\s+)?(?:com\s*)?[a-z]?\.?\d+(?:[./]\d+)*)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=16384)
def leading_citation(text: str) -> str | None:
    """The instrument a clause opens by citing ("resolution 37", "recommendation itu-t
    d.53"), lower-cased with single spaces; None when it opens otherwise."""
    m = _LEADING_CITATION.match(text.lstrip())
    if m is None:
        return None
    return f"{m.group(1).lower()} {' '.join(m.group(2).lower().split())}"


#: A cited instrument replaced by another keeps the recital when what follows the
#: citation ("on bridging the digital divide") keeps at least this many subject words …
MIN_DESCRIBED = 3
#: … and this share of them (Jaccard): the successor of a suppressed resolution.
SAME_DESCRIPTION = 0.75
_PARENTHETICAL = re.compile(r"^\s*\([^)]*\)")


def cites_other_instrument(a: str, b: str) -> bool:
    """True when both clauses open by citing an instrument, not the same one, and do not
    describe it alike (the module's docstring says why).

    An updated citation of the same instrument ("(Rev.
    Busan, 2014)" → "(Rev. Dubai, 2018)") is unaffected, and so is a recital whose
    description stays ("Resolution 37 …, on bridging the digital divide" → "Resolution
    17 …, on bridging the digital divide": the citation updated to a successor).
    """
    ca = leading_citation(a)
    if ca is None:
        return False
    cb = leading_citation(b)
    if cb is None or ca == cb:
        return False
    da, db = _description(a), _description(b)
    if len(da) < MIN_DESCRIBED or len(db) < MIN_DESCRIBED:
        return True
    return len(da & db) / len(da | db) < SAME_DESCRIPTION


def _description(text: str) -> set[str]:
    """Subject words of what follows a clause's leading citation and its "(…)"."""
    m = _LEADING_CITATION.match(text.lstrip())
    rest = text.lstrip()[m.end() :] if m else text
    return set(subject_words(_PARENTHETICAL.sub("", rest, count=1)))
