"""Option decorators shared by several commands, so each option reads the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def encoding_option(func: F) -> F:
    """``--encoding``: how to decode input files (default UTF-8, BOM kept)."""
    return click.option(
        "--encoding",
        default="utf-8",
        show_default=True,
        metavar="NAME",
        help="Text encoding of the input files.",
    )(func)


def layout_option(func: F) -> F:
    """``--layout itu|un``: read every input in that layout instead of recognising each
    file's own (ITU section headings, or UN PP/OP paragraphs), into ``layout``."""
    return click.option(
        "--layout",
        type=click.Choice(["itu", "un"]),
        default=None,
        help="Read the inputs in this layout [default: recognised per file].",
    )(func)


def format_option(
    choices: list[str], help_text: str, default: str | None = "text"
) -> Callable[[F], F]:
    """``-f/--format NAME`` into the ``fmt`` parameter: one of ``choices``.

    With a ``default`` it is shown in --help; ``None`` leaves the command to choose (and
    its help text to say what it chooses).
    """

    def decorate(func: F) -> F:
        return click.option(
            "-f",
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            show_default=default is not None,
            help=help_text,
        )(func)

    return decorate


def output_option(func: F) -> F:
    """``-o/--output FILE``: write there (atomically) instead of stdout."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=True, path_type=str),
        default=None,
        help="Write to FILE instead of standard output (all or nothing).",
    )(func)


def corpus_option(func: F) -> F:
    """``--corpus PATH``: the corpus folder.

    Else $RESDIFF_CORPUS, else the nearest resdiff.toml.
    """
    return click.option(
        "--corpus",
        "corpus_path",
        type=click.Path(file_okay=False, path_type=str),
        default=None,
        envvar="RESDIFF_CORPUS",
        help="Corpus folder (default: $RESDIFF_CORPUS, else the nearest folder with resdiff.toml).",
    )(func)


def quiet_option(func: F) -> F:
    """``-q/--quiet``: no progress bar on standard error."""
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        help="Show no progress bar (one is shown on standard error when it is a terminal).",
    )(func)


def color_option(func: F) -> F:
    """``--color auto|always|never``: colour the term format."""
    return click.option(
        "--color",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="Colour the term format; auto = on a terminal unless NO_COLOR is set.",
    )(func)
