"""Progress bars: on standard error only when it is a terminal, never with --quiet, and
standard output stays byte for byte the same."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RES_179_2018, SEED_PAGE

from resdiff.cli import main, progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def on_terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """Standard error as a terminal (set in the test itself: pytest's capture puts its
    own stream back between a fixture's setup and the test)."""
    stream = Terminal()
    monkeypatch.setattr(sys, "stderr", stream)
    return stream


def test_a_bar_is_drawn_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = on_terminal(monkeypatch)
    assert list(progress.counted(iter("abc"), 3, "Working", quiet=False)) == ["a", "b", "c"]
    drawn = terminal.getvalue()
    assert "Working" in drawn
    assert "100%" in drawn


def test_no_bar_with_quiet_or_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = on_terminal(monkeypatch)
    assert list(progress.counted(iter("abc"), 3, "Working", quiet=True)) == ["a", "b", "c"]
    with progress.reporter("Importing", quiet=True) as report:
        assert report is None
    assert terminal.getvalue() == ""
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # a pipe or a file
    assert not progress.wanted(quiet=False)


def test_the_reporter_follows_done_of_total(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = on_terminal(monkeypatch)
    with progress.reporter("Importing", quiet=False) as report:
        assert report is not None
        for done in (1, 2, 4):
            report(done, 4)
    drawn = terminal.getvalue()
    assert "Importing" in drawn
    assert "100%" in drawn


@pytest.fixture
def trees(shared_data: Path, tmp_path: Path) -> tuple[str, str]:
    dubai = shared_data / "itu-pp" / "2018-dubai"
    old, new = tmp_path / "old", tmp_path / "new"
    for root in (old, new):
        root.mkdir()
        for name in ("res-11.txt", "res-123.txt", "res-125.txt", "dec-5.txt"):
            shutil.copy(dubai / name, root / name)
    shutil.copy(SEED_PAGE, old / "res-179.txt")
    shutil.copy(RES_179_2018, new / "res-179.txt")
    return str(old), str(new)


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_tree_diff_shows_progress_on_stderr_only(
    trees: tuple[str, str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    args = ["diff", *trees, "-f", fmt, "-j", "1"]
    piped = CliRunner().invoke(main, args)  # CliRunner's stderr is no terminal
    assert piped.exit_code == 1
    assert piped.stderr == ""
    monkeypatch.setattr(progress, "wanted", lambda quiet: not quiet)  # as on a terminal
    shown = CliRunner().invoke(main, args)
    assert shown.stdout_bytes == piped.stdout_bytes
    assert "Diffing resolutions" in shown.stderr
    quiet = CliRunner().invoke(main, [*args, "--quiet"])
    assert quiet.stdout_bytes == piped.stdout_bytes
    assert quiet.stderr == ""
