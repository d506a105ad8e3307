"""Errors a person can act on. The CLI prints ``str(error)`` on one line and exits 2."""

from __future__ import annotations


class ResdiffError(Exception):
    """Base of every error resdiff raises on purpose: one line saying what and where."""


class InputError(ResdiffError):
    """A file could not be read as text: missing, a directory, binary, not UTF-8, empty."""


class RefError(ResdiffError):
    """A resolution id, revision or git ref is malformed, unsafe or unknown."""


class CorpusError(ResdiffError):
    """The corpus is missing, dirty where it must be clean, or a git operation failed."""


class OutputError(ResdiffError):
    """An output file could not be written (missing folder, a directory in the way)."""
