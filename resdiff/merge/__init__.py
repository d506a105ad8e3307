"""Three-way clause merge: ``resdiff.merge(base, ours, theirs, favor=None) -> Merge``.

Each side is read against the base with the differ's alignment
(:mod:`resdiff.merge.outcomes`), the two outcome tables are combined clause by clause in
base order (:mod:`resdiff.merge.combine`), labels are recomputed in each section's style
(:mod:`resdiff.merge.relabel`), and the result is written in canonical form
(:mod:`resdiff.merge.text`). The same outcome tables, laid side by side for many
proposals, give the compilation (:func:`compile_proposals`, docs/compile.md). See
docs/merge.md for the semantics and conflict kinds.
"""

from __future__ import annotations

import sys
import types

from resdiff.merge.compilation import COMPILATION_SCHEMA, Compilation, Entry, Position, Proposal
from resdiff.merge.compile import compile_proposals
from resdiff.merge.outcomes import Anchor, Item, Outcome, SideOutcomes, side_outcomes
from resdiff.merge.result import MERGE_SCHEMA, Conflict, Merge, MergeChange, Side
from resdiff.merge.text import merge_resolutions
from resdiff.model import Resolution

__all__ = [
    "COMPILATION_SCHEMA",
    "MERGE_SCHEMA",
    "Anchor",
    "Compilation",
    "Conflict",
    "Entry",
    "Item",
    "Merge",
    "MergeChange",
    "Outcome",
    "Position",
    "Proposal",
    "Side",
    "SideOutcomes",
    "compile_proposals",
    "merge_resolutions",
    "side_outcomes",
]


class _CallableModule(types.ModuleType):
    """This package, callable as :func:`resdiff.merge`.

    ``resdiff.merge`` is both the library function (a contract) and this package: once
    any ``resdiff.merge.*`` module is imported, Python binds the package to the name
    ``resdiff.merge``, hiding the function. Calling the package calls the function, so
    ``resdiff.merge(base, ours, theirs)`` works whichever the name holds.
    """

    def __call__(
        self, base: Resolution, ours: Resolution, theirs: Resolution, favor: Side | None = None
    ) -> Merge:
        return merge_resolutions(base, ours, theirs, favor)


sys.modules[__name__].__class__ = _CallableModule
