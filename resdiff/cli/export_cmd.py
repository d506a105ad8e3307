"""``resdiff export``: a resolution (a file or a corpus revision) as Akoma Ntoso 3.0 XML."""

from __future__ import annotations

from pathlib import Path

import click

from resdiff.cli.options import corpus_option, encoding_option, output_option
from resdiff.errors import OutputError
from resdiff.files import atomic_write


@click.command("export")
@click.argument("ref", metavar="REF")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["akn"]),
    default="akn",
    show_default=True,
    help="akn: Akoma Ntoso 3.0 XML (validates against the OASIS schema).",
)
@output_option
@encoding_option
@corpus_option
def export_cmd(
    ref: str,
    fmt: str,  # noqa: ARG001 - akn is the one format so far; the option names it for scripts
    output: str | None,
    encoding: str,
    corpus_path: str | None,
) -> None:
    """Write a resolution as Akoma Ntoso 3.0 XML.

    REF is a file (text, .docx or one-document .xml) or a corpus ref
    (res-179@dubai-2018). The output is one AKN statement with FRBR identification in
    AKN4UN style (/akn/un/statement/deliberation/itu-pp/2018-11-16/res-179/!main) and
    an eId for every clause derived from its path (considering/a -> considering__a); it
    validates against the OASIS Akoma Ntoso 3.0 schema, and reading it back gives exactly
    the resolution's clauses. The FRBR date is the revision's adoption date for a corpus
    ref, else the year of the number line.

    @REV alone (@dubai-2018) writes the whole corpus at that revision as one AKN
    documentCollection, one component per resolution (eIds prefixed cmp_res-179__).

    \b
    Examples:
      resdiff export res-179.txt -o res-179.akn.xml
      resdiff export --corpus corpus res-179@guadalajara-2010
      resdiff export --corpus pp @dubai-2018 -o final-acts.xml
    """
    from resdiff.cli import operands
    from resdiff.parsing import parse_text
    from resdiff.writers.akn import meta_for, to_akn

    if output is not None:
        from resdiff.files import writable_folder

        writable_folder(output, output)
    rid: str | None = None
    adopted: str | None = None
    if not Path(ref).exists():
        from resdiff.corpus.refs import looks_like_ref

        if looks_like_ref(ref) and ref.startswith("@"):
            _write(_corpus_collection(ref, corpus_path), output)
            return
        if looks_like_ref(ref):
            rid, adopted, text, label = _corpus_revision(ref, corpus_path)
            resolution = parse_text(text, label)
            data = to_akn(resolution, meta_for(resolution, rid, adopted))
            _write(data, output)
            return
    side = operands.resolve_path(ref, encoding)
    if not isinstance(side, operands.Document):
        raise OutputError(f"{ref}: export writes one resolution; give a file or RES@REV")
    resolution = parse_text(side.text, side.label)
    _write(to_akn(resolution, meta_for(resolution)), output)


def _corpus_collection(ref: str, corpus_path: str | None) -> bytes:
    """A whole corpus revision (``@dubai-2018``) as one AKN documentCollection."""
    from resdiff.cli.operands import open_corpus
    from resdiff.corpus.refs import RefSpec, ResolutionId
    from resdiff.errors import RefError
    from resdiff.parsing import parse_text
    from resdiff.writers.akn import AknMeta, meta_for, to_akn_collection

    spec = RefSpec.parse(ref)
    assert spec.rev is not None
    corpus = open_corpus(corpus_path)
    documents = []
    dates = []
    for relpath, text in sorted(corpus.tree_for(spec.rev).items()):
        rid = ResolutionId.from_relpath(relpath)
        if rid is None:
            continue
        revision = corpus.at(rid, spec.rev)
        adopted = revision.adopted.isoformat() if revision.adopted else None
        if adopted:
            dates.append(adopted)
        resolution = parse_text(text, f"{rid}@{revision.name}")
        documents.append((resolution, meta_for(resolution, str(rid), adopted)))
    if not documents:
        raise RefError(f"{ref!r}: no resolutions in the corpus at that revision")
    body = documents[0][1].body
    day = max(dates) if dates else documents[0][1].date
    name = spec.rev.lstrip("@")
    return to_akn_collection(documents, AknMeta(body, name, day), f"{body} {name}")


def _corpus_revision(ref: str, corpus_path: str | None) -> tuple[str, str | None, str, str]:
    """(resolution id, adoption date, text, label) of a corpus ref ``RES@REV``."""
    from resdiff.cli.operands import open_corpus
    from resdiff.corpus.refs import RefSpec
    from resdiff.errors import RefError

    spec = RefSpec.parse(ref)
    if spec.resolution is None or spec.rev is None:
        raise RefError(f"{ref!r}: export needs one resolution at one revision (RES@REV)")
    corpus = open_corpus(corpus_path)
    rid = corpus.resolve_id(spec.resolution)
    revision = corpus.at(rid, spec.rev)
    adopted = revision.adopted.isoformat() if revision.adopted else None
    return str(rid), adopted, corpus.read(revision), f"{rid}@{revision.name}"


def _write(data: bytes, output: str | None) -> None:
    """The XML to ``-o FILE`` (all or nothing) or standard output."""
    if output is not None:
        atomic_write(output, data)
    else:
        click.echo(data, nl=False)
