"""Passes that pair by identity: header parts by role, equal texts, empty clauses by path.

Exact matches come first, as in dulwich's rename detection: most clauses of a revision
are kept word for word, and a hash lookup pairs them in linear time, before any scoring.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable

from resdiff.align.state import AlignState
from resdiff.model import HEADER

__all__ = ["pair_empty_by_path", "pair_exact", "pair_header"]


def pair_header(state: AlignState) -> None:
    """Header parts pair by role: number line, title, enacting formula."""
    o, n = state.old, state.new
    new_by_path = {n.clauses[j].path: j for j, s in enumerate(n.sections) if s == HEADER}
    for i, s in enumerate(o.sections):
        if s == HEADER and o.clauses[i].path in new_by_path:
            state.pair(i, new_by_path[o.clauses[i].path])


def pair_exact(state: AlignState, olds: list[int], news: list[int]) -> None:
    """Pair identical texts, then texts equal under :func:`~resdiff.normalize.match_key`.

    Within one key, old clauses take partners in the same section first, then the
    rest, each in document order. Texts equal but for surrounding white space have the
    same tokens, so their pairs score 1 without being scored.
    """
    o, n, table = state.old, state.new, state.table
    o_clauses, n_clauses = o.clauses, n.clauses
    _pair_equal(
        state,
        [(i, o_clauses[i].text.strip()) for i in table.free_old(olds)],
        [(j, n_clauses[j].text.strip()) for j in table.free_new(news)],
        lambda i, j: table.add_one(i, j, 1.0),
    )
    free_old, free_new = table.free_old(olds), table.free_new(news)
    if free_old and free_new:  # keys are worth computing only with a clause free each side
        o_keys, n_keys = o.keys, n.keys
        _pair_equal(
            state,
            [(i, o_keys[i]) for i in free_old],
            [(j, n_keys[j]) for j in free_new],
            state.pair,
        )


def _pair_equal(
    state: AlignState,
    old_keyed: list[tuple[int, str]],
    new_keyed: list[tuple[int, str]],
    pair: Callable[[int, int], object],
) -> None:
    """Pair free clauses (``(index, key)`` in document order) whose keys are equal (and
    not empty), each pair made by ``pair``.

    Most keys occur once among the new clauses: those are held as a plain key → clause
    map, and only repeated keys get a queue per section (what deciding among several
    partners needs), so the common case costs two dictionary lookups."""
    o_sections, n_sections = state.old.sections, state.new.sections
    single: dict[str, int] = {}  # key of one new clause -> that clause, while free
    repeated: dict[str, dict[str, deque[int]]] = {}  # key -> section -> clauses in order
    for j, key in new_keyed:
        if not key:
            continue
        queues = repeated.get(key)
        if queues is None:
            first = single.get(key)
            if first is None:
                single[key] = j
                continue
            del single[key]
            queues = repeated[key] = defaultdict(deque)
            queues[n_sections[first]].append(first)
        queues[n_sections[j]].append(j)
    rest: list[tuple[int, str]] = []
    for i, key in old_keyed:
        if not key:
            continue
        only = single.get(key)
        if only is not None:
            if n_sections[only] == o_sections[i]:
                del single[key]
                pair(i, only)
            else:
                rest.append((i, key))
            continue
        sections = repeated.get(key)
        if not sections:
            continue
        same = sections.get(o_sections[i])
        if same:
            pair(i, same.popleft())
        else:
            rest.append((i, key))
    for i, key in rest:  # then across sections, in document order
        if key in single:
            pair(i, single.pop(key))
            continue
        sections = repeated.get(key)
        if sections is None:  # its one partner was taken by an earlier clause
            continue
        heads = [queue[0] for queue in sections.values() if queue]
        if heads:
            j = min(heads)
            sections[n_sections[j]].popleft()
            pair(i, j)


def pair_empty_by_path(state: AlignState) -> None:
    """A clause with no text of its own (a label holding only sub-clauses) pairs with the
    empty clause at the same path, if both are still free."""
    o, n, table = state.old, state.new, state.table
    new_by_path = {n.clauses[j].path: j for j in table.free_new(range(len(n.clauses)))}
    for i in table.free_old(range(len(o.clauses))):
        if not o.codes[i]:
            j = new_by_path.get(o.clauses[i].path)
            if j is not None and not n.codes[j] and table.of_new(j) is None:
                table.add_one(i, j, 1.0)
