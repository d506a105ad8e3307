"""The corpus commands end to end: CliRunner for resdiff, the real git binary for git."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RES_179_2018, SEED_PAGE
from corpus_support import (
    OTHER_2018,
    add_2010,
    configure,
    git,
    loaded_corpus,
    new_corpus,
)

import resdiff
from resdiff.cli import main
from resdiff.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "examples" / "res-179-draft-amendment.txt"

pytestmark = pytest.mark.usefixtures("shared_data")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return loaded_corpus(tmp_path_factory.mktemp("cli"))


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def at(corpus: Corpus, *args: str) -> tuple[int, str, str]:
    return run(*args, "--corpus", str(corpus.path))


# -- finding the corpus ------------------------------------------------------------------
def test_init_and_add_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RESDIFF_CORPUS", raising=False)
    code, out, _ = run("init", str(tmp_path / "c"))
    assert code == 0
    assert "Initialized a resdiff corpus" in out
    configure(tmp_path / "c")
    monkeypatch.chdir(tmp_path / "c")  # found as the nearest folder with resdiff.toml
    code, out, err = run(
        "add",
        str(SEED_PAGE),
        "--resolution",
        "itu-pp/res-179",
        "--revision",
        "guadalajara-2010",
        "--adopted",
        "2010-10-22",
    )
    assert code == 0, err
    assert out.splitlines()[0].endswith("Add Resolution 179 (Guadalajara, 2010)")
    assert out.splitlines()[1].split() == [
        "itu-pp/res-179.txt",
        "guadalajara-2010",
        "adopted",
        "2010-10-22",
    ]


def test_no_corpus_found_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RESDIFF_CORPUS", raising=False)
    monkeypatch.chdir(tmp_path)
    code, out, err = run("log", "res-179")
    assert code == 2
    assert out == ""
    assert err == (
        "resdiff: no corpus here (no resdiff.toml in this folder or above): pass --corpus PATH,"
        " set RESDIFF_CORPUS, or create one with 'resdiff init PATH'\n"
    )


def test_corpus_from_the_environment(
    loaded: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("show", "res-180@dubai-2018", env={"RESDIFF_CORPUS": str(loaded.path)})
    assert code == 0
    assert out.startswith("RESOLUTION 180 (REV. DUBAI, 2018)")


# -- reading -----------------------------------------------------------------------------
def test_log(loaded: Corpus) -> None:
    code, out, _ = at(loaded, "log", "179")
    assert code == 0
    lines = out.splitlines()
    revs = loaded.revisions(loaded.resolve_id("179"))
    first = revs[0].commit[:10]
    assert lines[1] == f"guadalajara-2010  2010-10-22  {first}  first revision, 45 clauses"
    assert lines[0].startswith(f"dubai-2018        2018-11-16  {revs[1].commit[:10]}  +")
    assert " added, -" in lines[0]
    assert " amended, " in lines[0]
    assert " moved" in lines[0]
    code, out, _ = at(loaded, "log", "res-179", "--format", "json")
    doc = json.loads(out)
    assert [r["revision"] for r in doc["revisions"]] == ["dubai-2018", "guadalajara-2010"]
    assert doc["revisions"][1]["summary"] is None


def test_show(loaded: Corpus) -> None:
    code, out, _ = at(loaded, "show", "res-179@guadalajara-2010")
    assert code == 0
    assert out == resdiff.parse(SEED_PAGE.read_text(encoding="utf-8")).to_text()
    code, out2, _ = at(loaded, "show", "itu-pp/res-179@HEAD~5")
    assert out2 == out


def test_blame_json_contract(loaded: Corpus) -> None:
    code, out, _ = at(loaded, "blame", "res-179", "--format", "json")
    assert code == 0
    entries = json.loads(out)
    assert all(list(e) == ["path", "label", "introduced", "last_amended"] for e in entries)
    by_path = {e["path"]: e for e in entries}
    assert by_path["recognizing/c"] == {
        "path": "recognizing/c",
        "label": "c)",
        "introduced": "guadalajara-2010",
        "last_amended": "dubai-2018",
    }
    code, text, _ = at(loaded, "blame", "res-179")
    line = next(ln for ln in text.splitlines() if ln.startswith("considering/b "))
    assert line.split()[:3] == ["considering/b", "guadalajara-2010", "guadalajara-2010"]


def test_history_shows_word_changes(loaded: Corpus) -> None:
    code, out, _ = at(loaded, "history", "res-179", "recognizing/c")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "history of itu-pp/res-179 recognizing/c"
    assert lines[2].startswith("guadalajara-2010 (2010-10-22, ")
    assert lines[2].endswith("introduced: recalling/i")
    assert lines[5].endswith("amended, moved, re-lettered: recalling/i → recognizing/c")
    assert "([-Hyderabad-]{+Rev. Buenos Aires+}, [-2010-]{+2017+})" in lines[6]


# -- diff with refs ----------------------------------------------------------------------
def test_diff_two_revisions_by_ref(loaded: Corpus) -> None:
    code, out, _ = at(
        loaded, "diff", "res-179@guadalajara-2010", "res-179@dubai-2018", "--format", "json"
    )
    assert code == 1
    doc = json.loads(out)
    expected = resdiff.diff(
        resdiff.parse(SEED_PAGE.read_text(encoding="utf-8")),
        resdiff.parse(RES_179_2018.read_text(encoding="utf-8")),
    )
    assert doc["summary"] == expected.summary
    assert doc["old"]["number"] == "RESOLUTION 179 (Guadalajara, 2010)"
    assert doc["new"]["number"] == "RESOLUTION 179 (REV. DUBAI, 2018)"


def test_diff_a_draft_file_against_a_ref(loaded: Corpus) -> None:
    code, out, _ = at(loaded, "diff", "res-179@guadalajara-2010", str(DRAFT), "--format", "json")
    assert code == 1
    doc = json.loads(out)
    moved = [c for c in doc["changes"] if c["moved"]]
    assert [(c["old"][0]["path"], c["new"][0]["path"]) for c in moved] == [
        ("recalling/i", "recognizing/e")
    ]
    assert "ILLUSTRATION" not in json.dumps(doc["changes"])


def test_diff_the_whole_corpus_by_conference(loaded: Corpus) -> None:
    code, out, _ = at(loaded, "diff", "@guadalajara-2010", "@dubai-2018", "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert doc["schema"] == "resdiff/tree-diff/v1"
    statuses = {r["path"]: r["status"] for r in doc["resolutions"]}
    assert statuses == {
        "itu-pp/res-179.txt": "modified",
        **{f"itu-pp/{n}.txt": "added" for n in OTHER_2018},
    }


# -- refusals ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("show", "res-179@busan-2014"),
            "resdiff: unknown revision 'busan-2014' of itu-pp/res-179; known revisions:"
            " guadalajara-2010, dubai-2018 (or any git rev)\n",
        ),
        (
            ("show", "res-179@--upload-pack=touch x"),
            "resdiff: '--upload-pack=touch x': a ref may not start with '-'\n",
        ),
        (
            ("show", "../../etc/passwd@HEAD"),
            "resdiff: '../../etc/passwd' is not a resolution name; use itu-pp/res-179,"
            " res-179 or 179\n",
        ),
        (
            ("show", "/etc/res-1@HEAD"),
            "resdiff: '/etc/res-1' is not a resolution name; use itu-pp/res-179, res-179 or 179\n",
        ),
        (
            (
                "add",
                str(SEED_PAGE),
                "--resolution",
                "../evil/res-1",
                "--revision",
                "x-2010",
                "--adopted",
                "2010-10-22",
            ),
            "resdiff: '../evil/res-1' is not a resolution id; expected <body>/<kind>-<number>,"
            " e.g. itu-pp/res-179\n",
        ),
        (
            (
                "add",
                str(SEED_PAGE),
                "--resolution",
                "itu-pp/res-179",
                "--revision",
                "--all",
                "--adopted",
                "2010-10-22",
            ),
            "resdiff: '--all' is not a revision name",
        ),
        (
            (
                "add",
                str(SEED_PAGE),
                "--resolution",
                "itu-pp/res-179",
                "--revision",
                "x-2010",
                "--adopted",
                "2010-02-30",
            ),
            "resdiff: '2010-02-30' is not a real date\n",
        ),
    ],
)
def test_refusals_exit_2_with_one_line(loaded: Corpus, args: tuple[str, ...], message: str) -> None:
    code, _out, err = at(loaded, *args)
    assert code == 2
    assert err.startswith(message) if not message.endswith("\n") else err == message
    assert "Traceback" not in err


def test_diff_unknown_conference_lists_known(loaded: Corpus) -> None:
    code, _out, err = at(loaded, "diff", "@busan-2014", "@dubai-2018")
    assert code == 2
    assert err == (
        f"resdiff: unknown revision 'busan-2014' in {loaded.path}; known revisions:"
        " guadalajara-2010, dubai-2018 (or any git rev)\n"
    )


def test_add_refuses_text_with_errors_printing_its_diagnostics(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    bad = tmp_path / "note.txt"
    bad.write_text("A note that is not a resolution.\n", encoding="utf-8")
    code, out, err = at(
        corpus,
        "add",
        str(bad),
        "--resolution",
        "itu-pp/res-1",
        "--revision",
        "x-2010",
        "--adopted",
        "2010-10-22",
    )
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert f"{bad}:1:1: warning: no section heading found" in lines[1]
    assert lines[-1].startswith(f"resdiff: {bad}: refused, no sections found")
    assert git(corpus.root, "rev-parse", "-q", "--verify", "HEAD", check=False) == ""


def test_add_refuses_a_dirty_file(tmp_path: Path) -> None:
    corpus = loaded_corpus(tmp_path / "c")
    target = corpus.path / "itu-pp" / "res-179.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nlocal edit\n", encoding="utf-8")
    code, _out, err = at(
        corpus,
        "add",
        str(RES_179_2018),
        "--resolution",
        "itu-pp/res-179",
        "--revision",
        "dubai-2018",
        "--adopted",
        "2018-11-16",
    )
    assert code == 2
    assert err == (
        "resdiff: itu-pp/res-179.txt: has uncommitted changes (modified in the working tree);"
        " commit or discard them first\n"
    )


# -- check -------------------------------------------------------------------------------
def test_check_base_markdown_on_a_proposal_branch(tmp_path: Path) -> None:
    corpus = loaded_corpus(tmp_path / "c")
    git(corpus.root, "checkout", "-q", "-b", "proposal")
    target = corpus.path / "itu-pp" / "res-179.txt"
    target.write_text(
        target.read_text(encoding="utf-8").replace(
            "child online safety issues", "child online safety and well-being issues"
        ),
        encoding="utf-8",
    )
    code, out, _ = at(corpus, "check", "--base", "main", "--format", "markdown")
    assert code == 0
    assert out.startswith("## resdiff check passed\n")
    assert "| MOD | itu-pp/res-179.txt |" in out
    assert "`resolves/1`" in out
    assert "**and well-being**" in out
    code, out, _ = at(corpus, "check", "--base", "main", "--format", "json")
    doc = json.loads(out)
    assert doc["schema"] == "resdiff/corpus-check/v1"
    assert doc["ok"] is True
    assert [(f["path"], f["status"]) for f in doc["files"]] == [("itu-pp/res-179.txt", "modified")]
    # A stray file outside the layout fails the check.
    (corpus.path / "itu-pp" / "Resolution 179 draft.txt").write_text("x\n", encoding="utf-8")
    code, out, _ = at(corpus, "check")
    assert code == 1
    assert "itu-pp/Resolution 179 draft.txt: error: file outside the corpus layout" in out


# -- git integration ---------------------------------------------------------------------
def _driver_command() -> str:
    exe = shutil.which("resdiff", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("the resdiff console script is not installed next to this Python")
    return f"{exe} git-diff-driver"


@pytest.mark.skipif(shutil.which("git") is None, reason="git binary not installed")
def test_git_diff_driver_through_real_git(tmp_path: Path) -> None:
    corpus = loaded_corpus(tmp_path / "c")
    repo = corpus.root
    git(repo, "config", "diff.resdiff.command", _driver_command())
    (repo / ".gitattributes").write_text("*.txt diff=resdiff\n", encoding="utf-8")
    target = corpus.path / "itu-pp" / "res-179.txt"
    target.write_text(
        target.read_text(encoding="utf-8").replace(
            "child online safety issues", "child online safety and well-being issues"
        ),
        encoding="utf-8",
    )
    out = git(repo, "diff")
    assert out.startswith("resdiff a/itu-pp/res-179.txt b/itu-pp/res-179.txt\n")
    assert "resolves/1  1  amended" in out
    assert "{+and well-being +}" in out
    git(repo, "commit", "-q", "-am", "Propose well-being")
    # git log and git show run external diff drivers when asked with --ext-diff.
    shown = git(repo, "show", "--ext-diff", "HEAD")
    assert "resolves/1  1  amended" in shown
    log = git(
        repo, "log", "-p", "--ext-diff", "-2", "--format=commit %s", "--", "itu-pp/res-179.txt"
    )
    assert log.count("resdiff a/itu-pp/res-179.txt") == 2
    assert "header/number  amended" in log  # the 2010 → 2018 revision, clause by clause
    # A new file and a non-resolution text degrade gracefully, never failing git.
    (corpus.path / "notes.txt").write_text("hello\n", encoding="utf-8")
    git(repo, "add", "notes.txt")
    assert "new file" in git(repo, "diff", "--cached")


def test_git_diff_driver_argument_protocol(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(SEED_PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    new.write_text(RES_179_2018.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(
        "git-diff-driver",
        "itu-pp/res-179.txt",
        str(old),
        "a" * 40,
        "100644",
        str(new),
        "b" * 40,
        "100644",
    )
    assert code == 0
    assert out.startswith("resdiff a/itu-pp/res-179.txt b/itu-pp/res-179.txt\n")
    assert "recognizing/c  c)  amended, moved from recalling i)" in out
    code, out, err = run("git-diff-driver", "a", "b")
    assert code == 2
    assert "expected the 7 arguments" in err


def test_pre_commit_hooks_run_as_declared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each hook's entry, given what pre-commit passes, accepts a canonical corpus file and
    rejects a broken one."""
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entries = [
        line.split(":", 1)[1].split() for line in hooks.splitlines() if line.startswith("  entry:")
    ]
    passes = ["pass_filenames: false" not in block for block in hooks.split("\n- id: ")[1:]]
    assert [e[:2] for e in entries] == [
        ["resdiff", "check"],
        ["resdiff", "fmt"],
        ["resdiff", "check"],
    ]
    corpus = new_corpus(tmp_path / "c")
    add_2010(corpus)
    monkeypatch.chdir(corpus.path)
    monkeypatch.delenv("RESDIFF_CORPUS", raising=False)
    good = "itu-pp/res-179.txt"
    for entry, pass_files in zip(entries, passes, strict=True):
        code, _out, err = run(*entry[1:], *([good] if pass_files else []))
        assert code == 0, (entry, err)
    (corpus.path / "itu-pp" / "res-179.txt").write_text(
        SEED_PAGE.read_text(encoding="utf-8"),
        encoding="utf-8",  # not canonical: bullets, site text
    )
    code, _out, _err = run(*entries[1][1:], good)
    assert code == 1


def test_a_proposal_commit_is_a_pseudo_revision_named_by_its_ref(tmp_path: Path) -> None:
    corpus = loaded_corpus(tmp_path / "c")
    repo = corpus.root
    git(repo, "checkout", "-q", "-b", "proposal")
    target = corpus.path / "itu-pp" / "res-179.txt"
    target.write_text(
        target.read_text(encoding="utf-8").replace(
            "child online safety issues", "child online safety and well-being issues"
        ),
        encoding="utf-8",
    )
    git(repo, "commit", "-q", "-am", "Propose well-being in resolves 1")
    code, out, _ = at(corpus, "log", "res-179@proposal")
    lines = out.splitlines()
    assert code == 0
    assert len(lines) == 3
    assert lines[0].startswith("proposal")
    assert "(not adopted)" in lines[0]
    assert lines[0].endswith("+0 added, -0 removed, 1 amended, 0 moved")
    code, out, _ = at(corpus, "blame", "res-179@proposal", "--format", "json")
    by_path = {e["path"]: e for e in json.loads(out)}
    assert by_path["resolves/1"]["last_amended"] == "proposal"
    assert by_path["resolves/1"]["introduced"] == "guadalajara-2010"
    assert by_path["resolves/2"]["last_amended"] == "dubai-2018"
    # A revision name still means the adopted text, whatever branch is checked out.
    code, out, _ = at(corpus, "log", "res-179@dubai-2018")
    assert [ln.split()[0] for ln in out.splitlines()] == ["dubai-2018", "guadalajara-2010"]


@pytest.mark.parametrize("command", ["init", "add", "import", "log", "show", "blame", "history"])
def test_corpus_commands_are_documented(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    usage, summary = out.split("\n\n")[:2]
    assert usage.startswith("Usage: ")
    assert f" {command} " in usage
    assert summary.strip()
    assert summary.strip()[0].isupper()
    if command != "init":  # init takes the corpus folder as its argument
        assert "--corpus DIRECTORY" in out
        assert "$RESDIFF_CORPUS" in out
