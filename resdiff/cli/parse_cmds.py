"""``resdiff parse`` (the clause tree) and ``resdiff fmt`` (the canonical text)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import click

from resdiff.cli.options import encoding_option, format_option, layout_option
from resdiff.cli.terminal import dumps_json, echo_text
from resdiff.errors import InputError
from resdiff.files import atomic_write

if TYPE_CHECKING:
    from resdiff.model import Layout


@click.command("parse")
@click.argument("file", metavar="FILE")
@format_option(
    ["text", "json"], "text: the clause tree (path, label, text); json: schema resdiff/parse/v1."
)
@encoding_option
@layout_option
@click.option(
    "--changes",
    type=click.Choice(["accept", "reject"]),
    default="accept",
    show_default=True,
    help="For a Word document (.docx): read it with its tracked changes all accepted"
    " (as it now reads) or all rejected (as it read before).",
)
def parse_cmd(file: str, fmt: str, encoding: str, layout: Layout | None, changes: str) -> None:
    """Show the clause structure of a resolution: every clause's path, label and text.

    Header parts come first (header/number, header/title, header/formula), then each
    section with its clauses and sub-clauses, the annexes and the footnotes. The json
    format adds line/column positions, site-text regions and the parser's diagnostics.
    A resolution in the UN layout shows its header parts (header/adopted, header/number
    …), then preamble/1 … (PP1 …) and operative/1 … (OP1 …) with their sub-paragraphs.

    FILE may be a Word document (.docx, see --changes) or an Akoma Ntoso document (.xml).
    """
    from resdiff.cli.operands import read_file
    from resdiff.parsing import parse_text
    from resdiff.parsing.tree import to_json, to_outline

    mode: Literal["accept", "reject"] = "reject" if changes == "reject" else "accept"
    resolution = parse_text(read_file(file, encoding, mode), file, layout)
    if fmt == "json":
        click.echo(dumps_json(to_json(resolution)))
    else:
        echo_text(to_outline(resolution), nl=False)


@click.command("fmt")
@click.argument("files", metavar="FILE...", nargs=-1, required=True)
@click.option("-w", "--write", is_flag=True, help="Write the canonical form back to FILE.")
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 if a FILE is not in canonical form (for CI, pre-commit).",
)
@encoding_option
@layout_option
def fmt_cmd(
    files: tuple[str, ...], write: bool, check: bool, encoding: str, layout: Layout | None
) -> None:
    """Print a resolution in canonical form: repaired, one paragraph per line.

    The canonical form has the number line, title and enacting formula, then each
    heading on its own line followed by its clauses (label, text), annexes, and the
    footnotes at the end, with a blank line between paragraphs. Conversion noise
    (glued headings, inline footnotes, run-on paragraphs) is repaired; site text
    around the resolution is left out. With -w the file is rewritten in place (all
    or nothing); with --check nothing is written and the exit status is 1 when a
    file would change.
    """
    from resdiff.parsing import parse_text

    if write and check:
        raise click.UsageError("use either -w/--write or --check, not both")
    from resdiff.cli.operands import is_docx, is_xml, read_file

    texts = []
    for file in files:
        if (write or check) and (is_docx(file) or is_xml(file)):
            raise InputError(f"{file}: -w/--check rewrite text files only, not .docx or .xml")
        text = read_file(file, encoding)
        canonical = parse_text(text, file, layout).to_text()
        if not canonical:
            raise InputError(f"{file}: no resolution text to format")
        texts.append((file, text, canonical))
    changed = [file for file, text, canonical in texts if text != canonical]
    if check:
        for file in changed:
            click.echo(f"{file}: not in canonical form (run: resdiff fmt -w {file})", err=True)
        raise click.exceptions.Exit(1 if changed else 0)
    if write:
        for file, text, canonical in texts:
            if text != canonical:
                atomic_write(file, canonical)
                click.echo(f"formatted {file}", err=True)
        return
    for _file, _text, canonical in texts:
        echo_text(canonical, nl=False)
