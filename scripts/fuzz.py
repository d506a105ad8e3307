"""Fuzz resdiff with Hypothesis: real texts mutated at the byte, line and clause level.

Each target is one function taking the Hypothesis ``data`` object; it draws a mutated
real text (or two) and checks what must hold for *any* input. Adding a target is one
function registered in :data:`TARGETS` (the merge and .docx/AKN readers plug in there
when they exist). A crash is any exception other than :class:`resdiff.errors.ResdiffError`
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
def byte_mutation(draw: Any, text: str) -> bytes:
    """The text's UTF-8 bytes with a few bytes flipped, inserted, deleted or repeated."""
    data = bytearray(text.encode("utf-8"))
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


#: target name -> function of Hypothesis ``data``. Adding a target is one function here.
TARGETS: dict[str, Callable[[Any], None]] = {
    "parser": target_parser,
    "differ": target_differ,
}
#: Targets to add when their code exists (issues 9 and 11): merge, the .docx and AKN readers.
PLANNED = ("merge", "docx", "akn")


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
        for name in PLANNED:
            print(f"{name}: not written yet")
        return 0
    planned = [t for t in args.targets if t in PLANNED]
    if planned:
        parser.error(f"target(s) {', '.join(planned)} not written yet (their code does not exist)")
    unknown = [t for t in args.targets if t not in TARGETS]
    if unknown:
        parser.error(f"unknown target(s) {', '.join(unknown)}; choose from {', '.join(TARGETS)}")
    SEEDS.extend(seeds())
    crashes = 0
    for name in args.targets or list(TARGETS):
        crashes += len(run(name, args.minutes * 60, args.crashes, args.batch))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
