"""``resdiff.files``: writes are all or nothing, and never replace what is not a file."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from resdiff.errors import OutputError
from resdiff.files import atomic_write


def test_a_file_is_replaced_whole_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write(target, "new text")
    assert target.read_text(encoding="utf-8") == "new text"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]  # no temp file left


def test_a_named_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    """``-o /dev/null`` or ``-o FIFO``: renaming a temp file over it would replace the
    device or the pipe with a plain file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    atomic_write(fifo, b"through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_directory_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory"):
        atomic_write(tmp_path, "x")
    with pytest.raises(OutputError, match="does not exist"):
        atomic_write(tmp_path / "missing" / "out.txt", "x")
