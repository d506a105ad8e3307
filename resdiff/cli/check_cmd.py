"""``resdiff check``: report what the parser notices in resolution files, compiler-style."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from resdiff.cli.operands import RESOLUTION_SUFFIXES, read_resolutions
from resdiff.cli.options import corpus_option, encoding_option, format_option, layout_option
from resdiff.cli.terminal import dumps_json
from resdiff.parsing.check import LEVELS, FileReport, check_paths

if TYPE_CHECKING:
    from resdiff.model import Layout


def _json(reports: list[FileReport], shown: set[str]) -> dict[str, Any]:
    from resdiff.parsing.tree import diagnostic_json

    return {
        "schema": "resdiff/check/v1",
        "files": [
            {
                "path": r.path,
                "trouble": r.trouble,
                "errors": r.errors,
                "warnings": r.warnings,
                "diagnostics": [diagnostic_json(d) for d in r.diagnostics if d.level in shown],
            }
            for r in reports
        ],
        "summary": {
            "files": len(reports),
            "errors": sum(r.errors for r in reports),
            "warnings": sum(r.warnings for r in reports),
            "trouble": sum(1 for r in reports if r.trouble),
        },
    }


@click.command("check")
@click.argument("paths", metavar="[PATH...]", nargs=-1)
@format_option(
    ["text", "json", "markdown"],
    "text: 'file:line:col: level: message [code]' per finding; json: resdiff/check/v1"
    " (resdiff/corpus-check/v1 for a corpus); markdown: a pull-request comment (corpus only).",
)
@click.option(
    "--base",
    default=None,
    metavar="REF",
    help="Corpus check against a git ref: only resolutions changed since REF, with their"
    " clause changes (the pull-request view).",
)
@click.option(
    "--level",
    type=click.Choice(list(LEVELS)),
    default="warning",
    show_default=True,
    help="Show findings of this level and above (info adds site-text notes).",
)
@encoding_option
@layout_option
@corpus_option
def check_cmd(
    paths: tuple[str, ...],
    fmt: str,
    base: str | None,
    level: str,
    encoding: str,
    layout: Layout | None,
    corpus_path: str | None,
) -> None:
    """Check resolution files (or every one under a directory) for problems.

    Reads .txt, .docx (tracked changes accepted) and Akoma Ntoso .xml files (each
    resolution of a collection, as PATH#<id>); line:col count in the text read.
    Reports each repair of conversion noise (glued headings, inline footnotes, run-on
    paragraphs), label gaps, duplicates and order, and missing structure, as
    file:line:col: level: message [code]. Exit status: 0 clean (warnings allowed),
    1 when an error was found, 2 when a file could not be read.

    Without PATH, checks the corpus (--corpus, $RESDIFF_CORPUS or the nearest
    resdiff.toml): every resolution file, files outside the <body>/<kind>-<number>.txt
    layout, and the Resdiff-* trailers of revision commits. With --base REF, only the
    resolutions changed since REF, each with its clause changes against REF.

    \b
    Example (CI on a pull request):
      resdiff check --base origin/main --format markdown > report.md
    """
    shown = set(LEVELS[LEVELS.index(level) :])
    if not paths or base is not None:
        if paths:
            raise click.UsageError("give either PATH... (files) or --base REF (the corpus)")
        _check_corpus(corpus_path, base, fmt, shown)
        return
    if fmt == "markdown":
        raise click.UsageError("--format markdown is for corpus checks (no PATH, or --base)")
    reports = check_paths(paths, encoding, layout, read_resolutions, RESOLUTION_SUFFIXES)
    if fmt == "json":
        click.echo(dumps_json(_json(reports, shown)))
    else:
        for report in reports:
            for d in report.diagnostics:
                if d.level in shown:
                    click.echo(f"{d.format(report.path)} [{d.code}]")
    for report in reports:
        if report.trouble:
            click.echo(f"resdiff: {report.trouble}", err=True)
    if any(r.trouble for r in reports):
        raise click.exceptions.Exit(2)
    if any(r.errors for r in reports):
        raise click.exceptions.Exit(1)


def _check_corpus(corpus_path: str | None, base: str | None, fmt: str, shown: set[str]) -> None:
    """The corpus-aware check: validate the corpus, report changes against ``base``."""
    from resdiff.cli.corpus_report import render_check
    from resdiff.cli.operands import open_corpus

    report = open_corpus(corpus_path).check(base)
    click.echo(render_check(report, fmt, shown), nl=False)
    if not report.ok:
        raise click.exceptions.Exit(1)
