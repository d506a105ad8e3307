"""Where the old place of a moved clause stands among a diff's changes."""

from __future__ import annotations

from render_cases import MOVED, REMOVED, SAMPLE, ref

from resdiff.changes import Change, Diff, SectionChange
from resdiff.render.reading_order import moved_away_places, natural_key


def test_labels_sort_naturally() -> None:
    assert natural_key("resolves/2") < natural_key("resolves/10")
    assert natural_key("considering/b") < natural_key("considering/c")
    assert natural_key("resolves/1") < natural_key("resolves/1/i") < natural_key("resolves/2")


def test_after_the_last_clause_of_its_old_section_that_stayed() -> None:
    places = moved_away_places(SAMPLE)
    index = SAMPLE.changes.index
    assert places.after == {index(REMOVED): [index(MOVED)]}  # recalling c) < recalling i)
    assert places.before == {}


def test_before_the_first_later_clause_of_its_old_section() -> None:
    later = Change(
        kind="unchanged",
        old=(ref("recalling/k", "k)", "recalling", "x"),),
        new=(ref("recalling/k", "k)", "recalling", "x"),),
    )
    diff = Diff(
        SAMPLE.old,
        SAMPLE.new,
        (SectionChange("unchanged", "recalling", "recalling"),),
        (MOVED, REMOVED, later),
    )
    assert moved_away_places(diff).before == {2: [0]}  # recalling i) < recalling k)
