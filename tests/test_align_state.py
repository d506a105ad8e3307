"""state: the section flow, counted once and then followed through the table's changes."""

from __future__ import annotations

from differ_cases import TEXTS, build, letters, numbers
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.align.scores import ClauseEncoder
from resdiff.align.sides import build_side
from resdiff.align.state import AlignState

_OLD = build([("considering", letters(TEXTS[:4])), ("resolves", numbers(TEXTS[4:8]))])
_NEW = build([("noting", letters(TEXTS[2:5])), ("resolves", numbers(TEXTS[5:10]))])


def _state() -> AlignState:
    encode = ClauseEncoder().encode
    return AlignState(build_side(_OLD, encode), build_side(_NEW, encode), 0.65)


# steps: pair a free old clause with one or two free new ones, or undo a match
_STEPS = st.lists(
    st.tuples(st.booleans(), st.integers(0, 20), st.integers(0, 20), st.booleans()), max_size=30
)


@settings(max_examples=200, deadline=None)
@given(_STEPS, st.integers(0, 30))
def test_the_flow_followed_through_changes_is_the_flow_counted_anew(
    steps: list[tuple[bool, int, int, bool]], ask_at: int
) -> None:
    state = _state()
    table, n_old, n_new = state.table, len(state.old.clauses), len(state.new.clauses)
    for k, (add, a, b, split) in enumerate(steps):
        if k == ask_at:
            state.flow()  # from here on the flow is followed, not recounted
        if add:
            i, j = a % n_old, b % n_new
            news = [j, (j + 1) % n_new] if split else [j]
            if table.of_old(i) is None and all(table.of_new(x) is None for x in set(news)):
                table.add([i], set(news), 0.9)
        elif list(table):
            table.drop(list(table)[a % len(list(table))])
    followed = state.flow()
    anew = AlignState(state.old, state.new, 0.65, table=table).flow()
    assert followed == anew
    assert dict(followed) == dict(anew)  # and no section pair left at zero
    assert all(count > 0 for count in followed.values())
