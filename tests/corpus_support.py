"""Helpers for the corpus tests: real git repositories in temporary folders, no mocks."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import ITU_PP, RES_179_2018, SEED_PAGE

from resdiff.corpus import Corpus, Revision

DUBAI = ITU_PP / "2018-dubai"
#: PP-18 texts loaded next to Res 179 (a decision among them).
OTHER_2018 = ("res-180", "res-175", "res-2", "dec-5")


def git(repo: Path, *args: str, check: bool = True) -> str:
    """Run the real git binary in ``repo`` and return its stdout."""
    out = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=check
    )
    return out.stdout


def configure(repo: Path) -> None:
    """A committer identity for the repository, independent of the machine's config."""
    git(repo, "config", "user.name", "Corpus Test")
    git(repo, "config", "user.email", "corpus-test@example.org")
    git(repo, "config", "commit.gpgsign", "false")


def new_corpus(path: Path) -> Corpus:
    """A fresh corpus (its own git repository) at ``path``."""
    corpus = Corpus.init(path)
    configure(corpus.root)
    return corpus


def add_2010(corpus: Corpus, source: str | None = None) -> Revision:
    """Commit Res 179 as adopted at Guadalajara (2010 seed page): revision guadalajara-2010."""
    return corpus.add(
        SEED_PAGE.read_text(encoding="utf-8"),
        "itu-pp/res-179",
        "guadalajara-2010",
        "2010-10-22",
        source=source,
    )


def add_2018(
    corpus: Corpus, resolution: str = "itu-pp/res-179", source: str | None = None
) -> Revision:
    """Commit Res 179 (Rev. Dubai, 2018) as revision dubai-2018 of ``resolution``."""
    return corpus.add(
        RES_179_2018.read_text(encoding="utf-8"),
        resolution,
        "dubai-2018",
        "2018-11-16",
        source=source,
    )


def load_real(corpus: Corpus) -> None:
    """Res 179 (2010 seed page, then Rev. Dubai 2018) and several other PP-18 texts."""
    add_2010(corpus, source=str(SEED_PAGE))
    add_2018(corpus, source=str(RES_179_2018))
    for name in OTHER_2018:
        path = DUBAI / f"{name}.txt"
        corpus.add(
            path.read_text(encoding="utf-8"),
            f"itu-pp/{name}",
            "dubai-2018",
            "2018-11-16",
            source=str(path),
        )


def loaded_corpus(path: Path) -> Corpus:
    """A fresh corpus at ``path`` holding :func:`load_real`'s texts.

    Skips the test when the real texts are absent (a module-scoped fixture runs before
    the ``shared_data`` fixture could skip it).
    """
    if not SEED_PAGE.is_file():
        pytest.skip("real texts not found")
    corpus = new_corpus(path)
    load_real(corpus)
    return corpus


def snapshot(repo: Path) -> dict[str, object]:
    """Everything an aborted write must leave as it was: refs, index, status, files, .git."""
    git_dir = repo / ".git"
    files = {
        p.relative_to(repo).as_posix(): p.read_bytes()
        for p in sorted(repo.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(repo).parts
    }
    return {
        "head": git(repo, "rev-parse", "-q", "--verify", "HEAD", check=False),
        "refs": git(repo, "for-each-ref"),
        "index": (git_dir / "index").read_bytes() if (git_dir / "index").exists() else None,
        "status": git(repo, "status", "--porcelain=v1", "--untracked-files=all"),
        "files": files,
        "gitdir": sorted(p.name for p in git_dir.iterdir()),
    }


_SHARED: list[Corpus] = []


def shared_loaded(factory: pytest.TempPathFactory) -> Corpus:
    """:func:`loaded_corpus` built once per test session, for tests that only read it."""
    if not _SHARED:
        _SHARED.append(loaded_corpus(factory.mktemp("loaded")))
    return _SHARED[0]
