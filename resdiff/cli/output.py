"""Where a report goes: the format a command writes when none is asked for, colour, and the
checks on ``-o`` made before any work. Shared by ``diff`` and ``compile``."""

from __future__ import annotations

import os
import sys
from collections.abc import Collection

from resdiff.errors import OutputError
from resdiff.files import writable_folder


def stdout_is_terminal() -> bool:
    """Whether standard output is a terminal (False when it cannot tell)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def use_color(choice: str, terminal: bool) -> bool:
    """``always``/``never`` win; ``auto`` colours a terminal unless NO_COLOR or TERM=dumb."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return terminal


def output_format(
    fmt: str | None,
    color: str,
    output: str | None,
    stdout_tty: bool,
    binary_formats: Collection[str],
) -> str:
    """The format to write (``term`` on a terminal or with --color always, else ``text``,
    unless given), once checked: a binary format needs -o or a redirect, and -o must be a
    writable place (:func:`resdiff.files.atomic_write` checks again)."""
    if fmt is None:
        fmt = "term" if (output is None and stdout_tty) or color == "always" else "text"
    if fmt in binary_formats and output is None and stdout_tty:
        raise OutputError(
            f"--format {fmt} writes a binary file: give -o FILE or redirect standard output"
        )
    if output is not None:
        writable_folder(output, output)
    return fmt
