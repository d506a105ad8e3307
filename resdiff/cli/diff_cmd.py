"""``resdiff diff``: compare two revisions (files) or two trees (directories) clause by clause."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import click

from resdiff.cli import operands, progress
from resdiff.cli.options import (
    color_option,
    corpus_option,
    encoding_option,
    format_option,
    layout_option,
    output_option,
    quiet_option,
)
from resdiff.cli.output import output_format, stdout_is_terminal, use_color
from resdiff.errors import InputError
from resdiff.files import atomic_write
from resdiff.render import BINARY_FORMATS, FORMATS, RenderOptions, render
from resdiff.tuning import collector_paused

if TYPE_CHECKING:
    from resdiff.model import Layout


@click.command("diff")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="[NEW]", required=False)
@format_option(
    list(FORMATS), "Output format [default: term on a terminal, else text].", default=None
)
@click.option("-a", "--all", "show_all", is_flag=True, help="List unchanged clauses too.")
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=None,
    metavar="F",
    help="Similarity (0-1] at which two clauses count as the same paragraph; higher reports "
    "more rewritten clauses as removed + added [default: the value tuned on the real texts, "
    "see docs/diff.md].",
)
@click.option(
    "--ignore-editorial",
    is_flag=True,
    help="Report editorial-only changes (quotes, dashes, spacing: ITU's (MOD)) as unchanged.",
)
@color_option
@output_option
@encoding_option
@layout_option
@click.option(
    "--author", default="resdiff", show_default=True, help="Author of tracked changes (docx)."
)
@click.option(
    "--date", default=None, metavar="ISO", help="Date of tracked changes, ISO 8601 (docx)."
)
@click.option(
    "--marks",
    type=click.Choice(["itu"]),
    default=None,
    help="Show ITU revision marks (html, docx).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Worker processes for a tree diff [default: 0 = one per CPU].",
)
@quiet_option
@corpus_option
def diff_cmd(
    old: str,
    new: str | None,
    fmt: str | None,
    show_all: bool,
    threshold: float | None,
    ignore_editorial: bool,
    color: str,
    output: str | None,
    encoding: str,
    layout: Layout | None,
    author: str,
    date: str | None,
    marks: str | None,
    jobs: int,
    quiet: bool,
    corpus_path: str | None,
) -> None:
    """Compare OLD and NEW clause by clause and show what changed.

    OLD and NEW are two revisions of a resolution (text files), or two directories:
    then every *.txt file is paired by relative path and each resolution reported as
    added (ADD), removed (SUP), modified (MOD) or unchanged (NOC).

    A Word document (.docx) reads as its current text (tracked changes accepted), an
    Akoma Ntoso .xml as its resolution (a collection as a tree of its components). With
    OLD alone, a .docx: the changes tracked in it, its text with every change rejected
    against its text with every change accepted.

    Reported: clauses added, removed, amended (word by word), split, merged, moved to
    another section, or merely re-lettered; renamed, added and removed sections.

    A tree diff shows a progress bar on standard error when it is a terminal
    (not with --quiet).

    Exit status, as diff(1): 0 no differences, 1 differences, 2 trouble.

    \b
    Examples:
      resdiff diff res-179-2010.txt res-179-2018.txt
      resdiff diff old.txt new.txt --format markdown -o report.md
      resdiff diff pp-2010/ pp-2018/ --format json
      resdiff diff proposal.docx --format itu
    """
    stdout_tty = stdout_is_terminal()
    fmt = _checked_format(fmt, color, output, date, stdout_tty)
    diff_options: dict[str, Any] = {}
    if threshold is not None:
        diff_options["threshold"] = threshold
    if ignore_editorial:
        diff_options["ignore_editorial"] = True
    render_options = RenderOptions(
        show_all=show_all,
        color=fmt == "term" and use_color(color, stdout_tty and output is None),
        marks=marks,
        author=author,
        date=date,
    )
    # Reading, diffing and rendering allocate millions of objects that all live until the
    # output is made: the cyclic collector is paused until then (see resdiff.tuning).
    with collector_paused():
        sides = _sides(old, new, encoding, corpus_path, layout)
        if fmt == "json" and all(isinstance(side, operands.Tree) for side in sides):
            differs, pieces = _json_tree(sides, jobs, diff_options, show_all, quiet)
        else:
            result = _compare(sides, jobs, diff_options, quiet)
            differs = result.differs
            data = render(result, fmt, render_options)
            del result  # freed while the collector is paused: it has nothing left to walk
            pieces = [data.encode("utf-8") if isinstance(data, str) else data]
            del data  # a large tree's output is not held twice
    if output is not None:
        atomic_write(output, pieces[0] if len(pieces) == 1 else b"".join(pieces))
    else:
        _write_stdout(pieces)
    raise click.exceptions.Exit(1 if differs else 0)


def _sides(
    old: str, new: str | None, encoding: str, corpus_path: str | None, layout: Layout | None
) -> list[operands.Document | operands.Tree]:
    """The two sides to compare: OLD and NEW as read, or, with OLD alone (a .docx), its
    text with every tracked change rejected and with every change accepted; each single
    text to be read in ``layout`` when --layout gives one."""
    if new is None:
        return [operands.with_layout(s, layout) for s in operands.tracked_changes(old)]
    return [
        operands.resolve(arg, encoding=encoding, corpus_path=corpus_path, layout=layout)
        for arg in (old, new)
    ]


def _checked_format(
    fmt: str | None, color: str, output: str | None, date: str | None, stdout_tty: bool
) -> str:
    """The output format (see :func:`resdiff.cli.output.output_format`), once --date is
    checked too: it must be ISO 8601."""
    fmt = output_format(fmt, color, output, stdout_tty, BINARY_FORMATS)
    if date is not None:
        _check_date(date)
    return fmt


def _json_tree(
    sides: list[operands.Document | operands.Tree],
    jobs: int,
    diff_options: dict[str, Any],
    show_all: bool,
    quiet: bool,
) -> tuple[bool, list[bytes]]:
    """A tree diff as JSON, each resolution encoded by the worker that diffed it: the
    whole tree's diffs are never held at once, only the output's bytes, and no diff is
    pickled back. Nothing is
    written until the last pair is diffed, so an error still leaves no partial output.
    Whether anything differs comes back with the pieces (exit status)."""
    from functools import partial

    from resdiff.render.json_format import entry_text, same_text_entry, tree_chunks
    from resdiff.treediff import iter_encoded

    old, new = sides
    assert isinstance(old, operands.Tree)
    assert isinstance(new, operands.Tree)
    labels = _tree_labels(old, new)
    total = _tree_size(old, new)
    files = iter(old.files), iter(new.files)
    layout = old.layout  # --layout: the same on both sides
    sides.clear()
    del old, new
    statuses: list[str] = []

    def entries() -> Iterator[str]:
        encode = partial(entry_text, show_all=show_all)  # in the workers
        # a pair of one text, undiffed: its entry lists no clause unless --all
        same = None if show_all else same_text_entry
        encoded = iter_encoded(*files, encode, encode_same=same, old_label=labels[0],
                               new_label=labels[1], jobs=jobs, layout=layout,
                               **diff_options)  # fmt: skip
        for status, text in progress.counted(encoded, total, _PROGRESS_LABEL, quiet):
            statuses.append(status)
            yield text

    pieces = [chunk.encode("utf-8") for chunk in tree_chunks(*labels, entries(), show_all)]
    pieces.append(b"\n")
    return any(status != "unchanged" for status in statuses), pieces


#: What the tree diff's progress bar says.
_PROGRESS_LABEL = "Diffing resolutions"


def _tree_size(old: operands.Tree, new: operands.Tree) -> int:
    """How many resolutions the tree diff reports: the paths of either tree."""
    return len({path for path, _ in old.files} | {path for path, _ in new.files})


def _tree_labels(old: operands.Tree, new: operands.Tree) -> tuple[str, str]:
    """Both trees' labels; :class:`InputError` when either holds no resolution file."""
    empty = next((t.label for t in (old, new) if not t.files), None)
    if empty is not None:
        raise InputError(f"{empty}: no resolution files (*.txt) in this directory")
    return old.label, new.label


def _compare(
    sides: list[operands.Document | operands.Tree],
    jobs: int,
    diff_options: dict[str, Any],
    quiet: bool,
) -> Any:
    """Diff two documents, or two trees; a document against a tree is refused.

    ``sides`` is emptied: for trees, only one-shot iterators over the files are handed
    on, so each pair's texts are freed as soon as that pair is diffed.
    """
    new = sides.pop()
    old = sides.pop()
    if isinstance(old, operands.Document) and isinstance(new, operands.Document):
        import resdiff

        return resdiff.diff(
            old.parse(),
            new.parse(),
            **diff_options,
        )
    if isinstance(old, operands.Tree) and isinstance(new, operands.Tree):
        from resdiff.changes import TreeDiff
        from resdiff.treediff import iter_entries

        labels = _tree_labels(old, new)
        total = _tree_size(old, new)
        files = iter(old.files), iter(new.files)
        layout = old.layout  # --layout: the same on both sides
        del old, new
        found = iter_entries(*files, old_label=labels[0], new_label=labels[1], jobs=jobs,
                             layout=layout, **diff_options)  # fmt: skip
        entries = tuple(progress.counted(found, total, _PROGRESS_LABEL, quiet))
        return TreeDiff(old_source=labels[0], new_source=labels[1], entries=entries)
    kinds = {operands.Document: "a file", operands.Tree: "a directory"}
    raise InputError(
        f"cannot compare {kinds[type(old)]} ({old.label}) with {kinds[type(new)]} ({new.label}):"
        " give two files or two directories"
    )


def _write_stdout(pieces: list[bytes]) -> None:
    """Write the exact bytes (UTF-8 text, or a binary format) to standard output."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream: nothing binary reaches here on a terminal
        sys.stdout.write(b"".join(pieces).decode("utf-8", errors="replace"))
        sys.stdout.flush()
        return
    for piece in pieces:
        buffer.write(piece)
    buffer.flush()


def _check_date(value: str) -> None:
    import datetime

    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not an ISO 8601 date (e.g. 2018-11-16 or 2018-11-16T12:00:00)",
            param_hint="'--date'",
        ) from None
