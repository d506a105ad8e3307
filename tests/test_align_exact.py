"""exact: identical texts and equal match keys pair first, same section first."""

from __future__ import annotations

from types import SimpleNamespace

from align_cases import mapping, moved
from conftest import ITU_PP, real_files
from differ_cases import TEXTS, build, letters, numbers
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.align import align_resolutions
from resdiff.align.scores import ClauseEncoder, ratio
from resdiff.normalize import match_key
from resdiff.parsing import parse_text


def test_identical_resolutions_align_one_to_one_in_place() -> None:
    res = build([("considering", letters(TEXTS[:4])), ("resolves", numbers(TEXTS[11:13]))])
    al = align_resolutions(res, res)
    assert all(al.old[m.old[0]].path == al.new[m.new[0]].path for m in al.matches)
    assert len(al.matches) == 3 + 4 + 2
    assert not al.added
    assert not al.removed
    assert not moved(al)
    assert all(
        p.old is not None and p.new is not None and p.old.key == p.new.key for p in al.sections
    )


def test_one_inserted_recital_re_letters_the_rest_instead_of_changing_them() -> None:
    old = build([("considering", letters(TEXTS[:5]))])
    new = build([("considering", letters([TEXTS[0], TEXTS[10], *TEXTS[1:5]]))])
    al = align_resolutions(old, new)
    assert mapping(al) == {
        ("considering/a",): ("considering/a",),
        ("considering/b",): ("considering/c",),
        ("considering/c",): ("considering/d",),
        ("considering/d",): ("considering/e",),
        ("considering/e",): ("considering/f",),
    }
    assert [al.new[j].path for j in al.added] == ["considering/b"]
    assert not moved(al)


def test_repeated_text_pairs_in_document_order_same_section_first() -> None:
    same = "to report to the Council annually;"
    old = build([("instructs A", numbers([same, TEXTS[0]])), ("instructs B", numbers([same]))])
    new = build([("instructs A", numbers([TEXTS[0], same])), ("instructs B", numbers([same]))])
    al = align_resolutions(old, new)
    assert mapping(al)[("instructs-a/1",)] == ("instructs-a/2",)
    assert mapping(al)[("instructs-b/1",)] == ("instructs-b/1",)


def _reference_pairs(
    olds: list[tuple[str, str]], news: list[tuple[str, str]]
) -> list[tuple[int, int]]:
    """The exact pass's rule, written plainly: each old clause in order takes the first
    free new clause with its key in its own section; those left then take the first free
    one with their key anywhere, in order. (key, section) per clause; "" never pairs."""
    taken: set[int] = set()
    pairs: list[tuple[int, int]] = []
    rest = []
    for i, (key, section) in enumerate(olds):
        if not key or not any(k == key for k, _ in news):
            continue
        found = next(
            (j for j, (k, s) in enumerate(news) if j not in taken and (k, s) == (key, section)),
            None,
        )
        if found is None:
            rest.append(i)
        else:
            taken.add(found)
            pairs.append((i, found))
    for i in rest:
        key = olds[i][0]
        found = next((j for j, (k, _) in enumerate(news) if j not in taken and k == key), None)
        if found is not None:
            taken.add(found)
            pairs.append((i, found))
    return pairs


_CLAUSES = st.lists(st.tuples(st.sampled_from(["", "a", "b", "c", "d"]), st.sampled_from("xyz")))


@settings(max_examples=300, deadline=None)
@given(_CLAUSES, _CLAUSES)
def test_equal_keys_pair_as_the_plain_rule_says(
    olds: list[tuple[str, str]], news: list[tuple[str, str]]
) -> None:
    """Keys met once and keys met many times (held apart for speed) pair by one rule."""
    from resdiff.align.exact import _pair_equal

    state = SimpleNamespace(  # what _pair_equal reads of an AlignState
        old=SimpleNamespace(sections=[s for _, s in olds]),
        new=SimpleNamespace(sections=[s for _, s in news]),
    )
    paired = _pair_equal(state, list(range(len(olds))), [k for k, _ in olds],  # type: ignore[arg-type]
                         list(range(len(news))), [k for k, _ in news])  # fmt: skip
    assert paired == _reference_pairs(olds, news)


# A text of what normalising touches: letters of both cases, digits, spacing of every
# kind, hyphens, the grave accent, final punctuation, and a few non-ASCII characters
# (ligature, full-width letter, NBSP, curly quote, sharp s) that NFKC or case folding
# turn into ASCII.
_TEXTS = st.text(alphabet=st.sampled_from(list("aZ9 -`;,.:\t\x1c'\"_ﬁＡ\xa0’ßé")), max_size=30)


def _alnum_of_key(text: str) -> bytes:
    """The ASCII lower-case letters and digits of ``text``'s match key, in order."""
    return bytes(c for c in match_key(text).encode("utf-8") if chr(c) in _ALNUM)


_ALNUM = set("abcdefghijklmnopqrstuvwxyz0123456789")


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_a_signature_is_the_ascii_letters_and_digits_of_the_match_key(text: str) -> None:
    """What lets the exact pass skip a key: equal keys always have equal signatures."""
    from resdiff.align.exact import _signature

    keys = {0: match_key(text)}
    assert _signature(text, keys, 0) == _alnum_of_key(text)  # type: ignore[arg-type]


def test_every_real_clause_has_the_signature_of_its_match_key() -> None:
    from resdiff.align.exact import _signature

    files = real_files()
    assert files, f"real texts not found at {ITU_PP} (set RESDIFF_SHARED_DATA)"
    for path in files:
        for clause in parse_text(path.read_text("utf-8")).clauses():
            keys = {0: match_key(clause.text)}
            sig = _signature(clause.text, keys, 0)  # type: ignore[arg-type]
            assert sig == _alnum_of_key(clause.text), (path.name, clause.path)


_SPACE = st.text(alphabet=st.sampled_from(list(" \t\n\x1c\xa0\u3000")), max_size=4)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _SPACE, _SPACE)
def test_texts_equal_but_for_surrounding_space_score_one(
    text: str, before: str, after: str
) -> None:
    """Why the exact pass pairs identical stripped texts at 1 without scoring them."""
    padded = before + text + after
    assert padded.strip() == text.strip()
    encoder = ClauseEncoder()
    assert ratio(encoder.encode(text), encoder.encode(padded)) == 1.0
