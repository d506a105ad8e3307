"""Process-level speed settings, kept in one place: the collector pause and bounded memos.

Nothing here changes a result: each tool trades memory or bookkeeping for time and is
safe because of a property the rest of the code keeps (tested):

- :func:`collector_paused`: parsing, aligning and diffing make no reference cycles, so
  reference counting alone frees what they allocate, and Python's cyclic collector,
  which would walk every live object again on each full collection, can rest while a
  large diff's objects pile up;
- :func:`freeze_survivors`: a process about to end has nothing left for the collector
  to find, so its objects are moved out of the collector's reach before the
  interpreter's shutdown would walk them all once more;
- :class:`BoundedMemo`: a result kept by its key (a deterministic function's input)
  until the keys held reach a size bound, then all dropped at once.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")

__all__ = ["BoundedMemo", "collector_paused", "freeze_survivors"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, then restore its state.

    Nested uses are fine: only the outermost one turns it back on. Worker processes
    forked meanwhile inherit the pause and end with their pool.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def freeze_survivors() -> None:
    """Move every object alive now into the collector's permanent generation
    (:func:`gc.freeze`), where no later collection looks.

    For a process that is about to end: the shutdown's collections then skip every
    module's functions, classes and tables instead of walking them all once more. Objects
    are still freed by reference counting; only cycles among them would be kept, and the
    process is ending. Not for a long-lived process (a test run, a library caller).
    """
    gc.freeze()


class BoundedMemo(Generic[K, V]):
    """Results of a deterministic function by key, holding keys of at most ``limit``
    total size (``size(key)``); when the next key would pass it, everything is dropped.

    Dropping all at once (not least recently used) keeps a hit at one dictionary lookup.
    """

    def __init__(self, limit: int, size: Callable[[K], int]) -> None:
        self.limit = limit
        self._size = size
        self._held = 0
        self._results: dict[K, V] = {}
        #: :meth:`get` without a Python-level call (the dictionary's own ``get``): for
        #: a caller that asks once per line
        self.find: Callable[[K], V | None] = self._results.get

    def get(self, key: K) -> V | None:
        """The result remembered for ``key``, or ``None``."""
        return self._results.get(key)

    def put(self, key: K, result: V) -> V:
        """Remember ``result`` for ``key`` (first dropping everything if the bound would
        be passed) and return it."""
        size = self._size(key)
        if self._held + size > self.limit:
            self._results.clear()
            self._held = 0
        self._results[key] = result
        self._held += size
        return result

    def clear(self) -> None:
        self._results.clear()
        self._held = 0
