"""ITU revision marks (``--format itu``): marks per clause, moved text at both ends, number line."""

from __future__ import annotations

from differ_cases import build, letters
from hypothesis import given, settings
from hypothesis import strategies as st
from render_cases import check_cli_renders_like_library
from render_samples import sample_diff

from resdiff import diff
from resdiff.changes import Change, ClauseRef, Diff, Meta, TreeDiff, TreeEntry
from resdiff.render import RenderOptions, render
from resdiff.render.itu import marked
from resdiff.render.wording import itu_number_line


def itu(result: Diff | TreeDiff, **opts: object) -> str:
    out = render(result, "itu", RenderOptions(**opts))  # type: ignore[arg-type]
    assert isinstance(out, str)
    return out


def test_number_line_in_itu_style() -> None:
    assert (
        itu_number_line("RESOLUTION 179 (Rev. Dubai, 2018)") == "RESOLUTION 179 (REV. DUBAI, 2018)"
    )
    assert (
        itu_number_line("PP RESOLUTION 179 (Guadalajara, 2010)")
        == "RESOLUTION 179 (GUADALAJARA, 2010)"
    )
    assert itu_number_line("Decision 5  (Rev. Dubai, 2018)") == "DECISION 5 (REV. DUBAI, 2018)"


def test_head_carries_the_resolution_mark_and_both_number_lines() -> None:
    lines = itu(sample_diff()).splitlines()
    assert lines[0] == "MOD\tRESOLUTION 179 (REV. DUBAI, 2018)"
    assert lines[1] == "\t(revises RESOLUTION 179 (GUADALAJARA, 2010))"
    assert lines[2] == "\tITU's role in child online protection"


def test_amended_clause_shows_deletions_and_insertions_in_plain_text() -> None:
    blocks = itu(sample_diff()).split("\n\n")
    assert (
        "MOD\tconsidering c)\n"
        "c)\tthat parents, guardians[- and educators-]{+, educators and communities+}"
        " are not always aware of children's activities;"
    ) in blocks


def test_added_removed_relettered_and_renamed_heading() -> None:
    blocks = itu(sample_diff()).split("\n\n")
    assert (
        "ADD\tconsidering d)\n"
        "d)\t{+that child online protection initiatives always consider"
        " the empowerment of the child;+}"
    ) in blocks
    assert (
        "SUP\trecalling b)\n"
        "b)\t[-the memorandum of understanding between the Union"
        " and Child Helpline International;-]"
    ) in blocks
    assert (
        "MOD\tconsidering e) (was d))\n"
        "[-d)-]{+e)+}\tthe growing development and spread of access to ICTs worldwide,"
    ) in blocks
    assert "MOD\theading [-requests the Council-]{+requests the ITU Council+}" in blocks


def test_moved_text_is_sup_star_where_it_left_and_add_star_where_it_arrived() -> None:
    out = itu(sample_diff(), show_all=True)
    sup = out.index(
        "SUP*\trecalling d) (moved to recognizing b))\nd)\t[-Resolution 67 (Hyderabad, 2010)"
    )
    add = out.index(
        "ADD*\trecognizing b) (moved from recalling d))\nb)\tResolution 67[- (Hyderabad, 2010)-]"
    )
    # SUP* stands in recalling, after the last recalling paragraph, before recognizing
    assert out.index("recalling b) (was c))") < sup < out.index("recognizing a)") < add


def test_noc_only_with_all() -> None:
    assert "NOC\tconsidering b)" not in itu(sample_diff())
    full = itu(sample_diff(), show_all=True)
    assert (
        "NOC\tconsidering b)\nb)\tthat children are among the most active participants online;"
        in full
    )
    assert "NOC\tthe title\nITU's role in child online protection" in full


def test_editorial_change_is_parenthesised_mod() -> None:
    old = ClauseRef("considering/a", "a)", "considering", "the world community’s agenda;")
    new = ClauseRef("considering/a", "a)", "considering", "the world community's agenda;")
    change = Change(
        "amended",
        (old,),
        (new,),
        editorial=True,
        words=(("=", "the world community"), ("-", "’"), ("+", "'"), ("=", "s agenda;")),
    )
    diff = Diff(
        Meta(None, "RESOLUTION 1 (2010)", None),
        Meta(None, "RESOLUTION 1 (2014)", None),
        (),
        (change,),
    )
    assert "(MOD)\tconsidering a) (editorial)\na)\tthe world community[-’-]{+'+}s agenda;" in itu(
        diff
    )


def test_control_characters_are_made_visible() -> None:
    assert marked([("=", "a\x1b[31mb"), ("+", "\u202e")]) == "a\\x1b[31mb{+\\u202e+}"


def test_tree_diff_marks_each_resolution() -> None:
    tree = TreeDiff(
        "pp-2014",
        "pp-2018",
        (
            TreeEntry("res-1.txt", "unchanged", None),
            TreeEntry("res-179.txt", "modified", sample_diff()),
            TreeEntry("res-214.txt", "added", None),
            TreeEntry("res-99.txt", "removed", None),
        ),
    )
    out = itu(tree)
    assert out.startswith(
        "4 resolutions: 1 added (ADD), 1 removed (SUP), 1 modified (MOD), 1 unchanged (NOC)\n"
    )
    assert "\nMOD\tres-179.txt\nRESOLUTION 179 (REV. DUBAI, 2018)\n" in out
    assert "\nADD\tres-214.txt\n" in out
    assert "\nSUP\tres-99.txt\n" in out
    assert "res-1.txt" not in out
    assert "NOC\tres-1.txt" in itu(tree, show_all=True)


def test_output_is_deterministic() -> None:
    assert itu(sample_diff()) == itu(sample_diff())


def test_an_unchanged_heading_is_listed_only_where_the_order_changed() -> None:
    a, b, c, d = (
        "that the Internet is a platform for education;",
        "that children are active online;",
        "the growing spread of access to ICTs worldwide;",
        "to act together;",
    )
    old = build(
        [
            ("considering", letters([a])),
            ("recalling", letters([b])),
            ("recognizing", letters([c])),
            ("resolves", [("1", d)]),
        ]
    )
    moved = build(
        [("considering", letters([c])), ("recalling", letters([b])), ("resolves", [("1", d)])]
    )
    heads = [line for line in itu(diff(old, moved)).splitlines() if "\theading " in line]
    # resolves kept its place after both: not listed
    assert heads == [
        "SUP\theading [-considering-]",
        "MOD\theading [-recognizing-]{+considering+}",
        "NOC\theading recalling",
    ]
    kept_order = build(
        [("considering", letters([a])), ("recalling", letters([b])), ("resolves", [("1", d)])]
    )
    assert "\theading " in itu(diff(old, kept_order))  # SUP recognizing
    assert "NOC\theading" not in itu(diff(old, kept_order))


def test_real_res_179(res179_changes: Diff) -> None:
    out = itu(res179_changes)
    blocks = out.split("\n\n")
    assert blocks[0].splitlines()[0] == "MOD\tRESOLUTION 179 (REV. DUBAI, 2018)"
    assert "\t(revises RESOLUTION 179 (GUADALAJARA, 2010))" in blocks[0]
    # recalling i) went to recognizing c): SUP* where it left, ADD* where it arrived
    assert any(
        b.startswith("SUP*\trecalling i) (moved to recognizing c))\ni)\t[-Resolution 67")
        for b in blocks
    )
    assert any(
        b.startswith("ADD*\trecognizing c) (moved from recalling i))\nc)\tResolution 67 (")
        for b in blocks
    )
    assert "ADD\theading {+recognizing+}" in out
    assert any(
        b.startswith(
            "MOD\tconsidering a)\na)\tthat the Internet"
            " [-is playing an increasingly important and valuable-]"
            "{+plays a very important+} role"
        )
        for b in blocks
    )
    assert any(b.startswith("MOD\tconsidering f) (was e))\n[-e)-]{+f)+}\t") for b in blocks)
    assert any(b.startswith("SUP\tconsidering k)\nk)\t[-that several governments") for b in blocks)


def test_cli_format_itu(res179_changes: Diff) -> None:
    check_cli_renders_like_library("itu", res179_changes)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 30), max_size=25))
def test_the_sections_listed_for_their_place_are_those_in_a_crossing_pair(
    olds: list[int],
) -> None:
    """The unchanged sections listed (NOC heading) for their place: every section that
    forms a crossing pair with another (one before it in the new text that stood after it
    in the old, or the reverse), found without comparing every pair."""
    from resdiff.render.itu import _crossed

    places = list(enumerate(olds))
    pairs = {
        n
        for i, (a, before) in enumerate(places)
        for b, after in places[i + 1 :]
        if before > after
        for n in (a, b)
    }
    assert _crossed(places) == pairs
