"""exact: identical texts and equal match keys pair first, same section first."""

from __future__ import annotations

from align_cases import mapping, moved
from differ_cases import TEXTS, build, letters, numbers

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
