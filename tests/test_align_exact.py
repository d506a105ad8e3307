"""exact: identical texts and equal match keys pair first, same section first."""

from __future__ import annotations

from types import SimpleNamespace

from align_cases import mapping, moved
from differ_cases import TEXTS, build, letters, numbers
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.align import align_resolutions


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
