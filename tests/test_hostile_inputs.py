"""Hostile input to every command that reads files (issue 13).

Binary, NUL bytes, not UTF-8, UTF-16/32, empty, whitespace only, a directory, a missing
file: exit 2, nothing on standard output, one line on standard error naming the file and
what is wrong, no traceback, nothing written. A UTF-8 BOM, CRLF and CR-only line ends,
right-to-left text, combining marks and zero-width characters are accepted and kept;
control characters and ANSI escapes never reach a terminal raw. The big inputs (20,000
sections, 25,000 bare labels, one 10 MB line, a 5 MB resolution in every format) run in
a subprocess under a memory limit and a time limit: one here, all of them in
``scripts/hostile_inputs.py``.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RES_179_2018
from corpus_support import new_corpus, snapshot

import resdiff
from resdiff.cli import main

ESC = "\x1b"
#: Each hostile file's bytes, from the real Res 179 (2018) text, and the error it gives.
REFUSED: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "binary": (lambda t: bytes(range(256)) * 4, "looks like a binary file (NUL byte at offset 0)"),
    "nul-late": (lambda t: t + b"\n" * 9000 + b"x\x00y\n", "looks like a binary file (NUL byte"),
    "latin-1": (
        lambda t: t + "caf\xe9\n".encode("latin-1"),
        "not valid utf-8 at byte offset",
    ),
    "utf-16": (
        lambda t: t.decode("utf-8").encode("utf-16"),
        "is UTF-16 (byte-order mark at offset 0), not utf-8; convert it to UTF-8 or use"
        " --encoding utf-16",
    ),
    "utf-32": (lambda t: t.decode("utf-8").encode("utf-32"), "is UTF-32 (byte-order mark"),
    "empty": (lambda t: b"", "file is empty"),
    "whitespace": (lambda t: b" \n\t\r\n  \n", "file is empty (whitespace only)"),
}


@pytest.fixture(scope="module")
def real_bytes() -> bytes:
    if not RES_179_2018.is_file():
        pytest.skip(f"real texts not found at {RES_179_2018} (set RESDIFF_SHARED_DATA)")
    return RES_179_2018.read_bytes()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def commands(bad: str, good: str) -> dict[str, list[str]]:
    """Every file-reading command, with ``bad`` where it reads a file."""
    return {
        "parse": ["parse", bad],
        "parse-json": ["parse", "-f", "json", bad],
        "fmt": ["fmt", bad],
        "fmt-check": ["fmt", "--check", bad],
        "check": ["check", bad],
        "diff-old": ["diff", bad, good],
        "diff-new": ["diff", good, bad, "-f", "html"],
    }


def assert_trouble(result: object, where: str, message: str) -> None:
    """Exit 2, no output, one line on stderr naming ``where`` and saying ``message``."""
    assert getattr(result, "exit_code", None) == 2, getattr(result, "output", "")
    assert getattr(result, "stdout", "") == ""
    stderr: str = getattr(result, "stderr", "")
    assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    assert stderr.startswith(f"resdiff: {where}: "), stderr
    assert message in stderr, stderr


@pytest.mark.parametrize("kind", sorted(REFUSED))
@pytest.mark.parametrize("command", sorted(commands("", "")))
def test_refused_input_is_one_line_exit_2(
    runner: CliRunner, tmp_path: Path, real_bytes: bytes, kind: str, command: str
) -> None:
    make, message = REFUSED[kind]
    bad = tmp_path / f"{kind}.txt"
    bad.write_bytes(make(real_bytes))
    good = tmp_path / "good.txt"
    good.write_bytes(real_bytes)
    result = runner.invoke(main, commands(str(bad), str(good))[command])
    assert_trouble(result, str(bad), message)


@pytest.mark.parametrize("command", sorted(commands("", "")))
def test_missing_file_and_directory(runner: CliRunner, tmp_path: Path, command: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text("RESOLUTION 1 (TEST, 2020)\n\nresolves\n\n1 to act.\n", encoding="utf-8")
    missing = str(tmp_path / "nope.txt")
    result = runner.invoke(main, commands(missing, str(good))[command])
    assert_trouble(result, missing, "no such file")
    folder = tmp_path / "folder"
    folder.mkdir()
    result = runner.invoke(main, commands(str(folder), str(good))[command])
    assert result.exit_code in (0, 2) and "Traceback" not in result.output
    if result.exit_code == 2:  # check reads a folder's *.txt: none here, so nothing to do
        assert result.stderr.count("\n") == 1 and result.stdout == ""
        assert str(folder) in result.stderr or str(good) in result.stderr


def test_utf16_and_utf32_read_with_their_encoding(
    runner: CliRunner, tmp_path: Path, real_bytes: bytes
) -> None:
    plain = tmp_path / "utf8.txt"
    plain.write_bytes(real_bytes)
    want = runner.invoke(main, ["parse", str(plain)]).stdout
    for codec in ("utf-16", "utf-32", "utf-16-le"):
        wide = tmp_path / f"{codec}.txt"
        wide.write_bytes(real_bytes.decode("utf-8").encode(codec))
        result = runner.invoke(main, ["parse", "--encoding", codec, str(wide)])
        assert result.exit_code == 0, result.stderr
        assert result.stdout == want


@pytest.mark.parametrize(
    ("name", "transform"),
    [
        ("bom", lambda t: "\ufeff" + t),
        ("crlf", lambda t: t.replace("\n", "\r\n")),
        ("cr", lambda t: t.replace("\n", "\r")),
        ("bom-crlf", lambda t: "\ufeff" + t.replace("\n", "\r\n")),
    ],
)
def test_bom_and_line_ends_are_accepted_and_round_trip_exactly(
    runner: CliRunner, tmp_path: Path, real_bytes: bytes, name: str, transform: Callable[[str], str]
) -> None:
    text = transform(real_bytes.decode("utf-8"))
    path = tmp_path / f"{name}.txt"
    path.write_bytes(text.encode("utf-8"))
    plain = tmp_path / "plain.txt"
    plain.write_bytes(real_bytes)
    assert resdiff.parse(text).to_source() == text
    same = runner.invoke(main, ["diff", str(plain), str(path)])
    assert (same.exit_code, same.stderr) == (0, ""), same.stdout
    assert (
        runner.invoke(main, ["fmt", str(path)]).stdout
        == runner.invoke(main, ["fmt", str(plain)]).stdout
    )


HOSTILE_CONTROLS = "\x1b[2J\x1b]0;owned\x07\x08\x9b31m\u202e"
CONTROLS = {"\x1b", "\x07", "\x08", "\x9b", "\u202e"}


def controlled(real_bytes: bytes) -> str:
    return real_bytes.decode("utf-8").replace("considering", f"consid{HOSTILE_CONTROLS}ering", 2)


def strings(doc: object) -> list[str]:
    """Every string value in a decoded JSON document."""
    if isinstance(doc, str):
        return [doc]
    if isinstance(doc, dict):
        doc = list(doc.values())
    return [s for item in doc for s in strings(item)] if isinstance(doc, list) else []


def test_control_characters_never_reach_a_terminal_raw(
    runner: CliRunner, tmp_path: Path, real_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = controlled(real_bytes)
    path = tmp_path / "ctrl.txt"
    path.write_text(text, encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_bytes(real_bytes)
    # into a pipe or file, fmt gives the text exactly (click strips escapes there unless
    # told not to)
    piped = runner.invoke(main, ["fmt", str(path)])
    assert HOSTILE_CONTROLS in piped.stdout and piped.stdout == resdiff.parse(text).to_text()
    monkeypatch.setattr("resdiff.cli.terminal.stdout_is_terminal", lambda: True)
    for args in (["parse", str(path)], ["fmt", str(path)]):
        shown = runner.invoke(main, args)
        assert shown.exit_code == 0
        assert not CONTROLS & set(shown.stdout), args
        assert "\\x1b[2J" in shown.stdout and "\\u202e" in shown.stdout
    for fmt in ("text", "markdown", "itu", "instructions", "json"):
        out = runner.invoke(main, ["diff", str(plain), str(path), "-f", fmt]).stdout
        assert ESC not in out and "\x07" not in out, fmt
    # JSON escapes them all, and still decodes to the text as written
    parsed = runner.invoke(main, ["parse", "-f", "json", str(path)]).stdout
    assert not CONTROLS & set(parsed)
    assert parsed.count("\\u009b") == 2
    assert any(HOSTILE_CONTROLS in value for value in strings(json.loads(parsed)))


@pytest.mark.parametrize(
    "insert",
    ["مرحبا بالعالم \u200f", "e\u0301\u0301 a\u0308", "zero\u200bwidth\u200c\u200d\u2060"],
    ids=["rtl", "combining", "zero-width"],
)
def test_rtl_combining_and_zero_width_are_kept(
    runner: CliRunner, tmp_path: Path, real_bytes: bytes, insert: str
) -> None:
    text = real_bytes.decode("utf-8").replace("that ", f"that {insert} ", 3)
    parsed = resdiff.parse(text)
    assert parsed.to_source() == text
    assert parsed.to_text().count(insert) == 3
    old = tmp_path / "old.txt"
    old.write_bytes(real_bytes)
    new = tmp_path / "new.txt"
    new.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["diff", str(old), str(new), "-f", "json"])
    assert result.exit_code == 1
    amended = [c for c in json.loads(result.stdout)["changes"] if c["kind"] == "amended"]
    assert len(amended) == 3


def test_add_and_import_refuse_hostile_files_and_leave_the_corpus_as_it_was(
    runner: CliRunner, tmp_path: Path, real_bytes: bytes
) -> None:
    corpus = new_corpus(tmp_path / "corpus")
    root = corpus.root
    before = snapshot(root)
    for kind in ("binary", "utf-16", "empty"):
        bad = tmp_path / f"{kind}.txt"
        bad.write_bytes(REFUSED[kind][0](real_bytes))
        result = runner.invoke(
            main,
            ["add", str(bad), "--resolution", "itu-pp/res-179", "--revision", "dubai-2018",
             "--adopted", "2018-11-16", "--corpus", str(root)],
        )  # fmt: skip
        assert_trouble(result, str(bad), REFUSED[kind][1])
    folder = tmp_path / "import"
    (folder / "itu-pp" / "res-179").mkdir(parents=True)
    (folder / "revisions.csv").write_text("revision,adopted\ndubai-2018,2018-11-16\n", "utf-8")
    bad = folder / "itu-pp" / "res-179" / "dubai-2018.txt"
    bad.write_bytes(REFUSED["nul-late"][0](real_bytes))
    result = runner.invoke(main, ["import", str(folder), "--corpus", str(root)])
    assert_trouble(result, str(bad), "looks like a binary file (NUL byte")
    assert snapshot(root) == before


def test_git_diff_driver_shows_a_binary_file_without_raw_controls(
    runner: CliRunner, tmp_path: Path, real_bytes: bytes
) -> None:
    old = tmp_path / "old.txt"
    old.write_bytes(real_bytes)
    new = tmp_path / "new.txt"
    new.write_bytes(real_bytes + b"\x1b[2J\x00\n")
    args = ["res-179.txt", str(old), "a" * 40, "100644", str(new), "b" * 40, "100644"]
    result = runner.invoke(main, ["git-diff-driver", *args])
    assert result.exit_code == 0, result.output
    assert ESC not in result.stdout and "\x00" not in result.stdout
    assert "{+\\x1b[2J\\x00+}" in result.stdout


# The big inputs: a subprocess under the limits the issue sets.
LIMIT_SECONDS = 20
LIMIT_BYTES = 1536 * 1024 * 1024


def run_limited(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """``python -m resdiff ARGS`` with at most 1.5 GB of address space, killed after 20 s."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))

    return subprocess.run(
        [sys.executable, "-m", "resdiff", *args],
        cwd=cwd,
        capture_output=True,
        timeout=LIMIT_SECONDS,
        preexec_fn=limit,
        check=False,
    )


@pytest.fixture(scope="session")
def bare_labels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A resolution of 25,000 bare labels (``1)`` … ``25000)``), nothing else."""
    path = tmp_path_factory.mktemp("big") / "labels.txt"
    labels = "".join(f"{i})\n" for i in range(1, 25001))
    path.write_text(f"RESOLUTION 1 (TEST, 2020)\n\nTitle\n\nresolves\n\n{labels}", "utf-8")
    return path


def test_25000_bare_labels_are_checked_within_the_limits(bare_labels: Path) -> None:
    done = run_limited(["check", "-f", "json", bare_labels.name], bare_labels.parent)
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr == b""
    report = json.loads(done.stdout)
    assert report["files"][0]["path"] == bare_labels.name
