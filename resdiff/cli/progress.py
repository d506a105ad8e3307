"""Progress of long work (a tree diff, an import) as a bar on standard error.

Shown only when standard error is a terminal and ``--quiet`` is not given, so a pipe, a
file or a CI log receives nothing, and standard output carries only the result.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TypeVar

import click

T = TypeVar("T")


def wanted(quiet: bool) -> bool:
    """Whether to show a bar: not ``quiet`` and standard error is a terminal."""
    if quiet:
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def counted(items: Iterable[T], total: int, label: str, quiet: bool) -> Iterator[T]:
    """``items`` as they come, advancing a bar of ``total`` steps after each one."""
    if not wanted(quiet) or total <= 0:
        yield from items
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        for item in items:
            yield item
            bar.update(1)


@contextmanager
def reporter(label: str, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A ``(done, total)`` callback that draws a bar (the bar starts at the first call),
    or ``None`` when no bar is wanted; the bar is closed at the end of the block."""
    if not wanted(quiet):
        yield None
        return
    with ExitStack() as stack:
        shown = 0
        bars: list[Callable[[int], None]] = []

        def report(done: int, total: int) -> None:
            nonlocal shown
            if not bars:
                bar = click.progressbar(length=total, label=label, file=sys.stderr)
                bars.append(stack.enter_context(bar).update)
            bars[0](done - shown)
            shown = done

        yield report
