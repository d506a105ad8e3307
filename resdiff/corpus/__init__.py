"""The git-backed corpus: resolutions as files, adopted revisions as commits with trailers.

Layers, each using only those below it: :mod:`~resdiff.corpus.repo` (the only importer of
GitPython) and :mod:`~resdiff.corpus.transaction` (one all-or-nothing write under git's
index lock); :mod:`~resdiff.corpus.store` (the corpus folder, its files, every git call in
corpus terms); :mod:`~resdiff.corpus.revisions` (the revision index) and
:mod:`~resdiff.corpus.snapshots` (texts at a revision, parsed and diffed);
:mod:`~resdiff.corpus.plan` (what a revision commit says and when one is refused);
:mod:`~resdiff.corpus.checks` and :mod:`~resdiff.corpus.importer`; and on top
:class:`Corpus`, the API. Everything returns model objects (:mod:`resdiff.corpus.records`)
and raises :class:`~resdiff.errors.ResdiffError` subclasses.
"""

from __future__ import annotations

from resdiff.corpus.core import Corpus
from resdiff.corpus.store import CONFIG, find_corpus
from resdiff.corpus.texts import TextHasErrors
from resdiff.corpus.records import (
    BlameEntry,
    CheckReport,
    ClauseHistory,
    HistoryStep,
    ImportResult,
    LogEntry,
    Revision,
)
from resdiff.corpus.refs import RefSpec, ResolutionId

__all__ = [
    "CONFIG",
    "BlameEntry",
    "CheckReport",
    "ClauseHistory",
    "Corpus",
    "HistoryStep",
    "ImportResult",
    "LogEntry",
    "RefSpec",
    "ResolutionId",
    "Revision",
    "TextHasErrors",
    "find_corpus",
]
