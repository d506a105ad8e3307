"""The word runs a report shows for a change."""

from __future__ import annotations

from render_cases import ADDED, AMENDED, KEPT

from resdiff.changes import Change
from resdiff.render.word_runs import display_ops


def test_display_ops_fall_back_to_the_texts() -> None:
    assert display_ops(AMENDED) == AMENDED.words
    bare_added = Change(kind="added", old=(), new=ADDED.new)
    assert display_ops(bare_added) == (("+", ADDED.new[0].text),)
    bare_kept = Change(kind="unchanged", old=KEPT.old, new=KEPT.new)
    assert display_ops(bare_kept) == (("=", KEPT.new[0].text),)
