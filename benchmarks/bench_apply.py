"""Benchmark ``resdiff apply``: the Res 179 proposal, every real pair, a 1,000-clause text.

Run from the repository root (the real texts must be in ../shared/data, or set
RESDIFF_SHARED_DATA)::

    python benchmarks/bench_apply.py

It prints:

(a) the Res 179 pair (seed page 2010 → Dubai 2018): the marks ``resdiff diff --format itu``
    prints, applied to the parsed seed page — library time (apply alone) and the
    CLI's wall time next to ``resdiff diff`` of the same pair;
(b) every real pair of ``scripts/output_manifest.py``: total and slowest apply time;
(c) one resolution of 1,000 clauses with every clause amended: apply time.

Each library figure is the median of several runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RESDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
SEED = SHARED / "itu-pp" / "2010-guadalajara" / "res-179.seed-page.txt"
NEW_179 = SHARED / "itu-pp" / "2018-dubai" / "res-179.txt"

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import resdiff  # noqa: E402
from resdiff.render import render  # noqa: E402


def median_time(func: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def marks(old: resdiff.Resolution, new: resdiff.Resolution) -> str:
    out = render(resdiff.diff(old, new), "itu")
    assert isinstance(out, str)
    return out


def cli_time(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "resdiff", *args], capture_output=True, check=False)
    return time.perf_counter() - start


def bench_res179(tmp: Path) -> None:
    seed_text = SEED.read_text(encoding="utf-8")
    old = resdiff.parse(seed_text, SEED.name)
    new = resdiff.parse(NEW_179.read_text(encoding="utf-8"), NEW_179.name)
    marked = marks(old, new)
    proposal = tmp / "res-179.itu"
    proposal.write_text(marked, encoding="utf-8")
    alone = median_time(lambda: resdiff.apply(old, marked))
    cli_apply = statistics.median(cli_time(["apply", str(SEED), str(proposal)]) for _ in range(3))
    cli_diff = statistics.median(
        cli_time(["diff", str(SEED), str(NEW_179), "-f", "itu"]) for _ in range(3)
    )
    print("(a) Res 179, seed page 2010 -> Dubai 2018")
    print(f"    apply (library):          {alone * 1000:8.1f} ms")
    print(f"    resdiff apply (CLI wall): {cli_apply * 1000:8.1f} ms")
    print(f"    resdiff diff -f itu:      {cli_diff * 1000:8.1f} ms  (same pair, for scale)")


def bench_real_pairs() -> None:
    from output_manifest import real_pairs

    times: list[tuple[float, str]] = []
    for name, old_path, new_path in real_pairs(SHARED):
        old = resdiff.parse(old_path.read_text(encoding="utf-8"), old_path.name)
        new = resdiff.parse(new_path.read_text(encoding="utf-8"), new_path.name)
        marked = marks(old, new)
        times.append((median_time(partial(resdiff.apply, old, marked), runs=3), name))
    total = sum(t for t, _ in times)
    slowest = max(times)
    print(
        f"(b) {len(times)} real pairs: apply total {total * 1000:.0f} ms,"
        f" slowest {slowest[0] * 1000:.1f} ms ({slowest[1]})"
    )


def big_text(amended: bool) -> str:
    lines = ["RESOLUTION 1 (TEST, 2020)", "A long resolution", "The Conference (Test, 2020),"]
    for s in range(10):
        lines.append("considering" if s == 0 else f"invites group {s}")
        for k in range(100):
            extra = " as appropriate" if amended else ""
            lines.append(
                f"{k + 1} clause {s}-{k} on topic {s * 100 + k} of the plan{extra}, to be"
                f" reviewed by group {k % 7} before session {k % 13};"
            )
    return "\n\n".join(lines) + "\n"


def bench_big() -> None:
    old = resdiff.parse(big_text(False))
    new = resdiff.parse(big_text(True))
    marked = marks(old, new)
    result = resdiff.apply(old, marked)
    assert [c.text for c in result.clauses()] == [c.text for c in new.clauses()]
    took = median_time(lambda: resdiff.apply(old, marked), runs=3)
    print(f"(c) 1,000 clauses, every one amended: apply {took * 1000:.0f} ms")


def main() -> None:
    import tempfile

    if not SEED.exists():
        sys.exit(f"real texts not found at {SHARED} (set RESDIFF_SHARED_DATA)")
    with tempfile.TemporaryDirectory() as tmp:
        bench_res179(Path(tmp))
    bench_real_pairs()
    bench_big()


if __name__ == "__main__":
    main()
