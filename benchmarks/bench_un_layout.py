"""Benchmark the UN layout: what recognising the layout costs every parse, and reading,
diffing and applying UN-layout texts next to the same words in the ITU layout.

Run from the repository root (the real texts must be in ../shared/data, or set
RESDIFF_SHARED_DATA)::

    python benchmarks/bench_un_layout.py

It prints:

(a) layout recognition (``detect_layout``) over every ITU text of the shared data, next to
    parsing them with the layout forced (so the recognition is all the difference);
(b) each UN-layout text: parse time, and the same resolution's ITU text (Dubai 2018);
(c) the 73/179 text against a revision with a PP inserted, an OP deleted and one amended:
    diff time, and ``apply(base, itu(diff))`` time.

Each figure is the median of several runs (caches warm: both revisions share paragraphs).
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RESDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
UN = SHARED / "un-layout"
DUBAI = SHARED / "itu-pp" / "2018-dubai"

sys.path.insert(0, str(ROOT))

import resdiff  # noqa: E402
from resdiff.parsing.un_layout import detect_layout  # noqa: E402
from resdiff.render import RenderOptions  # noqa: E402
from resdiff.render.itu import render as render_itu  # noqa: E402


def median_ms(fn: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def revised(text: str) -> str:
    paras = text.rstrip("\n").split("\n\n")
    first = paras.index("The General Assembly,") + 1
    paras.insert(first + 2, "Noting with appreciation the work of the Broadband Commission,")
    op7 = next(i for i, p in enumerate(paras) if p.startswith("7. "))
    del paras[op7]
    count = 0
    out = []
    for para in paras:
        if re.match(r"\d+\. ", para):
            count += 1
            para = re.sub(r"^\d+\. ", f"{count}. ", para).replace(" the ", " all the ", 1)
        out.append(para)
    return "\n\n".join(out) + "\n"


def main() -> None:
    if not UN.is_dir():
        sys.exit(f"UN-layout texts not found at {UN} (set RESDIFF_SHARED_DATA)")
    itu = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "itu-pp").rglob("*.txt"))]
    detect = median_ms(lambda: [detect_layout(t) for t in itu])
    forced = median_ms(lambda: [resdiff.parse(t, layout="itu") for t in itu], runs=3)
    print(f"(a) {len(itu)} ITU texts: detect_layout {detect:.2f} ms in all,")
    print(
        f"    parse with the layout forced {forced:.1f} ms: recognition adds {detect / forced:.2%}"
    )
    for path in sorted(UN.glob("*.un-layout.txt")):
        text = path.read_text(encoding="utf-8")
        twin = DUBAI / path.name.replace(".un-layout", "")
        un_ms = median_ms(lambda text=text: resdiff.parse(text))
        itu_ms = median_ms(lambda twin=twin: resdiff.parse(twin.read_text(encoding="utf-8")))
        n = sum(1 for _ in resdiff.parse(text).clauses())
        print(f"(b) {path.name}: {n} clauses, parse {un_ms:.1f} ms (ITU layout {itu_ms:.1f} ms)")
    base_text = (UN / "res-179.un-layout.txt").read_text(encoding="utf-8")
    base = resdiff.parse(base_text, "base")
    new = resdiff.parse(revised(base_text), "new")
    d = resdiff.diff(base, new)
    marked = render_itu(d, RenderOptions())
    diff_ms = median_ms(lambda: resdiff.diff(base, new))
    apply_ms = median_ms(lambda: resdiff.apply(base, marked))
    print(f"(c) 73/179 revised ({d.summary['renumbered']} renumbered):"
          f" diff {diff_ms:.1f} ms, apply {apply_ms:.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
