"""Speed of the Word and Akoma Ntoso readers and of the AKN writer, on the real files.

Prints, for each, the best of ``--repeat`` runs (seconds):

- reading the real tracked Word document (Res 179, 2010 -> 2018), changes accepted and
  rejected, and parsing both;
- reading the real Final Acts excerpt (4 components);
- writing every real text as AKN and reading it back (57 texts);
- reading a whole Final Acts collection (the 56 PP-18 texts as one documentCollection).

Usage::

    python benchmarks/bench_readers.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import resdiff
from resdiff.readers.akn import read_akn, read_akn_components
from resdiff.readers.docx import read_docx
from resdiff.writers.akn import AknMeta, meta_for, to_akn, to_akn_collection

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("RESDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))


def best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    tracked = DATA / "docx" / "res-179-2010-to-2018.tracked.docx"
    excerpt = DATA / "akn" / "pp18-final-acts-excerpt.xml"
    texts = sorted((DATA / "itu-pp").rglob("*.txt"))
    parsed = [resdiff.parse(p.read_text(encoding="utf-8")) for p in texts]

    def docx() -> None:
        for changes in ("accept", "reject"):
            resdiff.parse(read_docx(tracked, changes))  # type: ignore[arg-type]

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "r.xml"

        def round_trip() -> None:
            for res in parsed:
                out.write_bytes(to_akn(res))
                resdiff.parse(read_akn(out))

        dubai = [(r, p) for r, p in zip(parsed, texts, strict=True) if "2018-dubai" in str(p)]
        collection = Path(folder) / "final-acts.xml"
        collection.write_bytes(
            to_akn_collection(
                [(r, meta_for(r, f"itu-pp/{p.stem}", "2018-11-15")) for r, p in dubai],
                AknMeta("itu-pp", "pp-18", "2018-11-15"),
            )
        )
        print(f"docx: read + parse Res 179 tracked, accept and reject: {best(repeat, docx):.3f} s")
        print(
            f"akn:  read the Final Acts excerpt (4 components): "
            f"{best(repeat, lambda: read_akn_components(excerpt)):.3f} s"
        )
        print(
            f"akn:  write + read back + parse {len(parsed)} real texts: "
            f"{best(repeat, round_trip):.3f} s"
        )
        size = collection.stat().st_size / 1e6
        print(
            f"akn:  read a {len(dubai)}-component collection ({size:.1f} MB): "
            f"{best(repeat, lambda: read_akn_components(collection)):.3f} s"
        )


if __name__ == "__main__":
    main()
