"""Benchmark ``resdiff diff``: one real pair, a 2,000-pair tree, and a 1,000-clause resolution.

Run from the repository root (the real texts must be in ../shared/data, or set
RESDIFF_SHARED_DATA)::

    python benchmarks/bench_diff.py                 # everything (a few minutes on 2 cores)
    python benchmarks/bench_diff.py --pairs 200     # a smaller tree
    python benchmarks/bench_diff.py --repeat 3      # each ratio as the median of 3 rounds

It prints, measured side by side in one run, each figure as a ratio to its anchor
measured in the same run (the machine's load average is printed before and after):

(a) the Res 179 pair (seed page 2010 → Dubai 2018): library time (parse both + diff, and
    diff alone) and the CLI's wall time (``--format json``) against a bare
    ``python -c pass`` (target ≤ 3×), beside what importing click, and everything the
    diff imports, costs alone (no work): the floor under that ratio;
(b) a tree of N revision pairs built from the real PP-18 texts with realistic edits
    (insert, delete, move, split, merge, amend, re-letter): ``resdiff diff OLD/ NEW/``
    wall time against ``git diff --no-index --word-diff`` on the same two trees (target
    ≤ 3×, never above 5×), against difflib word-level SequenceMatcher and against
    ``redlines`` (when installed; target ≥ 10× faster) over the same pairs, and the peak
    memory of the resdiff processes (target < 300 MB), read with ``resource.getrusage``
    in the child;
(b3) where a pair of (b)'s time goes (``--phase-pairs``, one process, CPU): parsing,
    aligning, the rest of the diff, the JSON entry;
(b2) two identical trees (OLD/ and a copy of it) against git on the same two
    (target ≤ 1.5×);
(c) one resolution of 1,000 clauses with every clause amended: the library's diff
    (target < 0.2 s).

The closing table lists every target with its figure.

Generated trees go to a temporary folder, removed at the end (``--keep`` keeps it).
Edits are drawn from a seeded random generator, so every run builds the same trees.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RESDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
PP18 = SHARED / "itu-pp" / "2018-dubai"
SEED = SHARED / "itu-pp" / "2010-guadalajara" / "res-179.seed-page.txt"
NEW_179 = PP18 / "res-179.txt"

LETTERS = "abcdefghijklmnopqrstuvwxyz"
_LABEL = re.compile(r"^(?:([a-z])\)|(\d{1,3}))\s+(\S.*)$", re.S)
WORDS = [
    "effective", "relevant", "appropriate", "national", "regional", "international",
    "developing", "sustainable", "digital", "emerging", "accessible", "affordable",
]  # fmt: skip
# a clause as drafted: starts in lower case, no conversion debris (glued PART/ANNEX lines)
_CLEAN = re.compile(r"^[a-z](?!.*(?:\b[A-Z]{4,}\b.*){2})(?!.*_{3})")
PHRASES = ["as appropriate, ", "in particular, ", "where possible, ", "inter alia, "]


# --------------------------------------------------------------------------- edits
@dataclass
class Run:
    """Consecutive labelled paragraphs (``a)``, ``b)`` … or ``1``, ``2`` …): labels are
    written from ``start`` on, so inserting or deleting one re-letters the rest."""

    style: str  # "letter" | "number"
    start: int
    texts: list[str] = field(default_factory=list)

    def render(self) -> list[str]:
        out = []
        for i, text in enumerate(self.texts):
            n = self.start + i
            label = f"{LETTERS[n % 26]})" if self.style == "letter" else str(n + 1)
            out.append(f"{label} {text}")
        return out


Item = str | Run


def parse_items(text: str) -> list[Item]:
    """Paragraphs (blank-line separated); runs of consecutive labels become :class:`Run`."""
    items: list[Item] = []
    for para in text.strip().split("\n\n"):
        m = _LABEL.match(para.strip())
        if not m:
            items.append(para)
            continue
        style = "letter" if m.group(1) else "number"
        n = LETTERS.index(m.group(1)) if m.group(1) else int(m.group(2)) - 1
        last = items[-1] if items else None
        if isinstance(last, Run) and last.style == style and last.start + len(last.texts) == n:
            last.texts.append(m.group(3))
        else:
            items.append(Run(style, n, [m.group(3)]))
    return items


def render_items(items: Sequence[Item]) -> str:
    paras: list[str] = []
    for item in items:
        paras.extend(item.render() if isinstance(item, Run) else [item])
    return "\n\n".join(paras) + "\n"


def _runs(items: list[Item], minimum: int = 1) -> list[Run]:
    runs = [i for i in items if isinstance(i, Run) and len(i.texts) >= minimum]
    # letters stop at z): keep runs short enough to grow by one
    return [r for r in runs if r.style == "number" or r.start + len(r.texts) < 25]


def amend(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    if len(words) < 6:
        return text + " " + rng.choice(PHRASES).rstrip(", ")
    i = rng.randrange(1, len(words) - 1)
    choice = rng.randrange(3)
    if choice == 0:
        words[i] = rng.choice(WORDS)
    elif choice == 1:
        words.insert(i, rng.choice(WORDS))
    else:
        del words[i]
    return " ".join(words)


def edit_insert(items: list[Item], rng: random.Random, pool: Sequence[str]) -> None:
    runs = _runs(items)
    if runs:
        run = rng.choice(runs)
        run.texts.insert(rng.randrange(len(run.texts) + 1), rng.choice(pool))


def edit_delete(items: list[Item], rng: random.Random, _pool: Sequence[str]) -> None:
    runs = _runs(items, minimum=2)
    if runs:
        run = rng.choice(runs)
        del run.texts[rng.randrange(len(run.texts))]


def edit_move(items: list[Item], rng: random.Random, _pool: Sequence[str]) -> None:
    runs = _runs(items, minimum=2)
    if len(runs) >= 2:
        src, dst = rng.sample(runs, 2)
        text = src.texts.pop(rng.randrange(len(src.texts)))
        dst.texts.insert(
            rng.randrange(len(dst.texts) + 1), amend(text, rng) if rng.random() < 0.5 else text
        )


def edit_split(items: list[Item], rng: random.Random, _pool: Sequence[str]) -> None:
    for run in rng.sample(_runs(items), k=len(_runs(items))):
        for i, text in enumerate(run.texts):
            cut = max(text.find(", and "), text.find("; "))
            if cut > 20:
                head, tail = text[:cut].rstrip(",;") + ";", text[cut:].lstrip(",; ")
                tail = tail[4:] if tail.startswith("and ") else tail
                run.texts[i : i + 1] = [head, tail]
                return


def edit_merge(items: list[Item], rng: random.Random, _pool: Sequence[str]) -> None:
    runs = _runs(items, minimum=2)
    if runs:
        run = rng.choice(runs)
        i = rng.randrange(len(run.texts) - 1)
        run.texts[i : i + 2] = [run.texts[i].rstrip(";,.") + ", and " + run.texts[i + 1]]


def edit_amend(items: list[Item], rng: random.Random, _pool: Sequence[str]) -> None:
    runs = _runs(items)
    if runs:
        run = rng.choice(runs)
        i = rng.randrange(len(run.texts))
        run.texts[i] = amend(run.texts[i], rng)


EDITS: list[Callable[[list[Item], random.Random, Sequence[str]], None]] = [
    edit_insert, edit_delete, edit_move, edit_split, edit_merge, edit_amend, edit_amend,
]  # fmt: skip


def revise(text: str, rng: random.Random, pool: Sequence[str], edits: int) -> str:
    items = parse_items(text)
    for _ in range(edits):
        rng.choice(EDITS)(items, rng, pool)
    return render_items(items)


def clause_pool(texts: Sequence[str]) -> list[str]:
    pool: list[str] = []
    for text in texts:
        for item in parse_items(text):
            if isinstance(item, Run):
                pool.extend(t for t in item.texts if 40 < len(t) < 400 and _CLEAN.match(t))
    return pool


def build_tree(root: Path, texts: Sequence[str], pairs: int) -> list[tuple[str, str]]:
    """Write ``root/old`` and ``root/new`` with ``pairs`` resolutions; return the pairs."""
    pool = clause_pool(texts)
    out = []
    for i in range(pairs):
        rng = random.Random(i)
        base = texts[i % len(texts)]
        old = revise(base, rng, pool, edits=2)  # every old file distinct
        new = revise(old, rng, pool, edits=rng.randint(1, 5))
        rel = f"set-{i % 20:02d}/res-{i}.txt"
        for side, text in (("old", old), ("new", new)):
            path = root / side / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        out.append((old, new))
    return out


def big_resolution(pool: Sequence[str], clauses: int, amended: bool) -> str:
    """A resolution of ``clauses`` numbered clauses in 10 operative sections."""
    rng = random.Random(1000)
    headings = [
        "resolves", "instructs the Secretary-General", "instructs the Council",
        "invites Member States", "invites Sector Members", "encourages Member States",
        "requests the Director of the Telecommunication Development Bureau",
        "invites the regional organizations", "urges Member States", "calls upon all parties",
    ]  # fmt: skip
    lines = [
        "RESOLUTION 999 (REV. BENCHMARK, 2018)",
        "A resolution of one thousand clauses",
        "The Plenipotentiary Conference of the International Telecommunication Union"
        " (Dubai, 2018),",
    ]
    per = clauses // len(headings)
    n = 0
    for heading in headings:
        lines.append(heading)
        for k in range(per):
            text = pool[n % len(pool)].rstrip(".;,") + f" (clause {n});"
            if amended:
                text = amend(amend(text, rng), rng)
            lines.append(f"{k + 1} {text}")
            n += 1
    return "\n\n".join(lines) + "\n"


# ----------------------------------------------------------------------- measuring
def resdiff_cmd() -> list[str]:
    script = Path(sys.executable).with_name("resdiff")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from resdiff.cli import main; main()"]


def wall(cmd: Sequence[str], *, runs: int = 1, cwd: Path | None = None) -> float:
    """Median wall time of ``runs`` runs; output discarded; exit 0/1 accepted.

    The CPU time (user + system, the command and its workers) of the median run is kept
    in ``CPU[cmd_key]``: on a shared machine it moves much less than wall time.
    """
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        times.append((elapsed, cpu))
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()}")
    times.sort()
    median = times[len(times) // 2]
    CPU[" ".join(cmd)] = median[1]
    return median[0]


CPU: dict[str, float] = {}


def cpu_of(cmd: Sequence[str]) -> float:
    return CPU[" ".join(cmd)]


_PEAK = """
import json, resource, sys
from resdiff.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"main_kb": me, "worker_kb": kids}), file=sys.stderr)
"""


def peak_memory(args: Sequence[str]) -> dict[str, int]:
    """Peak RSS (KiB) of the CLI process and of its largest worker, read in the child."""
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    result: dict[str, int] = json.loads(proc.stderr.decode().strip().splitlines()[-1])
    return result


def timed(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cpu_timed(fn: Callable[[], object], runs: int = 5) -> float:
    """The least CPU time (this process) of ``runs`` calls: what the code costs, whatever
    else the machine runs."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def speed(ratio: float) -> str:
    """``3.2x faster`` / ``1.3x slower`` for a ratio of their time to ours."""
    return f"{ratio:.1f}x faster" if ratio >= 1 else f"{1 / ratio:.1f}x slower"


def row(name: str, seconds: float, note: str = "", cpu: float | None = None) -> None:
    cpu_text = f"{cpu:8.3f} s" if cpu is not None else " " * 10
    print(f"  {name:<44} {seconds:9.3f} s {cpu_text}  {note}")


# ------------------------------------------------------------- where the time goes
_LOADED = """
import contextlib, io, sys
from resdiff.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(sys.argv[1:])
    except SystemExit:
        pass
print(" ".join(sorted(m for m in sys.modules if m.startswith("resdiff"))), file=sys.stderr)
"""


def startup_floor(cli_cmd: Sequence[str], pass_cmd: Sequence[str], rounds: int) -> None:
    """What a one-pair diff pays before any work: ``import click``, and importing every
    resdiff module the diff loads (with what they import), each beside ``python -c pass``.
    The diff's ratio can come no lower than the second."""
    proc = subprocess.run(
        [sys.executable, "-c", _LOADED, *cli_cmd[-5:]], capture_output=True, check=False
    )
    modules = proc.stderr.decode().strip().splitlines()[-1].split()
    floors = (
        ("import click", [sys.executable, "-c", "import click"]),
        (f"import the {len(modules)} modules the diff loads",
         [sys.executable, "-c", f"import {', '.join(modules)}"]),
    )  # fmt: skip
    for name, cmd in floors:
        wall(cmd)  # writes the bytecode
        floor = side_by_side(cmd, pass_cmd, rounds, runs=9)
        row(name, floor.ours,
            f"{floor.ratio:.1f}x python -c pass (cpu {floor.cpu_ours / floor.cpu_anchor:.1f}x)"
            " (no work done)", floor.cpu_ours)  # fmt: skip


def pair_phases(pairs: Sequence[tuple[str, str]], budget: float) -> None:
    """CPU time of each step of a tree pair, in this process: parsing both texts,
    aligning them, the rest of the diff (the change list and its word diffs), and
    encoding the pair's JSON entry. ``budget``: the CPU seconds a pair may take for the
    tree to stay within 3x git on this machine's CPUs."""
    from resdiff.align.pipeline import align_resolutions
    from resdiff.changes import TreeEntry
    from resdiff.differ import diff_resolutions
    from resdiff.parsing import parse_text
    from resdiff.render.json_format import entry_text

    spent = {"parse both": 0.0, "align": 0.0, "rest of the diff": 0.0, "JSON entry": 0.0}
    for i, (old_text, new_text) in enumerate(pairs):
        path = f"res-{i}.txt"
        start = time.process_time()
        old = parse_text(old_text, source=f"old/{path}")
        new = parse_text(new_text, source=f"new/{path}")
        parsed = time.process_time()
        align_resolutions(old, new)
        aligned = time.process_time()
        diff = diff_resolutions(old, new)  # aligns again: its own time, less the alignment's
        diffed = time.process_time()
        entry_text(TreeEntry(path=path, status="modified", diff=diff), False)
        encoded = time.process_time()
        spent["parse both"] += parsed - start
        spent["align"] += aligned - parsed
        spent["rest of the diff"] += (diffed - aligned) - (aligned - parsed)
        spent["JSON entry"] += encoded - diffed
    total = sum(spent.values())
    print(f"\n(b3) where a pair's time goes: {len(pairs)} pairs of (b), one process, CPU")
    for name, seconds in spent.items():
        print(f"  {name:<44} {1000 * seconds / len(pairs):7.2f} ms a pair"
              f"  {100 * seconds / total:3.0f} %")  # fmt: skip
    print(f"  {'total':<44} {1000 * total / len(pairs):7.2f} ms a pair"
          f"  (3x git's wall on {os.cpu_count()} CPUs: {1000 * budget:.2f} ms a pair)")  # fmt: skip


# ---------------------------------------------------------------------------- main
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=2000, help="pairs in the tree (b)")
    parser.add_argument("--clauses", type=int, default=1000, help="clauses in (c)")
    parser.add_argument("--jobs", type=int, default=0, help="resdiff --jobs (0 = one per CPU)")
    parser.add_argument("--redlines-budget", type=float, default=60.0,
                        help="seconds to spend on redlines before extrapolating")  # fmt: skip
    parser.add_argument("--keep", action="store_true", help="keep the generated trees")
    parser.add_argument("--phase-pairs", type=int, default=300,
                        help="pairs of (b) timed phase by phase in this process (b3)")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of each side-by-side CLI timing (median ratio)")  # fmt: skip
    args = parser.parse_args(argv)
    if not PP18.is_dir():
        print(f"real texts not found at {PP18} (set RESDIFF_SHARED_DATA)", file=sys.stderr)
        return 2

    import resdiff

    # Time the CLI as an installed copy runs: from compiled bytecode. With
    # PYTHONDONTWRITEBYTECODE set (as in some environments) an editable install would
    # recompile every resdiff module on every start (~25 ms), which no installed copy
    # does; the bytecode goes to a temporary folder, not the source tree.
    pycache = Path(tempfile.mkdtemp(prefix="resdiff-bench-pyc-"))
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(pycache)
    try:
        return _run(args, resdiff)
    finally:
        shutil.rmtree(pycache, ignore_errors=True)


@dataclass
class Ratio:
    """One command timed beside its anchor: median wall and CPU times of each, and the
    median of the per-round ratios (each round runs the anchor, then the command)."""

    ours: float
    anchor: float
    ratio: float
    cpu_ours: float
    cpu_anchor: float


def side_by_side(
    ours: Sequence[str], anchor: Sequence[str], rounds: int, runs: int = 1, cwd: Path | None = None
) -> Ratio:
    samples = []
    for _ in range(rounds):
        t_anchor = wall(anchor, runs=runs, cwd=cwd)
        c_anchor = cpu_of(anchor)
        t_ours = wall(ours, runs=runs, cwd=cwd)
        samples.append((t_ours / t_anchor, t_ours, t_anchor, cpu_of(ours), c_anchor))
    samples.sort()
    ratio, t_ours, t_anchor, c_ours, c_anchor = samples[len(samples) // 2]
    return Ratio(t_ours, t_anchor, ratio, c_ours, c_anchor)


TARGETS: list[tuple[str, str, str, bool]] = []


def target(name: str, figure: str, goal: str, met: bool) -> None:
    TARGETS.append((name, figure, goal, met))


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def _run(args: argparse.Namespace, resdiff: Any) -> int:
    cli = resdiff_cmd()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, resdiff {resdiff.__version__}")
    print(f"before: {load()}")
    rounds = max(1, args.repeat)

    # (a) the Res 179 pair -------------------------------------------------------
    print("\n(a) Res 179: Guadalajara 2010 seed page -> Dubai 2018")
    print(f"  {'':<44} {'wall':>11} {'cpu':>10}")
    old_text, new_text = SEED.read_text("utf-8"), NEW_179.read_text("utf-8")
    old, new = resdiff.parse(old_text, str(SEED)), resdiff.parse(new_text, str(NEW_179))
    result = resdiff.diff(old, new)
    t_full = timed(lambda: resdiff.diff(resdiff.parse(old_text), resdiff.parse(new_text)), 20)
    t_diff = timed(lambda: resdiff.diff(old, new), 20)
    row("library: parse both + diff", t_full, "(median of 20)")
    row("library: diff only", t_diff, "(median of 20)")
    pass_cmd = [sys.executable, "-c", "pass"]
    cli_cmd = [*cli, "diff", str(SEED), str(NEW_179), "--format", "json"]
    help_cmd = [*cli, "--help"]
    for warm_up in (pass_cmd, cli_cmd, help_cmd):  # writes the bytecode
        wall(warm_up)
    pair = side_by_side(cli_cmd, pass_cmd, rounds, runs=9)
    helped = side_by_side(help_cmd, pass_cmd, rounds, runs=9)
    row("python -c pass", pair.anchor, "(median of 9)", pair.cpu_anchor)
    row("resdiff --help", helped.ours,
        f"{helped.ratio:.1f}x python -c pass (cpu {helped.cpu_ours / helped.cpu_anchor:.1f}x)",
        helped.cpu_ours)  # fmt: skip
    row("resdiff diff 2010 2018 --format json", pair.ours,
        f"{pair.ratio:.1f}x python -c pass (cpu {pair.cpu_ours / pair.cpu_anchor:.1f}x;"
        " target <= 3x)", pair.cpu_ours)  # fmt: skip
    target("Res 179 pair, CLI, json / python -c pass", f"{pair.ratio:.1f}x", "<= 3x",
           pair.ratio <= 3)  # fmt: skip
    print(f"  summary: {json.dumps(result.summary)}")
    startup_floor(cli_cmd, pass_cmd, rounds)

    texts = [p.read_text("utf-8") for p in sorted(PP18.glob("*.txt"))]
    tmp = Path(tempfile.mkdtemp(prefix="resdiff-bench-"))
    try:
        # (b) a tree of N pairs ----------------------------------------------------
        print(f"\n(b) tree of {args.pairs} revision pairs (built from {len(texts)} PP-18 texts)")
        start = time.perf_counter()
        pairs = build_tree(tmp, texts, args.pairs)
        size = sum(len(a) + len(b) for a, b in pairs)
        print(
            f"  built in {time.perf_counter() - start:.1f} s: {size / 1e6:.1f} MB of text, in {tmp}"
        )
        print(f"  {'':<44} {'wall':>11} {'cpu':>10}")
        tree_cmd = [*cli, "diff", "old", "new", "--format", "json", "--jobs", str(args.jobs)]
        git_cmd = ["git", "diff", "--no-index", "--word-diff", "old", "new"]
        wall(git_cmd, cwd=tmp)  # the files into the page cache
        tree = side_by_side(tree_cmd, git_cmd, rounds, cwd=tmp)
        t_resdiff, c_resdiff = tree.ours, tree.cpu_ours
        row("resdiff diff old/ new/ --format json", tree.ours,
            f"{tree.ratio:.1f}x git wall, {tree.cpu_ours / tree.cpu_anchor:.1f}x cpu"
            " (target <= 3x, never > 5x)", tree.cpu_ours)  # fmt: skip
        row("git diff --no-index --word-diff", tree.anchor, "", tree.cpu_anchor)
        target(f"{args.pairs}-pair tree, CLI, json / git word-diff", f"{tree.ratio:.1f}x",
               "<= 3x (never > 5x)", tree.ratio <= 3)  # fmt: skip
        start, cpu0 = time.perf_counter(), time.process_time()
        for a, b in pairs:
            difflib.SequenceMatcher(None, a.split(), b.split()).get_opcodes()
        t_difflib, c_difflib = time.perf_counter() - start, time.process_time() - cpu0
        row("difflib SequenceMatcher on words (1 process)", t_difflib,
            f"resdiff: {speed(t_difflib / t_resdiff)} wall, {speed(c_difflib / c_resdiff)} cpu",
            c_difflib)  # fmt: skip
        try:
            from redlines import Redlines
        except ImportError:
            print("  redlines: not installed (pip install redlines), skipped")
        else:
            start, cpu0 = time.perf_counter(), time.process_time()
            done = 0
            for a, b in pairs:
                _ = Redlines(a, b).output_markdown
                done += 1
                if time.perf_counter() - start > args.redlines_budget:
                    break
            scale = len(pairs) / done
            t_red = (time.perf_counter() - start) * scale
            c_red = (time.process_time() - cpu0) * scale
            note = "" if done == len(pairs) else f"(extrapolated from {done} pairs) "
            row("redlines output_markdown (1 process)", t_red,
                f"{note}resdiff: {speed(t_red / t_resdiff)} wall, {speed(c_red / c_resdiff)}"
                " cpu (target >= 10x faster)", c_red)  # fmt: skip
        mem = peak_memory([*tree_cmd[len(cli) :][:1], str(tmp / "old"), str(tmp / "new"),
                           *tree_cmd[len(cli) + 3 :]])  # fmt: skip
        jobs = args.jobs or os.cpu_count() or 1
        main_mb, worker_mb = mem["main_kb"] / 1024, mem["worker_kb"] / 1024
        total_mb = main_mb + jobs * worker_mb
        print(f"  peak RSS: main process {main_mb:.0f} MB, largest worker {worker_mb:.0f} MB;"
              f" total <= {total_mb:.0f} MB with {jobs} workers"
              " (target < 300 MB)")  # fmt: skip
        target(f"peak memory, {args.pairs}-pair tree", f"{total_mb:.0f} MB", "< 300 MB",
               total_mb < 300)  # fmt: skip

        cpus = os.cpu_count() or 1
        pair_phases(pairs[: args.phase_pairs], 3 * tree.anchor * cpus / len(pairs))

        # (b2) two identical trees ---------------------------------------------------
        print(f"\n(b2) two identical trees of {args.pairs} files (old/ and a copy of it)")
        shutil.copytree(tmp / "old", tmp / "same")
        same_cmd = [*cli, "diff", "old", "same", "--format", "json", "--jobs", str(args.jobs)]
        git_same = ["git", "diff", "--no-index", "--word-diff", "old", "same"]
        wall(git_same, cwd=tmp)
        same = side_by_side(same_cmd, git_same, rounds, cwd=tmp)
        print(f"  {'':<44} {'wall':>11} {'cpu':>10}")
        row("resdiff diff old/ same/ --format json", same.ours,
            f"{same.ratio:.1f}x git wall, {same.cpu_ours / same.cpu_anchor:.1f}x cpu"
            " (target <= 1.5x)", same.cpu_ours)  # fmt: skip
        row("git diff --no-index --word-diff", same.anchor, "", same.cpu_anchor)
        target("two identical trees / git word-diff", f"{same.ratio:.1f}x", "<= 1.5x",
               same.ratio <= 1.5)  # fmt: skip

        # (c) 1,000 clauses, every one amended -------------------------------------
        print(f"\n(c) one resolution of {args.clauses} clauses, every clause amended")
        pool = clause_pool(texts)
        big_old = big_resolution(pool, args.clauses, amended=False)
        big_new = big_resolution(pool, args.clauses, amended=True)
        (tmp / "big-old.txt").write_text(big_old, "utf-8")
        (tmp / "big-new.txt").write_text(big_new, "utf-8")
        b_old, b_new = resdiff.parse(big_old), resdiff.parse(big_new)
        t_big = timed(lambda: resdiff.diff(b_old, b_new), 3)
        cpu_big = cpu_timed(lambda: resdiff.diff(b_old, b_new), 3)
        big = resdiff.diff(b_old, b_new)
        t_big_parse = timed(lambda: (resdiff.parse(big_old), resdiff.parse(big_new)), 1)
        row("library: diff", t_big, "(wall: median of 3, cpu: least of 3; target < 0.2 s)",
            cpu_big)  # fmt: skip
        row("library: parse both", t_big_parse)
        t_big_cli = wall([*cli, "diff", "big-old.txt", "big-new.txt", "--format", "json"], cwd=tmp)
        row("resdiff diff big-old big-new --format json", t_big_cli)
        print(f"  summary: {json.dumps(big.summary)}")
        target(f"{args.clauses}-clause all-amended diff, library",
               f"{t_big:.3f} s (cpu {cpu_big:.3f} s)", "< 0.2 s", t_big < 0.2)  # fmt: skip
    finally:
        if args.keep:
            print(f"\nkept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print(f"\nafter: {load()}")
    print("\ntargets")
    for name, figure, goal, met in TARGETS:
        print(f"  {name:<46} {figure:>9}  target {goal:<20} {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
