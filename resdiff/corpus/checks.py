"""``resdiff check`` on a corpus: the files, the layout, and the trailers of revision commits.

With a base ref it is the pull-request view: only the resolutions changed since the merge
base (working tree included), each with its clause diff against the base, and only the
commits made since then.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from resdiff.corpus.records import CheckReport, FileCheck, Problem
from resdiff.corpus.refs import ResolutionId, check_date, check_git_rev, is_revision_name
from resdiff.corpus.store import Store
from resdiff.corpus.texts import check_text
from resdiff.corpus.trailers import EARLIEST_COMMIT_TIME, Trailers, adoption_epoch, parse_trailers
from resdiff.errors import CorpusError, InputError, RefError
from resdiff.files import read_text


def check_corpus(store: Store, base: str | None = None) -> CheckReport:
    """Validate the corpus: every file (or, with ``base``, those changed since it) and
    the trailers of revision commits; with ``base``, each changed resolution's diff."""
    from resdiff.differ import diff_resolutions as diff
    from resdiff.parsing import parse_text as parse

    problems: list[Problem] = []
    files: list[FileCheck] = []
    head = store.head()
    base_commit = None
    base_files: dict[str, str] = {}
    if base is not None:
        check_git_rev(base)
        resolved = store.resolve(base)
        if resolved is None:
            raise RefError(f"unknown base revision {base!r}")
        base_commit = store.merge_base(resolved, head) if head else resolved
        base_commit = base_commit or resolved
        base_files = dict(store.files_at(base_commit))
    work = {rel: store.path / rel for rel in store.worktree_files()}
    for rel in sorted(set(work) | set(base_files)):
        rid = ResolutionId.from_relpath(rel)
        if rid is None:
            if rel in work:
                problems.append(
                    Problem(
                        "error",
                        store.prefix + rel,
                        "file outside the corpus layout <body>/<kind>-<number>.txt"
                        " (e.g. itu-pp/res-179.txt)",
                    )
                )
            continue
        old_text = store.read(base_files[rel], f"{rel}@{base}") if rel in base_files else None
        if rel not in work:
            if base is not None:
                files.append(FileCheck(rel, "removed", ()))
            continue
        try:
            text = read_text(work[rel])
        except InputError as exc:
            problems.append(Problem("error", store.prefix + rel, str(exc)))
            continue
        if base is not None and old_text == text:
            continue
        parsed = parse(text, source=store.prefix + rel)
        if not parsed.errors:
            try:
                check_text(parsed, store.prefix + rel, rid.number)
            except CorpusError as exc:
                problems.append(Problem("error", store.prefix + rel, _after_source(str(exc))))
        if base is None:
            files.append(FileCheck(rel, "checked", parsed.diagnostics))
        elif old_text is None:
            files.append(FileCheck(rel, "added", parsed.diagnostics))
        else:
            old = parse(old_text, source=f"{store.prefix}{rel}@{base}")
            d = diff(old, parsed)
            status = "modified" if d.differs else "unchanged"
            files.append(FileCheck(rel, status, parsed.diagnostics, d))
    if head is not None:
        problems.extend(_check_commits(store, head, base_commit))
    return CheckReport(base, tuple(files), tuple(problems))


def _check_commits(store: Store, head: str, base: str | None) -> list[Problem]:
    problems = []
    known: dict[ResolutionId, set[str]] = {}
    wanted = {c.sha for c in store.commits_since(base, head)} if base else None
    for info, changed in store.log(head):
        trailers = parse_trailers(info.message)
        rids = [r for r in map(ResolutionId.from_relpath, changed) if r is not None]
        if wanted is None or info.sha in wanted:
            problems.extend(
                commit_problems(info.sha, info.subject, trailers, rids, known, info.author_time)
            )
        if trailers.revision:
            for rid in rids:
                known.setdefault(rid, set()).add(trailers.revision)
    return problems


def _after_source(message: str) -> str:
    """``"file: refused, …"`` → ``"…"`` (the check report names the file itself)."""
    rest = message.split(": ", 1)[-1]
    return rest.removeprefix("refused, ")


_SUBJECT_ADD = re.compile(r"^(Add|Correct)\s+(Resolution|Decision|Recommendation)\b")


def commit_problems(
    sha: str,
    subject: str,
    trailers: Trailers,
    rids: list[ResolutionId],
    known: dict[ResolutionId, set[str]],
    author_time: int,
) -> list[Problem]:
    """The problems of one commit's trailers; ``known`` holds the revisions seen so far."""
    where = f"commit {sha[:10]} ({subject[:60]})"
    out: list[Problem] = []
    if not trailers.any:
        if _SUBJECT_ADD.match(subject):
            out.append(Problem("error", where, "a revision commit without Resdiff-* trailers"))
        return out
    if trailers.resolution is not None:
        try:
            rid = ResolutionId.parse(trailers.resolution)
        except RefError as exc:
            out.append(Problem("error", where, f"Resdiff-Resolution: {exc}"))
            rid = None
        if rid is not None and rid not in rids:
            out.append(
                Problem(
                    "error",
                    where,
                    f"Resdiff-Resolution is {rid}, but the commit leaves its file alone",
                )
            )
        for key, value in (
            ("Resdiff-Revision", trailers.revision),
            ("Resdiff-Adopted", trailers.adopted),
        ):
            if value is None:
                out.append(Problem("error", where, f"Resdiff-Resolution without {key}"))
    elif trailers.adopted is not None:
        out.append(Problem("error", where, "Resdiff-Adopted without Resdiff-Resolution"))
    if trailers.revision is not None:
        if not is_revision_name(trailers.revision):
            out.append(
                Problem(
                    "error",
                    where,
                    f"Resdiff-Revision {trailers.revision!r} is not a"
                    " revision name (e.g. dubai-2018)",
                )
            )
        elif trailers.resolution is None:
            for rid in rids:
                if trailers.revision not in known.get(rid, set()):
                    out.append(
                        Problem(
                            "error",
                            where,
                            f"Resdiff-Revision {trailers.revision}"
                            f" corrects no earlier revision of {rid}",
                        )
                    )
    if trailers.adopted is not None:
        try:
            day = check_date(trailers.adopted)
        except RefError as exc:
            out.append(Problem("error", where, f"Resdiff-Adopted: {exc}"))
        else:
            authored = datetime.fromtimestamp(author_time, tz=timezone.utc).date()
            if authored != day and adoption_epoch(day) != EARLIEST_COMMIT_TIME:
                out.append(
                    Problem(
                        "warning", where, f"author date {authored} is not the adoption date {day}"
                    )
                )
    return out
