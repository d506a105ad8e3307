"""``resdiff import``: many revisions at once, through ``git fast-import``.

The input folder holds ``<body>/<kind>-<number>/<revision>.txt`` files and a
``revisions.csv`` (``revision,adopted[,title]``). Each file becomes one revision commit,
exactly as ``resdiff add`` makes it, on the current branch, in adoption-date order; then
the index and working tree are brought along with a two-tree merge, and git's
commit-graph is written so that later path-limited logs stay fast. Everything that can be
refused is refused before git is touched; a text refused mid-stream stops fast-import
before any ref moves.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from resdiff.corpus.fastimport import ImportItem, build_stream, canonical_texts
from resdiff.corpus.records import ImportResult
from resdiff.corpus.refs import ResolutionId, check_date, check_revision_name, subject_title
from resdiff.corpus.texts import TextHasErrors
from resdiff.corpus.trailers import adoption_epoch, format_message
from resdiff.errors import CorpusError, InputError, RefError
from resdiff.files import read_text

if TYPE_CHECKING:
    from resdiff.corpus.core import Corpus

#: The metadata file of an import folder: one line per revision name.
IMPORT_METADATA = "revisions.csv"
LAYOUT = "<body>/<kind>-<number>/<revision>.txt"


def import_folder(
    corpus: Corpus, src: Path, *, verbatim: bool = False, workers: int = 2
) -> ImportResult:
    """Commit every revision file below ``src`` as one revision commit, in date order.

    ``verbatim`` commits texts as they are instead of parsing them and writing their
    canonical form (faster; no parser check). Texts are parsed in ``workers`` processes;
    the commits do not depend on it.
    """
    items = find_items(src, read_metadata(src))
    branch = corpus.git.branch()
    if branch is None:
        raise CorpusError(f"{corpus.git.root}: HEAD is detached; check out a branch to import")
    head = corpus.git.head()
    _refuse_conflicts(corpus, items, head)

    def commits() -> Iterator[tuple[ImportItem, bytes, str]]:
        jobs = [(str(it.path), it.rid.number, verbatim) for it in items]
        results = canonical_texts(jobs, workers)
        for it, (status, data, number_line, diagnostics) in zip(items, results, strict=True):
            if status == "refused":
                raise TextHasErrors(data, diagnostics, str(it.path))
            if status != "ok":
                raise InputError(data)
            shown = it.title or subject_title(number_line) or it.revision
            subject = f"Add {it.rid.kind_word} {it.rid.shown_number} ({shown})"
            message = format_message(subject, str(it.rid), it.revision, it.adopted.isoformat())
            yield it, data.encode("utf-8"), message

    stream = build_stream(
        commits(),
        branch=branch,
        parent=head,
        prefix=corpus.prefix,
        ident=corpus.git.identity(),
        epoch_of=adoption_epoch,
    )
    corpus.git.fast_import(stream)
    new_head = corpus.git.resolve(branch)
    assert new_head is not None
    corpus.git.checkout_update(head, new_head)
    corpus.git.write_commit_graph()
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


def _refuse_conflicts(corpus: Corpus, items: list[ImportItem], head: str | None) -> None:
    """Refuse a revision the corpus has, one older than a revision it has, a dirty file."""
    existing = corpus.scan(head) if head else {}
    for it in items:
        revs = existing.get(it.rid, [])
        if any(r.name == it.revision for r in revs):
            raise CorpusError(f"{it.path}: {it.rid} already has revision {it.revision}")
        later = [r for r in revs if r.adopted and r.adopted > it.adopted]
        if later:
            raise CorpusError(
                f"{it.path}: {it.rid} already has the later revision {later[-1].name}"
                f" ({later[-1].adopted}); import revisions in date order"
            )
    for path in sorted({corpus.repo_path(it.rid) for it in items}):
        reason = corpus.git.worktree_status(path)
        if reason is not None:
            raise CorpusError(
                f"{path}: has uncommitted changes ({reason}); commit or discard them first"
            )


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
