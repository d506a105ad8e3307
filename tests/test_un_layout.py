"""Reading resolutions in the UN layout (resdiff/parsing/un_layout.py): detection, header
parts, PP/OP paths, sub-paragraphs, lossless round trip, ``--layout`` on the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SHARED_DATA, real_files

import resdiff
from resdiff.cli import main
from resdiff.parsing.un_layout import detect_layout

UN_LAYOUT = SHARED_DATA / "un-layout"
UN_FILES = ("res-179.un-layout.txt", "res-2.un-layout.txt", "res-71.un-layout.txt")

#: A Human Rights Council resolution with the masthead lines of a real UN document,
#: a document symbol, an agenda item, and sub-paragraphs inline and on their own lines.
HRC = """\
United Nations

A/HRC/RES/20/8

Human Rights Council
Twentieth session
Agenda item 3

Resolution adopted by the Human Rights Council on 5 July 2012

20/8. The promotion, protection and enjoyment of human rights on the Internet

The Human Rights Council,

Guided by the Charter of the United Nations,

Recognizing that the exercise of human rights on the Internet is an issue of increasing interest:

(a) for States;

(b) for civil society,

1. Affirms that the same rights that people have offline must also be protected online;

2. Decides to continue its consideration of the matter: (a) at its next session; (b) in a panel:

(i) with experts;

(ii) with States;

3. Requests the Secretary-General to report.
"""


def _un_text(name: str) -> str:
    path = UN_LAYOUT / name
    if not path.is_file():
        pytest.fail(f"UN-layout text missing: {path} (set RESDIFF_SHARED_DATA)")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", UN_FILES)
def test_shared_texts_read_as_preamble_and_operative(name: str) -> None:
    text = _un_text(name)
    res = resdiff.parse(text, name)
    lines = [line for line in text.split("\n") if line.strip()]
    # read independently of the parser: after the formula, numbered lines are OPs
    body = lines[lines.index("The General Assembly,") + 1 :]
    ops = [line for line in body if re.match(r"\d+\. ", line)]
    pps = [line for line in body if not re.match(r"\d+\. ", line)]
    assert res.layout == "un"
    assert [s.key for s in res.sections] == ["preamble", "operative"]
    assert [s.part for s in res.sections] == ["preamble", "operative"]
    preamble, operative = res.sections
    assert [c.path for c in preamble.clauses] == [f"preamble/{i}" for i in range(1, len(pps) + 1)]
    assert [c.text for c in preamble.clauses] == pps
    assert all(c.label is None for c in preamble.clauses)
    assert [c.path for c in operative.clauses] == [f"operative/{i}" for i in range(1, len(ops) + 1)]
    assert [f"{c.label} {c.text}" for c in operative.clauses] == ops
    number, title = lines[1].split(". ", 1)
    assert res.header.adopted is not None
    assert res.header.adopted.text == lines[0]
    assert res.number == number
    assert res.title == title
    assert res.formula == "The General Assembly,"
    assert [p.path for p in res.header.parts()] == [
        "header/adopted",
        "header/number",
        "header/title",
        "header/formula",
    ]
    assert not [d for d in res.diagnostics if d.level != "info"]


@pytest.mark.parametrize("name", UN_FILES)
def test_shared_texts_round_trip(name: str) -> None:
    text = _un_text(name)
    res = resdiff.parse(text, name)
    assert res.to_source() == text
    canonical = res.to_text()
    again = resdiff.parse(canonical)
    assert again.to_text() == canonical
    assert [(c.path, c.label, c.text) for c in again.clauses()] == [
        (c.path, c.label, c.text) for c in res.clauses()
    ]
    # the shared texts are written in the canonical form already: the layout is kept
    assert canonical == text if text.endswith("\n") else canonical == text + "\n"


@pytest.mark.usefixtures("shared_data")
def test_itu_texts_are_not_read_as_un() -> None:
    itu = [p for p in real_files() if "un-layout" not in p.parts]
    assert itu
    assert [p.name for p in itu if detect_layout(p.read_text(encoding="utf-8")) != "itu"] == []


def test_hrc_header_parts_and_regions() -> None:
    res = resdiff.parse(HRC, "hrc.txt")
    parts = {p.path: p.text for p in res.header.parts()}
    assert parts == {
        "header/symbol": "A/HRC/RES/20/8",
        "header/agenda": "Agenda item 3",
        "header/adopted": "Resolution adopted by the Human Rights Council on 5 July 2012",
        "header/number": "20/8",
        "header/title": "The promotion, protection and enjoyment of human rights on the Internet",
        "header/formula": "The Human Rights Council,",
    }
    # masthead lines that are no header part are kept, not lost
    assert [r.text for r in res.regions] == [
        "United Nations",
        "Human Rights Council",
        "Twentieth session",
    ]
    assert res.to_source() == HRC


def test_hrc_sub_paragraphs_inline_and_on_their_own_lines() -> None:
    res = resdiff.parse(HRC, "hrc.txt")
    got = [(c.path, c.label, c.text) for s in res.sections for c in s.walk()]
    assert got == [
        ("preamble/1", None, "Guided by the Charter of the United Nations,"),
        (
            "preamble/2",
            None,
            "Recognizing that the exercise of human rights on the Internet is an issue of"
            " increasing interest:",
        ),
        ("preamble/2/a", "(a)", "for States;"),
        ("preamble/2/b", "(b)", "for civil society,"),
        (
            "operative/1",
            "1.",
            "Affirms that the same rights that people have offline must also be protected online;",
        ),
        ("operative/2", "2.", "Decides to continue its consideration of the matter:"),
        ("operative/2/a", "(a)", "at its next session;"),
        ("operative/2/b", "(b)", "in a panel:"),
        ("operative/2/b/i", "(i)", "with experts;"),
        ("operative/2/b/ii", "(ii)", "with States;"),
        ("operative/3", "3.", "Requests the Secretary-General to report."),
    ]
    canonical = res.to_text()
    assert "2. Decides to continue its consideration of the matter:\n\n(a) at its" in canonical
    assert "20/8. The promotion" in canonical
    again = resdiff.parse(canonical)
    assert [(c.path, c.text) for c in again.clauses()] == [(c.path, c.text) for c in res.clauses()]


def test_forced_layout() -> None:
    # read as ITU, the UN text is one headless section of unlabelled paragraphs
    as_itu = resdiff.parse(HRC, layout="itu")
    assert as_itu.layout == "itu"
    assert "operative/1" not in {c.path for c in as_itu.clauses()}
    # an ITU-looking text forced into the UN layout: every paragraph is a PP
    itu = "RESOLUTION 9 (REV. DUBAI, 2018)\n\nconsidering\n\na) that one;\n"
    as_un = resdiff.parse(itu, layout="un")
    assert as_un.layout == "un"
    assert as_un.to_source() == itu
    assert [(c.path, c.text) for c in as_un.clauses()] == [
        ("preamble/1", "RESOLUTION 9 (REV. DUBAI, 2018)"),
        ("preamble/2", "considering"),
        ("preamble/3", "a) that one;"),
    ]


def test_unnumbered_operative_paragraph_is_reported() -> None:
    text = "The General Assembly,\n\nNoting this,\n\n1. Decides;\n\nand then something.\n"
    res = resdiff.parse(text)
    assert [c.path for c in res.clauses()] == [
        "header/formula",
        "preamble/1",
        "operative/1",
        "operative/#2",
    ]
    assert [(d.code, d.line) for d in res.diagnostics] == [
        ("no-number", 1),
        ("unnumbered-operative", 7),
    ]


# -- the CLI ----------------------------------------------------------------------------


def test_cli_parse_shows_un_paths(tmp_path: Path) -> None:
    path = tmp_path / "hrc.txt"
    path.write_text(HRC, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    assert "header/symbol  A/HRC/RES/20/8\n" in result.output
    assert "  operative/2/b/i  (i) with experts;\n" in result.output
    data = json.loads(CliRunner().invoke(main, ["parse", str(path), "-f", "json"]).output)
    assert data["layout"] == "un"
    assert list(data["header"]) == ["number", "title", "formula", "adopted", "symbol", "agenda"]
    forced = CliRunner().invoke(main, ["parse", str(path), "--layout", "itu", "-f", "json"])
    assert "layout" not in json.loads(forced.output)


def test_cli_fmt_check_keeps_the_un_layout() -> None:
    files = [str(UN_LAYOUT / name) for name in UN_FILES]
    for name in UN_FILES:
        _un_text(name)
    result = CliRunner().invoke(main, ["fmt", "--check", *files])
    assert result.exit_code == 0, result.output
    check = CliRunner().invoke(main, ["check", *files])
    assert (check.exit_code, check.output) == (0, "")


def test_cli_layout_option_is_validated(tmp_path: Path) -> None:
    path = tmp_path / "hrc.txt"
    path.write_text(HRC, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(path), "--layout", "eu"])
    assert result.exit_code == 2
    assert "'eu' is not one of 'itu', 'un'" in result.output
