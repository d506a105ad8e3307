"""Hostile Word and Akoma Ntoso operands, and hostile files for merge, merge-driver, rebase,
apply and export (issue 13).

A ``.docx`` that is not a zip, a truncated zip, a zip without ``word/document.xml``,
malformed XML inside, a zip bomb, an external entity pointing at a local file (XXE), an
entity bomb; AKN XML with the same XML attacks and XML that is not AKN; binary, NUL, not
UTF-8, empty, a directory, a missing file. Every command that reads them (diff, parse,
add, import, merge, merge-driver, rebase, apply, export) ends with exit 2 and one line on
standard error naming the file, with no traceback, nothing on standard output, nothing
written, the local file's content nowhere. The bombs run in a subprocess within 20 s and
1.5 GB.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import RES_179_2018, SEED_PAGE, SHARED_DATA
from corpus_support import new_corpus, snapshot
from test_hostile_inputs import LIMIT_SECONDS, run_limited

from resdiff.cli import main

DOCX = SHARED_DATA / "docx" / "res-179-2010-to-2018.tracked.docx"
AKN = SHARED_DATA / "akn" / "pp18-final-acts-excerpt.xml"
#: What the XXE points at: it must never be shown.
SECRET = "TOP-SECRET-6f1c0a"
W_DOC = "word/document.xml"
XML_DECL = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def xxe(root: bytes, secret_file: Path) -> bytes:
    """An XML document whose first element's text is an external entity on a local file."""
    tag = root.split(b" ", 1)[0].lstrip(b"<").rstrip(b">")
    return (
        XML_DECL
        + b"<!DOCTYPE "
        + tag
        + b' [<!ENTITY xxe SYSTEM "file://'
        + str(secret_file).encode()
        + b'">]>\n'
        + root.replace(b">", b">&xxe;", 1)
    )


def laughs(root: bytes) -> bytes:
    """A "billion laughs" entity bomb around the document's first element."""
    tag = root.split(b" ", 1)[0].lstrip(b"<").rstrip(b">")
    ents = b'<!ENTITY lol0 "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, b"".join(b"&lol%d;" % (i - 1) for _ in range(10)))
        for i in range(1, 10)
    )
    return (
        XML_DECL + b"<!DOCTYPE " + tag + b" [" + ents + b"]>\n" + root.replace(b">", b">&lol9;", 1)
    )


def rezip(real: bytes, member: str, data: bytes) -> bytes:
    """The real .docx with ``member`` replaced by ``data``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(real)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = data if info.filename == member else src.read(info.filename)
            dst.writestr(info, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def without(real: bytes, member: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(real)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info, src.read(info.filename))
    return out.getvalue()


def document_root(real: bytes) -> bytes:
    """The real document.xml's root start tag (with its namespace declarations)."""
    with zipfile.ZipFile(io.BytesIO(real)) as archive:
        xml = archive.read(W_DOC)
    start = xml.index(b"<w:document")
    return xml[start : xml.index(b">", start) + 1] + b"<w:body/></w:document>"


def akn_root(real: bytes) -> bytes:
    start = real.index(b"<akomaNtoso")
    return real[start : real.index(b">", start) + 1] + b"</akomaNtoso>"


#: Each hostile .docx, made from the real one, and what its error says.
DOCX_CASES: dict[str, tuple[Callable[[bytes, Path], bytes], str]] = {
    "not-a-zip": (lambda _d, _s: b"RESOLUTION 1\n" * 40, "not a valid .docx (zip) file"),
    "truncated": (lambda d, _s: d[: len(d) // 2], "not a valid .docx (zip) file"),
    "no-document": (lambda d, _s: without(d, W_DOC), "no word/document.xml"),
    "malformed": (lambda d, _s: rezip(d, W_DOC, b"<w:document><w:body><w:p>"), "malformed XML"),
    "xxe": (lambda d, s: rezip(d, W_DOC, xxe(document_root(d), s)), "DTD"),
    "laughs": (lambda d, _s: rezip(d, W_DOC, laughs(document_root(d))), "DTD"),
}
#: Each hostile .xml, made from the real AKN excerpt, and what its error says.
XML_CASES: dict[str, tuple[Callable[[bytes, Path], bytes], str]] = {
    "malformed": (lambda a, _s: a[: len(a) // 2], "malformed XML"),
    "xxe": (lambda a, s: xxe(akn_root(a), s), "DTD"),
    "laughs": (lambda a, _s: laughs(akn_root(a)), "DTD"),
    "not-akn": (
        lambda _a, _s: XML_DECL + b"<html><body><p>RESOLUTION 1</p></body></html>",
        "Akoma Ntoso",
    ),
    "binary": (lambda _a, _s: bytes(range(256)) * 4, "XML"),
    "latin-1": (lambda a, _s: a.replace(b"ITU", "\xe9".encode("latin-1"), 1), "XML"),
    "empty": (lambda _a, _s: b"", "empty"),
}


@pytest.fixture(scope="module")
def real() -> tuple[bytes, bytes]:
    for path in (DOCX, AKN, RES_179_2018, SEED_PAGE):
        if not path.is_file():
            pytest.skip(f"real texts not found at {path} (set RESDIFF_SHARED_DATA)")
    return DOCX.read_bytes(), AKN.read_bytes()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def operand_commands(bad: str, good: str, out: str) -> dict[str, list[str]]:
    """Every command that reads a resolution operand, with ``bad`` in one place."""
    return {
        "parse": ["parse", bad],
        "diff-old": ["diff", bad, good],
        "diff-new": ["diff", good, bad, "-f", "html", "-o", out],
        "merge-base": ["merge", bad, good, good, "-o", out],
        "merge-theirs": ["merge", good, good, bad],
        "rebase-proposal": ["rebase", bad, "--onto", good, "--base", good, "-o", out],
        "rebase-onto": ["rebase", good, "--onto", bad, "--base", good],
        "apply-base": ["apply", bad, good, "-o", out],
        "export": ["export", bad, "-o", out],
    }


def assert_refused(result: Result, where: str, message: str, out: Path) -> None:
    """Exit 2, nothing on stdout, one line on stderr naming ``where``, no secret, no output."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(f"resdiff: {where}"), result.stderr
    assert message in result.stderr, result.stderr
    assert SECRET not in result.stderr
    assert not out.exists()


#: (suffix, kind) of every hostile document: the .docx cases are made from the real Word
#: file, the .xml ones from the real AKN excerpt.
DOCUMENTS = [("docx", kind) for kind in sorted(DOCX_CASES)] + [
    ("xml", kind) for kind in sorted(XML_CASES)
]


@pytest.mark.parametrize(("suffix", "kind"), DOCUMENTS, ids=[f"{s}-{k}" for s, k in DOCUMENTS])
@pytest.mark.parametrize("command", sorted(operand_commands("", "", "")))
def test_hostile_document_operands(
    tmp_path: Path, real: tuple[bytes, bytes], secret: Path, suffix: str, kind: str, command: str
) -> None:
    cases, source = (DOCX_CASES, real[0]) if suffix == "docx" else (XML_CASES, real[1])
    make, message = cases[kind]
    bad = tmp_path / f"{kind}.{suffix}"
    bad.write_bytes(make(source, secret))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, operand_commands(str(bad), str(SEED_PAGE), str(out))[command])
    assert_refused(result, str(bad), message, out)


def test_add_and_import_refuse_hostile_documents_and_leave_the_corpus_as_it_was(
    tmp_path: Path, real: tuple[bytes, bytes], secret: Path
) -> None:
    root = new_corpus(tmp_path / "corpus").root
    before = snapshot(root)
    runner = CliRunner()
    out = tmp_path / "never"
    for kind, (make, message) in sorted(DOCX_CASES.items()):
        bad = tmp_path / f"{kind}.docx"
        bad.write_bytes(make(real[0], secret))
        result = runner.invoke(main, _add_args(bad, root))
        assert_refused(result, str(bad), message, out)
        result = runner.invoke(main, ["import", str(bad), "--corpus", str(root)])
        assert_refused(result, str(bad), "", out)
    for kind, (make, message) in sorted(XML_CASES.items()):
        bad = tmp_path / f"{kind}.xml"
        bad.write_bytes(make(real[1], secret))
        result = runner.invoke(main, ["import", str(bad), "--corpus", str(root)])
        assert_refused(result, str(bad), message, out)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    missing = tmp_path / "missing.txt"
    for bad, message in ((folder, "is a directory"), (missing, "no such file")):
        result = runner.invoke(main, _add_args(bad, root))
        assert_refused(result, str(bad), message, out)
    result = runner.invoke(main, ["import", str(missing), "--corpus", str(root)])
    assert_refused(result, str(missing), "no such file or folder", out)
    assert snapshot(root) == before


def _add_args(path: Path, root: Path) -> list[str]:
    """``resdiff add PATH`` as Res 179 (Dubai, 2018) into the corpus at ``root``."""
    return ["add", str(path), "--resolution", "itu-pp/res-179", "--revision", "dubai-2018",
            "--adopted", "2018-11-16", "--corpus", str(root)]  # fmt: skip


#: Plain-text hostile files for the commands that came after part 1.
PLAIN: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "binary": (lambda _t: bytes(range(256)) * 4, "looks like a binary file (NUL byte at offset 0)"),
    "nul-late": (lambda t: t + b"\n" * 9000 + b"x\x00y\n", "looks like a binary file (NUL byte"),
    "latin-1": (lambda t: t + "caf\xe9\n".encode("latin-1"), "not valid utf-8 at byte offset"),
    "empty": (lambda _t: b"", "file is empty"),
}


def plain_commands(bad: str, good: str, out: str) -> dict[str, list[str]]:
    return {
        "merge-base": ["merge", bad, good, good],
        "merge-ours": ["merge", good, bad, good, "-o", out],
        "merge-theirs": ["merge", good, good, bad, "-f", "json"],
        "rebase-proposal": ["rebase", bad, "--onto", good, "--base", good, "-o", out],
        "rebase-onto": ["rebase", good, "--onto", bad, "--base", good],
        "rebase-base": ["rebase", good, "--onto", good, "--base", bad],
        "apply-base": ["apply", bad, good, "-o", out],
        "apply-marked": ["apply", good, bad],
        "export": ["export", bad, "-o", out],
    }


@pytest.mark.usefixtures("real")
@pytest.mark.parametrize("kind", [*sorted(PLAIN), "missing", "directory"])
@pytest.mark.parametrize("command", sorted(plain_commands("", "", "")))
def test_hostile_text_for_merge_rebase_apply_export(
    tmp_path: Path, kind: str, command: str
) -> None:
    bad = tmp_path / f"{kind}.txt"
    if kind == "directory":
        bad.mkdir()
        message = ""  # each command says why in its own words
    elif kind == "missing":
        message = "no such file"
    else:
        make, message = PLAIN[kind]
        bad.write_bytes(make(RES_179_2018.read_bytes()))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, plain_commands(str(bad), str(SEED_PAGE), str(out))[command])
    assert_refused(result, str(bad), message, out)


@pytest.mark.usefixtures("real")
@pytest.mark.parametrize("kind", [*sorted(PLAIN), "missing", "directory"])
@pytest.mark.parametrize("where", [0, 1, 2])
def test_merge_driver_leaves_current_untouched_on_hostile_input(
    tmp_path: Path, kind: str, where: int
) -> None:
    operands = [tmp_path / n for n in ("base.txt", "current.txt", "other.txt")]
    for path in operands:
        path.write_bytes(SEED_PAGE.read_bytes())
    bad = operands[where]
    bad.unlink()
    if kind == "directory":
        bad.mkdir()
        message = ""  # each command says why in its own words
    elif kind == "missing":
        message = "no such file"
    else:
        make, message = PLAIN[kind]
        bad.write_bytes(make(RES_179_2018.read_bytes()))
    before = {p: p.read_bytes() for p in operands if p.is_file()}
    result = CliRunner().invoke(main, ["merge-driver", *map(str, operands), "itu-pp/res-179.txt"])
    assert_refused(result, str(bad), message, tmp_path / "out")
    assert {p: p.read_bytes() for p in operands if p.is_file()} == before


def test_bombs_stay_within_the_limits(tmp_path: Path, real: tuple[bytes, bytes]) -> None:
    """A zip bomb (a document.xml of 256 MB compressed to about a quarter of a MB) and entity bombs,
    as .docx and .xml, in a subprocess with 1.5 GB of address space and 20 s."""
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(io.BytesIO(real[0])) as src, zipfile.ZipFile(bomb, "w") as dst:
        for info in src.infolist():
            if info.filename != W_DOC:
                dst.writestr(info, src.read(info.filename))
        info = zipfile.ZipInfo(W_DOC)
        info.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(info, "w", force_zip64=True) as member:
            member.write(document_root(real[0]).replace(b"<w:body/>", b"<w:body><w:p><w:r><w:t>"))
            block = b"a" * (1 << 20)
            for _ in range(256):
                member.write(block)
    assert bomb.stat().st_size < 4 * 1024 * 1024
    laughs_docx = tmp_path / "laughs.docx"
    laughs_docx.write_bytes(rezip(real[0], W_DOC, laughs(document_root(real[0]))))
    laughs_xml = tmp_path / "laughs.xml"
    laughs_xml.write_bytes(laughs(akn_root(real[1])))
    for bad, message in ((bomb, "limit"), (laughs_docx, "DTD"), (laughs_xml, "DTD")):
        for args in (["parse", bad.name], ["diff", str(SEED_PAGE), bad.name, "-f", "html"]):
            done = run_limited(args, tmp_path)  # raises TimeoutExpired past LIMIT_SECONDS
            stderr = done.stderr.decode("utf-8")
            assert done.returncode == 2, (args, stderr)
            assert done.stdout == b"", (args, stderr)
            assert stderr.count("\n") == 1, stderr
            assert "Traceback" not in stderr, stderr
            assert stderr.startswith(f"resdiff: {bad.name}"), stderr
            assert message in stderr, stderr
    assert LIMIT_SECONDS == 20
