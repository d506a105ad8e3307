"""The git-backed corpus: resolutions as files, adopted revisions as commits with trailers.

Only :mod:`resdiff.corpus.repo` imports GitPython; everything here returns model objects
(:mod:`resdiff.corpus.records`) and raises :class:`~resdiff.errors.ResdiffError` subclasses.
"""

from __future__ import annotations

from resdiff.corpus.core import CONFIG, Corpus, TextHasErrors, find_corpus
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
