"""``--format json``: the ``resdiff/diff/v1`` / ``resdiff/tree-diff/v1`` documents (contract).

The document is ``result.to_json(show_all)`` serialised with two-space indentation,
non-ASCII kept as is (UTF-8), and a final newline. Key order is the order the change
model builds (never sorted by a hash), so the same result gives the same bytes on any
machine. Field-by-field description: docs/json-schema.md.
"""

from __future__ import annotations

import json

from resdiff.changes import Diff, TreeDiff
from resdiff.render import RenderOptions


def render(result: Diff | TreeDiff, options: RenderOptions) -> str:
    """Serialise ``result``; unchanged clauses are listed only with ``options.show_all``."""
    return json.dumps(result.to_json(options.show_all), ensure_ascii=False, indent=2) + "\n"
