"""Building a ``git fast-import`` stream: many revision commits in one pass.

One GitPython commit at a time costs several git processes per revision; fast-import
(git's own bulk loader) writes every object into one pack from a single stream. Each
revision becomes one commit on the current branch, with the same message, trailers and
dates as ``resdiff add`` makes. The stream is produced lazily, so a huge import never
holds all texts in memory. See https://git-scm.com/docs/git-fast-import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from resdiff.corpus.refs import ResolutionId
from resdiff.corpus.repo import Identity
from resdiff.errors import ResdiffError
from resdiff.model import Diagnostic

#: (file, resolution number, verbatim) → (status, text or message, number line, diagnostics)
Job = tuple[str, str, bool]
Result = tuple[str, str, "str | None", tuple[Diagnostic, ...]]
#: Fewer texts than this are parsed in this process: starting workers costs more.
MIN_PARALLEL = 64
#: Texts handed to the workers at a time (bounds memory on huge imports).
BATCH = 512


def canonical_job(job: Job) -> Result:
    """Read one revision file and make its committed text (runs in a worker process).

    Returns ``("ok", text, number line, ())``, ``("refused", message, None, diagnostics)``
    for a text ``add`` would refuse, or ``("trouble", message, None, ())`` when the file
    cannot be read. Plain tuples: they cross process boundaries without surprises.
    """
    from resdiff.parsing import parse_text as parse
    from resdiff.corpus.texts import TextHasErrors, check_text, first_number_line
    from resdiff.files import read_text

    path, number, verbatim = job
    try:
        text = read_text(path)
        if verbatim:
            return ("ok", text, first_number_line(text), ())
        parsed = parse(text, source=path)
        check_text(parsed, path, number)
    except TextHasErrors as exc:
        return ("refused", str(exc), None, exc.diagnostics)
    except ResdiffError as exc:
        return ("trouble", str(exc), None, ())
    return ("ok", parsed.to_text(), parsed.number, ())


def canonical_texts(jobs: Sequence[Job], workers: int) -> Iterator[Result]:
    """:func:`canonical_job` over every job, in order, over ``workers`` processes."""
    if workers <= 1 or len(jobs) < MIN_PARALLEL:
        yield from map(canonical_job, jobs)
        return
    import resdiff.parsing  # noqa: F401  (loaded before the workers fork)

    with ProcessPoolExecutor(max_workers=workers) as pool:
        for start in range(0, len(jobs), BATCH):
            yield from pool.map(canonical_job, jobs[start : start + BATCH], chunksize=16)


@dataclass(frozen=True)
class ImportItem:
    """One revision file to import: which resolution, which revision, when, from where."""

    rid: ResolutionId
    revision: str
    adopted: date
    title: str | None
    path: Path


def _clean(value: str) -> str:
    """A name or e-mail safe inside ``Name <email>`` (no angle brackets or newlines)."""
    return " ".join(value.replace("<", "").replace(">", "").split())


def build_stream(
    items: Iterable[tuple[ImportItem, bytes, str]],
    *,
    branch: str,
    parent: str | None,
    prefix: str,
    ident: Identity,
    epoch_of: Callable[[date], int],
) -> Iterator[bytes]:
    """Yield the fast-import commands committing each (item, file bytes, message) in order
    on ``branch`` (a full ref), starting from ``parent`` (``None``: a new branch)."""
    who = f"{_clean(ident.name)} <{_clean(ident.email)}>".encode()
    first = True
    for item, data, message in items:
        when = f" {epoch_of(item.adopted)} +0000\n".encode()
        msg = message.encode("utf-8")
        path = (prefix + item.rid.relpath).encode("utf-8")
        chunk = [
            b"commit " + branch.encode() + b"\n",
            b"author " + who + when,
            b"committer " + who + when,
            b"data %d\n" % len(msg),
            msg,
            b"\n",
        ]
        if first and parent is not None:
            chunk.append(b"from " + parent.encode() + b"\n")
        first = False
        chunk += [b"M 100644 inline " + path + b"\n", b"data %d\n" % len(data), data, b"\n\n"]
        yield b"".join(chunk)
    yield b"done\n"
