"""Readers of documents that are not plain text: Word (.docx, with tracked changes) and
Akoma Ntoso XML. Each turns a file into the text of a resolution (one paragraph per line,
as the plain texts are written), which :func:`resdiff.parsing.parse_text` then reads, so
every reader yields the same model with the same clause paths.

Layering: readers → parsing → model. Nothing here prints, exits or reads the environment.
All XML goes through :mod:`resdiff.readers.safexml` (no DTD, no entities, no network) and
every zip member through its decompressed-size bound.
"""

from __future__ import annotations

from resdiff.readers.akn import AknComponent, is_akn, read_akn, read_akn_components
from resdiff.readers.docx import Changes, read_docx

__all__ = [
    "AknComponent",
    "Changes",
    "is_akn",
    "read_akn",
    "read_akn_components",
    "read_docx",
]
