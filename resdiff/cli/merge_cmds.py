"""``resdiff merge``, ``resdiff merge-driver`` and ``resdiff rebase``: three-way clause merges.

Thin: each command reads its operands (files or corpus refs, as ``diff`` does), calls
:func:`resdiff.merge`, writes the merged text (or the ``resdiff/merge/v1`` JSON) all or
nothing, and exits 0 clean, 1 conflicts left, 2 trouble.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from resdiff.cli import operands
from resdiff.cli.options import (
    corpus_option,
    encoding_option,
    format_option,
    layout_option,
    output_option,
)
from resdiff.errors import InputError
from resdiff.files import atomic_write, read_text, writable_folder

if TYPE_CHECKING:
    from resdiff.merge import Merge, Side
    from resdiff.model import Layout, Resolution

FORMATS = ["text", "json"]
FORMAT_HELP = "text: the merged resolution (conflicts between markers); json: resdiff/merge/v1."
FAVOR = click.option(
    "--favor",
    type=click.Choice(["ours", "theirs"]),
    default=None,
    help="Resolve every conflict to that side (each is still reported on stderr and in JSON).",
)


def _document(
    arg: str, encoding: str, corpus_path: str | None, layout: Layout | None = None
) -> Resolution:
    found = operands.resolve(arg, encoding=encoding, corpus_path=corpus_path, layout=layout)
    if not isinstance(found, operands.Document):
        raise InputError(f"{arg}: a directory or whole revision; merge takes one resolution")
    return found.parse()


def _finish(result: Merge, fmt: str, output: str | None) -> None:
    """Report conflicts on stderr, write the result, exit 0 clean / 1 conflicts."""
    for conflict in result.conflicts:
        where = ", ".join(conflict.base or conflict.ours or conflict.theirs)
        done = f": resolved to {conflict.resolved}" if conflict.resolved else ""
        click.echo(f"resdiff: conflict ({conflict.kind}) at {where}{done}", err=True)
    if fmt == "json":
        data = json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    else:
        data = result.text
    if output is not None:
        atomic_write(output, data)
    else:
        click.echo(data, nl=False)
    raise click.exceptions.Exit(0 if result.clean else 1)


def _merge(base: Resolution, ours: Resolution, theirs: Resolution, favor: str | None) -> Merge:
    import resdiff

    return resdiff.merge(base, ours, theirs, favor=cast("Side | None", favor))


@click.command("merge")
@click.argument("base", metavar="BASE")
@click.argument("ours", metavar="OURS")
@click.argument("theirs", metavar="THEIRS")
@FAVOR
@format_option(FORMATS, FORMAT_HELP)
@output_option
@encoding_option
@layout_option
@corpus_option
def merge_cmd(
    base: str,
    ours: str,
    theirs: str,
    favor: str | None,
    fmt: str,
    output: str | None,
    encoding: str,
    layout: Layout | None,
    corpus_path: str | None,
) -> None:
    """Merge the changes OURS and THEIRS each made to BASE, clause by clause.

    Each operand is a file or a corpus ref (res-179@dubai-2018), as in diff. A change
    made on one side only is taken, the same change on both sides once; a clause moved on
    one side and amended on the other is moved and amended; labels are recomputed in each
    section's style. Where both sides changed one clause differently, a conflict is
    written diff3 style between markers named after the operands.

    Exit status: 0 merged cleanly (or every conflict resolved by --favor), 1 conflicts
    remain, 2 trouble.

    \b
    Examples:
      resdiff merge base.txt ours.txt theirs.txt -o merged.txt
      resdiff merge res-179@dubai-2018 ours.txt theirs.txt --format json
    """
    if output is not None:
        writable_folder(output, output)
    texts = [_document(arg, encoding, corpus_path, layout) for arg in (base, ours, theirs)]
    _finish(_merge(texts[0], texts[1], texts[2], favor), fmt, output)


@click.command("merge-driver")
@click.argument("base", metavar="BASE")
@click.argument("current", metavar="CURRENT")
@click.argument("other", metavar="OTHER")
@click.argument("path", metavar="[PATH]", required=False, default=None)
@encoding_option
def merge_driver_cmd(base: str, current: str, other: str, path: str | None, encoding: str) -> None:
    """A git merge driver: merge OTHER into CURRENT, clause by clause, against BASE.

    git calls it with %O %A %B %P (.gitattributes: *.txt merge=resdiff; git config
    merge.resdiff.driver "resdiff merge-driver %O %A %B %P"; resdiff init sets both).
    The result is written into CURRENT. Exit status: 0 clean, 1 conflicts (left in
    CURRENT between markers, as git expects), 2 trouble (CURRENT untouched).
    """
    import resdiff

    name = path or Path(current).name
    texts = [
        resdiff.parse(read_text(file, encoding), source=f"{label}:{name}")
        for file, label in ((base, "base"), (current, "ours"), (other, "theirs"))
    ]
    result = _merge(texts[0], texts[1], texts[2], None)
    for conflict in result.conflicts:
        where = ", ".join(conflict.base or conflict.ours or conflict.theirs)
        click.echo(f"resdiff: {name}: conflict ({conflict.kind}) at {where}", err=True)
    atomic_write(current, result.text)
    raise click.exceptions.Exit(0 if result.clean else 1)


@click.command("rebase")
@click.argument("proposal", metavar="PROPOSAL")
@click.option(
    "--onto", required=True, metavar="REF", help="The newer revision (a corpus ref or file)."
)
@click.option(
    "--base",
    "base_ref",
    default=None,
    metavar="REF",
    help="The revision the proposal was drafted on [default: read from its number line].",
)
@FAVOR
@format_option(FORMATS, FORMAT_HELP)
@output_option
@encoding_option
@corpus_option
def rebase_cmd(
    proposal: str,
    onto: str,
    base_ref: str | None,
    favor: str | None,
    fmt: str,
    output: str | None,
    encoding: str,
    corpus_path: str | None,
) -> None:
    """Carry a proposal drafted on an older revision onto a newer one.

    PROPOSAL (a file or corpus ref) was drafted on BASE: --base REF, or the revision its
    number line names, e.g. RESOLUTION 179 (Guadalajara, 2010) → res-179@guadalajara-2010
    in the corpus. The result is merge(BASE, ONTO, PROPOSAL): the proposal's changes
    re-expressed on ONTO, with a conflict wherever the conference changed the same clause.

    Exit status: 0 clean, 1 conflicts remain, 2 trouble.

    \b
    Example:
      resdiff rebase --corpus corpus draft.txt --onto res-179@dubai-2018 -o draft-2018.txt
    """
    from resdiff.merge.rebase import drafted_on

    if output is not None:
        writable_folder(output, output)
    drafted = _document(proposal, encoding, corpus_path)
    if base_ref is None:
        named = drafted_on(drafted.number)
        if named is None:
            raise InputError(
                f"{proposal}: no number line naming the revision it was drafted on"
                f" ({drafted.number or 'none'}): give --base REF"
            )
        base_ref = f"{named[0]}@{named[1]}"
    base = _document(base_ref, encoding, corpus_path)
    newer = _document(onto, encoding, corpus_path)
    _finish(_merge(base, newer, drafted, favor), fmt, output)
