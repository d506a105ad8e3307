"""A hand-built diff for the text/term/markdown/json renderer tests.

Small enough to check every output line, and covering every kind a renderer must word:
a clause moved between sections and re-lettered on the way, an inserted recital that
re-letters the next ones (one amended, one only re-lettered), a removal, a split, a merge,
an editorial change of the title, a renamed and an added section, unchanged clauses, and
text with characters that Markdown, HTML and terminals treat specially.
"""

from __future__ import annotations

from resdiff.changes import Change, ClauseRef, Diff, Meta, SectionChange, TreeDiff, TreeEntry
from resdiff.render import RenderOptions
from resdiff.render import render as render_format


def ref(path: str, label: str | None, section: str, text: str) -> ClauseRef:
    return ClauseRef(path=path, label=label, section=section, text=text)


OLD_META = Meta(
    source="res-179-2010.txt",
    number="RESOLUTION 179 (Guadalajara, 2010)",
    title="ITU's role in child online protection",
)
NEW_META = Meta(
    source="res-179-2018.txt",
    number="RESOLUTION 179 (REV. DUBAI, 2018)",
    title="ITU’s role in child online protection",
)

TITLE = Change(
    kind="amended",
    old=(ref("header/title", None, "header", "ITU's role in child online protection"),),
    new=(ref("header/title", None, "header", "ITU’s role in child online protection"),),
    editorial=True,
    similarity=0.97,
    words=(("=", "ITU"), ("-", "'"), ("+", "’"), ("=", "s role in child online protection")),
)
MOVED = Change(
    kind="amended",
    old=(ref("recalling/i", "i)", "recalling", "Resolution 67 (Hyderabad, 2010) of WTDC;"),),
    new=(
        ref(
            "recognizing/c", "c)", "recognizing", "Resolution 67 (Rev. Buenos Aires, 2017) of WTDC;"
        ),
    ),
    moved=True,
    renumbered=True,
    similarity=0.8,
    words=(
        ("=", "Resolution 67 ("),
        ("-", "Hyderabad, 2010"),
        ("+", "Rev. Buenos Aires, 2017"),
        ("=", ") of WTDC;"),
    ),
)
KEPT = Change(
    kind="unchanged",
    old=(ref("considering/a", "a)", "considering", "that the Internet plays a role;"),),
    new=(ref("considering/a", "a)", "considering", "that the Internet plays a role;"),),
    words=(("=", "that the Internet plays a role;"),),
)
ADDED = Change(
    kind="added",
    old=(),
    new=(ref("considering/e", "e)", "considering", "that protection must *empower* the child;"),),
    similarity=0.0,
    words=(("+", "that protection must *empower* the child;"),),
)
AMENDED = Change(
    kind="amended",
    old=(ref("considering/e", "e)", "considering", "that parents, guardians and educators act;"),),
    new=(
        ref(
            "considering/f",
            "f)",
            "considering",
            "that parents, guardians, educators and communities act;",
        ),
    ),
    renumbered=True,
    similarity=0.85,
    words=(
        ("=", "that parents, guardians"),
        ("-", " and educators"),
        ("+", ", educators and communities"),
        ("=", " act;"),
    ),
)
RELETTERED = Change(
    kind="unchanged",
    old=(ref("considering/f", "f)", "considering", "that children are online;"),),
    new=(ref("considering/g", "g)", "considering", "that children are online;"),),
    renumbered=True,
    words=(("=", "that children are online;"),),
)
REMOVED = Change(
    kind="removed",
    old=(ref("recalling/c", "c)", "recalling", "the <b>2009</b> Call for Action | year;"),),
    new=(),
    similarity=0.0,
    words=(("-", "the <b>2009</b> Call for Action | year;"),),
)
SPLIT = Change(
    kind="split",
    old=(ref("resolves/1", "1", "resolves", "to promote safety and to share practice;"),),
    new=(
        ref("resolves/1", "1", "resolves", "to promote safety;"),
        ref("resolves/2", "2", "resolves", "to share practice;"),
    ),
    similarity=0.9,
    words=(
        ("=", "to promote safety"),
        ("-", " and"),
        ("+", "; 2"),
        ("=", " to share practice;"),
    ),
)
MERGED = Change(
    kind="merged",
    old=(
        ref("requests-the-council/#1", None, "requests the Council", "to consider the report;"),
        ref("requests-the-council/#2", None, "requests the Council", "to act on it;"),
    ),
    new=(
        ref(
            "requests-the-itu-council/#1",
            None,
            "requests the ITU Council",
            "to consider the report and act on it;",
        ),
    ),
    similarity=0.88,
    words=(
        ("=", "to consider the report"),
        ("-", "; to"),
        ("+", " and"),
        ("=", " act on it;"),
    ),
)

SAMPLE = Diff(
    old=OLD_META,
    new=NEW_META,
    sections=(
        SectionChange("added", None, "recognizing"),
        SectionChange("unchanged", "considering", "considering"),
        SectionChange("unchanged", "recalling", "recalling"),
        SectionChange("unchanged", "resolves", "resolves"),
        SectionChange("renamed", "requests the Council", "requests the ITU Council"),
    ),
    changes=(TITLE, MOVED, KEPT, ADDED, AMENDED, RELETTERED, REMOVED, SPLIT, MERGED),
)

SAME = Diff(
    old=OLD_META,
    new=OLD_META,
    sections=(SectionChange("unchanged", "considering", "considering"),),
    changes=(KEPT,),
)

TREE = TreeDiff(
    old_source="pp-2010",
    new_source="pp-2018",
    entries=(
        TreeEntry("itu-pp/res-1.txt", "unchanged", SAME),
        TreeEntry("itu-pp/res-179.txt", "modified", SAMPLE),
        TreeEntry("itu-pp/res-200.txt", "added", None),
        TreeEntry("itu-pp/res-99.txt", "removed", None),
    ),
)


def render(result: Diff | TreeDiff, fmt: str, options: RenderOptions | None = None) -> str:
    """The registry's :func:`resdiff.render.render` for a text format (typed ``str``)."""
    out = render_format(result, fmt, options)
    assert isinstance(out, str)
    return out


def check_cli_renders_like_library(fmt: str, real_diff: Diff) -> None:
    """``resdiff diff`` on the real 2010 and 2018 Res 179 files exits 1 and prints the
    report the library renders for ``real_diff`` in ``fmt`` (same first line, same length:
    the sources are named as given on the command line)."""
    from click.testing import CliRunner
    from conftest import RES_179_2018, SEED_PAGE

    from resdiff.cli import main

    result = CliRunner().invoke(main, ["diff", str(SEED_PAGE), str(RES_179_2018), "--format", fmt])
    assert result.exit_code == 1
    expected = render_format(real_diff, fmt, RenderOptions()).splitlines()
    assert result.output.splitlines()[0] == expected[0]
    assert len(result.output.splitlines()) == len(expected)


def added_clause_diff(text: str) -> Diff:
    """SAMPLE's two texts with one change only: a clause ``considering z)`` reading ``text``
    added (for the tests that feed hostile characters to a renderer)."""
    added = Change(
        kind="added",
        old=(),
        new=(ref("considering/z", "z)", "considering", text),),
        words=(("+", text),),
    )
    return Diff(SAMPLE.old, SAMPLE.new, (), (added,))
