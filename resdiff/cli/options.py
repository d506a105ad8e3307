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
