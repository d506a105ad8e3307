"""``resdiff check`` from the command line: diagnostics, directories, exit codes, json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ITU_PP, RES_179_2018, SHARED_DATA

from resdiff.cli import main
from resdiff.cli.operands import RESOLUTION_SUFFIXES
from resdiff.parsing.check import check_paths, check_text, expand_paths
from resdiff.readers.docx import read_docx

CLEAN = (
    "RESOLUTION 9 (REV. DUBAI, 2018)\n\nA title\n\n"
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n\n"
    "considering\n\na) that one,\n\nresolves\n\n1 to act.\n"
)
NOISY = CLEAN.replace("a) that one,\n\nresolves", "a) that one, resolves").replace(
    "1 to act.", "1 to act; 3 to skip."
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_clean_file_exit_0_no_output(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["check", str(write(tmp_path, "a.txt", CLEAN))])
    assert result.exit_code == 0
    assert result.output == ""


def test_warnings_are_reported_compiler_style(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", NOISY)
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 0  # warnings only
    assert result.output == (
        f"{path}:9:14: warning: heading glued to the paragraph before it [glued-heading]\n"
    )


def test_label_problems_are_warnings(runner: CliRunner, tmp_path: Path) -> None:
    text = CLEAN.replace(
        "a) that one,", "a) that one;\n\nb) that two;\n\nd) that four;\n\nb) again,"
    )
    path = write(tmp_path, "gaps.txt", text)
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"{path}:13:1: warning: label d) after b): a label is missing [label-gap]",
        f"{path}:15:1: warning: label b) comes after d) [label-order]",
    ]


def test_unstructured_text_is_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "prose.txt", "Just some prose.\n\nAnother paragraph.\n")
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 0
    assert f"{path}:1:1: warning: no section heading found" in result.output
    assert "[no-structure]" in result.output
    assert "[no-number]" in result.output


def test_directory_recurses_into_txt_files(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path, "b/two.txt", NOISY)
    write(tmp_path, "a/one.txt", CLEAN)
    write(tmp_path, "a/notes.md", "not checked")
    write(tmp_path, ".git/x.txt", "hidden, not checked")
    assert expand_paths([str(tmp_path)]) == [
        str(tmp_path / "a" / "one.txt"),
        str(tmp_path / "b" / "two.txt"),
    ]
    result = runner.invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 0
    assert result.output.startswith(f"{tmp_path / 'b' / 'two.txt'}:9:14: warning:")


def findings(output: str, name: str) -> list[str]:
    """The findings of one file or resolution, without its name."""
    return [line[len(name) :] for line in output.splitlines() if line.startswith(name + ":")]


@pytest.mark.usefixtures("shared_data")
def test_word_documents_are_checked_as_their_text(runner: CliRunner, tmp_path: Path) -> None:
    """A .docx reads as its text with the tracked changes accepted, as ``diff`` reads it
    (it was refused as a binary file)."""
    docx = SHARED_DATA / "docx" / "res-179-2010-to-2018.tracked.docx"
    text = write(tmp_path, "res-179.txt", read_docx(docx))
    result = runner.invoke(main, ["check", str(docx), str(text)])
    assert result.exit_code == 0, result.output
    assert findings(result.output, str(docx)) == findings(result.output, str(text))
    assert "[glued-heading]" in result.output


@pytest.mark.usefixtures("shared_data")
def test_an_akoma_ntoso_collection_is_checked_resolution_by_resolution(
    runner: CliRunner,
) -> None:
    """Each component of the PP-18 excerpt, named PATH#<id>, has the findings of the plain
    text it was made from (its raw XML was checked as text)."""
    xml = SHARED_DATA / "akn" / "pp18-final-acts-excerpt.xml"
    result = runner.invoke(main, ["check", str(xml)])
    assert result.exit_code == 0, result.output
    names = sorted({line.split(":", 1)[0] for line in result.output.splitlines()})
    assert names == [f"{xml}#itu-pp/{n}" for n in ("dec-5", "res-179", "res-2", "res-71")]
    for name in names:
        plain = ITU_PP / "2018-dubai" / (name.rsplit("/", 1)[1] + ".txt")
        alone = runner.invoke(main, ["check", str(plain)])
        assert findings(result.output, name) == findings(alone.output, str(plain))


def test_a_directory_holds_word_and_akoma_ntoso_files_too(
    runner: CliRunner, tmp_path: Path
) -> None:
    write(tmp_path, "a/one.txt", CLEAN)
    write(tmp_path, "b/two.DOCX", b"not a zip")
    write(tmp_path, "b/~$two.docx", b"Word's lock file")
    write(tmp_path, "c/three.xml", "<notAkn/>")
    write(tmp_path, "c/notes.md", "not checked")
    assert expand_paths([str(tmp_path)], RESOLUTION_SUFFIXES) == [
        str(tmp_path / "a" / "one.txt"),
        str(tmp_path / "b" / "two.DOCX"),
        str(tmp_path / "c" / "three.xml"),
    ]
    result = runner.invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2
    troubles = result.stderr.splitlines()
    assert [t.split(": ", 2)[1] for t in troubles] == [
        str(tmp_path / "b" / "two.DOCX"),
        str(tmp_path / "c" / "three.xml"),
    ]


def test_trouble_is_exit_2_but_other_files_are_still_checked(
    runner: CliRunner, tmp_path: Path
) -> None:
    good = write(tmp_path, "good.txt", NOISY)
    bad = write(tmp_path, "bad.txt", b"ab\x00\x01")
    latin = write(tmp_path, "latin.txt", "caf\xe9".encode("latin-1"))
    result = runner.invoke(main, ["check", str(good), str(bad), str(latin), str(tmp_path / "no")])
    assert result.exit_code == 2
    assert "[glued-heading]" in result.stdout
    assert result.stderr.splitlines() == [
        f"resdiff: {bad}: looks like a binary file (NUL byte at offset 2)",
        f"resdiff: {latin}: not valid utf-8 at byte offset 3 (byte 0xe9);"
        " use --encoding to read another encoding",
        f"resdiff: {tmp_path / 'no'}: no such file",
    ]


def test_errors_exit_1(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An all-blank text is the parser's one error; read_text refuses empty files before it,
    # so check the library function directly and the exit status with a stubbed parser.
    assert [(d.level, d.code) for d in check_text("  \n\n ")] == [("error", "empty")]
    from resdiff.model import Diagnostic
    from resdiff.parsing import check as check_module

    monkeypatch.setattr(
        check_module,
        "check_text",
        lambda _text, _source=None: (Diagnostic("error", "x", "broken", 1, 1),),
    )
    result = runner.invoke(main, ["check", str(write(tmp_path, "a.txt", CLEAN))])
    assert result.exit_code == 1
    assert result.output.endswith(":1:1: error: broken [x]\n")


def test_json_output(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", NOISY)
    result = runner.invoke(main, ["check", "--format", "json", str(path)])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["schema"] == "resdiff/check/v1"
    assert data["summary"] == {"files": 1, "errors": 0, "warnings": 1, "trouble": 0}
    (entry,) = data["files"]
    assert entry["path"] == str(path)
    assert entry["trouble"] is None
    assert entry["diagnostics"] == [
        {
            "level": "warning",
            "code": "glued-heading",
            "message": "heading glued to the paragraph before it",
            "line": 9,
            "column": 14,
        }
    ]


@pytest.mark.usefixtures("shared_data")
def test_level_option(runner: CliRunner) -> None:
    seed = ITU_PP / "2010-guadalajara" / "res-179.seed-page.txt"
    quiet = runner.invoke(main, ["check", str(seed)])
    assert quiet.exit_code == 0
    assert quiet.output == ""
    verbose = runner.invoke(main, ["check", "--level", "info", str(seed)])
    assert verbose.output.splitlines() == [
        f"{seed}:1:1: info: text before the resolution kept as a region [site-text]",
        f"{seed}:67:1: info: text after the resolution kept as a region [site-text]",
    ]


@pytest.mark.usefixtures("shared_data")
def test_real_res179_repairs(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", str(RES_179_2018)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 8
    assert lines[0] == (
        f"{RES_179_2018}:95:318: warning: heading glued to the paragraph before it [glued-heading]"
    )


@pytest.mark.usefixtures("shared_data")
def test_whole_real_corpus_checks_without_errors() -> None:
    reports = check_paths([str(ITU_PP)])
    assert len(reports) == 57
    assert not any(r.trouble or r.errors for r in reports)
    assert sum(r.warnings for r in reports) > 100
