"""The HTML report's structure: self-contained, escaped, anchored, linked both ways."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote, unquote

from hypothesis import given, settings
from hypothesis import strategies as st
from render_cases import SAMPLE
from render_samples import XSS_IMG, XSS_SCRIPT, sample_diff
from synthetic import Doc, revisions

import resdiff
from resdiff.changes import Diff, TreeDiff, TreeEntry
from resdiff.render import RenderOptions, render
from resdiff.render.html import _frag


def html_of(result: Diff | TreeDiff, **opts: object) -> str:
    out = render(result, "html", RenderOptions(**opts))  # type: ignore[arg-type]
    assert isinstance(out, str)
    return out


class Page(HTMLParser):
    """Collects ids, fragment links, tags and external references of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tags: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.append(value)
            if name == "href" and value is not None:
                if value.startswith("#"):
                    self.links.append(unquote(value[1:]))
                else:
                    self.external.append(value)
            if name == "src":
                self.external.append(value or "")


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    return p


def test_one_self_contained_file() -> None:
    page = html_of(sample_diff())
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    p = parse(page)
    assert p.external == []  # no external assets, no network
    assert "link" not in p.tags
    assert p.tags.count("style") == 1
    assert p.tags.count("script") == 1  # ours, inline


def test_every_id_is_unique_and_every_link_resolves() -> None:
    for page in (html_of(sample_diff()), html_of(sample_diff(), show_all=True, marks="itu")):
        p = parse(page)
        assert len(p.ids) == len(set(p.ids))
        missing = sorted(set(p.links) - set(p.ids))
        assert missing == []


def test_an_anchor_per_clause_path_in_both_views() -> None:
    p = parse(html_of(sample_diff()))
    for change in sample_diff().changes:
        for ref in change.new:
            assert ref.path in p.ids
            assert "sbs:" + ref.path in p.ids
    assert "was:recalling/b" in p.ids  # a removed clause, at its old place
    assert "was:recalling/d" in p.ids  # the old place of a moved clause


def test_every_part_of_a_split_is_reachable_by_its_path() -> None:
    """resolves/1 split into resolves/1 and resolves/2: both paths lead to the split's row,
    in both views (the second part had no anchor)."""
    p = parse(html_of(SAMPLE))
    assert len(p.ids) == len(set(p.ids))
    for change in SAMPLE.changes:
        for ref in change.new:
            assert ref.path in p.ids
            assert "sbs:" + ref.path in p.ids
    assert {"resolves/2", "sbs:resolves/2"} <= set(p.ids)


def test_redline_marks_each_word_run() -> None:
    page = html_of(sample_diff())
    assert (
        "that parents, guardians<del> and educators</del><ins>, educators and communities</ins>"
        " are not always aware" in page
    )
    assert (
        "that the Internet<del> is playing an increasingly</del><ins> plays a very</ins> important"
        in page
    )


def test_moved_clause_is_linked_both_ways() -> None:
    page = html_of(sample_diff())
    assert '<a class="note" href="#was:recalling/d">moved from recalling d)</a>' in page
    assert '<a class="note" href="#recognizing/b">moved to recognizing b)</a>' in page
    assert '<a class="note" href="#sbs:was:recalling/d">moved from recalling d)</a>' in page
    assert '<a class="note" href="#sbs:recognizing/b">moved to recognizing b)</a>' in page


def test_relettering_is_shown_as_an_arrow() -> None:
    page = html_of(sample_diff())
    assert '<span class="note">d) → e)</span>' in page
    assert '<span class="label"><del>d)</del><ins>e)</ins></span>' in page


def test_unchanged_clauses_are_collapsed_and_expandable() -> None:
    page = html_of(sample_diff())
    start = page.index(
        '<details class="same">\n<summary>1 unchanged paragraph: considering b)</summary>'
    )
    assert page.index('id="considering/b"', start) < page.index("</details>", start)
    assert '<details class="same" open>' in html_of(sample_diff(), show_all=True)


def test_clause_text_is_escaped() -> None:
    page = html_of(sample_diff())
    assert XSS_SCRIPT not in page
    assert XSS_IMG not in page
    assert "<b>markup" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;" in page
    p = parse(page)
    assert "img" not in p.tags
    assert "b" not in p.tags


def test_hostile_paths_and_headings_are_escaped() -> None:
    tree = TreeDiff(
        '"><script>x()</script>',
        "new",
        (TreeEntry('res-1"><img src=x>.txt', "modified", sample_diff()),),
    )
    page = html_of(tree)
    p = parse(page)
    assert p.tags.count("script") == 1
    assert "img" not in p.tags
    assert sorted(set(p.links) - set(p.ids)) == []


def test_changes_are_not_told_by_colour_alone() -> None:
    page = html_of(sample_diff())
    css = page[page.index("<style>") : page.index("</style>")]
    assert "del { text-decoration: line-through" in css
    assert "ins { text-decoration: underline" in css
    assert 'del::before { content: " [deleted: "; }' in css  # read out by screen readers
    assert 'aria-label="amended: considering c)"' in page
    assert 'aria-label="next change"' in page
    assert '"n"' in page
    assert '"p"' in page


def test_itu_marks_only_when_asked() -> None:
    plain = html_of(sample_diff())
    itu = html_of(sample_diff(), marks="itu")
    assert '<span class="mark" title="ITU mark">ADD*</span>' in itu
    assert '<span class="mark" title="ITU mark">SUP*</span>' in itu
    assert '<h2><span class="mark">MOD</span> RESOLUTION 179 (REV. DUBAI, 2018)</h2>' in itu
    assert 'title="ITU mark"' not in plain
    assert "<h2>RESOLUTION 179 (Rev. Dubai, 2018)</h2>" in plain


def test_summary_counts_by_kind() -> None:
    page = html_of(sample_diff())
    assert '<tr><th scope="row">added</th><td class="n">2</td></tr>' in page
    assert '<tr><th scope="row">re-lettered</th><td class="n">3</td></tr>' in page
    assert '<tr><th scope="row">split</th>' not in page  # zero counts are left out


def test_tree_summary_links_each_resolution() -> None:
    tree = TreeDiff(
        "pp-2014",
        "pp-2018",
        (
            TreeEntry("res-1.txt", "unchanged", sample_diff()),
            TreeEntry("res-179.txt", "modified", sample_diff()),
            TreeEntry("res-214.txt", "added", None),
        ),
    )
    page = html_of(tree)
    assert '<a href="#res:res-179.txt">res-179.txt</a>' in page
    assert "<td>res-1.txt</td>" in page  # NOC listed, not linked without --all
    assert '<span class="mark">ADD</span></td><td>res-214.txt</td><td>new resolution</td>' in page
    p = parse(page)
    assert "res:res-179.txt" in p.ids
    assert "res-179.txt:considering/c" in p.ids
    assert "res:res-1.txt" in parse(html_of(tree, show_all=True)).ids


@settings(max_examples=30, deadline=None)
@given(revisions(edits=("insert", "delete", "move", "amend", "section")))
def test_generated_revisions_have_unique_ids_and_resolving_links(pair: tuple[Doc, Doc]) -> None:
    old, new = (resdiff.parse(doc.resolution().to_text()) for doc in pair)
    diff = resdiff.diff(old, new)
    p = parse(html_of(diff, marks="itu"))
    assert len(p.ids) == len(set(p.ids))
    assert sorted(set(p.links) - set(p.ids)) == []
    for change in diff.changes:  # an anchor per clause path
        for ref in change.new:
            assert ref.path in p.ids


def test_output_is_deterministic() -> None:
    assert html_of(sample_diff()) == html_of(sample_diff())


def test_real_res_179(res179_changes: Diff) -> None:
    page = html_of(res179_changes, marks="itu")
    p = parse(page)
    assert len(p.ids) == len(set(p.ids))
    assert sorted(set(p.links) - set(p.ids)) == []
    assert (
        "<del>is playing an increasingly important and valuable</del>"
        "<ins>plays a very important</ins>" in page
    )
    assert '<a class="note" href="#was:recalling/i">moved from recalling i)</a>' in page
    assert '<a class="note" href="#recognizing/c">moved to recognizing c)</a>' in page
    assert '<span class="note">e) → f)</span>' in page


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_fragments_are_encoded_as_urllib_quote_encodes_them(anchor: str) -> None:
    try:
        expected = "#" + quote(anchor, safe="/:~-._!$&'()*+,;=@")
    except UnicodeEncodeError:  # a lone surrogate: neither can encode it
        return
    assert _frag(anchor) == expected


def test_markup_in_labels_notes_and_names_is_escaped_in_both_views() -> None:
    old = (
        "RESOLUTION 1 (TEST, 2020)\n\nTitle\n\nconsidering\n\na) that <i>x</i> moves;\n\n"
        'b) that <b>kept</b> & "quoted";\n\nresolves\n\n1 that first;\n'
    )
    new = (
        'RESOLUTION 1 (TEST, 2021)\n\nTitle\n\nconsidering\n\nb) that <b>kept</b> & "quoted";\n\n'
        "resolves\n\n1 that first;\n\n2 that <i>x</i> moves;\n\n3 that <script>x()</script>;\n"
    )
    result = resdiff.diff(resdiff.parse(old), resdiff.parse(new))
    for opts in ({}, {"marks": "itu"}, {"marks": "itu", "show_all": True}):
        page = html_of(result, **opts)
        p = parse(page)
        assert p.tags.count("script") == 1  # the page's own
        assert "i" not in p.tags
        assert "b" not in p.tags
        assert "&lt;script&gt;x()&lt;/script&gt;" in page
        assert "&amp; &#34;quoted&#34;" in page
        assert len(p.ids) == len(set(p.ids))
        assert sorted(set(p.links) - set(p.ids)) == []
