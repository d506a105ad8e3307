"""``resdiff apply``: the text a proposal in ITU revision marks makes of its base."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from resdiff.cli.options import corpus_option, encoding_option, layout_option, output_option
from resdiff.errors import InputError
from resdiff.files import atomic_write, read_text, writable_folder

if TYPE_CHECKING:
    from resdiff.model import Layout


@click.command("apply")
@click.argument("base", metavar="BASE")
@click.argument("marked", metavar="MARKED")
@output_option
@corpus_option
@encoding_option
@layout_option
def apply_cmd(
    base: str,
    marked: str,
    output: str | None,
    corpus_path: str | None,
    encoding: str,
    layout: Layout | None,
) -> None:
    """Apply a proposal in ITU revision marks (MARKED) to BASE and print the resulting text.

    MARKED is written as `resdiff diff --format itu` prints it: ADD / MOD / (MOD) / SUP /
    NOC / ADD* / SUP* blocks, [-deleted-]{+inserted+} inside a clause, heading marks.
    Clauses it does not mention stay as in BASE. BASE is a file or a corpus ref
    (res-179@guadalajara-2010). The result is written in canonical form (see `resdiff
    fmt`). Marks that do not fit BASE (a clause it does not have, deleted words that are
    not in the clause, NOC text that differs) are refused: one line naming the clause and
    the words, exit status 2, nothing written.
    """
    from resdiff.apply_marks import MarksError, apply_marks
    from resdiff.cli.operands import Document, resolve

    if output:
        writable_folder(output, output)
    operand = resolve(base, encoding=encoding, corpus_path=corpus_path, layout=layout)
    if not isinstance(operand, Document):
        raise InputError(f"{base}: is a directory or a whole corpus revision; BASE is one text")
    base_res = operand.parse()
    text = read_text(marked, encoding)
    try:
        result = apply_marks(base_res, text, output)
    except MarksError as exc:
        raise MarksError(f"{marked}: {exc}") from None
    canonical = result.to_text()
    if output:
        atomic_write(output, canonical)
    else:
        click.echo(canonical, nl=False)
