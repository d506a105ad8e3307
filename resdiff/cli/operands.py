"""Turning a command-line operand into something to compare: one document or a tree.

An operand is a file (one resolution), a directory (a tree of resolutions, every
``*.txt``, ``*.docx`` and ``*.xml`` below it by relative path), or a corpus ref such as
``res-179@dubai-2018`` (one revision) or ``@dubai-2018`` (the whole corpus as of that conference).

A file ending in ``.docx`` is read as a Word document (its tracked changes accepted, or
rejected on request) and one ending in ``.xml`` as Akoma Ntoso: a single document is one
resolution, a ``documentCollection`` a tree of its components (``itu-pp/res-179.txt`` …).
:func:`read_file` is the one place that decides how a file becomes text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from resdiff.errors import CorpusError, InputError
from resdiff.files import TextFile, read_text

if TYPE_CHECKING:  # lxml is imported only when a .docx or .xml is read
    from resdiff.corpus import Corpus
    from resdiff.model import Layout, Resolution
    from resdiff.readers.docx import Changes


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


#: The files a directory operand (a tree, or ``check``) reads: text, Word, Akoma Ntoso.
RESOLUTION_SUFFIXES = (".txt", ".docx", ".xml")


@dataclass(frozen=True)
class DocumentFile(TextFile):
    """A file of a directory tree to read later, whatever its kind (:func:`read_file`):
    a .docx with its tracked changes accepted, a one-resolution Akoma Ntoso .xml, or text."""

    def read(self) -> str:
        return read_file(self.path, self.encoding)


@dataclass(frozen=True)
class Tree:
    """Several resolutions by relative POSIX path (``itu-pp/res-179.txt``), sorted.

    A directory's files are given as :class:`TextFile` (read where they are diffed, one
    pair at a time); a corpus revision's as texts.
    """

    label: str
    files: tuple[tuple[str, str | TextFile], ...]  # (relative path, text or file to read)
    #: the layout to read every file in (``--layout``); ``None``: each file's own
    layout: Layout | None = None


def tree_files(root: Path) -> list[tuple[str, str]]:
    """Every resolution file (:data:`RESOLUTION_SUFFIXES`, any case) under ``root``,
    following no directory symlink, skipping hidden folders (``.git``), hidden files and
    Word's lock files (``~$res-179.docx``), as (relative POSIX path, path to read), sorted by
    relative path.

    Walked with :func:`os.scandir` and plain strings: a tree of thousands of files is
    listed before any worker starts, and pathlib's per-path objects cost a good part of
    a second there."""
    base = str(root)
    prefix = "" if base == "." else base if base.endswith("/") else f"{base}/"
    found: list[tuple[str, str]] = []
    folders = [""]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(prefix + folder if folder else base) as entries:
                listed = list(entries)
        except PermissionError:
            continue
        for entry in listed:
            if entry.name.startswith((".", "~$")):
                continue
            rel = folder + entry.name
            if _is_folder(entry):
                folders.append(rel + "/")
            elif entry.name.lower().endswith(RESOLUTION_SUFFIXES) and _is_file(entry):
                found.append((rel, prefix + rel))
    return sorted(found)


def _tree_file(path: str, encoding: str) -> TextFile:
    """A tree's file to read where it is diffed: plain text as such (two equal files are
    then compared by their bytes), a .docx or .xml through its reader."""
    if is_docx(path) or is_xml(path):
        return DocumentFile(path, encoding)
    return TextFile(path, encoding)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()  # a symlink to a file counts
    except OSError:
        return False


def is_docx(path: str) -> bool:
    """Whether ``path`` names a Word document (by its extension)."""
    return path.lower().endswith(".docx")


def is_xml(path: str) -> bool:
    """Whether ``path`` names an XML file, read as Akoma Ntoso (by its extension)."""
    return path.lower().endswith(".xml")


def read_file(path: str, encoding: str = "utf-8", changes: Changes = "accept") -> str:
    """The resolution text of one file: a .docx (tracked changes accepted, or rejected),
    a one-document Akoma Ntoso .xml, or a text file in ``encoding``.

    ``changes`` applies to .docx only. An Akoma Ntoso collection is refused here (it is
    a tree: :func:`resolve_path` makes it one).
    """
    if is_docx(path):
        from resdiff.readers.docx import read_docx

        return read_docx(path, changes)
    if is_xml(path):
        from resdiff.readers.akn import read_akn

        return read_akn(path)
    return read_text(path, encoding)


def read_resolutions(path: str, encoding: str = "utf-8") -> list[tuple[str, str]]:
    """Every resolution a file holds, as (name, text), for ``check``: one, named by the
    path, or each component of an Akoma Ntoso collection, named ``PATH#<component id>``."""
    if is_xml(path) and Path(path).is_file():
        from resdiff.readers.akn import read_akn_components

        components = read_akn_components(path)
        if len(components) == 1:
            return [(path, components[0].text)]
        return [(f"{path}#{c.id}", c.text) for c in components]
    return [(path, read_file(path, encoding))]


def resolve_path(arg: str, encoding: str = "utf-8") -> Document | Tree:
    """Resolve a file or directory operand; :class:`InputError` when it is neither."""
    path = Path(arg)
    if path.is_dir():
        files = tuple((rel, _tree_file(file, encoding)) for rel, file in tree_files(path))
        return Tree(label=arg, files=files)
    if path.exists():
        if is_xml(arg):
            return _akn_operand(arg)
        return Document(label=arg, text=read_file(arg, encoding))
    raise InputError(f"{arg}: no such file or directory")


def _akn_operand(arg: str) -> Document | Tree:
    """An Akoma Ntoso file: one document, or a collection as a tree of its components."""
    from resdiff.readers.akn import read_akn_components

    components = read_akn_components(arg)
    if len(components) == 1:
        return Document(label=arg, text=components[0].text)
    return Tree(label=arg, files=tuple(sorted((f"{c.id}.txt", c.text) for c in components)))


def tracked_changes(arg: str) -> tuple[Document, Document]:
    """A Word document's text before and after its tracked changes (all rejected, all
    accepted): what a single-operand ``diff`` compares."""
    if not is_docx(arg):
        raise InputError(
            f"{arg}: a single operand must be a Word document (.docx) with tracked changes;"
            " otherwise give OLD and NEW"
        )
    return (
        Document(label=f"{arg} (changes rejected)", text=read_file(arg, changes="reject")),
        Document(label=f"{arg} (changes accepted)", text=read_file(arg, changes="accept")),
    )


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
    how the document, or every file of the tree, is read.
    """
    found: Document | Tree | None = None
    if not Path(arg).exists():
        from resdiff.corpus.refs import looks_like_ref

        if looks_like_ref(arg):
            found = resolve_ref(arg, corpus_path)
    if found is None:
        found = resolve_path(arg, encoding)
    return with_layout(found, layout)


def with_layout(found: Document | Tree, layout: Layout | None) -> Document | Tree:
    """``found`` to be read in ``layout`` (``--layout``): the document, or every file of
    the tree (directory, corpus revision, collection); ``None`` leaves each text's layout
    to be recognised."""
    if layout is None:
        return found
    if isinstance(found, Document):
        return Document(found.label, found.text, layout)
    return Tree(found.label, found.files, layout)


def resolve_ref(arg: str, corpus_path: str | None) -> Document | Tree:
    """Resolve a corpus ref: ``res-179@dubai-2018`` / ``itu-pp/res-179@<git rev>`` → one
    text; ``@dubai-2018`` → the whole corpus as of that conference; ``@<git rev>`` → every
    resolution file at that commit."""
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


def open_corpus(corpus_path: str | None) -> Corpus:
    """The corpus the user means: ``--corpus``/``$RESDIFF_CORPUS``, else the nearest one."""
    from resdiff.corpus import Corpus, find_corpus

    if corpus_path:
        return Corpus(corpus_path)
    found = find_corpus(Path.cwd())
    if found is None:
        raise CorpusError(
            "no corpus here (no resdiff.toml in this folder or above): pass --corpus PATH,"
            " set RESDIFF_CORPUS, or create one with 'resdiff init PATH'"
        )
    return Corpus(found)
