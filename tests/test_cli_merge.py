"""``resdiff merge``, ``merge-driver``, ``rebase`` and the merge setup of ``init``, through
click's CliRunner and the real git binary (a real ``git merge`` of two branches)."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RES_179_2018, ROOT, SEED_PAGE
from corpus_support import configure, git
from merge_support import Draft, Para, parse

from resdiff.cli import main

EXAMPLE = ROOT / "examples" / "res-179-draft-amendment.txt"
INSERTED = "that online games and social media are where children now most often meet strangers;"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def triple(tmp_path: Path, res179_2018_text: str) -> tuple[Path, Path, Path, Draft]:
    """base/ours/theirs files: ours inserts a recital (re-lettering the rest), theirs amends
    a later one; and the expected merge."""
    base = Draft.of(parse(res179_2018_text, "res-179.txt"))
    ours = copy.deepcopy(base)
    ours.sections[1][1].insert(2, Para("c)", INSERTED, []))
    theirs = copy.deepcopy(base)
    theirs.sections[1][1][7].text = theirs.sections[1][1][7].text.replace(
        "national, regional or international level", "every level"
    )
    expected = copy.deepcopy(ours)
    expected.sections[1][1][8].text = theirs.sections[1][1][7].text
    paths = []
    for name, draft in (("base.txt", base), ("ours.txt", ours), ("theirs.txt", theirs)):
        (tmp_path / name).write_text(draft.text(), encoding="utf-8")
        paths.append(tmp_path / name)
    return paths[0], paths[1], paths[2], expected


def test_merge_prints_the_merged_text(triple: tuple[Path, Path, Path, Draft]) -> None:
    base, ours, theirs, expected = triple
    code, out, err = run("merge", str(base), str(ours), str(theirs))
    assert (code, err) == (0, "")
    assert out == expected.text()


def test_merge_json_and_output_file(triple: tuple[Path, Path, Path, Draft], tmp_path: Path) -> None:
    base, ours, theirs, expected = triple
    target = tmp_path / "merged.json"
    code, out, _ = run("merge", str(base), str(ours), str(theirs), "-f", "json", "-o", str(target))
    assert (code, out) == (0, "")
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["schema"] == "resdiff/merge/v1"
    assert doc["clean"] is True
    assert doc["text"] == expected.text()
    assert doc["conflicts"] == []
    assert doc["changes"] == [
        {"from": "ours", "kind": "added", "base": [], "merged": ["considering/c"]},
        {
            "from": "theirs",
            "kind": "amended",
            "base": ["considering/h"],
            "merged": ["considering/i"],
        },
    ]


def _conflicting(tmp_path: Path, base: Path) -> Path:
    text = base.read_text(encoding="utf-8").replace(
        "to raise awareness", "to raise public awareness"
    )
    path = tmp_path / "other.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_conflicts_exit_1_with_markers_and_favor_resolves(
    triple: tuple[Path, Path, Path, Draft], tmp_path: Path
) -> None:
    base, ours, _, _ = triple
    ours.write_text(
        ours.read_text(encoding="utf-8").replace("to raise awareness", "to raise broad awareness"),
        encoding="utf-8",
    )
    other = _conflicting(tmp_path, base)
    code, out, err = run("merge", str(base), str(ours), str(other))
    assert code == 1
    assert f"<<<<<<< {ours}\n1 to continue the COP initiative as a platform to raise broad" in out
    assert f"||||||| {base}\n1 " in out
    assert f">>>>>>> {other}\n" in out
    assert err == "resdiff: conflict (both-amended) at resolves/1\n"
    code, out, err = run(
        "merge", str(base), str(ours), str(other), "--favor", "theirs", "-f", "json"
    )
    doc = json.loads(out)
    assert code == 0
    assert doc["clean"] is True
    assert doc["conflicts"] == [
        {"kind": "both-amended", "base": ["resolves/1"], "ours": ["resolves/1"],
         "theirs": ["resolves/1"], "resolved": "theirs"}
    ]  # fmt: skip
    assert "to raise public awareness" in doc["text"]
    assert "<<<<<<<" not in doc["text"]
    assert err == "resdiff: conflict (both-amended) at resolves/1: resolved to theirs\n"


def test_bad_input_is_one_line_exit_2_nothing_written(
    triple: tuple[Path, Path, Path, Draft], tmp_path: Path
) -> None:
    base, ours, theirs, _ = triple
    target = tmp_path / "out.txt"
    code, out, err = run(
        "merge", str(base), str(tmp_path / "nope.txt"), str(theirs), "-o", str(target)
    )
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "nope.txt" in err
    assert not target.exists()
    marked = tmp_path / "marked.txt"
    lines = ours.read_text(encoding="utf-8").split("\n")
    marked.write_text("\n".join([*lines[:6], "<<<<<<< HEAD", *lines[6:]]), encoding="utf-8")
    code, out, err = run("merge", str(base), str(marked), str(theirs), "-o", str(target))
    assert (code, out) == (2, "")
    assert (
        err == f"resdiff: {marked}:7: holds a conflict marker (<<<<<<<):"
        " resolve the earlier conflict first\n"
    )
    assert not target.exists()
    code, _, err = run("merge", str(base), str(tmp_path), str(theirs))
    assert code == 2
    assert err.count("\n") == 1


def test_merge_driver_writes_current(triple: tuple[Path, Path, Path, Draft]) -> None:
    base, ours, theirs, expected = triple
    code, out, err = run("merge-driver", str(base), str(ours), str(theirs), "res-179.txt")
    assert (code, out, err) == (0, "", "")
    assert ours.read_text(encoding="utf-8") == expected.text()


def _driver_env() -> dict[str, str]:
    """git runs the driver as ``python -m resdiff`` from this checkout."""
    return {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.mark.usefixtures("shared_data")
def test_real_git_merge_of_two_branches(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    code, _, err = run("init", str(repo))
    assert code == 0, err
    assert (repo / ".gitattributes").read_text() == "*.txt merge=resdiff diff=resdiff\n"
    assert git(repo, "config", "merge.resdiff.driver").strip() == "resdiff merge-driver %O %A %B %P"
    configure(repo)
    # The configured command is "resdiff …"; here git must run this checkout's code.
    git(
        repo,
        "config",
        "merge.resdiff.driver",
        f"{sys.executable} -m resdiff merge-driver %O %A %B %P",
    )
    base = Draft.of(parse(RES_179_2018.read_text(encoding="utf-8"), "res-179.txt"))
    (repo / "res-179.txt").write_text(base.text(), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "amend")
    theirs = copy.deepcopy(base)
    theirs.sections[1][1][7].text = theirs.sections[1][1][7].text.replace(
        "national, regional or international level", "every level"
    )
    (repo / "res-179.txt").write_text(theirs.text(), encoding="utf-8")
    git(repo, "commit", "-qam", "amend considering h")
    git(repo, "checkout", "-q", "main")
    ours = copy.deepcopy(base)
    ours.sections[1][1].insert(2, Para("c)", INSERTED, []))
    (repo / "res-179.txt").write_text(ours.text(), encoding="utf-8")
    git(repo, "commit", "-qam", "insert a recital")
    merged = subprocess.run(
        ["git", "-C", str(repo), "merge", "--no-edit", "amend"],
        capture_output=True, text=True, env=_driver_env(), check=False,
    )  # fmt: skip
    assert merged.returncode == 0, merged.stdout + merged.stderr
    expected = copy.deepcopy(ours)
    expected.sections[1][1][8].text = theirs.sections[1][1][7].text
    assert (repo / "res-179.txt").read_text(encoding="utf-8") == expected.text()
    # Without the driver (info/attributes wins over .gitattributes), git's line merge
    # conflicts on the same branches.
    git(repo, "reset", "-q", "--hard", "HEAD~1")
    (repo / ".git" / "info" / "attributes").write_text("*.txt merge=text\n", encoding="utf-8")
    plain = subprocess.run(
        ["git", "-C", str(repo), "merge", "--no-edit", "amend"],
        capture_output=True, text=True, env=_driver_env(), check=False,
    )  # fmt: skip
    assert plain.returncode == 1
    assert "CONFLICT (content)" in plain.stdout


@pytest.mark.usefixtures("shared_data")
def test_real_git_merge_leaves_conflict_markers(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    assert run("init", str(repo))[0] == 0
    configure(repo)
    git(
        repo,
        "config",
        "merge.resdiff.driver",
        f"{sys.executable} -m resdiff merge-driver %O %A %B %P",
    )
    text = parse(RES_179_2018.read_text(encoding="utf-8"), "x").to_text()
    (repo / "res-179.txt").write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "other")
    (repo / "res-179.txt").write_text(
        text.replace("to raise awareness", "to raise public awareness")
    )
    git(repo, "commit", "-qam", "theirs")
    git(repo, "checkout", "-q", "main")
    (repo / "res-179.txt").write_text(
        text.replace("to raise awareness", "to raise broad awareness")
    )
    git(repo, "commit", "-qam", "ours")
    merged = subprocess.run(
        ["git", "-C", str(repo), "merge", "--no-edit", "other"],
        capture_output=True, text=True, env=_driver_env(), check=False,
    )  # fmt: skip
    assert merged.returncode == 1
    result = (repo / "res-179.txt").read_text(encoding="utf-8")
    assert (
        "<<<<<<< ours:res-179.txt\n1 to continue the COP initiative as a platform to raise broad"
        in result
    )
    assert "\n=======\n1 to continue the COP initiative as a platform to raise public" in result
    assert "conflict (both-amended) at resolves/1" in merged.stderr


@pytest.mark.usefixtures("shared_data")
def test_rebase_reads_the_base_from_the_number_line(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    assert run("init", str(corpus))[0] == 0
    configure(corpus)
    for path, revision, adopted in (
        (SEED_PAGE, "guadalajara-2010", "2010-10-22"),
        (RES_179_2018, "dubai-2018", "2018-11-16"),
    ):
        code, _, err = run("add", str(path), "--resolution", "itu-pp/res-179", "--revision",
                           revision, "--adopted", adopted, "--corpus", str(corpus))  # fmt: skip
        assert code == 0, err
    args = ["rebase", str(EXAMPLE), "--onto", "res-179@dubai-2018", "--corpus", str(corpus)]
    code, out, err = run(*args, "-f", "json")
    doc = json.loads(out)
    assert code == 1
    assert not doc["clean"]
    # The draft's new recital (considering d, 2010) lands in the 2018 text.
    assert {"from": "theirs", "kind": "added", "base": [], "merged": ["considering/d"]} in doc[
        "changes"
    ]
    assert doc["text"].startswith("RESOLUTION 179 (REV. DUBAI, 2018)\n")
    assert {c["kind"] for c in doc["conflicts"]} >= {"both-amended"}
    same, _, _ = run(*args, "--base", "res-179@guadalajara-2010", "-f", "json")
    assert same == 1
    favored = run(*args, "--favor", "ours")
    assert favored[0] == 0
    assert "<<<<<<<" not in favored[1]


@pytest.mark.usefixtures("shared_data")
def test_rebase_without_a_number_line_asks_for_base(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    assert run("init", str(corpus))[0] == 0
    draft = tmp_path / "draft.txt"
    draft.write_text("considering\n\na) that something;\n", encoding="utf-8")
    code, out, err = run("rebase", str(draft), "--onto", "res-179@x", "--corpus", str(corpus))
    assert (code, out) == (2, "")
    assert (
        err == f"resdiff: {draft}: no number line naming the revision it was drafted on (none):"
        " give --base REF\n"
    )
