"""Tree diff: compare two sets of resolutions (two folders, two corpus revisions) by path.

Files are paired by relative path: a path only in the new tree is *added* (ADD), only in
the old one *removed* (SUP); a path in both is parsed and diffed clause by clause and is
*modified* (MOD) when the diff reports anything, else *unchanged* (NOC).

Parsing and diffing run in worker processes (``concurrent.futures.ProcessPoolExecutor``,
chunked), because both are CPU-bound pure Python; small trees and ``jobs=1`` run in this
process, where a pool would cost more than it saves. Results are keyed by path and the
entries sorted by path, so the output does not depend on scheduling or on ``jobs``.

For large trees, :func:`iter_entries` / :func:`iter_encoded` give the entries one at a
time, in path order, as the workers finish them; texts may be given as
:class:`~resdiff.files.TextFile` so that each worker reads its own pairs. Together they
keep a tree diff's memory at a few pairs per process, not the whole tree.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Literal, TypeVar

from resdiff.changes import Change, Diff, TreeDiff, TreeEntry
from resdiff.errors import InputError, ResdiffError
from resdiff.files import MAX_BYTES, TextFile, decode, read_bytes
from resdiff.model import Layout, Resolution
from resdiff.tuning import collector_paused

#: Fewer pairs than this are diffed in-process: starting workers would cost more.
MIN_PARALLEL_PAIRS = 8
#: Pairs per task sent to a worker (fewer round trips; still balances the load).
MAX_CHUNK = 32

#: A tree's file: its text, or a :class:`TextFile` read where the pair is diffed.
Text = str | TextFile
TreeInput = Mapping[str, Text] | Iterable[tuple[str, Text]]
T = TypeVar("T")
Status = Literal["modified", "unchanged"]
#: (path, old file, new file, old source, new source, layout to read both in, diff options)
_Task = tuple[str, Text, Text, str, str, Layout | None, dict[str, Any]]
#: Encodes the entry of a pair whose two texts are the same, from that text parsed once
#: (``path``, the resolution with the old side's source, the new side's source).
SameEncoder = Callable[[str, Resolution, str], T]
_Item = tuple[_Task, Callable[[TreeEntry], T], SameEncoder[T] | None]


def diff_trees(
    old: TreeInput,
    new: TreeInput,
    *,
    old_label: str | None = None,
    new_label: str | None = None,
    jobs: int | None = 2,
    layout: Layout | None = None,
    **diff_options: Any,
) -> TreeDiff:
    """Diff every resolution of two trees, given as ``{relative path: text}`` or
    ``(relative path, text)`` pairs; ``diff_options`` go to :func:`resdiff.diff`.
    A text may be a :class:`~resdiff.files.TextFile`: then the worker that diffs the pair
    reads it, and no process holds more than the texts of the pairs it is diffing
    (files only in one tree are read here, to refuse them as before, and dropped).

    ``jobs`` is the number of worker processes (``None`` or 0: one per CPU; 1: none).
    ``layout`` (``"itu"`` or ``"un"``) reads every file in that layout, as ``--layout``
    does; ``None`` recognises each file's own. Each pair's sources read
    ``<label>/<path>``. Entries are sorted by path.

    Given iterators of pairs (not mappings), the texts are held only here, and each
    pair's texts are released once it is diffed: the caller that drops its own
    references (as the CLI does) keeps peak memory at the diffs, not the diffs plus
    every input text.
    """
    with collector_paused():  # see resdiff.tuning: a tree's diffs are held to the end
        labels = {"old_label": old_label, "new_label": new_label}
        entries = tuple(iter_entries(old, new, jobs=jobs, layout=layout, **labels, **diff_options))
    return TreeDiff(old_source=old_label, new_source=new_label, entries=entries)


def iter_entries(
    old: TreeInput,
    new: TreeInput,
    *,
    old_label: str | None = None,
    new_label: str | None = None,
    jobs: int | None = 2,
    layout: Layout | None = None,
    **diff_options: Any,
) -> Iterator[TreeEntry]:
    """The entries :func:`diff_trees` returns, in path order, each as soon as it is diffed.

    A caller that writes each entry out and drops it holds one resolution's diff at a
    time, not the whole tree's: workers run ahead, and their results wait, in order, in
    the pool. Files only in one tree are read (and refused when unreadable) before the
    first entry is given.
    """
    for _, entry in iter_encoded(old, new, _same, old_label=old_label, new_label=new_label,
                                 jobs=jobs, layout=layout, **diff_options):  # fmt: skip
        yield entry


def iter_encoded(
    old: TreeInput,
    new: TreeInput,
    encode: Callable[[TreeEntry], T],
    *,
    encode_same: SameEncoder[T] | None = None,
    old_label: str | None = None,
    new_label: str | None = None,
    jobs: int | None = 2,
    layout: Layout | None = None,
    **diff_options: Any,
) -> Iterator[tuple[str, T]]:
    """``(status, encode(entry))`` for each entry of :func:`iter_entries`, in path order.

    ``encode`` runs in the worker that diffed the pair (it must pickle: a module-level
    function or a ``functools.partial`` of one), so only its result comes back, not the
    diff: the CLI's JSON output has each resolution's JSON text made there, in parallel,
    instead of pickling the diff over and encoding it in this process.

    ``encode_same``, when given, encodes a pair whose two files hold the same text (found
    by comparing their bytes before decoding) without diffing it, from the text parsed
    once: it must give what ``encode`` gives for that pair's (``unchanged``) entry. Most
    resolutions of two conferences' trees are such pairs, and building each one's diff,
    a change for every clause, would cost about as much as parsing it.
    """
    if encode_same is not None:
        from resdiff.differ import check_options

        check_options(**diff_options)  # refused here as the differ would refuse them
    old_files = _as_mapping(old, old_label or "old tree")
    new_files = _as_mapping(new, new_label or "new tree")
    paths = sorted(set(old_files) | set(new_files))
    only_old = {p for p in paths if p not in new_files}
    only_new = {p for p in paths if p not in old_files}
    common = [p for p in paths if p not in only_old and p not in only_new]
    for files, only in ((old_files, only_old), (new_files, only_new)):
        for path in sorted(only):
            _read(files.pop(path))

    def tasks() -> Iterator[_Item[T]]:
        # Popped, not looked up: once a pair is diffed nothing here holds its texts.
        for path in common:
            old_text, new_text = old_files.pop(path), new_files.pop(path)
            yield (path, old_text, new_text, _source(old_label, path),
                   _source(new_label, path), layout, diff_options), encode, encode_same  # fmt: skip

    results = _run(tasks(), len(common), _workers(jobs))
    for path in paths:
        if path in only_new:
            yield "added", encode(TreeEntry(path=path, status="added", diff=None))
        elif path in only_old:
            yield "removed", encode(TreeEntry(path=path, status="removed", diff=None))
        else:
            yield next(results)


def _same(entry: TreeEntry) -> TreeEntry:
    return entry


def _read(text: Text) -> str:
    return text if isinstance(text, str) else text.read()


def _as_mapping(tree: TreeInput, label: str) -> dict[str, Text]:
    if isinstance(tree, Mapping):
        return dict(tree)
    files: dict[str, Text] = {}
    for path, text in tree:
        if path in files:
            raise InputError(f"{label}: {path} is given twice")
        files[path] = text
    return files


def _source(label: str | None, path: str) -> str:
    return f"{label.rstrip('/')}/{path}" if label else path


def _workers(jobs: int | None) -> int:
    """``jobs``, or the CPUs this process may run on (not all the machine's) when 0/None."""
    if not jobs or jobs < 0:
        try:
            return len(os.sched_getaffinity(0)) or 1
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1
    return jobs


def _read_pair(old: Text, new: Text) -> tuple[str, str]:
    """Both texts of a pair; two plain text files of the same encoding holding the same
    bytes are decoded once, and then both texts are one object (what :func:`_diff_task`
    tests). A file read through a reader (a subclass: .docx, .xml) reads itself."""
    if type(old) is TextFile and type(new) is TextFile and old.encoding == new.encoding:
        old_bytes = read_bytes(old.path, MAX_BYTES)
        old_text = decode(old_bytes, old.path, old.encoding)  # refused first, as before
        new_bytes = read_bytes(new.path, MAX_BYTES)
        if new_bytes == old_bytes:
            return old_text, old_text
        return old_text, decode(new_bytes, new.path, new.encoding)
    old_text, new_text = _read(old), _read(new)
    return (old_text, old_text) if old_text == new_text else (old_text, new_text)


def _diff_task(task: _Task, share: bool = True) -> Diff:
    """Parse and diff one pair (runs in a worker process); identical texts parse once.
    ``share``: equal strings of unchanged clauses made one object (:func:`shared`), for a
    diff that is pickled back to the parent or kept."""
    from resdiff.differ import diff_resolutions

    path, old_file, new_file, old_source, new_source, layout, options = task
    old_text, new_text = _read_pair(old_file, new_file)
    with _naming(path):
        old = _parse(old_text, old_source, layout)
        new = (
            replace(old, source=new_source)
            if new_text is old_text
            else _parse(new_text, new_source, layout)
        )
        diff = diff_resolutions(old, new, **options)
        return shared(diff) if share else diff


def _parse(text: str, source: str, layout: Layout | None) -> Resolution:
    """``text`` read in ``layout``, or in its own when ``None``."""
    from resdiff.parsing import parse_text

    return parse_text(text, source=source, layout=layout)


@contextmanager
def _naming(path: str) -> Iterator[None]:
    """Let a :class:`ResdiffError` through; say which file any other exception (a bug met
    on one file of many) was met on."""
    try:
        yield
    except ResdiffError:
        raise
    except Exception as exc:
        raise ResdiffError(f"{path}: cannot diff ({type(exc).__name__}: {exc})") from exc


def _encoded_task(item: _Item[T]) -> tuple[str, T]:
    """Diff one pair and encode its entry (runs in a worker process); a pair of one text
    goes to ``encode_same`` when there is one, undiffed."""
    task, encode, encode_same = item
    if encode_same is not None:
        path, old_file, new_file, old_source, new_source, layout, options = task
        old_text, new_text = _read_pair(old_file, new_file)
        if new_text is old_text:
            with _naming(path):
                same = _parse(old_text, old_source, layout)
                return "unchanged", encode_same(path, same, new_source)
        task = (path, old_text, new_text, old_source, new_source, layout, options)
    diff = _diff_task(task, share=encode is _same)  # else only encode's result leaves
    status: Status = "modified" if diff.differs else "unchanged"
    return status, encode(TreeEntry(path=task[0], status=status, diff=diff))


def shared(diff: Diff) -> Diff:
    """The same diff (equal by value) with the equal parts of unchanged clauses shared.

    An unchanged clause carries its text three times (old, new, the ``=`` word op), each
    a separate string when the two sides were parsed apart. Sharing one object lets it
    pickle once and sit in memory once.
    """
    changes: list[Change] = []
    for change in diff.changes:
        if change.kind == "unchanged" and len(change.old) == len(change.new) == 1:
            old, new = change.old[0], change.new[0]
            if old is new:  # shared already (resdiff.differ does so for word-for-word pairs)
                olds = change.old
            elif old == new:
                olds = change.new
            else:
                text = new.text if old.text == new.text else old.text
                section = new.section if old.section == new.section else old.section
                olds = (
                    change.old
                    if old.text is text and old.section is section
                    else (replace(old, text=text, section=section),)
                )
            shares = [text is new.text or text != new.text for _, text in change.words]
            if olds is not change.old or not all(shares):
                words = tuple(
                    (op, new.text if text == new.text else text) for op, text in change.words
                )
                change = replace(change, old=olds, words=words)
        changes.append(change)
    return replace(diff, changes=tuple(changes))


def _run(tasks: Iterable[_Item[T]], count: int, workers: int) -> Iterator[tuple[str, T]]:
    """Diff and encode ``count`` tasks, in task order, in-process or over ``workers``
    processes."""
    if workers <= 1 or count < MIN_PARALLEL_PAIRS:
        yield from map(_encoded_task, tasks)
        return
    # Import the parser and differ before forking, so workers start with them loaded.
    import resdiff.differ
    import resdiff.parsing  # noqa: F401

    workers = min(workers, count)
    chunk = max(1, min(MAX_CHUNK, count // (workers * 4)))
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from pool.map(_encoded_task, tasks, chunksize=chunk)
    except BrokenProcessPool as exc:
        raise ResdiffError(f"tree diff: a worker process died ({exc})") from None
