"""The report model: each row's mark and notes, computed once, and what is listed."""

from __future__ import annotations

from render_cases import (
    ADDED,
    AMENDED,
    KEPT,
    MERGED,
    MOVED,
    RELETTERED,
    REMOVED,
    SPLIT,
    TITLE,
    ref,
)

from resdiff.changes import Change
from resdiff.render.report import describe, kind_and_notes
from resdiff.render.text import change_heading
from resdiff.render.wording import kind_word


def test_notes_for_every_kind() -> None:
    assert describe(MOVED) == ("moved from recalling i)",)
    assert describe(AMENDED) == ("was e)",)
    assert describe(RELETTERED) == ("was f)",)
    assert describe(SPLIT) == ("split from resolves 1",)
    assert describe(MERGED) == ("merged from requests the Council ¶1 + requests the Council ¶2",)
    assert describe(TITLE) == ("editorial",)
    assert describe(ADDED) == describe(REMOVED) == describe(KEPT) == ()
    unlabelled = Change(
        kind="amended",
        old=(ref("requests-the-council/#1", None, "requests the Council", "x"),),
        new=(ref("requests-the-itu-council/1", "1", "requests the ITU Council", "y"),),
        renumbered=True,
    )
    assert describe(unlabelled) == ("was ¶1",)


def test_kind_and_notes_say_the_kind_once() -> None:
    assert kind_and_notes(MOVED) == "amended, moved from recalling i)"
    assert change_heading(MOVED) == "recognizing/c  c)  amended, moved from recalling i)"
    moved_only = Change(kind="unchanged", old=MOVED.old, new=MOVED.new, moved=True)
    assert kind_word(moved_only) == "moved"
    assert kind_and_notes(moved_only) == "moved from recalling i)"
    assert kind_word(RELETTERED) == "re-lettered" and kind_word(KEPT) == "unchanged"
    assert kind_and_notes(SPLIT) == "split from resolves 1"
    assert kind_and_notes(TITLE) == "amended, editorial"
