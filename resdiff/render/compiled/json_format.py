"""``--format json``: the ``resdiff/compilation/v1`` document (contract, docs/json-schema.md).

Exactly ``json.dumps(compilation.to_json(), ensure_ascii=False, indent=2)`` and a final
newline: UTF-8 as is, keys in the order the result builds them.
"""

from __future__ import annotations

import json

from resdiff.merge.compilation import Compilation
from resdiff.render import RenderOptions


def render(compilation: Compilation, options: RenderOptions) -> str:  # noqa: ARG001
    """Serialise ``compilation`` (no option changes the document)."""
    return json.dumps(compilation.to_json(), ensure_ascii=False, indent=2) + "\n"
