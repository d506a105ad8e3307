"""Writing Akoma Ntoso: valid against the OASIS schema, FRBR and eIds as documented, and
read back to exactly the same clauses, on every real text."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RES_179_2018, SHARED_DATA, real_files

import resdiff
from resdiff.cli import main
from resdiff.readers.akn import read_akn, read_akn_components
from resdiff.writers.akn import AknMeta, eid, meta_for, to_akn

XSD = SHARED_DATA / "akn" / "akomantoso30.xsd"


@pytest.fixture(scope="module")
def schema() -> object:
    if not XSD.is_file():
        pytest.skip(f"the Akoma Ntoso schema is not at {XSD} (set RESDIFF_SHARED_DATA)")
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(XSD)))


def clauses(res: resdiff.Resolution) -> list[tuple[str, str | None, str, str]]:
    return [(c.path, c.label, c.section, c.text) for c in res.clauses()]


@pytest.mark.usefixtures("shared_data")
def test_every_real_text_validates_and_reads_back_the_same(schema: object, tmp_path: Path) -> None:
    from lxml import etree

    files = real_files()
    assert len(files) >= 57
    for path in files:
        res = resdiff.parse(path.read_text(encoding="utf-8"), str(path))
        data = to_akn(res)
        assert schema.validate(etree.fromstring(data)), (path, schema.error_log)  # type: ignore[attr-defined]
        out = tmp_path / "res.xml"
        out.write_bytes(data)
        assert clauses(resdiff.parse(read_akn(out))) == clauses(res), path


UN_FILES = ("res-179.un-layout.txt", "res-2.un-layout.txt", "res-71.un-layout.txt")

#: A Human Rights Council resolution: symbol, agenda and adoption lines, a masthead (kept
#: as regions, not clauses), sub-paragraphs of a PP and of an OP.
HRC = """\
United Nations

A/HRC/RES/20/8

Agenda item 3

Resolution adopted by the Human Rights Council on 5 July 2012

20/8. The promotion, protection and enjoyment of human rights on the Internet

The Human Rights Council,

Guided by the Charter of the United Nations,

Recognizing that the issue is of increasing interest:

(a) for States;

(b) for civil society,

1. Affirms that the same rights must also be protected online;

2. Decides to continue its consideration of the matter: (a) at its next session; (b) in a panel:

(i) with experts;

(ii) with States;

3. Requests the Secretary-General to report.
"""


@pytest.mark.parametrize("name", UN_FILES)
def test_un_layout_texts_validate_and_read_back_the_same(
    name: str, schema: object, tmp_path: Path
) -> None:
    from lxml import etree

    path = SHARED_DATA / "un-layout" / name
    if not path.is_file():
        pytest.fail(f"UN-layout text missing: {path} (set RESDIFF_SHARED_DATA)")
    res = resdiff.parse(path.read_text(encoding="utf-8"), str(path))
    assert res.layout == "un"
    target = tmp_path / "res.xml"
    exported = CliRunner().invoke(main, ["export", str(path), "-o", str(target)])
    assert exported.exit_code == 0, exported.output
    assert schema.validate(etree.parse(str(target))), schema.error_log  # type: ignore[attr-defined]
    back = resdiff.parse(read_akn(target))
    assert back.layout == "un"
    assert clauses(back) == clauses(res)
    # the part names are not printed in the text, so not in the XML either
    assert back.to_text() == res.to_text()
    again = CliRunner().invoke(main, ["diff", str(path), str(target)])
    assert again.exit_code == 0, again.output
    assert "no differences" in again.output


def test_un_layout_header_parts_and_frbr(schema: object, tmp_path: Path) -> None:
    from lxml import etree

    res = resdiff.parse(HRC)
    assert {"header/symbol", "header/agenda", "operative/2/b/ii", "preamble/2/b"} <= {
        c.path for c in res.clauses()
    }
    assert meta_for(res) == AknMeta("un-hrc", "res-20-8", "2012-07-05")
    assert meta_for(res, "un-hrc/res-20-8", "2012-07-06").date == "2012-07-06"
    data = to_akn(res)
    assert schema.validate(etree.fromstring(data)), schema.error_log  # type: ignore[attr-defined]
    text = data.decode("utf-8")
    assert '<container name="symbol" eId="header__symbol">' in text
    assert '<docNumber>20/8</docNumber>. <docTitle eId="header__title">' in text
    assert '<recital eId="preamble__2">' in text
    assert '<paragraph eId="operative__2__b__ii">' not in text  # a point, not a paragraph
    assert '<point eId="operative__2__b__ii">' in text
    out = tmp_path / "hrc.xml"
    out.write_bytes(data)
    assert clauses(resdiff.parse(read_akn(out))) == clauses(res)
    assert read_akn_components(out)[0].id == "un-hrc/res-20-8"
    assert read_akn_components(out)[0].adopted == "2012-07-05"


def test_eids_follow_the_clause_paths() -> None:
    assert eid("considering/a") == "considering__a"
    assert eid("resolves/1/i") == "resolves__1__i"
    assert eid("requests-the-council/#1") == "requests-the-council___u1"
    assert eid("annex~2/recalling~2/b") == "annex_2__recalling_2__b"
    assert eid("header/number") == "header__number"


def test_frbr_identification_in_akn4un_style(res179_2018_text: str) -> None:
    res = resdiff.parse(res179_2018_text)
    assert meta_for(res) == AknMeta("itu-pp", "res-179", "2018-01-01", "year")
    data = to_akn(res, meta_for(res, "itu-pp/res-179", "2018-11-15")).decode("utf-8")
    work = "/akn/un/statement/deliberation/itu-pp/2018-11-15/res-179"
    assert f'<FRBRthis value="{work}/!main"/>' in data
    assert f'<FRBRthis value="{work}/eng@2018-11-15/!main"/>' in data
    assert f'<FRBRthis value="{work}/eng@2018-11-15/.xml"/>' in data
    assert '<FRBRdate date="2018-11-15" name="adoption"/>' in data
    assert '<recital eId="recognizing__a">' in data
    assert '<paragraph eId="resolves__1">' in data
    assert to_akn(res) == to_akn(resdiff.parse(res179_2018_text))  # deterministic


def test_text_is_escaped_and_control_characters_replaced(tmp_path: Path) -> None:
    res = resdiff.parse(
        "RESOLUTION 1 (X, 2020)\n\nconsidering\n\na) that <b>&amp;</b> \x01 matters,\n"
    )
    data = to_akn(res)
    assert b"&lt;b&gt;&amp;amp;&lt;/b&gt; \xef\xbf\xbd matters" in data
    out = tmp_path / "r.xml"
    out.write_bytes(data)
    assert "that <b>&amp;</b> \ufffd matters," in read_akn(out)


@pytest.mark.usefixtures("shared_data")
def test_cli_export_to_a_file_and_to_stdout(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "res-179.akn.xml"
    result = runner.invoke(main, ["export", str(RES_179_2018), "-o", str(target)])
    assert result.exit_code == 0, result.output
    shown = runner.invoke(main, ["export", str(RES_179_2018), "--format", "akn"])
    assert shown.stdout_bytes == target.read_bytes()
    again = runner.invoke(main, ["diff", str(RES_179_2018), str(target)])
    assert again.exit_code == 0
    assert "no differences" in again.output


def test_cli_export_of_a_corpus_revision_carries_its_adoption_date(tmp_path: Path) -> None:
    runner = CliRunner()
    corpus = tmp_path / "c"
    assert runner.invoke(main, ["init", str(corpus)]).exit_code == 0
    source = tmp_path / "res-9.txt"
    source.write_text(
        "RESOLUTION 9 (Dubai, 2018)\n\nA title\n\nresolves\n\n1 to act;\n", encoding="utf-8"
    )
    added = runner.invoke(
        main,
        ["add", "--corpus", str(corpus), str(source), "--resolution", "itu-pp/res-9",
         "--revision", "dubai-2018", "--adopted", "2018-11-15"],
    )  # fmt: skip
    assert added.exit_code == 0, added.output + added.stderr
    result = runner.invoke(main, ["export", "--corpus", str(corpus), "res-9@dubai-2018"])
    assert result.exit_code == 0, result.stderr
    assert '<FRBRdate date="2018-11-15" name="adoption"/>' in result.output
    assert "/itu-pp/2018-11-15/res-9/!main" in result.output
    bad = runner.invoke(main, ["export", "--corpus", str(corpus), "res-9@nowhere-1999"])
    assert bad.exit_code == 2
    assert len(bad.stderr.strip().splitlines()) == 1


def test_cli_export_refuses_a_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(tmp_path)])
    assert result.exit_code == 2
    assert "export writes one resolution" in result.stderr


def test_git_is_not_needed_for_a_file(tmp_path: Path) -> None:
    source = tmp_path / "r.txt"
    source.write_text("RESOLUTION 2 (X, 2020)\n\nresolves\n\n1 to act;\n", encoding="utf-8")
    out = subprocess.run(
        ["python", "-m", "resdiff", "export", str(source)], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert "<akomaNtoso" in out.stdout
