"""Benchmark ``resdiff compile``: ten proposals on Resolution 179 from the CLI.

Run from the repository root (the real texts must be in ../shared/data, or set
RESDIFF_SHARED_DATA)::

    python benchmarks/bench_compile.py               # 10 proposals, median of 5 runs
    python benchmarks/bench_compile.py --proposals 30 --repeat 3

Resolution 179 (Rev. Dubai, 2018) is the base; each proposal, drawn from a seeded random
generator (the same texts on every run), amends words of three paragraphs, inserts one
paragraph (re-lettering the rest of its run) and removes another; every other proposal
repeats an amendment of the one before it, so the compilation has agreements and
conflicts as a real one does. It prints the wall time of ``resdiff compile BASE P1 …
P10`` in each format (target: under 1 s) and its CPU time (user + system, what the
command costs whatever the machine's load) against a bare ``python -c pass``, and the
library time (parse the eleven texts, compile).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("RESDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
BASE = SHARED / "itu-pp" / "2018-dubai" / "res-179.txt"

import resdiff  # noqa: E402
from resdiff.merge import compile_proposals  # noqa: E402

_LABEL = re.compile(r"^([a-z]|\d{1,2})\) |^(\d{1,2}) ")


def paragraphs(text: str) -> list[str]:
    return [p for p in resdiff.parse(text).to_text().split("\n\n") if p.strip()]


def labelled(paras: list[str]) -> list[int]:
    return [i for i, p in enumerate(paras) if _LABEL.match(p) and len(p.split()) > 6]


def amend(para: str, rng: random.Random, tag: str) -> str:
    words = para.split(" ")
    j = rng.randrange(3, len(words))
    words[j] = f"{words[j]} ({tag})"
    return " ".join(words)


def proposals(count: int) -> list[str]:
    """``count`` proposal texts (canonical layout) built from the base."""
    rng = random.Random(179)
    base = paragraphs(BASE.read_text(encoding="utf-8"))
    targets = labelled(base)
    out: list[str] = []
    shared: tuple[int, str] | None = None
    for n in range(count):
        paras = list(base)
        for k in range(3):
            i = rng.choice(targets)
            paras[i] = amend(base[i], rng, f"P{n}.{k}")
        if shared is not None and n % 2 == 1:
            paras[shared[0]] = shared[1]  # the same amendment as the proposal before
        i = rng.choice(targets)
        shared = (i, amend(base[i], rng, f"shared {n}"))
        paras[i] = shared[1]
        gone = rng.choice(targets)
        at = rng.choice(targets)
        label = _LABEL.match(paras[at])
        assert label is not None
        new = f"{(label.group(1) or label.group(2))}) that proposal {n} adds this recital;"
        paras.insert(at, new)
        del paras[gone if gone < at else gone + 1]
        out.append("\n\n".join(paras) + "\n")
    return out


def timed(cmd: list[str], repeat: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of ``cmd``: on a loaded
    machine the CPU time says what the command costs, the wall time what a user waits."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, check=False, capture_output=True, env=env)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--proposals", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not BASE.is_file():
        sys.exit(f"missing {BASE}: set RESDIFF_SHARED_DATA")
    texts = proposals(args.proposals)
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pyc"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # timed as an installed copy runs
        paths = []
        for n, text in enumerate(texts):
            path = Path(tmp) / f"P{n:02d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        cmd = [sys.executable, "-m", "resdiff", "compile", str(BASE), *paths]
        first = subprocess.run([*cmd, "-f", "json"], capture_output=True, text=True, env=env)
        assert first.returncode in (0, 1), first.stderr
        import json

        summary = json.loads(first.stdout)["summary"]
        print(
            f"Res 179 (Rev. Dubai, 2018) and {args.proposals} proposals: "
            f"{summary['clauses']} clauses, {summary['touched']} touched, "
            f"{summary['agreed']} agreed, {summary['conflicts']} conflicts"
        )
        bare, bare_cpu = timed([sys.executable, "-c", "pass"], args.repeat, env)
        print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        for fmt in ("json", "text", "markdown", "html", "docx"):
            out = ["-o", str(Path(tmp) / f"out.{fmt}")]
            wall, cpu = timed([*cmd, "-f", fmt, *out], args.repeat, env)
            verdict = "ok" if wall < 1.0 else "OVER"
            print(
                f"  resdiff compile -f {fmt:<9} {wall * 1000:7.1f} ms wall,"
                f" {cpu * 1000:6.1f} ms CPU  median of {args.repeat}"
                f"  (target < 1000 ms wall: {verdict})"
            )
        print(
            f"  python -c pass              {bare * 1000:7.1f} ms wall,"
            f" {bare_cpu * 1000:6.1f} ms CPU"
        )
    t = time.perf_counter()
    base = resdiff.parse(BASE.read_text(encoding="utf-8"), source="base")
    parsed = [
        (f"P{n:02d}", resdiff.parse(text, source=f"P{n:02d}")) for n, text in enumerate(texts)
    ]
    compile_proposals(base, parsed)
    took = (time.perf_counter() - t) * 1000
    print(f"  library (parse 1 + {args.proposals}, compile)  {took:.1f} ms")


if __name__ == "__main__":
    main()
