"""The compiled document as Word: a table provision | base text | proposals, deleted words
struck through and inserted ones underlined; deterministic bytes; LibreOffice opens it."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from compile_support import examples_compilation

from resdiff.render import RenderOptions
from resdiff.render.compiled import render


def document() -> tuple[bytes, Any]:
    data = render(examples_compilation(), "docx", RenderOptions())
    assert isinstance(data, bytes)
    return data, docx.Document(io.BytesIO(data))


def test_one_row_per_provision_with_marks_as_formatting() -> None:
    _, doc = document()
    summary, table = doc.tables
    assert [c.text for c in summary.rows[1].cells] == ["ALPHA", "2", "1", "0"]
    assert [c.text for c in table.rows[0].cells] == ["Provision", "Base text", "Proposals"]
    rows = {r.cells[0].paragraphs[0].text: r for r in table.rows[1:]}
    assert list(rows) == [
        "new after considering c)",
        "considering d)",
        "recalling f)",
        "resolves 1",
        "instructs the Secretary-General 4",
    ]
    conflict = rows["considering d)"]
    assert "CONFLICT" in conflict.cells[0].text
    assert conflict.cells[1].text.startswith("that parents, guardians and educators are not")
    bravo = next(p for p in conflict.cells[2].paragraphs if "BRAVO" in p.text)
    assert [r.text for r in bravo.runs if r.font.strike] == ["educators"]
    assert [r.text for r in bravo.runs if r.font.underline] == [", educators", "communities"]
    assert bravo.runs[0].text == "MOD"
    assert bravo.runs[0].bold
    assert "agreed" in rows["resolves 1"].cells[0].text


def test_same_input_same_bytes() -> None:
    assert document()[0] == document()[0]


def test_libreoffice_opens_it(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is not installed (.ci/run installs it)")
    source = tmp_path / "compiled.docx"
    source.write_bytes(document()[0])
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "txt:Text",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = (tmp_path / "compiled.txt").read_text(encoding="utf-8-sig")
    assert "Compilation of proposals on RESOLUTION 179 (Guadalajara, 2010)" in text
    assert "ALPHA = BRAVO" in text
    assert "CONFLICT" in text
