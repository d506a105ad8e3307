"""A cache of pair diffs keyed by the two blobs' ids, so log/blame/history stay fast.

Two texts with the same blob ids always give the same diff (the differ is deterministic),
so a diff computed once is stored under ``<git-common-dir>/resdiff-cache/`` as the
``resdiff/diff/v1`` JSON document (``--all``, unchanged clauses included) and read back
on the next run. The key also covers the cache format, the resdiff version and a hash of
the parser's and differ's source, so changed code never reads a stale diff. An in-process
dict in front of it serves repeated requests within one command. Files are written
atomically; a damaged entry is ignored and recomputed. JSON, not pickle: the cache never
executes anything it reads.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from resdiff.changes import Diff
from resdiff.errors import ResdiffError
from resdiff.files import atomic_write

CACHE_FORMAT = "1"


@functools.cache
def code_fingerprint() -> str:
    """A hash of the parser's and differ's source (and of the package's ``__init__``, which
    holds the version), so that a cached diff is never read by code that would compute it
    differently."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    # The top-level modules (model, differ, align, worddiff, normalize …) and the parser
    # decide what a diff is; the CLI, renderers and corpus do not.
    files = sorted(root.glob("*.py")) + sorted((root / "parsing").glob("*.py"))
    for path in files:
        with contextlib.suppress(OSError):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


class DiffCache:
    """Pair diffs by (old blob, new blob): in memory, then on disk when ``folder`` is set."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.memory: dict[tuple[str, str], Diff] = {}
        self.hits = 0
        self.misses = 0

    def key(self, old_blob: str, new_blob: str) -> str:
        raw = f"{CACHE_FORMAT}\0{code_fingerprint()}\0{old_blob}\0{new_blob}".encode()
        return hashlib.sha256(raw).hexdigest()

    def _file(self, key: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / key[:2] / f"{key[2:]}.json"

    def get_or_compute(self, old_blob: str, new_blob: str, compute: Callable[[], Diff]) -> Diff:
        """The cached diff of the pair, or ``compute()`` stored for next time."""
        pair = (old_blob, new_blob)
        found = self.memory.get(pair)
        if found is not None:
            self.hits += 1
            return found
        path = self._file(self.key(old_blob, new_blob))
        if path is not None and path.is_file():
            try:
                found = Diff.from_json(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, KeyError, TypeError):
                found = None
        if found is not None:
            self.hits += 1
            self.memory[pair] = found
            return found
        self.misses += 1
        result = compute()
        self.memory[pair] = result
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                doc = result.to_json(show_all=True, with_options=True)
                atomic_write(path, json.dumps(doc, ensure_ascii=False))
            except (OSError, ResdiffError):
                pass  # a cache that cannot be written only costs time
        return result
