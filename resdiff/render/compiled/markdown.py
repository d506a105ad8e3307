"""``--format markdown``: the compiled document as GitHub-flavoured Markdown.

A title, the proposals, a table of MOD / ADD / SUP per proposal and the totals, then each
provision shown as a heading (flagged **conflict** or *agreed*), its base text quoted, and
a list of positions: mark, proposals, the clause with ~~deleted~~ and **inserted** words
(the diff report's own :func:`resdiff.render.markdown.redline`). Every text is escaped.
"""

from __future__ import annotations

from resdiff.merge.compilation import PROPOSAL_MARKS, Compilation
from resdiff.render import RenderOptions
from resdiff.render.compiled.view import EntryView, entries, summary_line, title
from resdiff.render.markdown import escape, redline


def render(compilation: Compilation, options: RenderOptions) -> str:
    """The compiled document; ends with one newline."""
    blocks = [f"# {escape(title(compilation))}"]
    base = compilation.base.source or "(unnamed)"
    proposals = ", ".join(
        f"**{escape(p.name)}** ({escape(p.source or 'unnamed')})" for p in compilation.proposals
    )
    blocks.append(f"**Base:** {escape(base)}  \n**Proposals:** {proposals}")
    head = "| proposal | " + " | ".join(PROPOSAL_MARKS) + " |"
    rule = "| --- |" + " ---: |" * len(PROPOSAL_MARKS)
    rows = [
        f"| {escape(name)} | " + " | ".join(str(counts[m]) for m in PROPOSAL_MARKS) + " |"
        for name, counts in compilation.by_proposal.items()
    ]
    blocks.append("\n".join([head, rule, *rows]))
    shown = entries(compilation, options.show_all)
    summary = escape(summary_line(compilation))
    conflicts = [escape(v.name) for v in shown if v.conflict]
    if conflicts:
        summary += "; **conflicts:** " + "; ".join(conflicts)
    blocks.append(summary)
    for view in shown:
        blocks.extend(_entry(view))
    return "\n\n".join(blocks) + "\n"


def _entry(view: EntryView) -> list[str]:
    path = f"`{view.entry.base[0]}` " if view.entry.base else ""
    flag = " — **conflict**" if view.conflict else " — *agreed*" if view.agreed else ""
    blocks = [f"## {path}{escape(view.name)}{flag}"]
    if view.base is not None:
        blocks.append(f"> {escape(view.base.text)}")
    items = []
    for p in view.positions:
        note = f" — {escape(p.note)}" if p.note else ""
        who = f"**{escape(p.mark)}** {escape(p.names)}"
        if p.unchanged:
            items.append(f"- {who}{note}")
        else:
            items.append(f"- {who}: {redline(p.change)}{note}")
    blocks.append("\n".join(items))
    return blocks
