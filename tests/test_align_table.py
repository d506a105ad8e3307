"""table: the match table keeps every clause in at most one match, and its indexes in step."""

from __future__ import annotations

import pytest

from resdiff.align.table import MatchTable


def test_a_clause_already_paired_is_refused_and_the_table_is_unchanged() -> None:
    table = MatchTable()
    first = table.add([2], [5, 4], 0.8)
    assert table[first].news == (4, 5)  # sorted
    with pytest.raises(ValueError, match="already paired"):
        table.add([3], [5], 0.9)
    assert table.of_new(5) == first
    assert table.of_old(3) is None
    assert list(table) == [first]


def test_dropping_a_match_frees_its_clauses() -> None:
    table = MatchTable()
    mid = table.add([0, 1], [0], 0.7)
    assert table.free_old(range(3)) == [2]
    pair = table.drop(mid)
    assert pair.olds == (0, 1)
    assert not pair.one_to_one
    assert table.free_old(range(3)) == [0, 1, 2]
    assert table.free_new(range(1)) == [0]
    assert mid not in table
    table.add([1], [0], 1.0)  # free again


def test_an_empty_side_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        MatchTable().add([], [1], 1.0)


def test_matches_are_listed_in_the_order_they_were_made() -> None:
    table = MatchTable()
    ids = [table.add([i], [9 - i], 1.0) for i in (3, 1, 2)]
    table.drop(ids[1])
    assert [pair.olds for _, pair in table.items()] == [(3,), (2,)]


def test_partner_bounds_say_between_which_partners_a_free_clause_belongs() -> None:
    table = MatchTable()
    table.add([1], [2], 1.0)
    table.add([4], [6, 7], 0.9)
    lo, hi = table.partner_bounds(6, 9, old_side=True)
    assert lo == [-1, 2, 2, 2, 7, 7]
    assert hi == [2, 2, 6, 6, 6, 9]
    mid = table.of_old(4)
    assert mid is not None
    assert table.partners(mid, old_side=True) == (6, 7)


def test_the_table_records_what_changed_once_asked() -> None:
    table = MatchTable()
    first = table.add_one(0, 0, 1.0)
    assert table.changes() == []  # the first call starts the record
    table.add_ones([(1, 2), (2, 1)], 1.0)
    split = table.add([3], [3, 4], 0.8)
    dropped = table.drop(first)
    assert table.changes() == [
        (1, ((1,), (2,), 1.0)),
        (1, ((2,), (1,), 1.0)),
        (1, ((3,), (3, 4), 0.8)),
        (-1, dropped),
    ]
    assert table.changes() == []
    assert [mid for mid, _ in table.multiple()] == [split]
