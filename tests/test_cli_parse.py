"""``resdiff parse`` and ``resdiff fmt`` from the command line (CliRunner), incl. bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RES_179_2018, SEED_PAGE

import resdiff
from resdiff.cli import main

SMALL = (
    "RESOLUTION 9 (REV. DUBAI, 2018)\n\nA title\n\n"
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n\n"
    "considering\n\na) that one;\n\nb) that two,\n\n"
    "resolves\n\n1 to act; ____________________ 1 A footnote.\n\n"
    "2 to report, instructs the Council\n\n"
    "to do it.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(tmp_path: Path, text: str | bytes, name: str = "r.txt") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def test_parse_text_outline(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["parse", str(write(tmp_path, SMALL))])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "header/number  RESOLUTION 9 (REV. DUBAI, 2018)\n"
        "header/title  A title\n"
        "header/formula  The Plenipotentiary Conference of the International Telecommunication"
        " Union (Dubai, 2018),\n"
        "\n"
        "considering  [considering]\n"
        "  considering/a  a) that one;\n"
        "  considering/b  b) that two,\n"
        "\n"
        "resolves  [resolves]\n"
        "  resolves/1  1 to act;\n"
        "  resolves/2  2 to report,\n"
        "\n"
        "instructs the Council  [instructs-the-council]\n"
        "  instructs-the-council/#1  to do it.\n"
        "\n"
        "footnotes/1  1 A footnote.\n"
    )


def test_parse_json(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, SMALL)
    result = runner.invoke(main, ["parse", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"] == "resdiff/parse/v1"
    assert data["source"] == str(path)
    assert data["header"]["number"]["text"] == "RESOLUTION 9 (REV. DUBAI, 2018)"
    assert [s["key"] for s in data["sections"]] == [
        "considering",
        "resolves",
        "instructs-the-council",
    ]
    assert data["sections"][0]["part"] == "preamble"
    clause = data["sections"][1]["clauses"][1]
    assert clause == {
        "path": "resolves/2",
        "label": "2",
        "text": "to report,",
        "section": "resolves",
        "line": 17,
        "column": 1,
        "children": [],
    }
    assert data["footnotes"][0]["path"] == "footnotes/1"
    codes = [(d["code"], d["line"]) for d in data["diagnostics"]]
    assert codes == [("inline-footnote", 15), ("glued-heading", 17)]
    # deterministic: the same bytes twice
    again = runner.invoke(main, ["parse", "--format", "json", str(path)])
    assert again.output == result.output


@pytest.mark.usefixtures("shared_data")
def test_parse_real_2018(runner: CliRunner) -> None:
    result = runner.invoke(main, ["parse", str(RES_179_2018)])
    assert result.exit_code == 0
    assert "  invites-member-states/10  10 to involve communities" in result.output
    assert "requests the ITU Council  [requests-the-itu-council]" in result.output


@pytest.mark.usefixtures("shared_data")
def test_fmt_prints_canonical_seed(runner: CliRunner) -> None:
    result = runner.invoke(main, ["fmt", str(SEED_PAGE)])
    assert result.exit_code == 0
    assert result.output.startswith("RESOLUTION 179 (Guadalajara, 2010)\n\n")
    assert "Leave a Response" not in result.output
    assert result.output == resdiff.parse(SEED_PAGE.read_text(encoding="utf-8")).to_text()


def test_fmt_check_and_write(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, SMALL)
    check = runner.invoke(main, ["fmt", "--check", str(path)])
    assert check.exit_code == 1
    assert check.stderr == f"{path}: not in canonical form (run: resdiff fmt -w {path})\n"
    assert path.read_text(encoding="utf-8") == SMALL  # --check writes nothing
    written = runner.invoke(main, ["fmt", "-w", str(path)])
    assert written.exit_code == 0
    canonical = path.read_text(encoding="utf-8")
    assert canonical == resdiff.parse(SMALL).to_text()
    assert "\n\ninstructs the Council\n\nto do it.\n\n____________________\n\n1 A footnote.\n" in (
        canonical
    )
    again = runner.invoke(main, ["fmt", "--check", str(path)])
    assert again.exit_code == 0
    assert again.output == ""
    assert list(tmp_path.iterdir()) == [path]  # no temporary files left


def test_fmt_write_and_check_together_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["fmt", "-w", "--check", str(write(tmp_path, SMALL))])
    assert result.exit_code == 2
    assert "not both" in result.output


def test_bom_and_crlf_are_read_and_kept(runner: CliRunner, tmp_path: Path) -> None:
    text = "\ufeff" + SMALL.replace("\n", "\r\n")
    path = write(tmp_path, text)
    result = runner.invoke(main, ["parse", str(path)])
    assert result.exit_code == 0
    assert "considering/a  a) that one;" in result.output
    parsed = resdiff.parse(path.read_bytes().decode("utf-8"))
    assert parsed.to_source() == text
    assert [c.text for c in parsed.clauses()] == [c.text for c in resdiff.parse(SMALL).clauses()]
    assert runner.invoke(main, ["fmt", "--check", str(path)]).exit_code == 1


def test_encoding_option(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, SMALL.replace("A title", "Un titre été").encode("latin-1"))
    bad = runner.invoke(main, ["parse", str(path)])
    assert bad.exit_code == 2
    good = runner.invoke(main, ["parse", "--encoding", "latin-1", str(path)])
    assert good.exit_code == 0
    assert "header/title  Un titre été" in good.output


@pytest.mark.parametrize("command", ["parse", "fmt"])
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"RESOLUTION 1\n\xff\xfe bad", "not valid utf-8 at byte offset 13"),
        (b"\x00\x01\x02binary", "looks like a binary file (NUL byte at offset 0)"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    runner: CliRunner, tmp_path: Path, command: str, content: bytes, message: str
) -> None:
    path = write(tmp_path, content)
    result = runner.invoke(main, [command, str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"resdiff: {path}: ")
    assert message in result.stderr


@pytest.mark.parametrize("command", ["parse", "fmt"])
def test_missing_and_directory_operands(runner: CliRunner, tmp_path: Path, command: str) -> None:
    missing = runner.invoke(main, [command, str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2
    assert missing.stderr == f"resdiff: {tmp_path / 'nope.txt'}: no such file\n"
    directory = runner.invoke(main, [command, str(tmp_path)])
    assert directory.exit_code == 2
    assert directory.stderr == f"resdiff: {tmp_path}: is a directory, expected a file\n"


def test_unreadable_file(runner: CliRunner, tmp_path: Path) -> None:
    import os

    path = write(tmp_path, SMALL)
    path.chmod(0)
    if os.geteuid() != 0:
        result = runner.invoke(main, ["parse", str(path)])
        assert result.exit_code == 2
        assert result.stderr == f"resdiff: {path}: permission denied\n"
    # Root reads any file whatever its mode: use one the kernel refuses to read.
    mem = Path("/proc/self/mem")
    if mem.exists():
        result = runner.invoke(main, ["parse", str(mem)])
        assert result.exit_code == 2
        assert result.stderr == f"resdiff: {mem}: cannot read (Input/output error)\n"


def test_fmt_write_failure_leaves_file_intact(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, SMALL)
    whitespace = write(tmp_path, "   \n\n", "blank.txt")
    result = runner.invoke(main, ["fmt", "-w", str(path), str(whitespace)])
    assert result.exit_code == 2
    assert path.read_text(encoding="utf-8") == SMALL  # all or nothing: nothing written


def test_commands_are_documented(runner: CliRunner) -> None:
    for command in ("parse", "fmt", "check"):
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0
        assert "Usage: " in result.output
        assert "--encoding" in result.output
