"""normalize: which differences are noise (editorial) and which are amendments."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.normalize import content_words, is_editorial, loosen_hyphens, match_key, normalize


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("ITU’s role", "ITU's role"),  # apostrophe style
        ("the theme “Protecting children”", 'the theme "Protecting children"'),
        ("the theme «Protecting children»", 'the theme "Protecting children"'),
        ("2009–2010", "2009-2010"),  # en dash
        ("a — b", "a - b"),
        ("Supplement\u00a05 to E.164", "Supplement 5 to E.164"),  # NBSP
        ("two  spaces\tand\nlines", "two spaces and lines"),
        ("Recommendation ITU T E.1100", "Recommendation ITU-T E.1100"),  # lost hyphen
        ("non- discriminatory access", "non-discriminatory access"),
        ("ITU\u2011T", "ITU-T"),  # non-breaking hyphen
        ("co\u00adordination", "coordination"),  # soft hyphen
        ("zero\u200bwidth", "zerowidth"),
        ("  trimmed  ", "trimmed"),
        ("and so on…", "and so on..."),
    ],
)
def test_noise_is_editorial(old: str, new: str) -> None:
    assert normalize(old) == normalize(new)
    assert is_editorial(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("children;", "children,"),  # a changed terminator is an amendment
        ("Member States", "Member states"),  # case matters outside the number line
        ("Resolution 67 (Hyderabad, 2010)", "Resolution 67 (Rev. Buenos Aires, 2017)"),
        ("ITU-T", "ITU-R"),
        ("non-discriminatory", "nondiscriminatory"),
    ],
)
def test_real_changes_are_not_editorial(old: str, new: str) -> None:
    assert not is_editorial(old, new)


def test_identical_texts_are_not_editorial_changes() -> None:
    assert not is_editorial("same", "same")


def test_case_of_the_number_line_is_editorial_when_folded() -> None:
    old, new = "Resolution 179 (Rev. Dubai, 2018)", "RESOLUTION 179 (REV. DUBAI, 2018)"
    assert not is_editorial(old, new)
    assert is_editorial(old, new, fold_case=True)
    assert not is_editorial("RESOLUTION 179 (Guadalajara, 2010)", new, fold_case=True)


def test_match_key_ignores_case_and_the_clause_terminator() -> None:
    assert match_key("That the Internet …;") == match_key("that the Internet ...,")
    assert match_key("that children are online.") == match_key("that children are online")
    assert match_key("that children are online") != match_key("that children are offline")


def test_content_words_are_normalised_words_only() -> None:
    assert content_words("ITU-T’s “E.164”, (11/2009);") == [
        "itu",
        "t",
        "s",
        "e",
        "164",
        "11",
        "2009",
    ]


@settings(max_examples=100)
@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert normalize(normalize(text, fold_case=True), fold_case=True) == normalize(
        text, fold_case=True
    )


@settings(max_examples=100)
@given(st.text(alphabet=st.characters(categories=["L", "N", "Zs", "Pd", "Pi", "Pf", "Po"])))
def test_spacing_never_matters(text: str) -> None:
    spaced = text.replace(" ", "\u00a0 \u2009")
    assert normalize(spaced) == normalize(text)


#: The noise characters the module docstring lists, each group with what it stands for.
_NOISE = (
    ("\u2018\u2019\u201a\u201b\u2032`\u00b4\u02bc\u02b9", "'"),
    ("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u02ba", '"'),
    ("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    ("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
)


def _as_documented(text: str, fold_case: bool) -> str:
    """The noise rules of the module docstring, spelled as regular expressions."""
    text = unicodedata.normalize("NFKC", text)
    if fold_case:
        text = unicodedata.normalize("NFKC", text.casefold())
    for chars, to in _NOISE:
        text = re.sub(f"[{chars}]", to, text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<=[^\W_])\s*-\s*(?=[^\W_])", " ", text)


@settings(max_examples=300)
@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u2028\u3000-aZ9_.;"),
            st.sampled_from("".join(chars for chars, _ in _NOISE)),
            st.characters(),
        )
    ),
    st.booleans(),
)
def test_normalize_is_what_the_rules_say(text: str, fold_case: bool) -> None:
    """Noise is exactly what the module's rules list (whitespace as the regex ``\\s``
    sees it, every Unicode space included), whatever shortcut the function takes."""
    assert normalize(text, fold_case=fold_case) == _as_documented(text, fold_case)


@given(st.text(alphabet=st.sampled_from(list("aB1 \t\n\x1c\u00a0\u2003;,.:-\u2013`")), max_size=30))
def test_match_key_drops_the_trailing_punctuation_and_spaces_of_the_normalised_text(
    text: str,
) -> None:
    assert match_key(text) == re.sub(r"[\s;,.:]+$", "", normalize(text, fold_case=True))


@given(
    st.text(alphabet=st.sampled_from(list("aA1 \t`'-_.;\u00e9\u2019")), max_size=12),
    st.text(alphabet=st.sampled_from(list("aA1 \t`'-_.;\u00e9\u2019")), max_size=12),
)
def test_is_editorial_is_the_comparison_of_normalised_texts(old: str, new: str) -> None:
    for fold_case in (False, True):
        expected = old != new and normalize(old, fold_case=fold_case) == normalize(
            new, fold_case=fold_case
        )
        assert is_editorial(old, new, fold_case=fold_case) == expected


@settings(max_examples=1000)
@given(st.text(alphabet=st.sampled_from(list("ab1_- -.\u00e9\u00b2\u0660\u2013")), max_size=24))
def test_loosen_hyphens_is_the_loose_hyphen_pattern(text: str) -> None:
    """Hyphens between letters or digits, with a space or none either side, become one
    space exactly where the pattern of the module docstring's rule replaces them
    (hyphens in a row, at the ends, beside ``_`` or punctuation, overlapping spans)."""
    text = " ".join(text.split())  # as normalize leaves it
    assert loosen_hyphens(text) == re.sub(r"(?<=[^\W_])\s*-\s*(?=[^\W_])", " ", text)
