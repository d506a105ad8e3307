"""Validation of resolution files for ``resdiff check``: diagnostics per file, no printing.

:func:`check_paths` takes files and directories (every ``*.txt`` below a directory,
hidden folders skipped; other kinds of file too when the caller says how to read them)
and returns one :class:`FileReport` per file (per resolution of a file holding several),
in a stable order. A file that cannot be read is reported with its one-line ``trouble`` message
instead of diagnostics, so one bad file does not hide the others. The CLI decides the
exit status: 2 if any trouble, else 1 if any error, else 0. The corpus layer extends
this (``--base REF``) by adding reports of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from resdiff.errors import ResdiffError
from resdiff.files import read_text
from resdiff.model import Diagnostic, Layout

LEVELS = ("info", "warning", "error")

#: Reads one file (path, encoding) as its resolutions, each (name, text): a document that
#: holds several (an Akoma Ntoso collection) gives one per resolution. Given by the caller,
#: which knows the file formats (.docx, .xml); raises ResdiffError when it cannot read.
FileReader = Callable[[str, str], list[tuple[str, str]]]


@dataclass(frozen=True)
class FileReport:
    """What checking one file found: its diagnostics, or the trouble that stopped reading it."""

    path: str
    diagnostics: tuple[Diagnostic, ...] = ()
    trouble: str | None = None

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.level == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.level == "warning")


def check_text(
    text: str, source: str | None = None, layout: Layout | None = None
) -> tuple[Diagnostic, ...]:
    """Diagnostics of one text: parser repairs, label problems, missing structure."""
    from resdiff.parsing import parse_text

    return parse_text(text, source, layout).diagnostics


def validate_file(
    path: str | Path, encoding: str = "utf-8", layout: Layout | None = None
) -> FileReport:
    """Read and check one file; a read failure becomes the report's ``trouble``."""
    name = str(path)
    try:
        text = read_text(path, encoding)
    except ResdiffError as exc:
        return FileReport(name, trouble=str(exc))
    if layout is None:  # each file read in its own layout
        return FileReport(name, check_text(text, name))
    return FileReport(name, check_text(text, name, layout))


def validate_document(
    path: str, read: FileReader, encoding: str = "utf-8", layout: Layout | None = None
) -> list[FileReport]:
    """Read one file with ``read`` and check each resolution it holds; a read failure
    becomes one report's ``trouble``."""
    try:
        texts = read(path, encoding)
    except ResdiffError as exc:
        return [FileReport(path, trouble=str(exc))]
    if layout is None:  # each resolution read in its own layout
        return [FileReport(name, check_text(text, name)) for name, text in texts]
    return [FileReport(name, check_text(text, name, layout)) for name, text in texts]


def expand_paths(paths: Iterable[str], suffixes: tuple[str, ...] = (".txt",)) -> list[str]:
    """Files as given, and every file ending in one of ``suffixes`` (any case) under each
    directory (sorted; hidden folders and Word's ``~$`` lock files skipped)."""
    out: list[str] = []
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            found = [
                f
                for f in p.rglob("*")
                if f.name.lower().endswith(suffixes)
                and not f.name.startswith("~$")  # Word's lock file beside an open document
                and f.is_file()
                and not any(x.startswith(".") for x in f.relative_to(p).parts)
            ]
            out.extend(str(f) for f in sorted(found, key=lambda f: f.relative_to(p).as_posix()))
        else:  # a missing file is reported by validate_file, with the others
            out.append(arg)
    return out


def check_paths(
    paths: Iterable[str],
    encoding: str = "utf-8",
    layout: Layout | None = None,
    read: FileReader | None = None,
    suffixes: tuple[str, ...] = (".txt",),
) -> list[FileReport]:
    """Check every file named or found under the directories named (``layout``: read them
    all in that layout, else each in its own). ``read``: how to read a file (default: as
    text); ``suffixes``: the files looked for in directories."""
    found = expand_paths(paths, suffixes)
    if read is None:
        return [validate_file(path, encoding, layout) for path in found]
    return [r for path in found for r in validate_document(path, read, encoding, layout)]
