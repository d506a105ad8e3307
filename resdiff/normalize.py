"""What "the same text" means: the one place that decides which differences are noise.

Two clause texts that :func:`normalize` maps to the same string differ only by what a
drafter would not call an amendment — ITU's editorial "(MOD)":

- quote and apostrophe styles (``’ ‘ ‛ ′ ` ´`` → ``'``; ``“ ” „ ‟ ″ « »`` → ``"``);
- dashes and hyphens of every width (``‐ ‑ ‒ – — ― −`` → ``-``);
- every Unicode space (NBSP, thin, ideographic …) → one space; runs collapsed; ends trimmed;
  invisible characters (zero-width space/joiners, BOM, soft hyphen) dropped;
- a hyphen lost or loosened in conversion: ``ITU T`` ≡ ``ITU-T`` ≡ ``ITU - T`` and
  ``non- discriminatory`` ≡ ``non-discriminatory`` (a hyphen between two word characters
  is compared as a space);
- compatibility forms (NFKC: ``…`` → ``...``, ligatures, full-width letters);
- with ``fold_case=True`` (used for the number line, ``RESOLUTION 179 (REV. DUBAI, 2018)``
  vs ``Resolution 179 (Rev. Dubai, 2018)``), letter case.

Nothing else is noise: a changed word, a changed punctuation mark (``;`` → ``,``), a
changed number is an amendment. :func:`match_key` is looser and is used only to *find*
identical clauses during alignment (it also ignores case and the clause-final ``;``/``,``/
``.`` that shifts when a clause is appended after the last one); whether a pair is then
unchanged, editorial or amended is still decided by :func:`normalize`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Characters compared as a straight apostrophe / double quote / hyphen.
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u02bc\u02b9"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u02ba"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
#: Invisible characters dropped entirely.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys(map(ord, _SINGLE_QUOTES), "'"),
        **dict.fromkeys(map(ord, _DOUBLE_QUOTES), '"'),
        **dict.fromkeys(map(ord, _DASHES), "-"),
        **dict.fromkeys(map(ord, _INVISIBLE), None),
    }
)

#: The one ASCII character the table maps (the grave accent, as an apostrophe): ASCII text
#: without it is left as it is by the table (tests/test_normalize.py checks both).
_ASCII_MAPPED = "`"

#: What :func:`match_key` drops from the end of a normalised text.
_TRAILING_PUNCT = " ;,.:"


@lru_cache(maxsize=65536)
def normalize(text: str, *, fold_case: bool = False) -> str:
    """Return ``text`` in the form used to decide whether two texts are the same.

    Idempotent: ``normalize(normalize(t)) == normalize(t)``. See the module docstring
    for exactly what is treated as noise.
    """
    text = unicodedata.normalize("NFKC", text)
    if fold_case:  # NFKC again: case folding can leave a string that is not NFKC
        text = unicodedata.normalize("NFKC", text.casefold())
    if not text.isascii() or _ASCII_MAPPED in text:
        text = text.translate(_TRANSLATE)
    # runs of whitespace (str.isspace, as the regex \s) as one space, ends trimmed
    text = " ".join(text.split())
    return loosen_hyphens(text) if "-" in text else text


def loosen_hyphens(text: str) -> str:
    r"""``re.sub(r"(?<=[^\W_])\s*-\s*(?=[^\W_])", " ", text)`` for a text whose only
    white space is single spaces (as :func:`normalize` leaves it): each hyphen with at
    most one space either side, between two letters or digits, becomes one space.

    A walk from hyphen to hyphen: the pattern's look-behind is tried at every position
    of the text, which costs far more on a clause. A property test checks the walk
    against the pattern, which stays the reference.
    """
    out: list[str] = []
    last = end = 0  # end of the text kept so far; end of the last hyphen looked at
    size = len(text)
    at = text.find("-")
    while at != -1:
        start = at - 1 if at > end and text[at - 1] == " " else at
        stop = at + 2 if at + 1 < size and text[at + 1] == " " else at + 1
        if start and stop < size and text[start - 1].isalnum() and text[stop].isalnum():
            out.append(text[last:start])
            last = stop
        end = stop
        at = text.find("-", stop)
    if not out:
        return text
    out.append(text[last:])
    return " ".join(out)


def match_key(text: str) -> str:
    """A key under which clauses count as *the same paragraph* for exact alignment.

    :func:`normalize` with case folded and clause-final punctuation (``;`` ``,`` ``.``
    ``:``) dropped — the terminator of a clause changes when one is appended after it.
    """
    # normalised text holds no white space but single spaces: the same as stripping
    # [\s;,.:]+ at the end, without a pattern tried at every position
    return normalize(text, fold_case=True).rstrip(_TRAILING_PUNCT)


def is_editorial(old: str, new: str, *, fold_case: bool = False) -> bool:
    """True when ``old`` and ``new`` differ, but only by noise (ITU's "(MOD)")."""
    if old == new:
        return False
    # normalising ASCII text keeps its letters and digits as they are, in order: texts
    # that differ in those (most amended clauses) are not editorial
    if (
        not fold_case
        and old.isascii()
        and new.isascii()
        and old.encode().translate(None, NOT_ASCII_ALNUM)
        != new.encode().translate(None, NOT_ASCII_ALNUM)
    ):
        return False
    return normalize(old, fold_case=fold_case) == normalize(new, fold_case=fold_case)


#: Every byte but the ASCII letters and digits: ``bytes.translate(None, NOT_ASCII_ALNUM)``
#: keeps only those, in order (normalising never changes them but for case).
NOT_ASCII_ALNUM = bytes(b for b in range(256) if not (b < 128 and chr(b).isalnum()))


_WORD = re.compile(r"[^\W_]+")


def content_words(text: str) -> list[str]:
    """The words of ``text`` (alphanumeric runs), normalised and case-folded, in order.

    Punctuation and spacing are left out: this is what similarity is measured on.
    """
    return _WORD.findall(normalize(text, fold_case=True))
