"""Corpus benchmark: bulk import through git fast-import, and log/blame/history over 20 revisions.

Targets (issue 4): 10,000 revision commits imported in under 60 s; ``log``, ``blame`` and
``history`` of a resolution with 20 revisions in under 1 s each (pair diffs cached by the
two blobs' ids).

The input is synthesised deterministically from the real PP-18 texts in ../shared/data
(never copied into the repository): resolution k starts from one of the 56 texts, with its
number line set to k, and each of its 20 revisions amends a few paragraphs word by word,
inserts one and drops one now and then — what conferences do. Run::

    python benchmarks/bench_corpus.py            # 500 resolutions x 20 revisions = 10,000
    python benchmarks/bench_corpus.py --resolutions 50 --quick

It prints one line per measurement and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RESDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
DUBAI = SHARED / "itu-pp" / "2018-dubai"
REVISIONS = 20
WORDS = (
    "promptly",
    "effectively",
    "in cooperation with the regions",
    "as appropriate",
    "within available resources",
    "in particular developing countries",
)


def revision_names(count: int) -> list[tuple[str, str]]:
    """(name, adoption date) of ``count`` fictitious conferences, three years apart."""
    return [(f"pp-{1971 + 3 * i}", f"{1971 + 3 * i}-10-{10 + i % 15:02d}") for i in range(count)]


def evolve(text: str, rng: random.Random, year: int) -> str:
    """The next revision: amend a few paragraphs, sometimes insert or drop one."""
    paras = text.split("\n\n")
    body = range(4, len(paras)) if len(paras) > 6 else range(len(paras))
    for _ in range(3):
        i = rng.choice(list(body))
        words = paras[i].split(" ")
        if len(words) > 4:
            words.insert(rng.randrange(2, len(words)), rng.choice(WORDS))
            paras[i] = " ".join(words)
    if rng.random() < 0.4 and len(paras) > 8:
        paras.insert(rng.choice(list(body)), f"to report on the progress achieved by {year};")
    if rng.random() < 0.2 and len(paras) > 10:
        del paras[rng.choice(list(body)[1:])]
    paras[0] = re.sub(r"\(.*\)", f"(REV. PLENIPOTENTIARY, {year})", paras[0], count=1)
    return "\n\n".join(paras)


def make_input(folder: Path, resolutions: int) -> int:
    """Write ``<body>/<kind>-<n>/<revision>.txt`` files and revisions.csv; return the count."""
    bases = sorted(DUBAI.glob("res-*.txt"))
    confs = revision_names(REVISIONS)
    (folder / "revisions.csv").write_text(
        "revision,adopted\n" + "".join(f"{n},{d}\n" for n, d in confs), encoding="utf-8"
    )
    count = 0
    for k in range(1, resolutions + 1):
        rng = random.Random(k)
        text = bases[k % len(bases)].read_text(encoding="utf-8")
        text = re.sub(r"^RESOLUTION \d+", f"RESOLUTION {k}", text, count=1)
        target = folder / "itu-pp" / f"res-{k}"
        target.mkdir(parents=True)
        for name, date in confs:
            text = evolve(text, rng, int(date[:4]))
            (target / f"{name}.txt").write_text(text, encoding="utf-8")
            count += 1
    return count


def timed(label: str, func: Callable[[], Any], limit: float | None, misses: list[str]) -> Any:
    start = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - start
    verdict = "" if limit is None else ("  ok" if elapsed < limit else f"  MISSED (< {limit:g} s)")
    print(f"{label:<58} {elapsed:8.3f} s{verdict}", flush=True)
    if limit is not None and elapsed >= limit:
        misses.append(label)
    return result


def cli(corpus: Path, *args: str) -> str:
    """Run the real CLI in a fresh process (start-up included, as a user sees it)."""
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from resdiff.cli import main; main()",
            *args,
            "--corpus",
            str(corpus),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--resolutions",
        type=int,
        default=500,
        help="resolutions x 20 revisions are imported (default 500 = 10,000)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="skip the parsed (non-verbatim) import"
    )
    args = parser.parse_args()
    if not DUBAI.is_dir():
        print(f"real texts not found at {DUBAI}; set RESDIFF_SHARED_DATA", file=sys.stderr)
        return 2
    from resdiff.corpus import Corpus
    from resdiff.corpus.refs import ResolutionId

    misses: list[str] = []
    env = {
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
    }
    os.environ.update(env)
    with tempfile.TemporaryDirectory(prefix="resdiff-bench-") as tmp:
        src = Path(tmp) / "input"
        src.mkdir()
        n = timed(
            f"generate {args.resolutions * REVISIONS} revision files",
            lambda: make_input(src, args.resolutions),
            None,
            misses,
        )
        runs = [("verbatim", True)] if args.quick else [("verbatim", True), ("parsed", False)]
        for mode, verbatim in runs:
            corpus = Corpus.init(Path(tmp) / f"corpus-{mode}")
            result = timed(
                f"import {n} revision commits ({mode}, git fast-import)",
                functools.partial(corpus.import_dir, src, verbatim=verbatim),
                60.0 if n <= 10_000 else None,
                misses,
            )
            assert result.commits == n
        # log / blame / history over 20 revisions, on the last corpus imported.
        rid = ResolutionId.parse("itu-pp/res-7")
        path = corpus.path
        fresh = Corpus(path)
        final = fresh.blame(rid)
        clause = [e.path for e in final if e.label][len(final) // 3]
        for label, cmd in (
            ("log", ("log", "itu-pp/res-7")),
            ("blame", ("blame", "itu-pp/res-7")),
            ("history", ("history", "itu-pp/res-7", clause)),
        ):
            cache = fresh.store.cache_dir
            shutil.rmtree(cache, ignore_errors=True)
            timed(
                f"resdiff {label} over {REVISIONS} revisions (CLI, cold cache)",
                functools.partial(cli, path, *cmd),
                None,
                misses,
            )
            timed(
                f"resdiff {label} over {REVISIONS} revisions (CLI, warm cache)",
                functools.partial(cli, path, *cmd),
                1.0,
                misses,
            )
        warm = Corpus(path)
        timed(
            "library: log + blame + history, warm cache, new Corpus",
            lambda: (warm.log(rid), warm.blame(rid), warm.history(rid, clause)),
            1.0,
            misses,
        )
        print(f"cache: {warm.cache.hits} hits, {warm.cache.misses} misses")
    if misses:
        print("targets missed: " + "; ".join(misses))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
