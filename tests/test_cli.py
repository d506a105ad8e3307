"""The lazy command group: ``resdiff --help`` lists every command without importing it."""

from __future__ import annotations

import gc
import importlib
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from resdiff.cli import COMMANDS, main


@pytest.mark.parametrize("name", list(COMMANDS))
def test_summary_is_the_first_paragraph_of_the_docstring(name: str) -> None:
    module_name, attr, summary = COMMANDS[name]
    command = getattr(importlib.import_module(module_name), attr)
    assert isinstance(command, click.Command)
    assert command.help is not None
    assert summary == " ".join(command.help.partition("\n\n")[0].split())


def test_help_lists_every_command_with_its_summary() -> None:
    result = CliRunner().invoke(main, ["--help"], terminal_width=200)
    assert result.exit_code == 0
    listed = result.output.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed] == list(COMMANDS)
    assert "Compare OLD and NEW clause by clause and show what changed." in result.output


def test_help_imports_no_command_module() -> None:
    code = (
        "import sys\n"
        "from resdiff.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('resdiff.cli.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_only_the_programs_own_command_line_freezes_what_is_left() -> None:
    """Run as the ``resdiff`` program, the CLI freezes the objects left when it ends (the
    interpreter's shutdown then skips them); a caller handing it arguments (a script,
    a test) keeps its collector as it was."""
    frozen = gc.get_freeze_count()
    assert CliRunner().invoke(main, ["--help"]).exit_code == 0
    assert gc.get_freeze_count() == frozen
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print(gc.get_freeze_count() > 0, gc.isenabled()))\n"
        "from resdiff.cli import main\n"
        "sys.argv = ['resdiff', '--help']\n"
        "main()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.splitlines()[-1] == "True True"


DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_is_documented(name: str) -> None:
    """Each command has a line in the usage guide and a section in a detailed page."""
    usage = (DOCS / "usage.md").read_text(encoding="utf-8")
    assert f"`resdiff {name}" in usage or f"`{name}`" in usage
    detailed = "".join(p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md")))
    assert f"resdiff {name}" in detailed
