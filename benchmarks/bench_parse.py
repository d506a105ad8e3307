"""Benchmark the parser: every real text parsed warm and with its caches emptied, and the
first parse in a fresh process (import of the parser and regex compilation included).

Run from the repository root (the real texts must be in ../shared/data, or set
RESDIFF_SHARED_DATA)::

    python benchmarks/bench_parse.py                      # this checkout
    python benchmarks/bench_parse.py --baseline 89be83f   # and a commit, side by side

Every figure is measured in child processes, one tree after the other in each round, so
a ``--baseline`` commit (exported with ``git archive`` to a temporary folder) runs under
the same load; the anchors (``python -c pass``, reading the files) are measured in the
same run, and each figure is printed with its ratio to them and to the baseline:

- **fresh process** (median of ``--repeat`` processes): importing ``resdiff.parsing``
  (after ``resdiff.model``, which every command loads anyway) and the first parse of
  Resolution 179 (Rev. Dubai, 2018), the start-up cost the parser adds to a single-pair
  ``resdiff diff``, next to the CPU time of ``python -c pass``;
- **caches emptied** (per file, mean over every real text, median of rounds): each text
  parsed with the parser's memos (line cuts, headings, labels, collapsed texts) cleared
  first, as the first revision of a new text meets them;
- **warm** (per file, as above): each text parsed again with every memo filled, as a
  tree of revisions that share their lines meets them;
- a digest of every parse (``resdiff parse --format json`` of each text), which must be
  the same for both trees: a faster parser that parsed differently would not count.

Figures are CPU times (``time.process_time`` in the child; user + system of the
``python -c pass`` child), which another engineer's load disturbs less than wall
times; the fresh-process sum is also printed as wall time. Children run from
compiled bytecode (``PYTHONPYCACHEPREFIX`` in a temporary folder, each
command run once before it is timed), as an installed copy runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RESDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
TYPICAL = SHARED / "itu-pp" / "2018-dubai" / "res-179.txt"

#: Run in a child: import, first parse, then rounds over every text (caches emptied, warm).
CHILD = r"""
import hashlib, json, sys, time
import resdiff.model  # the model (and dataclasses, re …): every command loads it first
t0 = time.perf_counter(); c0 = time.process_time()
import resdiff.parsing
from resdiff.parsing import parse_text
t1 = time.perf_counter(); c1 = time.process_time()
typical = open(sys.argv[1], encoding="utf-8").read()
t2 = time.perf_counter(); c2 = time.process_time()
parse_text(typical)
t3 = time.perf_counter(); c3 = time.process_time()
out = {"import": t1 - t0, "import_cpu": c1 - c0, "first": t3 - t2, "first_cpu": c3 - c2}
if sys.argv[2] != "0":
    import importlib, pkgutil
    from resdiff.parsing.tree import to_json
    paths = sys.argv[3:]
    texts = [open(p, encoding="utf-8").read() for p in paths]
    mods = [importlib.import_module("resdiff.parsing." + m.name)
            for m in pkgutil.iter_modules(resdiff.parsing.__path__)]
    memos = []
    for mod in mods:
        for value in vars(mod).values():
            if hasattr(value, "cache_clear"):
                memos.append(value.cache_clear)
            elif hasattr(value, "clear") and hasattr(value, "limit"):
                memos.append(value.clear)  # a BoundedMemo
    def emptied():
        total = 0.0
        for text in texts:
            for clear in memos:
                clear()
            start = time.process_time()
            parse_text(text)
            total += time.process_time() - start
        return total
    def warm():
        start = time.process_time()
        for text in texts:
            parse_text(text)
        return time.process_time() - start
    rounds = int(sys.argv[2])
    out["emptied"] = min(emptied() for _ in range(rounds)) / len(texts)
    warm()
    out["warm"] = min(warm() for _ in range(rounds)) / len(texts)
    digest = hashlib.sha256()
    for path, text in zip(paths, texts):
        got = json.dumps(to_json(parse_text(text, path)), sort_keys=True, ensure_ascii=False)
        digest.update(got.encode("utf-8"))
    out["digest"] = digest.hexdigest()[:16]
    out["from"] = resdiff.parsing.__file__
    out["files"] = len(texts)
print(json.dumps(out))
"""


def child_env(tree: Path, pycache: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = pycache
    env["PYTHONPATH"] = str(tree)
    env["PYTHONHASHSEED"] = "0"
    return env


def run_child(tree: Path, pycache: str, rounds: int, paths: list[str]) -> dict[str, float | str]:
    cmd = [sys.executable, "-c", CHILD, str(TYPICAL), str(rounds), *paths]
    env = child_env(tree, pycache)
    # run outside any checkout: `python -c` puts the working folder first on sys.path
    done = subprocess.run(cmd, env=env, cwd=pycache, capture_output=True, text=True, check=True)
    result: dict[str, float | str] = json.loads(done.stdout)
    return result


def cpu(cmd: list[str], env: dict[str, str]) -> float:
    """The CPU time (user + system) of running ``cmd`` in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def export(rev: str, into: Path) -> Path:
    """The tree of commit ``rev`` of this repository, written under ``into``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "resdiff"],
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", help="a commit to measure in the same run, side by side")
    parser.add_argument("--repeat", type=int, default=9, help="fresh processes per tree")
    parser.add_argument("--rounds", type=int, default=5, help="rounds over every text")
    args = parser.parse_args()
    paths = sorted(str(p) for p in SHARED.rglob("*.txt"))
    if not TYPICAL.is_file():
        sys.exit(f"real texts not found at {SHARED} (set RESDIFF_SHARED_DATA)")
    with tempfile.TemporaryDirectory(prefix="bench-parse-") as tmp:
        pycache = str(Path(tmp) / "pycache")
        Path(pycache).mkdir()
        trees = {"this": ROOT}
        if args.baseline:
            base = Path(tmp) / "baseline"
            base.mkdir()
            trees[args.baseline] = export(args.baseline, base)
        print(f"load average before: {os.getloadavg()}")
        env = child_env(ROOT, pycache)
        for tree in trees.values():  # compile the bytecode once, outside the timings
            run_child(tree, pycache, 0, [])
        anchor: list[float] = []
        fresh: dict[str, list[dict[str, float | str]]] = {name: [] for name in trees}
        for _ in range(args.repeat):  # interleaved, so the trees share the load
            anchor.append(cpu([sys.executable, "-c", "pass"], env))
            for name, tree in trees.items():
                fresh[name].append(run_child(tree, pycache, 0, []))
        start = time.process_time()
        for path in paths:
            Path(path).read_text(encoding="utf-8")
        reading = (time.process_time() - start) / len(paths)
        loops = {name: run_child(tree, pycache, args.rounds, paths) for name, tree in trees.items()}
        print(f"load average after:  {os.getloadavg()}")
    py = statistics.median(anchor)
    print(f"\nanchors: `python -c pass` {ms(py)} CPU (median of {args.repeat});")
    print(f"         reading a file {ms(reading)} (mean over {len(paths)} real texts)\n")
    rows: dict[str, dict[str, float]] = {}
    for name in trees:
        runs = fresh[name]

        def med(key: str, runs: list[dict[str, float | str]] = runs) -> float:
            return statistics.median(float(r[key]) for r in runs)

        rows[name] = {
            "import resdiff.parsing": med("import_cpu"),
            "first parse of Res 179 (Dubai 2018)": med("first_cpu"),
            "import + first parse": statistics.median(
                float(r["import_cpu"]) + float(r["first_cpu"]) for r in runs
            ),
            "import + first parse (wall)": statistics.median(
                float(r["import"]) + float(r["first"]) for r in runs
            ),
            "parse, caches emptied, per file": float(loops[name]["emptied"]),
            "parse, warm, per file": float(loops[name]["warm"]),
        }
    names = list(trees)
    head = f"{'what':40}" + "".join(f"{n:>14}" for n in names)
    if len(names) > 1:
        head += f"{'speed-up':>10}"
    print(head + f"{'÷ python -c pass':>18}")
    for what in rows["this"]:
        line = f"{what:40}" + "".join(f"{ms(rows[n][what]):>14}" for n in names)
        if len(names) > 1:
            line += f"{rows[names[1]][what] / rows['this'][what]:>9.2f}×"
        line += f"{rows['this'][what] / py:>17.3f}×"
        print(line)
    files, rounds, repeat = loops["this"]["files"], args.rounds, args.repeat
    print(f"\nper-file figures: means over {files} texts, least of {rounds} rounds;")
    print(f"fresh-process figures: medians of {repeat} processes")
    for name in names:
        print(f"{name}: {loops[name]['from']}")
    digests = {name: loops[name]["digest"] for name in names}
    same = len(set(digests.values())) == 1
    print(f"parse digests: {digests} ({'same' if same else 'DIFFERENT'})")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
