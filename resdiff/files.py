"""Reading input files as text and writing output files atomically.

Every read goes through :func:`read_text` so that bad input (missing, a directory,
binary, not UTF-8, empty) fails the same way everywhere: an :class:`InputError` whose
message names the file and, for an encoding error, the byte offset. Every write goes
through :func:`atomic_write`: a temporary file in the target folder, then a rename, so
an interrupted write never leaves half a file.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from resdiff.errors import InputError, OutputError

#: Files larger than this are refused rather than parsed (no resolution is this big).
MAX_BYTES = 64 * 1024 * 1024


#: Byte-order marks of the encodings whose text is full of NUL bytes, longest first.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "UTF-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "UTF-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "UTF-16", "utf-16"),
)


def decode(data: bytes, where: str, encoding: str = "utf-8") -> str:
    """Decode ``data`` strictly; a BOM is kept in the text so ``to_source()`` can return it.

    A NUL anywhere means binary (a text never holds one). A UTF-16 or UTF-32 file (its
    byte-order mark) read as something else is refused with the ``--encoding`` that
    reads it, rather than reported as binary.
    """
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"{where}: unknown encoding {encoding!r}") from None
    wide = codec.startswith(("utf-16", "utf-32"))
    if not wide:
        for bom, name, option in _WIDE_BOMS:
            if data.startswith(bom):
                raise InputError(
                    f"{where}: is {name} (byte-order mark at offset 0), not {encoding};"
                    f" convert it to UTF-8 or use --encoding {option}"
                )
        nul = data.find(b"\x00")
        if nul >= 0:
            raise InputError(f"{where}: looks like a binary file (NUL byte at offset {nul})")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: not valid {exc.encoding} at byte offset {exc.start}"
            f" (byte 0x{data[exc.start]:02x}); use --encoding to read another encoding"
        ) from None
    if wide and "\x00" in text:
        raise InputError(f"{where}: looks like a binary file (NUL character {text.index(chr(0))})")
    if not text.lstrip("\ufeff").strip():
        blank = " (whitespace only)" if text.lstrip("\ufeff") else ""
        raise InputError(f"{where}: file is empty{blank}")
    return text


def read_text(path: str | os.PathLike[str], encoding: str = "utf-8") -> str:
    """Read a whole text file, refusing what is not a readable, non-empty text file."""
    return decode(read_bytes(path, MAX_BYTES), str(path), encoding)


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """A whole file's bytes, refused (one line naming the file) when it is missing, a
    directory, unreadable or larger than ``limit`` bytes."""
    p = Path(path)
    where = str(path)
    if p.is_dir():
        raise InputError(f"{where}: is a directory, expected a file")
    try:
        size = p.stat().st_size
        if size > limit:
            raise InputError(f"{where}: file is too large ({size} bytes; limit {limit})")
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{where}: no such file") from None
    except PermissionError:
        raise InputError(f"{where}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{where}: cannot read ({exc.strerror})") from None


@dataclass(frozen=True)
class TextFile:
    """A text file to read later, perhaps in another process: its path and encoding.

    A tree diff hands these to its worker processes instead of the texts, so the
    thousands of texts of a tree are never all in memory at once, nor in the process
    the workers are forked from.
    """

    path: str
    encoding: str = "utf-8"

    def read(self) -> str:
        """The file's text, refused as :func:`read_text` refuses it."""
        return read_text(self.path, self.encoding)


def writable_folder(path: str | os.PathLike[str], where: str) -> Path:
    """The folder a write to ``path`` lands in; refused when ``path`` is a directory or
    that folder is missing (``where`` names the target in the message).

    Shared by :func:`atomic_write` and the CLI, which checks ``-o`` before any work.
    """
    p = Path(path)
    if p.is_dir():
        raise OutputError(f"{where}: is a directory, cannot write over it")
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{where}: folder {parent} does not exist")
    return parent


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` all at once (temp file + rename) or not at all.

    A target that exists and is not a regular file (``/dev/null``, a named pipe, a
    terminal) is written to in place: renaming over it would replace the device itself.
    """
    p = Path(path)
    parent = writable_folder(p, str(p))
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if p.exists() and not p.is_file():
        try:
            with open(p, "wb") as fh:
                fh.write(raw)
        except OSError as exc:
            raise OutputError(f"{p}: cannot write ({exc.strerror})") from None
        return
    import tempfile  # here, not at the top: reading commands (diff to stdout) never need it

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"{p}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        if p.exists():
            os.chmod(tmp, p.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, p)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{p}: cannot write ({exc.strerror})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
