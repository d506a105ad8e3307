"""Safe XML and zip reading for the document readers: hostile files are refused, not obeyed.

XML is parsed by lxml with a hardened parser: no DTD loaded, no entity substituted, no
network, no huge-tree mode (libxml2's own depth and size limits stay on). A document that
declares a DTD at all (``<!DOCTYPE``, the vehicle of external entities and "billion laughs")
is refused: neither WordprocessingML nor Akoma Ntoso ever needs one.

A zip member is read with a bound on its decompressed size, checked twice: against the size
the archive declares, and by counting the bytes actually inflated (a forged header cannot
get past the second check). A zip bomb is refused before it fills memory.
"""

from __future__ import annotations

import os
import zipfile
import zlib

from lxml import etree

from resdiff.errors import InputError
from resdiff.files import read_bytes

#: Largest decompressed size of one zip member read (a resolution's document.xml is < 1 MB).
MAX_MEMBER_BYTES = 64 * 1024 * 1024
#: Largest file a reader opens (the same bound as for text files).
MAX_FILE_BYTES = 64 * 1024 * 1024

_CHUNK = 1 << 16


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_pis=True,
        collect_ids=False,
    )


def parse_xml(data: bytes, where: str) -> etree._Element:
    """The root element of the XML in ``data``; :class:`InputError` naming ``where`` when it
    is malformed or declares a DTD (external entities, entity bombs)."""
    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in data[:65536]:
        raise InputError(f"{where}: XML with a DTD (<!DOCTYPE) is refused for safety")
    if not head:
        raise InputError(f"{where}: empty XML")
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        line = f" at line {exc.lineno}" if exc.lineno else ""
        msg = str(exc.msg if hasattr(exc, "msg") else exc).splitlines()[0]
        raise InputError(f"{where}: malformed XML{line}: {msg}") from None
    except ValueError as exc:  # e.g. a str with an encoding declaration
        raise InputError(f"{where}: unreadable XML: {exc}") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InputError(f"{where}: XML with a DTD (<!DOCTYPE) is refused for safety")
    return root


def read_file_bytes(path: str | os.PathLike[str]) -> bytes:
    """A document's bytes, refused (one line naming the file) when missing, a directory,
    unreadable, empty or larger than :data:`MAX_FILE_BYTES`."""
    data = read_bytes(path, MAX_FILE_BYTES)
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    return data


class BoundedZip:
    """A zip archive whose members are read with a decompressed-size bound."""

    def __init__(self, path: str | os.PathLike[str], limit: int = MAX_MEMBER_BYTES) -> None:
        self.where = str(path)
        self.limit = limit
        data = read_file_bytes(path)
        import io

        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
            raise InputError(f"{self.where}: not a valid .docx (zip) file: {exc}") from None

    def has(self, name: str) -> bool:
        """Whether the archive holds a member called ``name``."""
        try:
            self._zip.getinfo(name)
        except KeyError:
            return False
        return True

    def read(self, name: str) -> bytes:
        """Member ``name``'s bytes; refused when missing, corrupt, or larger than the bound
        once decompressed (declared or actual)."""
        where = f"{self.where}: {name}"
        try:
            info = self._zip.getinfo(name)
        except KeyError:
            raise InputError(f"{self.where}: no {name} in the archive") from None
        if info.file_size > self.limit:
            raise InputError(self._too_big(name))
        out = bytearray()
        try:
            with self._zip.open(info) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    out += chunk
                    if len(out) > self.limit:
                        raise InputError(self._too_big(name))
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            ValueError,
            NotImplementedError,
        ) as exc:  # zlib.error: a damaged deflate stream (found by scripts/fuzz.py docx)
            raise InputError(f"{where}: corrupt zip member: {exc}") from None
        except RuntimeError as exc:  # encrypted member
            raise InputError(f"{where}: cannot read: {exc}") from None
        return bytes(out)

    def xml(self, name: str) -> etree._Element:
        """Member ``name`` parsed by :func:`parse_xml`."""
        return parse_xml(self.read(name), f"{self.where}: {name}")

    def _too_big(self, name: str) -> str:
        return (
            f"{self.where}: {name} decompresses to more than {self.limit} bytes"
            f" (limit {self.limit // (1024 * 1024)} MB); refused as a possible zip bomb"
        )
