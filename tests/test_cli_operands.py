"""Operands: the files a directory operand holds, as a tree diff pairs them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from resdiff.cli.operands import Tree, resolve_path, tree_files
from resdiff.files import TextFile


def _tricky_tree(root: Path, outside: Path) -> None:
    """Nested folders, hidden folders and files, a folder named like a file, symlinks to
    a file, to a folder and to nowhere, names that only look like text files."""
    for rel in ("b.txt", "a/z.txt", "a/b/c.txt", "a-b.txt", "a/.hidden.txt", ".git/x.txt",
                "a/.cache/y.txt", "UPPER.TXT", "notes.md", "a/b/d.txt.bak", "dir.txt/inner.txt",
                "é/ü.txt", "a/res-1.docx", "res-2.XML", "~$res-1.docx"):  # fmt: skip
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")
    (outside / "linked").mkdir(parents=True)
    (outside / "linked" / "far.txt").write_text("x", "utf-8")
    (outside / "target.txt").write_text("x", "utf-8")
    os.symlink(outside / "linked", root / "a" / "folder-link")
    os.symlink(outside / "target.txt", root / "file-link.txt")
    os.symlink(outside / "missing.txt", root / "broken.txt")


def _by_pathlib(root: Path) -> list[tuple[str, str]]:
    """The listing's rule written with pathlib: rglob, resolution suffixes in any case,
    hidden parts and Word's lock files skipped, files only."""
    found = []
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if not path.name.lower().endswith((".txt", ".docx", ".xml")):
            continue
        if path.name.startswith("~$"):
            continue
        if not any(part.startswith(".") for part in rel.parts) and path.is_file():
            found.append((rel.as_posix(), str(path)))
    return sorted(found)


def test_tree_files_lists_what_rglob_did(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "tree"
    _tricky_tree(root, tmp_path / "outside")
    listed = tree_files(root)
    assert [rel for rel, _ in listed] == [
        "UPPER.TXT", "a-b.txt", "a/b/c.txt", "a/res-1.docx", "a/z.txt", "b.txt",
        "dir.txt/inner.txt", "file-link.txt", "res-2.XML", "é/ü.txt",
    ]  # fmt: skip
    monkeypatch.chdir(tmp_path)
    for root_arg in (root, Path("tree"), Path("tree/"), Path("./tree")):
        assert tree_files(root_arg) == _by_pathlib(root_arg)
    monkeypatch.chdir(root)
    assert tree_files(Path(".")) == _by_pathlib(Path("."))
    assert tree_files(Path(".")) == [(rel, rel) for rel, _ in listed]


def test_a_directory_operand_reads_its_files_by_relative_path(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    _tricky_tree(root, tmp_path / "outside")
    tree = resolve_path(f"{root}/")
    assert isinstance(tree, Tree)
    files = [(rel, file) for rel, file in tree.files if isinstance(file, TextFile)]
    assert [(rel, file.path) for rel, file in files] == _by_pathlib(root)
