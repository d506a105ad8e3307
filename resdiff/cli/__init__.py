"""The ``resdiff`` command line: a thin click group over the library.

Commands live in small modules of this package and are imported only when invoked, so
``resdiff diff`` does not pay for GitPython or python-docx. Every command's docstring is
its ``--help``. Any :class:`~resdiff.errors.ResdiffError` becomes one line on stderr and
exit status 2 — never a traceback.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

import click

from resdiff import __version__
from resdiff.errors import ResdiffError
from resdiff.tuning import freeze_survivors

#: command name -> (module, attribute, summary). Order here is the order in ``--help``.
#: The summary is the first paragraph of the command's docstring (a test keeps them
#: equal), so that ``resdiff --help`` lists the commands without importing any of them.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "parse": (
        "resdiff.cli.parse_cmds",
        "parse_cmd",
        "Show the clause structure of a resolution: every clause's path, label and text.",
    ),
    "fmt": (
        "resdiff.cli.parse_cmds",
        "fmt_cmd",
        "Print a resolution in canonical form: repaired, one paragraph per line.",
    ),
    "check": (
        "resdiff.cli.check_cmd",
        "check_cmd",
        "Check resolution files (or every one under a directory) for problems.",
    ),
    "diff": (
        "resdiff.cli.diff_cmd",
        "diff_cmd",
        "Compare OLD and NEW clause by clause and show what changed.",
    ),
    "apply": (
        "resdiff.cli.apply_cmd",
        "apply_cmd",
        "Apply a proposal in ITU revision marks (MARKED) to BASE and print the resulting text.",
    ),
    "export": (
        "resdiff.cli.export_cmd",
        "export_cmd",
        "Write a resolution as Akoma Ntoso 3.0 XML.",
    ),
    "init": (
        "resdiff.cli.corpus_cmds",
        "init_cmd",
        "Make PATH (default: here) a corpus: a git repository with a resdiff.toml.",
    ),
    "add": ("resdiff.cli.corpus_cmds", "add_cmd", "Commit FILE as a revision of a resolution."),
    "import": (
        "resdiff.cli.corpus_cmds",
        "import_cmd",
        "Import many revisions at once through git fast-import.",
    ),
    "log": (
        "resdiff.cli.corpus_cmds",
        "log_cmd",
        "List the revisions of a resolution, newest first, each with a one-line summary of"
        " its changes against the previous revision.",
    ),
    "show": (
        "resdiff.cli.corpus_cmds",
        "show_cmd",
        "Print the text of a resolution at a revision (a revision name or any git rev).",
    ),
    "blame": (
        "resdiff.cli.corpus_cmds",
        "blame_cmd",
        "For every clause of a revision: the revision that introduced it and the last one"
        " that amended it, following clauses through moves, re-lettering, splits and merges.",
    ),
    "history": (
        "resdiff.cli.corpus_cmds",
        "history_cmd",
        "Follow one clause (by its path, e.g. recognizing/c) through every revision, with its"
        " word changes ([-deleted-] {+inserted+}).",
    ),
    "merge": (
        "resdiff.cli.merge_cmds",
        "merge_cmd",
        "Merge the changes OURS and THEIRS each made to BASE, clause by clause.",
    ),
    "merge-driver": (
        "resdiff.cli.merge_cmds",
        "merge_driver_cmd",
        "A git merge driver: merge OTHER into CURRENT, clause by clause, against BASE.",
    ),
    "rebase": (
        "resdiff.cli.merge_cmds",
        "rebase_cmd",
        "Carry a proposal drafted on an older revision onto a newer one.",
    ),
    "compile": (
        "resdiff.cli.compile_cmd",
        "compile_cmd",
        "Compile many proposals against one BASE: what each does to every provision.",
    ),
    "git-diff-driver": (
        "resdiff.cli.corpus_cmds",
        "git_diff_driver_cmd",
        "Clause-aware diffs inside git (the GIT_EXTERNAL_DIFF protocol).",
    ),
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr, _ = target
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:  # not written yet
                return None
            raise
        command = getattr(module, attr, None)
        return command if isinstance(command, click.Command) else None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``--help``, from the summaries in :data:`COMMANDS`.

        Stand-in commands carry each summary as their help, so click shortens it to the
        terminal's width exactly as it would the real command's docstring; no command
        module is imported.
        """
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [
            (name, click.Command(name, help=summary).get_short_help_str(limit))
            for name, (_, _, summary) in COMMANDS.items()
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        """Run the command line; when it is the process's own (no ``args`` given: the
        ``resdiff`` program, ``python -m resdiff``), the process ends with the command, and
        what is left is frozen (:func:`resdiff.tuning.freeze_survivors`) so that the
        interpreter's shutdown does not walk every module's objects once more."""
        try:
            return super().main(args, *rest, **extra)
        finally:
            if args is None:
                freeze_survivors()

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
