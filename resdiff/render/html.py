"""A self-contained HTML report (``--format html``): summary, inline redline, side by side.

One file with inline CSS and a little inline JavaScript, no external assets, readable
offline and in print. Every piece of resolution text reaches the page escaped, so a
clause containing ``<script>`` shows as text: through a Jinja2 template with autoescaping
on, or, for the pieces written once per row (word runs, notes, links, a changed row in
each view), through functions here that escape each text with markupsafe (Jinja's own
escaping) — a template expression costs more than the HTML it writes, times 25,000 rows.

The page holds two views of the same rows, switched by two radio buttons (pure CSS, so
it works without a server and even without JavaScript):

- inline redline: each change with ``<del>``/``<ins>`` per word run;
- side by side: old | new, aligned clause by clause; a moved clause is shown at both
  ends, linked both ways ("moved to recognizing c)" / "moved from recalling i)"), and a
  re-lettered one as "e) → f)".

Unchanged clauses are collapsed in ``<details>`` (open with ``--all``). Every row has an
id (its clause path, and a split's row one per part; ``was:`` + old path at the old place
of a moved or removed clause; ``sbs:`` in the side-by-side view; ``<resolution path>:`` in
a tree diff). Changes are
told by strike-through/underline and hidden screen-reader labels, not colour alone;
``n``/``p`` move from change to change, as do the ↑/↓ links on each change.
With ``marks="itu"`` each clause carries its ITU mark and the number line is in ITU style.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial

import jinja2
from markupsafe import Markup, escape

from resdiff.changes import Diff, SectionChange, TreeDiff, TreeEntry, WordOp
from resdiff.render import RenderOptions
from resdiff.render.headings import sections_in_order
from resdiff.render.report import Note, Row, expands, row_ops, rows, visible_sections
from resdiff.render.wording import (
    clause_name,
    itu_number_line,
    kind_word,
    label_or_name,
    renumbered_word,
    summary_line,
    tree_summary_line,
)

__all__ = ["render"]

#: Summary rows: (summary key, what the report calls it, ITU mark).
SUMMARY_ROWS = (
    ("added", "added", "ADD"),
    ("removed", "removed", "SUP"),
    ("amended", "amended", "MOD"),
    ("split", "split", "MOD"),
    ("merged", "merged", "MOD"),
    ("moved", "moved", "ADD*/SUP*"),
    ("renumbered", "re-lettered", "MOD"),
    ("editorial", "editorial only", "(MOD)"),
    ("unchanged", "unchanged", "NOC"),
)


@dataclass(frozen=True)
class Link:
    """A note beside a change, linking to another place of the same view when ``href`` is set."""

    text: str
    target: str | None = None


@dataclass(frozen=True)
class Item:
    """One row of the report as both views show it."""

    anchor: str
    partner: str | None
    also: tuple[str, ...]  # the paths of a split's other parts, each anchored on the row too
    kind: str
    mark: str
    name: str
    notes: tuple[Link, ...]
    label_ops: tuple[WordOp, ...]
    ops: tuple[WordOp, ...]
    old_label: str
    new_label: str
    old_ops: tuple[WordOp, ...]
    new_ops: tuple[WordOp, ...]
    old_note: Link | None
    new_note: Link | None
    header: bool
    unchanged: bool


@dataclass(frozen=True)
class Block:
    """A run of rows under one heading: changed items, or collapsed unchanged ones."""

    heading: str
    heading_ops: tuple[WordOp, ...]
    groups: tuple[tuple[bool, tuple[Item, ...]], ...]  # (collapsed?, items)


@dataclass(frozen=True)
class ResolutionView:
    """Everything the template shows for one resolution."""

    prefix: str
    mark: str
    heading: str
    title: str | None
    old_number: str | None
    old_source: str | None
    new_source: str | None
    summary: str
    counts: tuple[tuple[str, str, int], ...]
    sections: tuple[SectionChange, ...]
    blocks: tuple[Block, ...]
    anchors: tuple[str, ...]


def _safe_id(text: str) -> str:
    """An id fragment without white space (ids may hold any other character)."""
    return re.sub(r"\s+", "_", text)


def _link(note: Note) -> Link:
    """A row's note as the report shows it: a move links to its other end, a re-lettering
    reads ``e) → f)``, an editorial change ``editorial only``."""
    if note.kind == "was":
        old, new = note.refs
        return Link(f"{label_or_name(old)} → {label_or_name(new)}")
    if note.kind == "editorial":
        return Link("editorial only")
    return Link(note.text, note.target)


def _item(row: Row) -> Item:
    change = row.change
    ops = tuple(row_ops(row))
    if change.kind == "added" and not row.moved_away:
        ops = (("+", "".join(t for _, t in ops)),)
    elif change.kind == "removed" or row.moved_away:
        ops = (("-", "".join(t for _, t in ops)),)
    old_ops = tuple((op, t) for op, t in ops if op != "+")
    new_ops = tuple((op, t) for op, t in ops if op != "-")
    old = change.old[0] if change.old else None
    new = change.new[0] if change.new else None
    old_label = label_or_name(old) if old is not None and old.label else ""
    new_label = label_or_name(new) if new is not None and new.label else ""
    notes = tuple(_link(n) for n in row.notes)
    old_note = new_note = None
    move = row.move_note
    if move is not None:
        if row.moved_away:
            new_note, new_ops, new_label = Link(move.text, move.target), (), ""
        else:
            old_note, old_ops, old_label = Link(move.text, move.target), (), ""
    if change.kind == "added" and not row.moved_away:
        old_note = Link("new paragraph")
    if change.kind == "removed":
        new_note = Link("deleted")
    if row.moved_away:
        label_ops: tuple[WordOp, ...] = (("=", old_label),) if old_label else ()
        name = clause_name(change.old[0])
    elif change.renumbered and old_label and new_label and old_label != new_label:
        label_ops = (("-", old_label), ("+", new_label))
        name = clause_name(new) if new is not None else ""
    else:
        label = new_label or old_label
        label_ops = (("=", label),) if label else ()
        refs = change.new or change.old
        name = " + ".join(clause_name(r) for r in refs)
    kind = "moved" if change.moved else kind_word(change)
    if row.moved_away:
        kind = "moved away"
    return Item(
        anchor=row.anchor,
        partner=row.partner_anchor,
        also=tuple(r.path for r in change.new[1:]) if not row.moved_away else (),
        kind=kind,
        mark=row.mark,
        name=name,
        notes=notes,
        label_ops=label_ops,
        ops=ops,
        old_label=old_label,
        new_label=new_label,
        old_ops=old_ops,
        new_ops=new_ops,
        old_note=old_note,
        new_note=new_note,
        header=row.header,
        unchanged=row.kept,
    )


def _blocks(diff: Diff) -> tuple[Block, ...]:
    renamed = {s.new: s.old for s in diff.sections if s.kind == "renamed" and s.new}
    added = {s.new for s in diff.sections if s.kind == "added"}
    removed = {s.old for s in diff.sections if s.kind == "removed"}
    blocks: list[Block] = []
    for heading, section_rows in sections_in_order(rows(diff, show_all=True)):
        items = [_item(r) for r in section_rows]
        # runs of items alike (unchanged or not), grown in lists: a tuple rebuilt per
        # item made a section of thousands of clauses quadratic
        runs: list[tuple[bool, list[Item]]] = []
        for item in items:
            if runs and runs[-1][0] == item.unchanged:
                runs[-1][1].append(item)
            else:
                runs.append((item.unchanged, [item]))
        groups = [(unchanged, tuple(run)) for unchanged, run in runs]
        if section_rows[0].ref.section == "header" or section_rows[0].header:
            heading_ops: tuple[WordOp, ...] = ()
        elif heading in renamed:
            heading_ops = (("-", renamed[heading] or ""), ("+", heading))
        elif heading in added:
            heading_ops = (("+", heading),)
        elif heading in removed and all(r.change.kind == "removed" for r in section_rows):
            heading_ops = (("-", heading),)
        else:
            heading_ops = (("=", heading),)
        blocks.append(Block(heading, heading_ops, tuple(groups)))
    return tuple(blocks)


def _view(
    diff: Diff, options: RenderOptions, prefix: str = "", mark: str | None = None
) -> ResolutionView:
    itu = options.marks == "itu"
    new_number = diff.new.number or diff.old.number
    heading = (
        (itu_number_line(new_number) if itu else new_number) or diff.new.source or "Resolution"
    )
    old_number = diff.old.number
    if itu:
        old_number = itu_number_line(old_number)
    summary = diff.summary
    numbering = renumbered_word(diff)
    counts = tuple(
        (numbering if key == "renumbered" else label, itu_mark, summary[key])
        for key, label, itu_mark in SUMMARY_ROWS
    )
    blocks = _blocks(diff)
    anchors = tuple(
        prefix + item.anchor
        for block in blocks
        for collapsed, items in block.groups
        if not collapsed
        for item in items
    )
    return ResolutionView(
        prefix=prefix,
        mark=mark or ("MOD" if diff.differs else "NOC"),
        heading=heading,
        title=diff.new.title or diff.old.title,
        old_number=old_number if old_number != heading else None,
        old_source=diff.old.source,
        new_source=diff.new.source,
        summary=summary_line(diff),
        counts=counts,
        sections=visible_sections(diff),
        blocks=blocks,
        anchors=anchors,
    )


#: What :func:`_frag` percent-encodes: every character but ``urllib.parse.quote``'s
#: always-safe ones and the ``safe`` it was given (``/:~-._!$&'()*+,;=@``).
_FRAG_UNSAFE = re.compile(r"[^A-Za-z0-9_.~/:!$&'()*+,;=@-]+")


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


def _frag(anchor: str) -> str:
    """``#`` + the anchor, percent-encoded as a URL fragment (``#1`` → ``%231``), as
    ``urllib.parse.quote`` encodes it (which costs more per call than a page of 25,000
    clauses can spend on its 125,000 links)."""
    return "#" + _FRAG_UNSAFE.sub(_percent, anchor)


def _ops(items: Iterable[WordOp]) -> Markup:
    """Word runs as HTML: deleted text in ``<del>``, inserted in ``<ins>``, all escaped."""
    out = []
    for op, text in items:
        if op == "-":
            out.append(f"<del>{escape(text)}</del>")
        elif op == "+":
            out.append(f"<ins>{escape(text)}</ins>")
        else:
            out.append(str(escape(text)))
    return Markup("".join(out))


def _note(note: Link, view_prefix: str, prefix: str) -> Markup:
    """A note as HTML: a link to the other end of a move (in the view ``view_prefix``
    names) when it has a target, else plain text."""
    if note.target:
        href = escape(_frag(view_prefix + prefix + note.target))
        return Markup(f'<a class="note" href="{href}">{escape(note.text)}</a>')
    return Markup(f'<span class="note">{escape(note.text)}</span>')


def _navlinks(
    nav: Mapping[str, tuple[str | None, str | None]], anchor: str, view_prefix: str
) -> Markup:
    """The ↑/↓ links from a change to the previous and the next one (in one view)."""
    pair = nav.get(anchor)
    if not pair:
        return Markup("")
    out = ['<span class="nav">']
    if pair[0]:
        href = escape(_frag(view_prefix + pair[0]))
        out.append(f'<a href="{href}" aria-label="previous change">↑</a>')
    if pair[1]:
        href = escape(_frag(view_prefix + pair[1]))
        out.append(f'<a href="{href}" aria-label="next change">↓</a>')
    out.append("</span>")
    return Markup("".join(out))


def _row_opening(itu: bool, v: ResolutionView, it: Item, view: str) -> tuple[str, ...]:
    """What a changed row opens with in either view (``view``: its anchors' prefix): its
    anchor, its ITU mark, its kind and name (escaped), and the anchors of a split's other
    parts."""
    anchor = v.prefix + it.anchor
    mark = f'<span class="mark" title="ITU mark">{escape(it.mark)}</span> ' if itu else ""
    also = "".join(f'<span id="{view}{escape(v.prefix + a)}"></span>' for a in it.also)
    return anchor, mark, escape(it.kind), escape(it.name), also


def _redline_item(
    itu: bool, nav: Mapping[str, tuple[str | None, str | None]], v: ResolutionView, it: Item
) -> Markup:
    """A changed row of the inline redline view (an ``<article>``)."""
    e = escape
    anchor, mark, kind, name, also = _row_opening(itu, v, it, "")
    notes = "".join(f" {_note(n, '', v.prefix)}" for n in it.notes)
    label = f'<span class="label">{_ops(it.label_ops)}</span> ' if it.label_ops else ""
    return Markup(
        f'<article class="chg k-{e(it.kind.replace(" ", "-"))}" id="{e(anchor)}"'
        f' tabindex="-1" aria-label="{kind}: {name}">\n'
        f'<p class="meta">{also}{mark}<span class="kind">{kind}</span>'
        f' <a class="self" href="{e(_frag(anchor))}">{name}</a>{notes}'
        f"{_navlinks(nav, anchor, '')}</p>\n"
        f'<p class="text">{label}{_ops(it.ops)}</p>\n'
        "</article>"
    )


def _sbs_item(
    itu: bool, nav: Mapping[str, tuple[str | None, str | None]], v: ResolutionView, it: Item
) -> Markup:
    """A changed row of the side-by-side view: old cell | new cell."""
    e = escape
    anchor, mark, kind, name, also = _row_opening(itu, v, it, "sbs:")
    notes = "".join(f" {_note(n, 'sbs:', v.prefix)}" for n in it.notes if not n.target)
    old = _sbs_cell(it.old_note, it.old_label, it.new_label, it.old_ops, "del", v.prefix)
    new = _sbs_cell(it.new_note, it.new_label, it.old_label, it.new_ops, "ins", v.prefix)
    return Markup(
        f'<div class="chg pair k-{e(it.kind.replace(" ", "-"))}" id="sbs:{e(anchor)}"'
        f' tabindex="-1" aria-label="{kind}: {name}">\n'
        f'<div class="cell old"><p class="meta">{also}{mark}<span class="kind">{kind}</span>'
        f" {name}{notes}{_navlinks(nav, anchor, 'sbs:')}</p>\n"
        f'<p class="text"><span class="sr">old: </span>{old}</p></div>\n'
        '<div class="cell new"><p class="meta" aria-hidden="true">&nbsp;</p>\n'
        f'<p class="text"><span class="sr">new: </span>{new}</p></div>\n'
        "</div>"
    )


def _sbs_cell(
    note: Link | None, label: str, other_label: str, ops: Iterable[WordOp], tag: str, prefix: str
) -> str:
    """One side's text in the side-by-side view: its note, or its label (struck or
    underlined, by ``tag``, when re-lettered) and its word runs."""
    if note:
        return str(_note(note, "sbs:", prefix))
    cell = ""
    if label:
        relettered = label != other_label and other_label
        shown = f"<{tag}>{escape(label)}</{tag}>" if relettered else escape(label)
        cell = f'<span class="label">{shown}</span> '
    return cell + str(_ops(ops))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the HTML reports (autoescape on; ``frag`` filter)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("resdiff", "render/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["frag"] = _frag
    return env


def _tree_rows(tree: TreeDiff, options: RenderOptions) -> list[tuple[TreeEntry, str | None, str]]:
    out: list[tuple[TreeEntry, str | None, str]] = []
    for entry in tree.entries:
        shown = expands(entry, options.show_all)
        target = "res:" + _safe_id(entry.path) if shown else None
        what = {"added": "new resolution", "removed": "suppressed"}.get(entry.status, entry.status)
        if entry.diff is not None and entry.status in ("modified", "unchanged"):
            what = summary_line(entry.diff)
        out.append((entry, target, what))
    return out


def render(result: Diff | TreeDiff, options: RenderOptions) -> str:
    """Render a diff (or a tree diff) as one self-contained HTML page."""
    template = environment().get_template("report.html.j2")
    if isinstance(result, Diff):
        views = [_view(result, options)]
        first = views[0]
        title = f"Changes to {first.heading}"
        tree_rows: list[tuple[TreeEntry, str | None, str]] = []
        tree_summary = None
    else:
        views = []
        for entry in result.entries:
            if entry.diff is None or not expands(entry, options.show_all):
                continue
            prefix = _safe_id(entry.path) + ":"
            views.append(_view(entry.diff, options, prefix, entry.mark))
        title = f"Changes between {result.old_source or 'old'} and {result.new_source or 'new'}"
        tree_rows = _tree_rows(result, options)
        tree_summary = tree_summary_line(result)
    anchors = [a for v in views for a in v.anchors]
    nav = {
        a: (anchors[i - 1] if i else None, anchors[i + 1] if i + 1 < len(anchors) else None)
        for i, a in enumerate(anchors)
    }
    # the changed rows are written by Python functions, not the template: the template's
    # per-expression and macro-call costs were most of the time of a 25,000-row page
    return template.render(
        ops=_ops,
        redline_item=partial(_redline_item, options.marks == "itu", nav),
        sbs_item=partial(_sbs_item, options.marks == "itu", nav),
        title=title,
        views=views,
        tree=not isinstance(result, Diff),
        tree_rows=tree_rows,
        tree_summary=tree_summary,
        itu=options.marks == "itu",
        show_all=options.show_all,
        first_change=anchors[0] if anchors else None,
    )
