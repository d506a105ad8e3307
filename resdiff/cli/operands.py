"""Turning a command-line operand into something to compare: one document or a tree.

An operand is a file (one resolution), a directory (a tree of resolutions, every
``*.txt`` below it by relative path), or a corpus ref such as ``res-179@dubai-2018``
(one revision) or ``@dubai-2018`` (the whole corpus as of that conference).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from resdiff.errors import InputError
from resdiff.files import TextFile, read_text

if TYPE_CHECKING:
    from resdiff.model import Layout, Resolution


@dataclass(frozen=True)
class Document:
    """One resolution's text and the name to show for it."""

    label: str
    text: str
    #: the layout to read the text in (``--layout``); ``None``: recognised from the text
    layout: Layout | None = None

    def parse(self) -> Resolution:
        """The resolution this operand holds, read in its layout."""
        import resdiff

        return resdiff.parse(self.text, source=self.label, layout=self.layout)


@dataclass(frozen=True)
class Tree:
    """Several resolutions by relative POSIX path (``itu-pp/res-179.txt``), sorted.

    A directory's files are given as :class:`TextFile` (read where they are diffed, one
    pair at a time); a corpus revision's as texts.
    """

    label: str
    files: tuple[tuple[str, str | TextFile], ...]  # (relative path, text or file to read)


def tree_files(root: Path) -> list[Path]:
    """Every resolution file under ``root``, sorted, skipping hidden folders (``.git``)."""
    found = []
    for path in root.rglob("*.txt"):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file():
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def resolve_path(arg: str, encoding: str = "utf-8") -> Document | Tree:
    """Resolve a file or directory operand; :class:`InputError` when it is neither."""
    path = Path(arg)
    if path.is_dir():
        files = tuple(
            (p.relative_to(path).as_posix(), TextFile(str(p), encoding)) for p in tree_files(path)
        )
        return Tree(label=arg, files=files)
    if path.exists():
        return Document(label=arg, text=read_text(path, encoding))
    raise InputError(f"{arg}: no such file or directory")


def resolve(
    arg: str,
    *,
    encoding: str = "utf-8",
    corpus_path: str | None = None,
    layout: Layout | None = None,
) -> Document | Tree:
    """Resolve any command-line operand: a file, a directory or a corpus ref.

    The one entry point commands call, so that ref handling (``res-179@dubai-2018``,
    ``@dubai-2018``) is added here and nowhere else. ``corpus_path`` is where refs
    are looked up; files and directories do not need it. ``layout`` (``--layout``) is
    how a single document is read; trees recognise each file's layout.
    """
    found: Document | Tree | None = None
    if not Path(arg).exists():
        from resdiff.corpus.refs import looks_like_ref

        if looks_like_ref(arg):
            found = resolve_ref(arg, corpus_path)
    if found is None:
        found = resolve_path(arg, encoding)
    if layout is not None and isinstance(found, Document):
        return Document(found.label, found.text, layout)
    return found


def resolve_ref(arg: str, corpus_path: str | None) -> Document | Tree:
    """Resolve a corpus ref: ``res-179@dubai-2018`` / ``itu-pp/res-179@<git rev>`` → one
    text; ``@dubai-2018`` → the whole corpus as of that conference; ``@<git rev>`` → every
    resolution file at that commit."""
    from resdiff.cli.corpus_cmds import open_corpus
    from resdiff.corpus.refs import RefSpec

    spec = RefSpec.parse(arg)
    corpus = open_corpus(corpus_path)
    assert spec.rev is not None
    if spec.resolution is None:
        files = corpus.tree_for(spec.rev)
        return Tree(label=arg, files=tuple(sorted(files.items())))
    rid = corpus.resolve_id(spec.resolution)
    revision = corpus.at(rid, spec.rev)
    return Document(label=f"{rid}@{revision.name}", text=corpus.read(revision))
