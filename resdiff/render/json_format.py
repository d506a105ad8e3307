"""``--format json``: the ``resdiff/diff/v1`` / ``resdiff/tree-diff/v1`` documents (contract).

The document is exactly ``json.dumps(result.to_json(show_all), ensure_ascii=False,
indent=2)`` plus a final newline: non-ASCII kept as is (UTF-8), key order as the change
model builds it (never a hash order), so the same result gives the same bytes on any
machine. Field-by-field description: docs/json-schema.md.

A tree diff is serialised one resolution at a time into that same text, so that the
whole document never exists twice as Python objects (a dict tree and the encoder's
chunks): for 2,000 resolutions that is the difference between ~50 MB and ~1 MB of peak
overhead.
"""

from __future__ import annotations

import json
from typing import Any

from resdiff.changes import Diff, TreeDiff
from resdiff.render import RenderOptions

#: The key of the list of resolutions in a tree-diff document.
_ENTRIES = '"resolutions": []'


def render(result: Diff | TreeDiff, options: RenderOptions) -> str:
    """Serialise ``result``; unchanged clauses are listed only with ``options.show_all``."""
    if isinstance(result, TreeDiff):
        return _tree(result, options.show_all) + "\n"
    return _dumps(result.to_json(options.show_all)) + "\n"


def _dumps(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


def _tree(tree: TreeDiff, show_all: bool) -> str:
    """The tree document, byte for byte what ``_dumps(tree.to_json(show_all))`` gives."""
    skeleton = _dumps(TreeDiff(tree.old_source, tree.new_source, ()).to_json(show_all))
    if not tree.entries:
        return skeleton
    at = skeleton.rindex(_ENTRIES)  # a key, never inside a string value (quotes are escaped)
    items = ",\n".join(
        "\n".join("    " + line for line in _dumps(entry.to_json(show_all)).split("\n"))
        for entry in tree.entries
    )
    return f'{skeleton[:at]}"resolutions": [\n{items}\n  ]{skeleton[at + len(_ENTRIES) :]}'
