"""Benchmark the time bounds the unit suite no longer asserts (wall clocks vary with load).

Run from the repository root (the real texts must be in ../shared/data, or set
RESDIFF_SHARED_DATA)::

    python benchmarks/bench_bounds.py

Each figure is the median of several runs, printed next to its bound; the exit status is 1
when a figure exceeds its bound (read it with the load average printed first):

(a) parsing every real text: time per resolution (bound 50 ms);
(b) one 8,000-line text (Res 179 with its body repeated, every line distinct so the line
    cache cannot answer): parse time (bound 2 s);
(c) one line of 900 numbered paragraphs run on together: parse time (bound 2 s);
(d) the Res 179 pair (seed page 2010 → Dubai 2018): diff alone, parsed (bound 0.5 s);
(e) two 700-phrase paragraphs with no word in common but the glue: word diff (bound 3 s;
    diff-match-patch's own bisection takes about 10 s).

The unit suite checks the work instead (tests/test_parsing.py counts the lines of resdiff
executed), so a slow machine cannot fail it and a quadratic step still does.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RESDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
ITU_PP = SHARED / "itu-pp"
SEED = ITU_PP / "2010-guadalajara" / "res-179.seed-page.txt"
NEW_179 = ITU_PP / "2018-dubai" / "res-179.txt"

sys.path.insert(0, str(ROOT))

import resdiff  # noqa: E402
from resdiff.parsing import structure  # noqa: E402
from resdiff.worddiff import diff_words  # noqa: E402


def median_time(func: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        structure.READINGS.clear()  # each run parses afresh
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def distinct_copies(text: str, copies: int) -> str:
    """``text`` followed by its body (from "recognizing") ``copies`` times, each line of
    each copy made distinct (so no line is parsed from the cache)."""
    body = text.split("recognizing", 1)[1]
    out = [text]
    for k in range(copies):
        out.append(
            "\n".join(f"{line} (copy {k})" if line.strip() else line for line in body.split("\n"))
        )
    return "".join(out)


def main() -> int:
    if not ITU_PP.is_dir():
        print(f"real texts not found at {ITU_PP} (set RESDIFF_SHARED_DATA)", file=sys.stderr)
        return 2
    print(f"load average: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
    texts = [p.read_text(encoding="utf-8") for p in sorted(ITU_PP.rglob("*.txt"))]
    big = distinct_copies(NEW_179.read_text(encoding="utf-8"), 40)
    line = "; ".join(f"{i} to act on item {i}, with care" for i in range(1, 901))
    old, new = (resdiff.parse(p.read_text(encoding="utf-8")) for p in (SEED, NEW_179))
    old_words = " ".join(f"word{k} of the old text," for k in range(700))
    new_words = " ".join(f"term{k} in the new text;" for k in range(700))
    figures = [
        (
            f"(a) parse, per real resolution ({len(texts)})",
            median_time(lambda: [resdiff.parse(t) for t in texts], runs=3) / len(texts),
            0.05,
        ),
        (
            f"(b) parse {big.count(chr(10))} lines",
            median_time(lambda: resdiff.parse(big), runs=3),
            2.0,
        ),
        (
            "(c) parse one line of 900 paragraphs",
            median_time(lambda: resdiff.parse("resolves\n\n" + line + ".\n"), runs=3),
            2.0,
        ),
        (
            "(d) diff Res 179 2010 -> 2018 (parsed)",
            median_time(lambda: resdiff.diff(old, new)),
            0.5,
        ),
        (
            "(e) word diff, 700 phrases each side",
            median_time(lambda: diff_words(old_words, new_words), runs=3),
            3.0,
        ),
    ]
    over = 0
    for name, seconds, bound in figures:
        verdict = "ok" if seconds <= bound else "OVER"
        over += seconds > bound
        print(f"{name:<42} {seconds * 1000:9.1f} ms   bound {bound * 1000:7.0f} ms  {verdict}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
