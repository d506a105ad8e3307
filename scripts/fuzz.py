"""Fuzz resdiff with Hypothesis: real texts mutated at the byte, line and clause level.

Each target is one function taking the Hypothesis ``data`` object; it draws a mutated
real text (or two) and checks what must hold for *any* input. Adding a target is one
function registered in :data:`TARGETS`: the parser, the differ, the three-way merge, the
Word reader (the real .docx files' XML and zip mutated) and the Akoma Ntoso reader (the
real AKN excerpt mutated). A crash is any exception other than :class:`resdiff.errors.ResdiffError`
(the one-line "bad input" refusal), or a broken invariant; each is printed with the input
that triggers it (shrunk by Hypothesis) and saved under ``--crashes``.

    nice -n 19 python scripts/fuzz.py --minutes 30 parser
    python scripts/fuzz.py --list

Run from the repository with ``PYTHONPATH=$PWD``; the real texts are found as the tests
find them (``RESDIFF_SHARED_DATA`` or ``../shared/data``).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resdiff
from resdiff.errors import ResdiffError
from resdiff.files import decode

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("RESDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
#: What the fuzzer may insert: markup the parser knows, controls, line ends, odd Unicode.
ALPHABET = (
    "abc XYZ 123 ();:,.\t\n\r\x00\x0b\x0c\x1b[31m\x85\u2028\u2029\ufeff\u200b\u200f\u202e"
    "\u0301•▪_—–«»…¹²³ⁱ ivxlcdm"
)
LINE_OPS = ("delete", "duplicate", "swap", "join", "split", "insert", "eol")
TEXT_FORMATS = ("text", "json", "markdown", "html", "itu", "instructions")


def seeds() -> list[str]:
    """The real texts (every ``*.txt`` under the shared data), sorted by path."""
    folder = SHARED_DATA
    files = sorted(folder.rglob("*.txt")) if folder.is_dir() else []
    if not files:
        sys.exit(f"fuzz: no real texts under {folder} (set RESDIFF_SHARED_DATA)")
    # the Final Acts' Recommendation 7 is 120 kB: slow to diff many times, as seed only
    return [p.read_text(encoding="utf-8") for p in files]


SEEDS: list[str] = []


@st.composite
def byte_mutation(draw: Any, text: str | bytes) -> bytes:
    """The text's UTF-8 bytes (or the bytes given) with a few bytes flipped, inserted,
    deleted or repeated."""
    data = bytearray(text if isinstance(text, bytes) else text.encode("utf-8"))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["flip", "insert", "delete", "repeat"]))
        if op == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 200))] * draw(st.integers(1, 5))
    return bytes(data)


@st.composite
def line_mutation(draw: Any, text: str) -> str:
    """The text with lines deleted, duplicated, swapped, joined, split or rewritten."""
    lines = text.splitlines(keepends=True) or [""]
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(
            st.sampled_from(["delete", "duplicate", "swap", "join", "split", "insert", "eol"])
        )
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i].rstrip("\r\n") + " " + lines[i + 1]]
        elif op == "split" and lines[i]:
            k = draw(st.integers(0, len(lines[i])))
            lines[i : i + 1] = [lines[i][:k] + "\n", lines[i][k:]]
        elif op == "insert":
            lines.insert(i, draw(st.text(ALPHABET, max_size=60)) + "\n")
        elif op == "eol":
            eol = draw(st.sampled_from(["\r\n", "\r", "\n\n", ""]))
            lines[i] = lines[i].rstrip("\r\n") + eol
    return "".join(lines)


@st.composite
def clause_mutation(draw: Any, text: str) -> str:
    """The text with paragraphs (blank-line separated: headings, clauses) moved, dropped,
    duplicated, re-labelled or amended, as a revision or a conversion would."""
    paras = text.split("\n\n")
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(paras) - 1))
        op = draw(st.sampled_from(["drop", "copy", "move", "relabel", "amend", "glue"]))
        if op == "drop" and len(paras) > 1:
            del paras[i]
        elif op == "copy":
            paras.insert(draw(st.integers(0, len(paras))), paras[i])
        elif op == "move":
            p = paras.pop(i)
            paras.insert(draw(st.integers(0, len(paras))), p)
        elif op == "relabel":
            label = draw(st.sampled_from(["a)", "1", "i)", "1bis", "A)", "§", "2.1", "*"]))
            paras[i] = f"{label} {paras[i].split(' ', 1)[-1]}"
        elif op == "amend":
            words = paras[i].split(" ")
            k = draw(st.integers(0, len(words)))
            words[k:k] = [draw(st.text(ALPHABET, min_size=1, max_size=20))]
            paras[i] = " ".join(words)
        elif op == "glue" and i + 1 < len(paras):
            paras[i : i + 2] = [paras[i] + " " + paras[i + 1]]
    return "\n\n".join(paras)


@st.composite
def mutated_text(draw: Any) -> str:
    """A real text mutated at one level; byte mutations are decoded as the CLI decodes
    (a refusal ends the example: that input is rejected, cleanly)."""
    seed = draw(st.sampled_from(SEEDS))
    level = draw(st.sampled_from(["byte", "line", "clause", "clause+line"]))
    if level == "byte":
        raw = draw(byte_mutation(seed))
        return decode(raw, "<fuzz>")  # InputError is a clean refusal
    if level == "line":
        return str(draw(line_mutation(seed)))
    text = str(draw(clause_mutation(seed)))
    return str(draw(line_mutation(text))) if level == "clause+line" else text


def _round_trip(text: str) -> Any:
    r = resdiff.parse(text, "<fuzz>")
    assert r.to_source() == text, "to_source() is not the input"
    canonical = r.to_text()
    if canonical:
        again = resdiff.parse(canonical)
        assert again.to_text() == canonical, "the canonical form is not stable"
    return r


def target_parser(data: Any) -> None:
    """Any text parses (or is refused in one line), round-trips, and formats stably."""
    _round_trip(data.draw(mutated_text()))


def target_differ(data: Any) -> None:
    """A real text against a mutation of it: the diff works and renders in every format,
    the same twice, and a text against itself has only unchanged clauses."""
    from resdiff.render import RenderOptions, render

    seed = data.draw(st.sampled_from(SEEDS))
    old = resdiff.parse(seed, "old")
    new = resdiff.parse(data.draw(mutated_text()), "new")
    result = resdiff.diff(old, new)
    for fmt in TEXT_FORMATS:
        assert render(result, fmt, RenderOptions()) == render(resdiff.diff(old, new), fmt)
    same = resdiff.diff(new, new)
    assert all(c.kind == "unchanged" for c in same.changes), "a text differs from itself"


def target_merge(data: Any) -> None:
    """A real text as base, two mutations of it as the sides: the merge works, the same
    twice; its text parses and is canonical; a side that changed nothing, or two sides
    that made the same change, merge cleanly."""
    from resdiff.merge import merge_resolutions

    seed = data.draw(st.sampled_from(SEEDS))
    base = resdiff.parse(seed, "base")
    ours = resdiff.parse(data.draw(mutated_text()), "ours")
    theirs = resdiff.parse(data.draw(mutated_text()), "theirs")
    result = merge_resolutions(base, ours, theirs)
    again = merge_resolutions(base, ours, theirs)
    assert (result.text, result.conflicts) == (again.text, again.conflicts), "not deterministic"
    if result.clean:
        # canonical in the merge's layout (the base's): a base and sides of different
        # layouts (fuzzed texts) make a text whose own layout may be recognised otherwise
        reread = resdiff.parse(result.text, layout=result.resolution.layout).to_text()
        assert reread == result.text, "merged text not canonical"
    for favor in ("ours", "theirs"):
        assert merge_resolutions(base, ours, theirs, favor=favor).clean, f"--favor {favor}"
    assert merge_resolutions(base, base, theirs).clean, "one side unchanged: a conflict"
    assert merge_resolutions(base, ours, ours).clean, "the same change on both sides: a conflict"


def docx_seeds() -> list[bytes]:
    """The real .docx files' bytes."""
    files = sorted((SHARED_DATA / "docx").glob("*.docx"))
    if not files:
        sys.exit(f"fuzz: no .docx under {SHARED_DATA / 'docx'} (set RESDIFF_SHARED_DATA)")
    return [p.read_bytes() for p in files]


def _rezip(archive: bytes, member: str, data: bytes) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = data if info.filename == member else src.read(info.filename)
            dst.writestr(info, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


@st.composite
def xml_mutation(draw: Any, xml: bytes) -> bytes:
    """XML bytes mutated as text (lines: elements, attributes) or as bytes."""
    if draw(st.booleans()):
        return bytes(draw(byte_mutation(xml)))
    text = xml.decode("utf-8").replace("><", ">\n<")  # one element per line to mutate
    return str(draw(line_mutation(text))).encode("utf-8", "surrogateescape")


def _read_document(data: bytes, suffix: str, read: Callable[[str], str]) -> None:
    """Write ``data`` to a temporary file, read it; a text read must parse and round-trip."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="resdiff-fuzz-") as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        text = read(str(path))
    assert isinstance(text, str), "a reader returned no text"
    assert text.strip(), "a reader returned no text"
    _round_trip(text)


def target_docx(data: Any) -> None:
    """A real .docx with its document.xml (or footnotes, or the zip itself) mutated reads
    (tracked changes accepted and rejected) or is refused in one line; its text parses."""
    import io
    import zipfile

    from resdiff.readers.docx import read_docx

    archive = data.draw(st.sampled_from(DOCX_SEEDS))
    where = data.draw(st.sampled_from(["word/document.xml", "word/footnotes.xml", "zip"]))
    if where == "zip":
        mutated = bytes(data.draw(byte_mutation(archive)))
    else:
        with zipfile.ZipFile(io.BytesIO(archive)) as src:
            if where not in src.namelist():
                return
            xml = src.read(where)
        mutated = _rezip(archive, where, data.draw(xml_mutation(xml)))
    changes = data.draw(st.sampled_from(["accept", "reject"]))
    _read_document(mutated, ".docx", lambda path: read_docx(path, changes))


def target_akn(data: Any) -> None:
    """The real AKN excerpt mutated reads as a collection (every component's text parses)
    or is refused in one line; a one-document file reads as one text."""
    from resdiff.readers.akn import read_akn, read_akn_components

    mutated = data.draw(xml_mutation(AKN_SEED[0]))

    def components(path: str) -> str:
        texts = [c.text for c in read_akn_components(path)]
        for text in texts[1:]:
            _round_trip(text)
        return texts[0] if texts else ""

    reader = data.draw(st.sampled_from([components, read_akn]))
    _read_document(mutated, ".xml", reader)


#: target name -> function of Hypothesis ``data``. Adding a target is one function here.
TARGETS: dict[str, Callable[[Any], None]] = {
    "parser": target_parser,
    "differ": target_differ,
    "merge": target_merge,
    "docx": target_docx,
    "akn": target_akn,
}
DOCX_SEEDS: list[bytes] = []
AKN_SEED: list[bytes] = []


def run(name: str, seconds: float, crashes: Path, batch: int) -> list[str]:
    """Run target ``name`` for about ``seconds``; return the crash messages found."""
    found: list[str] = []
    target = TARGETS[name]
    deadline = time.monotonic() + seconds
    examples = 0
    while time.monotonic() < deadline:

        @settings(
            max_examples=batch,
            deadline=None,
            database=None,
            derandomize=False,
            suppress_health_check=list(HealthCheck),
            print_blob=True,
        )
        @given(st.data())
        def check(data: Any) -> None:
            with contextlib.suppress(ResdiffError):  # a clean one-line refusal
                target(data)

        try:
            check()
        except Exception as exc:  # a crash: report it, keep it, go on
            message = f"{name}: {type(exc).__name__}: {exc}".splitlines()[0]
            detail = traceback.format_exc()
            key = hashlib.sha256(message.encode()).hexdigest()[:12]
            crashes.mkdir(parents=True, exist_ok=True)
            (crashes / f"{name}-{key}.txt").write_text(detail, encoding="utf-8")
            if message not in found:
                found.append(message)
                print(f"CRASH {message}\n  saved: {crashes / f'{name}-{key}.txt'}", flush=True)
        examples += batch
    print(f"{name}: ~{examples} examples in {seconds:.0f} s, {len(found)} distinct crashes")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", help=f"targets (default: all): {', '.join(TARGETS)}")
    parser.add_argument("--minutes", type=float, default=1.0, help="time per target")
    parser.add_argument("--batch", type=int, default=200, help="examples per Hypothesis run")
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"))
    parser.add_argument("--list", action="store_true", help="list the targets and exit")
    args = parser.parse_args(argv)
    if args.list:
        for name, fn in TARGETS.items():
            print(f"{name}: {(fn.__doc__ or '').strip().splitlines()[0]}")
        return 0
    unknown = [t for t in args.targets if t not in TARGETS]
    if unknown:
        parser.error(f"unknown target(s) {', '.join(unknown)}; choose from {', '.join(TARGETS)}")
    SEEDS.extend(seeds())
    chosen = args.targets or list(TARGETS)
    if "docx" in chosen:
        DOCX_SEEDS.extend(docx_seeds())
    if "akn" in chosen:
        akn = SHARED_DATA / "akn" / "pp18-final-acts-excerpt.xml"
        if not akn.is_file():
            sys.exit(f"fuzz: no AKN excerpt at {akn} (set RESDIFF_SHARED_DATA)")
        AKN_SEED.append(akn.read_bytes())
    crashes = 0
    for name in chosen:
        crashes += len(run(name, args.minutes * 60, args.crashes, args.batch))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
