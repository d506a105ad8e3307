"""``--format json`` of a compilation: exactly the result's document, UTF-8 as is."""

from __future__ import annotations

import json

from compile_support import examples_compilation

from resdiff.render import RenderOptions
from resdiff.render.compiled import render


def test_json_is_the_document_with_a_final_newline() -> None:
    compilation = examples_compilation()
    out = render(compilation, "json", RenderOptions(show_all=False))
    assert isinstance(out, str)
    assert out.endswith("}\n")
    assert json.loads(out) == compilation.to_json()
    assert "children’s" in out  # not \u escaped
    assert len([e for e in json.loads(out)["entries"] if e["base"]]) == 45  # --all or not
