"""This repository's own corpus (``corpus/``): Resolution 179 (Guadalajara, 2010), added with
``resdiff add``, and the README's main job (a delegate's draft against that revision)."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import resdiff
from resdiff.cli import main
from resdiff.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
DRAFT = ROOT / "examples" / "res-179-draft-amendment.txt"


@pytest.fixture(scope="module")
def project() -> Corpus:
    shallow = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--is-shallow-repository"],
        capture_output=True,
        text=True,
    )
    if shallow.returncode != 0:
        pytest.skip("not a git checkout of the project (the corpus lives in its history)")
    if shallow.stdout.strip() == "true":
        pytest.skip("shallow clone: the corpus revisions are commits of the full history")
    return Corpus(CORPUS)


def test_res_179_2010_is_a_revision_commit(project: Corpus) -> None:
    rid = project.resolve_id("res-179")
    rev = project.revisions(rid)[0]
    assert (rev.name, rev.adopted) == ("guadalajara-2010", date(2010, 10, 22))
    changed = subprocess.run(
        [
            "git",
            "-C",
            str(ROOT),
            "diff-tree",
            "--no-commit-id",
            "--name-only",
            "-r",
            "--root",
            rev.commit,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    files = changed.stdout.split()
    assert files == ["corpus/itu-pp/res-179.txt"]  # the commit changed nothing else
    text = project.text(rid, "guadalajara-2010")
    assert text.startswith("RESOLUTION 179 (Guadalajara, 2010)\n")
    assert resdiff.parse(text).to_text() == text  # stored in canonical form
    assert project.check().ok


@pytest.mark.usefixtures("project")
def test_readme_main_job_shows_a_real_diff() -> None:
    result = CliRunner().invoke(
        main,
        ["diff", "--corpus", str(CORPUS), "res-179@guadalajara-2010", str(DRAFT), "-f", "json"],
    )
    assert result.exit_code == 1, result.stderr
    doc = json.loads(result.stdout)
    assert doc["old"]["source"] == "itu-pp/res-179@guadalajara-2010"
    assert doc["summary"]["moved"] == 1
    assert doc["summary"]["added"] == 2
    assert DRAFT.read_text(encoding="utf-8").startswith("ILLUSTRATION ONLY - NOT AN ITU TEXT.")
