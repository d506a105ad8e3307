"""Passes that pair by identity: header parts by role, equal texts, empty clauses by path.

Exact matches come first, as in dulwich's rename detection: most clauses of a revision
are kept word for word, and a hash lookup pairs them in linear time, before any scoring.
"""

from __future__ import annotations

from collections import defaultdict, deque

from resdiff.align.sides import PerClause
from resdiff.align.state import AlignState
from resdiff.model import HEADER
from resdiff.normalize import NOT_ASCII_ALNUM

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
    free_old, free_new = table.free_old(olds), table.free_new(news)
    o_clauses, n_clauses = o.clauses, n.clauses
    same = _pair_equal(
        state,
        free_old,
        [o_clauses[i].text.strip() for i in free_old],
        free_new,
        [n_clauses[j].text.strip() for j in free_new],
    )
    table.add_ones(same, 1.0)
    free_old, free_new = table.free_old(free_old), table.free_new(free_new)
    if free_old and free_new:  # keys are worth computing only with a clause free each side
        o_sigs = [_signature(o_clauses[i].text, o.keys, i) for i in free_old]
        n_sigs = [_signature(n_clauses[j].text, n.keys, j) for j in free_new]
        shared = set(o_sigs).intersection(n_sigs)  # only these can have equal keys
        free_old = [i for i, sig in zip(free_old, o_sigs, strict=True) if sig in shared]
        free_new = [j for j, sig in zip(free_new, n_sigs, strict=True) if sig in shared]
        o_keys, n_keys = o.keys, n.keys
        for i, j in _pair_equal(
            state,
            free_old,
            [o_keys[i] for i in free_old],
            free_new,
            [n_keys[j] for j in free_new],
        ):
            state.pair(i, j)


def _signature(text: str, keys: PerClause, i: int) -> bytes:
    """The ASCII letters and digits of clause ``i``'s match key (``text`` its text), in
    order: two clauses with equal keys have equal signatures.

    For an ASCII text they are its own letters and digits, lower-cased: normalising
    ASCII changes only case, spacing, hyphens, the grave accent and final punctuation,
    never a letter or a digit. So most texts are told apart without their key (whose
    normalisation costs far more); another text's key is computed."""
    if text.isascii():
        return text.lower().encode("ascii").translate(None, NOT_ASCII_ALNUM)
    return keys[i].encode("utf-8").translate(None, NOT_ASCII_ALNUM)  # no byte >= 128


def _pair_equal(
    state: AlignState,
    olds: list[int],
    old_keys: list[str],
    news: list[int],
    new_keys: list[str],
) -> list[tuple[int, int]]:
    """The pairs of free clauses (in document order, with their keys) whose keys are
    equal (and not empty), in the order they are decided.

    Most keys occur once among the new clauses: those are held as a plain key → clause
    map (built in one step when no key repeats), and only repeated keys get a queue per
    section (what deciding among several partners needs), so the common case costs two
    dictionary lookups."""
    o_sections, n_sections = state.old.sections, state.new.sections
    pairs: list[tuple[int, int]] = []
    single = dict(
        zip(new_keys, news, strict=True)
    )  # key of one new clause -> that clause, while free
    repeated: dict[str, dict[str, deque[int]]] = {}  # key -> section -> clauses in order
    if len(single) < len(new_keys):  # some key repeats: queue those
        single = {}
        for j, key in zip(news, new_keys, strict=True):
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
    single.pop("", None)  # an empty key pairs nothing
    repeated.pop("", None)
    rest: list[tuple[int, str]] = []
    for i, key in zip(olds, old_keys, strict=True):
        only = single.get(key)
        if only is not None:
            if n_sections[only] == o_sections[i]:
                del single[key]
                pairs.append((i, only))
            else:
                rest.append((i, key))
            continue
        sections = repeated.get(key)
        if not sections:
            continue
        same = sections.get(o_sections[i])
        if same:
            pairs.append((i, same.popleft()))
        else:
            rest.append((i, key))
    for i, key in rest:  # then across sections, in document order
        if key in single:
            pairs.append((i, single.pop(key)))
            continue
        sections = repeated.get(key)
        if sections is None:  # its one partner was taken by an earlier clause
            continue
        heads = [queue[0] for queue in sections.values() if queue]
        if heads:
            j = min(heads)
            sections[n_sections[j]].popleft()
            pairs.append((i, j))
    return pairs


def pair_empty_by_path(state: AlignState) -> None:
    """A clause with no text of its own (a label holding only sub-clauses) pairs with the
    empty clause at the same path, if both are still free."""
    o, n, table = state.old, state.new, state.table
    new_by_path = {n.clauses[j].path: j for j in table.free_new(range(len(n.clauses)))}
    if not new_by_path:
        return
    for i in table.free_old(range(len(o.clauses))):
        j = new_by_path.get(o.clauses[i].path)  # the path first: most have no partner there
        if j is not None and not o.codes[i] and not n.codes[j] and table.of_new(j) is None:
            table.add_one(i, j, 1.0)
