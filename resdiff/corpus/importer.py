"""``resdiff import``: many revisions at once, through ``git fast-import``.

The input folder holds ``<body>/<kind>-<number>/<revision>.txt`` files and a
``revisions.csv`` (``revision,adopted[,title]``). Each file becomes one revision commit,
exactly as ``resdiff add`` makes it, on the current branch, in adoption-date order, under
git's index lock; then HEAD moves by compare-and-swap, the index and working tree follow
(a killed import is finished or undone by the next write, see
:mod:`resdiff.corpus.transaction`), and git's commit-graph is written so that later
path-limited logs stay fast. Everything that can be refused is refused before git is
written to; a text refused mid-stream stops fast-import before any ref moves.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from resdiff.corpus.fastimport import ImportItem, build_stream, canonical_texts
from resdiff.corpus.plan import RevisionCommit, plan_revision
from resdiff.corpus.records import ImportResult
from resdiff.corpus.refs import ResolutionId, check_date, check_revision_name
from resdiff.corpus.revisions import RevisionIndex
from resdiff.corpus.texts import TextHasErrors
from resdiff.corpus.trailers import adoption_epoch
from resdiff.errors import InputError, RefError
from resdiff.files import read_text

#: The metadata file of an import folder: one line per revision name.
IMPORT_METADATA = "revisions.csv"
LAYOUT = "<body>/<kind>-<number>/<revision>.txt"


def import_folder(
    index: RevisionIndex,
    src: Path,
    *,
    verbatim: bool = False,
    workers: int = 2,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Commit every revision file below ``src`` as one revision commit, in date order.

    ``verbatim`` commits texts as they are instead of parsing them and writing their
    canonical form (faster; no parser check). Texts are parsed in ``workers`` processes;
    the commits do not depend on it. ``progress(done, total)`` is called as each
    revision's commit is written to the import stream.
    """
    store = index.store
    items = find_items(src, read_metadata(src))
    plans: list[RevisionCommit] = []

    def refuse() -> None:  # under the lock: nothing can slip in between check and commit
        plans.extend(_plan(index, items, store.head()))

    def commits() -> Iterator[tuple[ImportItem, bytes, str]]:
        jobs = [(str(it.path), it.rid.number, verbatim) for it in items]
        results = canonical_texts(jobs, workers)
        for done, (it, plan, (status, data, number_line, diagnostics)) in enumerate(
            zip(items, plans, results, strict=True), start=1
        ):
            if status == "refused":
                raise TextHasErrors(data, diagnostics, str(it.path))
            if status != "ok":
                raise InputError(data)
            yield it, data.encode("utf-8"), plan.message(number_line, it.title)
            if progress is not None:
                progress(done, len(items))

    def stream(ref: str, parent: str | None) -> Iterator[bytes]:
        return build_stream(
            commits(),
            branch=ref,
            parent=parent,
            prefix=store.prefix,
            ident=store.identity(),
            epoch_of=adoption_epoch,
        )

    new_head = store.import_commits(stream, refuse)
    return ImportResult(len(items), len({it.rid for it in items}), new_head)


def find_items(src: Path, dates: dict[str, tuple[date, str | None]]) -> list[ImportItem]:
    """Every revision file below ``src``, validated, in commit order (date, id, name)."""
    items: list[ImportItem] = []
    for path in sorted(src.rglob("*.txt")):
        rel = path.relative_to(src)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if len(rel.parts) != 3:
            raise InputError(f"{path}: expected {LAYOUT}")
        body, res, name = rel.parts
        try:
            rid = ResolutionId.parse(f"{body}/{res}")
            revision = check_revision_name(name[: -len(".txt")])
        except RefError as exc:
            raise InputError(f"{path}: {exc}") from None
        if revision not in dates:
            raise InputError(f"{path}: revision {revision!r} is not in {IMPORT_METADATA}")
        adopted, title = dates[revision]
        items.append(ImportItem(rid, revision, adopted, title, path))
    if not items:
        raise InputError(f"{src}: no {LAYOUT} files found")
    items.sort(key=lambda it: (it.adopted, it.rid, it.revision))
    return items


def _plan(index: RevisionIndex, items: list[ImportItem], head: str | None) -> list[RevisionCommit]:
    """Plan every commit, refusing a revision the corpus has, one older than a revision it
    has, and a target file with uncommitted changes — all before git is written to."""
    existing = index.scan(head) if head else {}
    plans = [
        plan_revision(it.rid, it.revision, it.adopted, existing.get(it.rid, []), source=it.path)
        for it in items
    ]
    for rid in sorted({it.rid for it in items}, key=index.store.repo_path):
        index.store.refuse_uncommitted(rid)
    return plans


def read_metadata(src: Path) -> dict[str, tuple[date, str | None]]:
    """Revision name → (adoption date, subject title) from ``revisions.csv``."""
    meta = src / IMPORT_METADATA
    text = read_text(meta)
    dates: dict[str, tuple[date, str | None]] = {}
    reader = csv.DictReader(text.splitlines())
    if reader.fieldnames is None or not {"revision", "adopted"} <= set(reader.fieldnames):
        raise InputError(f"{meta}: expected a header line 'revision,adopted[,title]'")
    for n, row in enumerate(reader, start=2):
        try:
            name = check_revision_name((row.get("revision") or "").strip())
            day = check_date((row.get("adopted") or "").strip())
        except RefError as exc:
            raise InputError(f"{meta}:{n}: {exc}") from None
        title = (row.get("title") or "").strip() or None
        dates[name] = (day, title)
    return dates
