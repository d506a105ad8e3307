"""``--format html``: the compiled document as one self-contained HTML page.

No network, no external file: styles and the small script are inline. A summary table
(MOD / ADD / SUP per proposal), links to the conflicts, a "Conflicts only" filter (a
checkbox: without script every provision stays shown), then each provision with its base
text and its positions, words marked ``<del>``/``<ins>`` (with text for screen readers).
Jinja2 with autoescape, in the diff report's template folder: every text is escaped.
"""

from __future__ import annotations

from resdiff.merge.compilation import PROPOSAL_MARKS, Compilation
from resdiff.render import RenderOptions
from resdiff.render.compiled.view import entries, summary_line, title
from resdiff.render.html import environment


def render(compilation: Compilation, options: RenderOptions) -> str:
    """The compiled document as HTML."""
    views = entries(compilation, options.show_all)
    return (
        environment()
        .get_template("compilation.html.j2")
        .render(
            title=title(compilation),
            base=compilation.base,
            summary=summary_line(compilation),
            proposals=compilation.proposals,
            marks=PROPOSAL_MARKS,
            counts=compilation.by_proposal,
            conflicts=[v for v in views if v.conflict],
            views=views,
        )
    )
