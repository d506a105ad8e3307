"""resdiff: a clause-aware differ and git-backed corpus for resolutions.

The library API (a contract; the CLI is a thin layer over it)::

    import resdiff
    old = resdiff.parse(text_2010, source="res-179-2010.txt")
    new = resdiff.parse(text_2018)
    d = resdiff.diff(old, new)          # -> resdiff.changes.Diff
    res = resdiff.apply(old, marked)    # ITU-marked proposal -> Resolution
    m = resdiff.merge(base, ours, theirs)  # -> resdiff.merge.Merge (text, conflicts)
    corpus = resdiff.Corpus("corpus")   # git-backed revisions
    text = resdiff.read_docx("proposal.docx", changes="accept")  # or "reject"
    text = resdiff.read_akn("res-179.akn.xml")                   # Akoma Ntoso 3.0

Heavy modules are imported lazily so that ``resdiff --help`` starts fast.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from resdiff.changes import Diff
    from resdiff.corpus import Corpus
    from resdiff.merge import Merge
    from resdiff.merge.result import Side
    from resdiff.model import Layout, Resolution

__all__ = [
    "Corpus",
    "Diff",
    "Merge",
    "Resolution",
    "__version__",
    "apply",
    "diff",
    "merge",
    "parse",
    "read_akn",
    "read_docx",
]


def parse(text: str, source: str | None = None, layout: Layout | None = None) -> Resolution:
    """Parse the text of a resolution into its clause structure; never refuses, never loses.

    ``source`` names where the text came from (a file name) for diagnostics and reports.
    ``layout`` (``"itu"`` or ``"un"``) forces how the text is read; by default each
    text's layout is recognised (ITU section headings, or UN PP/OP paragraphs).
    """
    from resdiff.parsing import parse_text

    return parse_text(text, source, layout)


def diff(old: Resolution, new: Resolution, **options: Any) -> Diff:
    """Compare two revisions of a resolution clause by clause (see :mod:`resdiff.differ`)."""
    from resdiff.differ import diff_resolutions

    return diff_resolutions(old, new, **options)


def apply(base: Resolution, marked: str, source: str | None = None) -> Resolution:
    """The resolution a proposal in ITU revision marks (``resdiff diff --format itu``)
    makes of ``base``; see :mod:`resdiff.apply_marks`.

    ``apply(old, itu(diff(old, new)))`` has exactly ``new``'s clauses. Marks that do not
    fit ``base`` raise :class:`resdiff.itu_marks.MarksError` naming the clause and words.
    """
    from resdiff.apply_marks import apply_marks

    return apply_marks(base, marked, source)


def merge(
    base: Resolution, ours: Resolution, theirs: Resolution, favor: Side | None = None
) -> Merge:
    """Merge the changes ``ours`` and ``theirs`` each made to ``base``, clause by clause.

    Returns the merged resolution (canonical text and parsed), its conflicts and which side
    each change came from; ``favor`` ("ours"/"theirs") resolves every conflict to that side.
    See :mod:`resdiff.merge` and docs/merge.md.
    """
    from resdiff.merge import merge_resolutions

    return merge_resolutions(base, ours, theirs, favor)


def read_docx(path: str | os.PathLike[str], changes: str = "accept") -> str:
    """The text of a Word document (.docx), its tracked changes all accepted (``"accept"``,
    as it now reads) or all rejected (``"reject"``, as it read before); ready for
    :func:`parse`. Hostile or broken files raise :class:`resdiff.errors.InputError`."""
    from resdiff.readers.docx import read_docx as read

    if changes not in ("accept", "reject"):
        raise ValueError(f"changes must be 'accept' or 'reject', not {changes!r}")
    return read(path, "accept" if changes == "accept" else "reject")


def read_akn(path: str | os.PathLike[str]) -> str:
    """The text of the one resolution in an Akoma Ntoso 3.0 file, ready for :func:`parse`
    (a collection: :func:`resdiff.readers.read_akn_components`)."""
    from resdiff.readers.akn import read_akn as read

    return read(path)


def __getattr__(name: str) -> Any:
    if name == "Corpus":
        from resdiff.corpus import Corpus

        return Corpus
    if name == "Resolution":
        from resdiff.model import Resolution

        return Resolution
    if name == "Merge":
        from resdiff.merge import Merge

        return Merge
    if name == "Diff":
        from resdiff.changes import Diff

        return Diff
    raise AttributeError(f"module 'resdiff' has no attribute {name!r}")
