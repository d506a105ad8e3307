"""The ``resdiff`` command line: a thin click group over the library.

Commands live in small modules of this package and are imported only when invoked, so
``resdiff diff`` does not pay for GitPython or python-docx. Every command's docstring is
its ``--help``. Any :class:`~resdiff.errors.ResdiffError` becomes one line on stderr and
exit status 2 — never a traceback.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from resdiff import __version__
from resdiff.errors import ResdiffError

#: command name -> (module, attribute). Order here is the order in ``--help``.
COMMANDS: dict[str, tuple[str, str]] = {
    "parse": ("resdiff.cli.parse_cmds", "parse_cmd"),
    "fmt": ("resdiff.cli.parse_cmds", "fmt_cmd"),
    "check": ("resdiff.cli.check_cmd", "check_cmd"),
    "diff": ("resdiff.cli.diff_cmd", "diff_cmd"),
    "init": ("resdiff.cli.corpus_cmds", "init_cmd"),
    "add": ("resdiff.cli.corpus_cmds", "add_cmd"),
    "import": ("resdiff.cli.corpus_cmds", "import_cmd"),
    "log": ("resdiff.cli.corpus_cmds", "log_cmd"),
    "show": ("resdiff.cli.corpus_cmds", "show_cmd"),
    "blame": ("resdiff.cli.corpus_cmds", "blame_cmd"),
    "history": ("resdiff.cli.corpus_cmds", "history_cmd"),
    "git-diff-driver": ("resdiff.cli.corpus_cmds", "git_diff_driver_cmd"),
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self.get_command(ctx, name) is not None]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:  # not written yet
                return None
            raise
        command = getattr(module, attr, None)
        return command if isinstance(command, click.Command) else None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ResdiffError as exc:
            fail(str(exc))
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("resdiff: interrupted", err=True)
            ctx.exit(130)


def fail(message: str, status: int = 2) -> None:
    """Print one line on stderr and exit (2 = trouble, as diff(1))."""
    click.echo(f"resdiff: {message}", err=True)
    raise click.exceptions.Exit(status)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="resdiff")
def main() -> None:
    """resdiff: clause-aware diffs and a git-backed corpus for resolutions.

    Compare two revisions of a resolution and see which paragraphs were added, removed,
    amended (word by word), moved, split, merged or merely re-lettered.
    """
