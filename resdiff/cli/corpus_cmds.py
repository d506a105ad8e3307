"""Corpus commands: init, add, import, log, show, blame, history and the git diff driver.

Thin: each command finds the corpus, calls :class:`resdiff.corpus.Corpus`, and prints
what it returns. The corpus is ``--corpus PATH``, else ``$RESDIFF_CORPUS``, else the
nearest folder at or above the current one holding a ``resdiff.toml``.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from resdiff.cli.operands import open_corpus, read_file
from resdiff.cli.options import corpus_option, encoding_option, format_option, quiet_option
from resdiff.cli.terminal import dumps_json, echo_text
from resdiff.errors import CorpusError, InputError, ResdiffError
from resdiff.files import read_text

if TYPE_CHECKING:
    from resdiff.corpus import Corpus, Revision
    from resdiff.corpus.records import ClauseHistory

FORMATS = ["text", "json"]
FORMAT_HELP = "text for people, json for programs."


def _split_ref(corpus: Corpus, text: str) -> tuple[Any, str | None]:
    from resdiff.corpus import RefSpec

    spec = RefSpec.parse(text)
    if spec.resolution is None:
        raise CorpusError(f"{text!r}: name a resolution before '@', e.g. res-179@dubai-2018")
    return corpus.resolve_id(spec.resolution), spec.rev


def _echo_json(doc: Any) -> None:
    click.echo(dumps_json(doc))


def _show(text: str) -> str:
    from resdiff.render.wording import printable

    return printable(text)


@click.command("init")
@click.argument("path", default=".", type=click.Path(file_okay=False, path_type=str))
def init_cmd(path: str) -> None:
    """Make PATH (default: here) a corpus: a git repository with a resdiff.toml.

    Inside an existing git repository only resdiff.toml is written, so a corpus can be a
    folder of a larger project; elsewhere a new repository (branch main) is created.
    A .gitattributes (*.txt merge=resdiff diff=resdiff) is written beside it and the
    repository's config names resdiff as the merge and diff driver (docs/git-integration.md).
    """
    from resdiff.corpus import CONFIG, Corpus

    corpus = Corpus.init(path)
    click.echo(f"Initialized a resdiff corpus in {corpus.path} (git repository {corpus.root})")
    for line in corpus.configure_drivers():  # clause-aware merges and diffs inside git
        click.echo(line)
    click.echo(f"Commit {CONFIG} when you are ready: git add {corpus.path / CONFIG}")


@click.command("add")
@click.argument("file")
@click.option(
    "--resolution", required=True, metavar="ID", help="Resolution id, e.g. itu-pp/res-179."
)
@click.option("--revision", required=True, metavar="NAME", help="Revision name, e.g. dubai-2018.")
@click.option("--adopted", required=True, metavar="YYYY-MM-DD", help="Adoption date.")
@click.option(
    "--title",
    default=None,
    metavar="TEXT",
    help="How the commit subject names the revision, e.g. 'Rev. Dubai, 2018'"
    " [default: read from the number line].",
)
@encoding_option
@corpus_option
def add_cmd(
    file: str,
    resolution: str,
    revision: str,
    adopted: str,
    title: str | None,
    encoding: str,
    corpus_path: str | None,
) -> None:
    """Commit FILE as a revision of a resolution.

    FILE is parsed and refused, with its diagnostics, when it has errors, no sections,
    or a number line naming another resolution. Its canonical text is written to
    <corpus>/<body>/<kind>-<number>.txt and committed alone, with the
    Resdiff-Resolution/-Revision/-Adopted trailers and the adoption date as the commit
    date. Refused when that file has uncommitted changes, or when the revision is older
    than the latest one. All or nothing: on failure the repository is as it was.

    \b
    Example:
      resdiff add res-179.txt --resolution itu-pp/res-179 --revision dubai-2018 --adopted 2018-11-16
    """
    from resdiff.corpus import TextHasErrors

    corpus = open_corpus(corpus_path)
    text = read_file(file, encoding)
    try:
        rev = corpus.add(text, resolution, revision, adopted, title=title, source=file)
    except TextHasErrors as exc:
        for diag in exc.diagnostics:
            if diag.level in ("error", "warning"):
                click.echo(diag.format(exc.source), err=True)
        raise
    subject = corpus.subject(rev)
    click.echo(f"[{rev.short}] {subject}")
    click.echo(f"  {corpus.prefix}{rev.resolution.relpath}  {rev.name}  adopted {rev.adopted}")


@click.command("import")
@click.argument("folder", metavar="FOLDER|FILE.xml")
@click.option(
    "--verbatim",
    is_flag=True,
    help="Commit the texts as they are (already canonical): no parsing, much faster.",
)
@click.option(
    "--revision",
    default=None,
    metavar="NAME",
    help="For FILE.xml: the revision name of every component [default: from each number line].",
)
@click.option(
    "--adopted",
    default=None,
    metavar="YYYY-MM-DD",
    help="For FILE.xml: the adoption date of every component [default: its FRBR date].",
)
@quiet_option
@corpus_option
def import_cmd(
    folder: str,
    verbatim: bool,
    revision: str | None,
    adopted: str | None,
    quiet: bool,
    corpus_path: str | None,
) -> None:
    """Import many revisions at once through git fast-import.

    FOLDER holds <body>/<kind>-<number>/<revision>.txt files and a revisions.csv with
    the header 'revision,adopted[,title]' giving each revision's adoption date. Each
    file becomes one revision commit (as 'resdiff add' makes), in date order. A
    progress bar is shown on standard error when it is a terminal (not with --quiet).

    FILE.xml is an Akoma Ntoso file (a conference's Final Acts as a documentCollection):
    each component becomes one revision of <body>/<kind>-<number> (itu-pp/res-179, from
    its FRBR metadata or number line), named from its number line (REV. DUBAI, 2018 ->
    dubai-2018) and dated by its FRBR adoption date, all in one fast-import run.
    """
    from resdiff.cli.progress import reporter

    if not Path(folder).exists():
        raise InputError(f"{folder}: no such file or folder")
    corpus = open_corpus(corpus_path)
    if Path(folder).is_file():
        if verbatim:
            raise click.UsageError("--verbatim applies to a FOLDER, not to FILE.xml")
        from resdiff.corpus.akn_import import import_akn

        result = import_akn(corpus, folder, revision=revision, adopted=adopted)
    elif revision is not None or adopted is not None:
        raise click.UsageError("--revision and --adopted apply to FILE.xml, not to a FOLDER")
    else:
        with reporter("Importing revisions", quiet) as progress:
            result = corpus.import_dir(folder, verbatim=verbatim, progress=progress)
    click.echo(
        f"Imported {result.commits} revision commit(s) of {result.resolutions} resolution(s);"
        f" HEAD is now {result.head[:10]}"
    )


@click.command("log")
@click.argument("res", metavar="RES[@REV]")
@format_option(FORMATS, FORMAT_HELP)
@corpus_option
def log_cmd(res: str, fmt: str, corpus_path: str | None) -> None:
    """List the revisions of a resolution, newest first, each with a one-line summary of
    its changes against the previous revision.

    RES is itu-pp/res-179, res-179 or 179 (when unambiguous); @REV stops at a revision.
    """
    corpus = open_corpus(corpus_path)
    rid, rev = _split_ref(corpus, res)
    entries = corpus.log(rid, rev)
    if fmt == "json":
        _echo_json({"resolution": str(rid), "revisions": [e.to_json() for e in reversed(entries)]})
        return
    width = max(len(e.revision.name) for e in entries)
    for e in reversed(entries):
        adopted = e.revision.adopted.isoformat() if e.revision.adopted else "(not adopted)"
        click.echo(f"{e.revision.name:<{width}}  {adopted:<10}  {e.revision.short}  {e.line}")


@click.command("show")
@click.argument("ref", metavar="RES[@REV]")
@corpus_option
def show_cmd(ref: str, corpus_path: str | None) -> None:
    """Print the text of a resolution at a revision (a revision name or any git rev).

    \b
    Examples:
      resdiff show res-179@guadalajara-2010
      resdiff show itu-pp/res-179@HEAD~1
    """
    corpus = open_corpus(corpus_path)
    rid, rev = _split_ref(corpus, ref)
    echo_text(corpus.text(rid, rev), nl=False)


@click.command("blame")
@click.argument("ref", metavar="RES[@REV]")
@format_option(FORMATS, FORMAT_HELP)
@corpus_option
def blame_cmd(ref: str, fmt: str, corpus_path: str | None) -> None:
    """For every clause of a revision: the revision that introduced it and the last one that
    amended it, following clauses through moves, re-lettering, splits and merges.

    JSON: a list of {"path", "label", "introduced", "last_amended"}.
    """
    corpus = open_corpus(corpus_path)
    rid, rev = _split_ref(corpus, ref)
    entries = corpus.blame(rid, rev)
    if fmt == "json":
        _echo_json([e.to_json() for e in entries])
        return
    wp = min(max((len(e.path) for e in entries), default=4), 40)
    wi = max((len(e.introduced) for e in entries), default=4)
    wa = max((len(e.last_amended) for e in entries), default=4)
    for e in entries:
        snippet = e.text if len(e.text) <= 60 else e.text[:59] + "…"
        line = f"{e.path:<{wp}}  {e.introduced:<{wi}}  {e.last_amended:<{wa}}  {_show(snippet)}"
        click.echo(line.rstrip())


@click.command("history")
@click.argument("res", metavar="RES[@REV]")
@click.argument("path", metavar="PATH")
@format_option(FORMATS, FORMAT_HELP)
@corpus_option
def history_cmd(res: str, path: str, fmt: str, corpus_path: str | None) -> None:
    """Follow one clause (by its path, e.g. recognizing/c) through every revision, with its
    word changes ([-deleted-] {+inserted+}).
    """
    corpus = open_corpus(corpus_path)
    rid, rev = _split_ref(corpus, res)
    hist = corpus.history(rid, path, rev)
    if fmt == "json":
        _echo_json(hist.to_json())
        return
    click.echo(_history_text(hist), nl=False)


def _history_text(hist: ClauseHistory) -> str:
    from resdiff.un_names import un_name

    lines = [f"history of {hist.resolution} {hist.path}"]
    for step in hist.steps:
        rev = step.revision
        adopted = rev.adopted.isoformat() if rev.adopted else "not adopted"
        where = " + ".join(f"{c.path}" for c in step.clauses) or "-"
        notes = [step.kind]
        change = step.change
        if change is not None and change.kind != "added":
            if change.moved:
                notes.append("moved")
            if change.renumbered:
                ref = (change.new or change.old)[0]
                un = un_name(ref.path, ref.section) is not None
                notes.append("renumbered" if un else "re-lettered")
            olds = " + ".join(c.path for c in change.old)
            if olds and olds != where:
                where = f"{olds} → {where}"
        lines.append("")
        lines.append(f"{rev.name} ({adopted}, {rev.short})  {', '.join(notes)}: {where}")
        if change is not None and change.words and step.kind not in ("introduced", "unchanged"):
            body = "".join(
                t if op == "=" else (f"[-{t}-]" if op == "-" else f"{{+{t}+}}")
                for op, t in change.words
            )
        else:
            body = " ".join(c.text for c in step.clauses)
        lines.append(f"  {_show(body)}")
    return "".join(line + "\n" for line in lines)


@click.command(
    "git-diff-driver",
    context_settings={"ignore_unknown_options": True},
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def git_diff_driver_cmd(args: tuple[str, ...]) -> None:
    """Clause-aware diffs inside git (the GIT_EXTERNAL_DIFF protocol).

    git calls it with: path old-file old-hex old-mode new-file new-hex new-mode.
    Set up once per repository:

    \b
      git config diff.resdiff.command "resdiff git-diff-driver"
      echo '*.txt diff=resdiff' >> .gitattributes

    then git diff (and git log -p --ext-diff, git show --ext-diff) print
    clause-aware diffs of those files.
    A text that cannot be read as a resolution falls back to a plain line diff.
    """
    if len(args) == 1:
        click.echo(f"* Unmerged path {args[0]}")
        return
    if len(args) not in (7, 9):
        raise click.UsageError(
            "expected the 7 arguments git passes: path old-file old-hex old-mode"
            " new-file new-hex new-mode"
        )
    path, old_file, _old_hex, _old_mode, new_file, _new_hex, _new_mode = args[:7]
    new_path = args[7] if len(args) == 9 else path
    click.echo(f"resdiff a/{path} b/{new_path}")
    old_text = _driver_read(old_file)
    new_text = _driver_read(new_file)
    click.echo(_driver_body(path, new_path, old_text, new_text), nl=False)
    sys.stdout.flush()


def _driver_read(name: str) -> str | None:
    if name == "/dev/null":
        return None
    try:
        return read_text(name)
    except ResdiffError:
        data = Path(name).read_bytes() if Path(name).is_file() else b""
        return data.decode("utf-8", "replace")


def _driver_body(path: str, new_path: str, old: str | None, new: str | None) -> str:
    import resdiff
    from resdiff.render import RenderOptions, render

    if old is None or new is None:
        text = new if new is not None else old
        verb = "new file" if old is None else "deleted file"
        try:
            res = resdiff.parse(text or "", source=path)
            count = sum(1 for _ in res.clauses())
            return f"{verb}: {res.number or path} ({count} clauses)\n"
        except ResdiffError:
            return f"{verb}\n"
    try:
        result = resdiff.diff(
            resdiff.parse(old, source=f"a/{path}"), resdiff.parse(new, source=f"b/{new_path}")
        )
        out = render(result, "text", RenderOptions())
        return out if isinstance(out, str) else out.decode("utf-8")
    except ResdiffError as exc:
        lines = difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"a/{path}",
            f"b/{new_path}",
        )
        # git shows this in a pager on a terminal: no raw control characters
        return _show(f"(not compared clause by clause: {exc})\n" + "".join(lines))


def revision_label(rev: Revision) -> str:
    """``res-179@dubai-2018`` — how a revision is named in reports and diff headers."""
    return f"{rev.resolution.short}@{rev.name}"
