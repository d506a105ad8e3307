"""``--format html``: the compiled document as one self-contained HTML page.

No network, no external file: styles and the small script are inline. A summary table
(MOD / ADD / SUP per proposal), links to the conflicts, a "Conflicts only" filter (a
checkbox: without script every provision stays shown), then each provision with its base
text and its positions, words marked ``<del>``/``<ins>`` (with text for screen readers).
Jinja2 with autoescape, in the diff report's template folder: every text is escaped.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

import jinja2

from resdiff.merge.compilation import PROPOSAL_MARKS, Compilation
from resdiff.render import RenderOptions
from resdiff.render.compiled.view import entries, summary_line, title


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
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


def _frag(anchor: str) -> str:
    """``#`` + the anchor, percent-encoded as a URL fragment (``#1`` → ``%231``)."""
    return "#" + quote(anchor, safe="/:~-._!$&'()*+,;=@")


def render(compilation: Compilation, options: RenderOptions) -> str:
    """The compiled document as HTML."""
    views = entries(compilation, options.show_all)
    return (
        _environment()
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
