"""``resdiff compile``: many proposals against one base text, provision by provision.

Thin: reads the base and each proposal (files, corpus refs, or the tips of corpus branches
matching ``--branches``), calls :func:`resdiff.merge.compile_proposals`, renders the
result, writes it all or nothing, and exits 0 no conflict / 1 conflicts / 2 trouble.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from resdiff.cli import operands, progress
from resdiff.cli.options import (
    color_option,
    corpus_option,
    encoding_option,
    format_option,
    output_option,
    quiet_option,
)
from resdiff.errors import InputError
from resdiff.files import atomic_write

if TYPE_CHECKING:
    from resdiff.corpus import Corpus
    from resdiff.corpus.refs import ResolutionId
    from resdiff.model import Resolution

FORMATS = ["json", "term", "text", "markdown", "html", "docx"]
#: A proposal's name: ``EUR``, ``ACP/12/1``, ``proposal/eur``, ``Draft (rev. 2)``.
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.,/()+-]{0,63}")
#: Above this many proposals, a progress bar is shown on a terminal's standard error.
PROGRESS_FROM = 4


@click.command("compile")
@click.argument("base", metavar="BASE")
@click.argument("proposals", metavar="[NAME=]FILE...", nargs=-1)
@click.option(
    "--branches",
    "glob",
    default=None,
    metavar="GLOB",
    help="Also one proposal per corpus branch matching GLOB (e.g. 'proposal/*'), read at its"
    " tip and named by the branch; BASE must then be a corpus ref or a file of the corpus.",
)
@format_option(FORMATS, "Output format [default: term on a terminal, else text].", default=None)
@click.option(
    "-a",
    "--all",
    "show_all",
    is_flag=True,
    help="Show every provision, those no proposal touches too (the JSON always has them).",
)
@color_option
@output_option
@encoding_option
@quiet_option
@corpus_option
def compile_cmd(
    base: str,
    proposals: tuple[str, ...],
    glob: str | None,
    fmt: str | None,
    show_all: bool,
    color: str,
    output: str | None,
    encoding: str,
    quiet: bool,
    corpus_path: str | None,
) -> None:
    """Compile many proposals against one BASE: what each does to every provision.

    BASE and each proposal are files or corpus refs (res-179@dubai-2018). A proposal is
    named by its file's stem, or NAME=FILE. For every base clause, in order, each
    proposal's outcome: NOC, MOD (word by word), (MOD) editorial, SUP, SUP* moved away,
    split, merged; clauses a proposal adds (ADD) or moves in (ADD*) right after the base
    clause they follow. Proposals with the same result share a position; two or more
    different changes at one place are a conflict.

    With four proposals or more, a progress bar is shown on standard error when it is a
    terminal (not with --quiet). Exit status: 0 no conflict, 1 conflicts, 2 trouble.

    \b
    Examples:
      resdiff compile base.txt EUR=eur.txt APT=apt.txt --format html -o compiled.html
      resdiff compile --corpus corpus res-179@guadalajara-2010 --branches 'proposal/*'
    """
    from resdiff.cli.output import output_format, stdout_is_terminal, use_color
    from resdiff.render import RenderOptions
    from resdiff.render.compiled import BINARY_FORMATS, render

    stdout_tty = stdout_is_terminal()
    fmt = output_format(fmt, color, output, stdout_tty, BINARY_FORMATS)
    if not proposals and glob is None:
        raise InputError("no proposal: give [NAME=]FILE operands or --branches GLOB")
    import resdiff
    from resdiff.merge import compile_proposals

    sources = _Sources([_named(arg) for arg in proposals], encoding, corpus_path)
    base_text, base_label = _read(base, encoding, corpus_path)
    parsed_base = resdiff.parse(base_text, source=base_label)
    if glob is not None:
        sources.add_branches(base, glob)
    total = len(sources.items)
    quiet = quiet or total < PROGRESS_FROM
    result = compile_proposals(
        parsed_base, progress.counted(sources.texts(), total, "Compiling proposals", quiet)
    )
    options = RenderOptions(
        show_all=show_all,
        color=fmt == "term" and use_color(color, stdout_tty and output is None),
    )
    _write(render(result, fmt, options), output)
    raise click.exceptions.Exit(1 if result.conflicts else 0)


class _Sources:
    """The proposals to read: (name, file or ref) operands, then corpus branches; names
    checked unique up front, texts read one at a time as the compilation asks for them."""

    def __init__(
        self, named: list[tuple[str, str]], encoding: str, corpus_path: str | None
    ) -> None:
        self.items = named
        self.files = len(named)
        self.encoding, self.corpus_path = encoding, corpus_path
        self.corpus: Corpus | None = None
        self.rid: ResolutionId | None = None
        _refuse_duplicates([name for name, _ in self.items])

    def add_branches(self, base: str, glob: str) -> None:
        self.corpus, self.rid = _base_resolution(base, self.corpus_path)
        branches = self.corpus.branches(glob)
        if not branches:
            raise InputError(f"--branches {glob}: no branch of the corpus matches")
        self.items += [(_branch_name(b), b) for b in branches]
        _refuse_duplicates([name for name, _ in self.items])

    def texts(self) -> Iterator[tuple[str, Resolution]]:
        import resdiff

        for i, (name, arg) in enumerate(self.items):
            if i < self.files:
                text, label = _read(arg, self.encoding, self.corpus_path)
            else:
                assert self.corpus is not None
                assert self.rid is not None
                text = self.corpus.read(self.corpus.at_branch(self.rid, arg))
                label = f"{self.rid}@{arg}"
            yield name, resdiff.parse(text, source=label)


def _write(data: str | bytes, output: str | None) -> None:
    """All or nothing to ``output``, else the exact bytes or text to standard output."""
    if output is not None:
        atomic_write(output, data)
    elif isinstance(data, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        click.echo(data, nl=False)


def _named(arg: str) -> tuple[str, str]:
    """``NAME=FILE`` → (NAME, FILE); a file (or ref) alone is named by its stem (or rev)."""
    if not Path(arg).exists() and "=" in arg:
        name, _, target = arg.partition("=")
        if not target:
            raise InputError(f"{arg}: nothing after '='; expected NAME=FILE")
        return _check_name(name, arg), target
    stem = arg.rpartition("@")[2] if "@" in arg and not Path(arg).exists() else Path(arg).stem
    return _check_name(stem, arg), arg


def _check_name(name: str, arg: str) -> str:
    if not NAME.fullmatch(name):
        raise InputError(
            f"{arg}: {name!r} is not a proposal name (letters, digits, spaces and . , / ( ) + - _,"
            " at most 64, starting with a letter or digit): give NAME=FILE"
        )
    return name


def _branch_name(branch: str) -> str:
    """A branch's name as a proposal name (validated like any name)."""
    return _check_name(branch, f"branch {branch}")


def _refuse_duplicates(names: list[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise InputError(f"two proposals are named {name!r}: give each its own NAME=")
        seen.add(name)


def _read(arg: str, encoding: str, corpus_path: str | None) -> tuple[str, str]:
    """One resolution's text and label, from a file or a corpus ref."""
    found = operands.resolve(arg, encoding=encoding, corpus_path=corpus_path)
    if not isinstance(found, operands.Document):
        raise InputError(f"{arg}: a directory or whole revision; compile takes one resolution")
    return found.text, found.label


def _base_resolution(base: str, corpus_path: str | None) -> tuple[Corpus, ResolutionId]:
    """The corpus and the resolution BASE is, for ``--branches``."""
    from resdiff.cli.operands import open_corpus
    from resdiff.corpus.refs import RefSpec, ResolutionId, looks_like_ref

    corpus = open_corpus(corpus_path)
    if not Path(base).exists() and looks_like_ref(base):
        spec = RefSpec.parse(base)
        if spec.resolution is not None:
            return corpus, corpus.resolve_id(spec.resolution)
    else:
        try:
            rel = Path(base).resolve().relative_to(corpus.path).as_posix()
        except ValueError:
            rel = ""
        rid = ResolutionId.from_relpath(rel)
        if rid is not None:
            return corpus, rid
    raise InputError(
        f"{base}: with --branches, BASE must be a corpus ref (res-179@dubai-2018) or a file"
        f" of the corpus {corpus.path}"
    )
