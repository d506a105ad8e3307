"""``--format text``: the compiled document as plain text (``term`` adds colour).

Layout::

    === Compilation of proposals on RESOLUTION 179 (Guadalajara, 2010)
    base: corpus/itu-pp/res-179.txt
    proposals: ALPHA (examples/proposals/ALPHA.txt), BRAVO (…), CHARLIE (…)

    summary: 45 clauses; 5 touched, 1 agreed, 1 conflict
      ALPHA    MOD 2  ADD 1  SUP 0
      …

    considering/d  considering d)  CONFLICT
      base:  that parents, guardians and educators are not always aware …
      MOD    BRAVO: that parents, guardians{+, educators+} and [-educators-]{+communities+} …
      MOD    CHARLIE: …
      NOC    ALPHA — now considering e)

Deleted words read ``[-…-]``, inserted ones ``{+…+}``, by the diff report's own redline
(:func:`resdiff.render.text.redline`) and :class:`~resdiff.render.text.Style`.
"""

from __future__ import annotations

from resdiff.merge.compilation import PROPOSAL_MARKS, Compilation
from resdiff.render import RenderOptions
from resdiff.render.compiled.view import EntryView, entries, summary_line, title
from resdiff.render.text import INDENT, PLAIN, Style, redline
from resdiff.render.wording import printable


def render(compilation: Compilation, options: RenderOptions) -> str:
    """The compiled document as plain text (no colour, whatever ``options.color``)."""
    return render_styled(compilation, options, PLAIN)


def render_styled(compilation: Compilation, options: RenderOptions, style: Style) -> str:
    """Render with ``style``; every line ends with a newline; same input, same bytes."""
    lines = [style.heading(printable(f"=== {title(compilation)}"))]
    lines.append(printable(f"base: {compilation.base.source or '(unnamed)'}"))
    proposals = ", ".join(f"{p.name} ({p.source or 'unnamed'})" for p in compilation.proposals)
    lines.append(printable(f"proposals: {proposals}"))
    lines += ["", style.note(f"summary: {summary_line(compilation)}")]
    width = max(len(p.name) for p in compilation.proposals)
    for name, counts in compilation.by_proposal.items():
        figures = "  ".join(f"{mark} {counts[mark]}" for mark in PROPOSAL_MARKS)
        lines.append(printable(f"{INDENT}{name:<{width}}  {figures}"))
    shown = entries(compilation, options.show_all)
    conflicts = [v.name for v in shown if v.conflict]
    if conflicts:
        lines.append(style.note(printable("conflicts: " + "; ".join(conflicts))))
    for view in shown:
        lines += ["", *_entry(view, style)]
    return "".join(line + "\n" for line in lines)


def _entry(view: EntryView, style: Style) -> list[str]:
    path = view.entry.base[0] if view.entry.base else f"after {view.entry.after or '(start)'}"
    flag = "  CONFLICT" if view.conflict else "  agreed" if view.agreed else ""
    lines = [style.heading(printable(f"{path}  {view.name}{flag}"))]
    if view.base is not None:
        lines.append(f"{INDENT}{'base:':<7}{printable(view.base.text)}")
    for p in view.positions:
        note = f" — {p.note}" if p.note else ""
        head = f"{INDENT}{p.mark:<7}{printable(p.names)}"
        if p.unchanged:
            lines.append(style.mark("NOC", head + printable(note)))
        else:
            lines.append(f"{style.mark(p.mark, head)}: {redline(p.change, style)}{printable(note)}")
    return lines
