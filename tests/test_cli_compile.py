"""``resdiff compile`` through click's CliRunner: the illustrative proposals of examples/,
proposals on corpus branches (a real git repository), exit statuses and hostile input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from compile_support import RAISE, RESOLVES, amend, base_draft
from conftest import ROOT
from corpus_support import configure, git

from resdiff.cli import main

CORPUS_TEXT = ROOT / "corpus" / "itu-pp" / "res-179.txt"
EXAMPLES = ROOT / "examples" / "proposals"
ALPHA, BRAVO, CHARLIE = (str(EXAMPLES / f"{n}.txt") for n in ("ALPHA", "BRAVO", "CHARLIE"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def compiled(*args: str) -> tuple[int, dict[str, object]]:
    code, out, err = run("compile", str(CORPUS_TEXT), *args, "-f", "json")
    assert err == ""
    return code, json.loads(out)


def test_the_examples_agree_once_and_conflict_once() -> None:
    code, doc = compiled(ALPHA, BRAVO, CHARLIE)
    assert code == 1
    assert [p["name"] for p in doc["proposals"]] == ["ALPHA", "BRAVO", "CHARLIE"]  # type: ignore[index]
    summary = doc["summary"]
    assert isinstance(summary, dict)
    assert (summary["agreed"], summary["conflicts"]) == (1, 1)
    entries = doc["entries"]
    assert isinstance(entries, list)
    [conflict] = [e for e in entries if e["conflict"]]
    assert conflict["base"] == ["considering/d"]
    assert [p["proposals"] for p in conflict["positions"]] == [["BRAVO"], ["CHARLIE"], ["ALPHA"]]
    [agreed] = [e for e in entries if e["base"] == ["resolves/1"]]
    assert agreed["positions"][0]["proposals"] == ["ALPHA", "BRAVO"]
    assert summary["by_proposal"] == {
        "ALPHA": {"MOD": 2, "ADD": 1, "SUP": 0},
        "BRAVO": {"MOD": 2, "ADD": 0, "SUP": 1},
        "CHARLIE": {"MOD": 1, "ADD": 0, "SUP": 0},
    }


def test_no_conflict_exits_0_and_names_are_given_with_name_equals() -> None:
    code, doc = compiled(f"EUR={ALPHA}", f"APT={BRAVO}")
    assert code == 0
    assert doc["proposals"] == [
        {"name": "EUR", "source": ALPHA},
        {"name": "APT", "source": BRAVO},
    ]


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "compiled.json"
    code, out, err = run(
        "compile", str(CORPUS_TEXT), ALPHA, CHARLIE, "-f", "json", "-o", str(target)
    )
    assert (code, out, err) == (0, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "resdiff/compilation/v1"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([ALPHA, "missing.txt"], "resdiff: missing.txt: no such file or directory\n"),
        (
            [f"X={ALPHA}", f"X={BRAVO}"],
            "resdiff: two proposals are named 'X': give each its own NAME=\n",
        ),
        ([ALPHA, ALPHA], "resdiff: two proposals are named 'ALPHA': give each its own NAME=\n"),
        ([f"../x={ALPHA}"], "is not a proposal name"),
        ([f"A\x1b[31m={ALPHA}"], "is not a proposal name"),
        ([f"E={ALPHA}", "E2="], "resdiff: E2=: nothing after '='; expected NAME=FILE\n"),
        ([], "resdiff: no proposal: give [NAME=]FILE operands or --branches GLOB\n"),
        (["--branches", "--upload-pack=touch /tmp/x"], "may not start with '-'"),
        (["X=res-179@--upload-pack=touch /tmp/x"], "a ref may not start with '-'"),
        (["X=res-179@HEAD..main"], "is not a valid git revision"),
        (["res-179@--upload-pack"], "'--upload-pack' is not a proposal name"),
    ],
)
def test_bad_operands_exit_2_with_one_line_and_write_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    target = tmp_path / "out.json"
    code, out, err = run(
        "compile", str(CORPUS_TEXT), *args, "-o", str(target), "--corpus", str(ROOT / "corpus")
    )
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert message in err
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_binary_proposal_is_trouble(tmp_path: Path) -> None:
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"RESOLUTION\x00\x01")
    code, out, err = run("compile", str(CORPUS_TEXT), str(blob), "-f", "json")
    assert (code, out) == (2, "")
    assert err == f"resdiff: {blob}: looks like a binary file (NUL byte at offset 10)\n"


@pytest.fixture
def branches(tmp_path: Path, shared_data: Path) -> Path:
    """A corpus with Res 179 (Rev. Dubai, 2018) on main and three proposal branches, one of
    them amending resolves 1 like another (an agreement), one differently (a conflict)."""
    assert (shared_data / "itu-pp").is_dir()  # the texts the branches are made of
    folder = tmp_path / "c"
    assert run("init", str(folder))[0] == 0
    configure(folder)
    draft = base_draft()
    res = folder / "itu-pp" / "res-179.txt"
    res.parent.mkdir()
    res.write_text(draft.text(), encoding="utf-8")
    git(folder, "add", "-A")
    git(
        folder,
        "commit",
        "-qm",
        "Add Res 179\n\nResdiff-Resolution: itu-pp/res-179\nResdiff-Revision: dubai-2018",
    )
    for branch, words in (("eur", "broad"), ("apt", "broad"), ("ctl", "public")):
        git(
            folder,
            "checkout",
            "-qb",
            f"proposal/{branch}",
            "main" if git(folder, "branch", "--list", "main") else "master",
        )
        edited = base_draft()
        amend(RESOLVES, 0, RAISE, f"raise {words} awareness")(edited)
        res.write_text(edited.text(), encoding="utf-8")
        git(folder, "commit", "-qam", f"{branch} proposal")
    git(folder, "checkout", "-q", "proposal/eur")
    return folder


def test_branches_are_proposals_read_at_their_tips(branches: Path) -> None:
    code, out, err = run(
        "compile",
        "--corpus",
        str(branches),
        "res-179@dubai-2018",
        "--branches",
        "proposal/*",
        "-f",
        "json",
    )
    assert (code, err) == (1, "")
    doc = json.loads(out)
    assert [p["name"] for p in doc["proposals"]] == ["proposal/apt", "proposal/ctl", "proposal/eur"]
    assert doc["proposals"][0]["source"] == "itu-pp/res-179@proposal/apt"
    [e] = [e for e in doc["entries"] if e["base"] == ["resolves/1"]]
    assert [p["proposals"] for p in e["positions"]] == [
        ["proposal/apt", "proposal/eur"],
        ["proposal/ctl"],
    ]
    assert e["conflict"]


def test_branches_with_a_file_base_and_with_no_match(branches: Path) -> None:
    base = branches / "itu-pp" / "res-179.txt"
    git(branches, "checkout", "-q", "proposal/apt")
    code, _, err = run(
        "compile", "--corpus", str(branches), str(base), "--branches", "proposal/e*", "-f", "json"
    )
    assert (code, err) == (0, "")
    code, _, err = run("compile", "--corpus", str(branches), str(base), "--branches", "nothing/*")
    assert (code, err) == (2, "resdiff: --branches nothing/*: no branch of the corpus matches\n")
    code, _, err = run(
        "compile", "--corpus", str(branches), str(CORPUS_TEXT), "--branches", "proposal/*"
    )
    assert code == 2
    assert "BASE must be a corpus ref" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("text", b"=== Compilation of proposals on RESOLUTION 179"),
        ("markdown", b"# Compilation of proposals on RESOLUTION 179"),
        ("html", b"<!DOCTYPE html>"),
        ("docx", b"PK"),
    ],
)
def test_every_format_is_written_to_a_file(tmp_path: Path, fmt: str, start: bytes) -> None:
    target = tmp_path / f"compiled.{fmt}"
    code, out, err = run(
        "compile", str(CORPUS_TEXT), ALPHA, BRAVO, CHARLIE, "-f", fmt, "-o", str(target)
    )
    assert (code, out, err) == (1, "", "")
    assert target.read_bytes().startswith(start)


def test_text_by_default_off_a_terminal_and_all_shows_untouched_provisions() -> None:
    code, out, _ = run("compile", str(CORPUS_TEXT), ALPHA)
    assert code == 0
    assert out.startswith("=== Compilation of proposals")
    assert "considering/a  considering a)" not in out
    _, everything, _ = run("compile", str(CORPUS_TEXT), ALPHA, "--all")
    assert "considering/a  considering a)\n  base:  that the Internet" in everything


def test_docs_show_the_examples_compiled_as_the_command_prints_them() -> None:
    page = (ROOT / "docs" / "compile.md").read_text(encoding="utf-8")
    prompt = "$ resdiff compile corpus/itu-pp/res-179.txt examples/proposals/*.txt\n"
    shown = page.split(prompt, 1)[1].split("$ echo $?", 1)[0]
    args = [
        "corpus/itu-pp/res-179.txt",
        *(f"examples/proposals/{n}.txt" for n in ("ALPHA", "BRAVO", "CHARLIE")),
    ]
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        code, out, _ = run("compile", *args)
    finally:
        os.chdir(cwd)
    assert code == 1
    assert out == shown


def test_progress_on_standard_error_only_for_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    many = [f"P{i}={path}" for i, path in enumerate((ALPHA, BRAVO, CHARLIE, ALPHA))]
    code, out, err = run("compile", str(CORPUS_TEXT), *many, "-f", "json")
    assert (code, err) == (1, "")
    assert json.loads(out)["summary"]["conflicts"] == 1
    from resdiff.cli import progress

    monkeypatch.setattr(progress, "wanted", lambda quiet: not quiet)
    code, out, err = run("compile", str(CORPUS_TEXT), *many, "-f", "json")
    assert code == 1
    assert "Compiling proposals" in err
    assert json.loads(out)["proposals"][3] == {"name": "P3", "source": ALPHA}
    code, out, err = run("compile", str(CORPUS_TEXT), *many, "-f", "json", "--quiet")
    assert (code, err) == (1, "")
    code, out, err = run("compile", str(CORPUS_TEXT), *many[:3], "-f", "json")
    assert err == ""  # three proposals: too few for a bar


def test_same_bytes_whatever_the_hash_seed() -> None:
    import subprocess
    import sys

    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        args = [sys.executable, "-m", "resdiff", "compile", str(CORPUS_TEXT), ALPHA, BRAVO, CHARLIE]
        for fmt in ("json", "html"):
            done = subprocess.run([*args, "-f", fmt], capture_output=True, env=env, check=False)
            assert done.returncode == 1, done.stderr
            outputs.add((fmt, done.stdout))
    assert len(outputs) == 2
