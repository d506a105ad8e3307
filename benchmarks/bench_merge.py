"""Benchmark ``resdiff merge``: one Res 179-size merge from the CLI, and 2,000 triples.

Run from the repository root (the real texts must be in ../shared/data, or set
RESDIFF_SHARED_DATA)::

    python benchmarks/bench_merge.py                # everything
    python benchmarks/bench_merge.py --triples 200  # fewer triples

It prints, measured side by side in one run:

(a) Resolution 179 (Rev. Dubai, 2018) as base, OURS inserting a recital (re-lettering all
    after it) and THEIRS amending a later recital: the wall time of
    ``resdiff merge BASE OURS THEIRS`` against a bare ``python -c pass`` (target < 3×);
(b) 2,000 triples built from the 56 PP-18 texts (a tree of resolutions): on each, one side
    inserts a paragraph into a lettered or numbered run (re-lettering the rest) and the
    other amends words of a later paragraph of that run: different clauses. Library time
    to parse the three texts and merge them, how many merged cleanly, and the same
    triples through ``git merge-file`` (time, and how many it conflicts on).

Triples are drawn from a seeded random generator, so every run merges the same texts.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("RESDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
PP18 = SHARED / "itu-pp" / "2018-dubai"

import resdiff  # noqa: E402
from resdiff.merge import merge_resolutions  # noqa: E402

_LETTER = re.compile(r"^([a-z])\) ")
_NUMBER = re.compile(r"^(\d{1,2}) ")


def runs(lines: list[str]) -> list[list[int]]:
    """Index runs of consecutive paragraphs labelled a) b) c) … or 1 2 3 …."""
    found: list[list[int]] = []
    current: list[int] = []
    expected: str | None = None
    for i, line in enumerate(lines):
        m = _LETTER.match(line) or _NUMBER.match(line)
        label = m.group(1) if m else None
        if label is not None and label in ("a", "1"):
            if len(current) > 1:
                found.append(current)
            current, expected = [i], _next(label)
        elif label is not None and label == expected:
            current.append(i)
            expected = _next(label)
        elif label is None and current:
            if len(current) > 1:
                found.append(current)
            current, expected = [], None
    if len(current) > 1:
        found.append(current)
    return found


def _next(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def insert(lines: list[str], run: list[int], at: int, text: str) -> list[str]:
    """``lines`` with a paragraph inserted before ``run[at]``, the rest of the run relabelled."""
    out = list(lines)
    first = out[run[0]]
    numbered = bool(_NUMBER.match(first))
    for k, i in enumerate(run[at:], at + 1):
        label = str(k + 1) if numbered else chr(ord("a") + k)
        out[i] = re.sub(r"^(?:[a-z]\)|\d{1,2}) ", label + (" " if numbered else ") "), out[i])
    label = str(at + 1) if numbered else chr(ord("a") + at) + ")"
    out.insert(run[at], f"{label} {text}")
    return out


def triple(text: str, rng: random.Random, n: int) -> tuple[str, str, str] | None:
    lines = resdiff.parse(text).to_text().rstrip("\n").split("\n\n")
    found = [r for r in runs(lines) if len(r) < 26]
    if not found:
        return None
    a = rng.choice(found)
    at = rng.randrange(len(a) - 1)
    ours = insert(lines, a, at, f"that the new paragraph {n} is inserted here;")
    theirs = list(lines)
    i = rng.choice(a[at + 1 :])  # a later paragraph of the run the insertion re-letters
    words = theirs[i].split(" ")
    if len(words) < 4:
        return None
    j = rng.randrange(2, len(words))
    words[j] = f"{words[j]} (amended {n})"
    theirs[i] = " ".join(words)
    return tuple("\n\n".join(x) + "\n" for x in (lines, ours, theirs))  # type: ignore[return-value]


def timed(cmd: list[str], repeat: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=False, capture_output=True, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench_cli(repeat: int) -> None:
    rng = random.Random(179)
    base_text = (PP18 / "res-179.txt").read_text(encoding="utf-8")
    made = None
    while made is None:
        made = triple(base_text, rng, 0)
    with tempfile.TemporaryDirectory() as tmp:
        # Timed as an installed copy runs: from compiled bytecode (bench_diff.py does the same).
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pyc")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        paths = []
        for name, text in zip(("base.txt", "ours.txt", "theirs.txt"), made, strict=True):
            (Path(tmp) / name).write_text(text, encoding="utf-8")
            paths.append(str(Path(tmp) / name))
        cmd = [sys.executable, "-m", "resdiff", "merge", *paths]
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        assert out.returncode == 0, out.stderr
        merge_t = timed(cmd, repeat, env)
        diff_t = timed([sys.executable, "-m", "resdiff", "diff", *paths[:2]], repeat, env)
        bare_t = timed([sys.executable, "-c", "pass"], repeat, env)
    clauses = sum(1 for _ in resdiff.parse(base_text).clauses())
    print(
        f"(a) Res 179 (Rev. Dubai, 2018), {clauses} clauses: insertion + re-lettering / amendment"
    )
    print(f"    resdiff merge (CLI)  {merge_t * 1000:7.1f} ms   median of {repeat}")
    print(f"    resdiff diff (CLI)   {diff_t * 1000:7.1f} ms   (BASE OURS, for reference)")
    print(f"    python -c pass       {bare_t * 1000:7.1f} ms")
    print(f"    ratio                {merge_t / bare_t:7.2f}x   (target < 3x)")


def bench_triples(count: int) -> None:
    files = sorted(PP18.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    rng = random.Random(2018)
    triples: list[tuple[str, str, str]] = []
    n = 0
    while len(triples) < count:
        made = triple(texts[n % len(texts)], rng, n)
        n += 1
        if made is not None:
            triples.append(made)
    t = time.perf_counter()
    clean = 0
    for base, ours, theirs in triples:
        result = merge_resolutions(
            resdiff.parse(base), resdiff.parse(ours, "ours"), resdiff.parse(theirs, "theirs")
        )
        clean += result.clean
    lib_t = time.perf_counter() - t
    git_conflicts = 0
    with tempfile.TemporaryDirectory() as tmp:
        names = [str(Path(tmp) / n) for n in ("ours.txt", "base.txt", "theirs.txt")]
        t = time.perf_counter()
        for base, ours, theirs in triples:
            for name, text in zip(names, (ours, base, theirs), strict=True):
                Path(name).write_text(text, encoding="utf-8")
            rc = subprocess.run(["git", "merge-file", "-p", *names], capture_output=True).returncode
            git_conflicts += rc > 0
        git_t = time.perf_counter() - t
    print(f"(b) {count} triples from the {len(files)} PP-18 texts (insertion / amendment)")
    print(
        f"    resdiff (library, parse 3 + merge)  {lib_t:7.2f} s   "
        f"{lib_t / count * 1000:6.1f} ms/triple   clean: {clean}/{count}"
    )
    print(
        f"    git merge-file (one process each)   {git_t:7.2f} s   "
        f"{git_t / count * 1000:6.1f} ms/triple   conflicts: {git_conflicts}/{count}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    if not PP18.is_dir():
        sys.exit(f"bench_merge: real texts not found at {PP18} (set RESDIFF_SHARED_DATA)")
    bench_cli(args.repeat)
    bench_triples(args.triples)


if __name__ == "__main__":
    main()
