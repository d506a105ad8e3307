"""Run every command on the big hostile inputs, each under the issue's limits, and print
the figures: exit status, seconds (wall clock, and CPU time, which load on a shared
machine does not inflate), peak memory, and the stderr line if any.

The inputs (generated in a temporary folder): 20,000 sections, 25,000 bare labels, one
10 MB line, and a 5 MB resolution (Res 179 of 2018 repeated until it reaches 5 MB) —
diffed against Res 179 in every output format, and parsed, formatted and checked. A run
over the limits (20 s, 1.5 GB of address space) is reported as such; the script exits 1
if any run failed its limits or ended with a traceback.

    PYTHONPATH=$PWD python scripts/hostile_inputs.py [--only NAME] [--formats html,text]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("RESDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
RES_179 = SHARED_DATA / "itu-pp" / "2018-dubai" / "res-179.txt"
FORMATS = ["text", "term", "json", "markdown", "html", "docx", "itu", "instructions"]
LIMIT_SECONDS = 20.0
LIMIT_BYTES = 1536 * 1024 * 1024


def inputs(folder: Path) -> dict[str, Path]:
    """Write the big inputs to ``folder``; name -> path."""
    res179 = RES_179.read_text(encoding="utf-8")
    texts = {
        "sections": "RESOLUTION 1 (TEST, 2020)\n\nTitle\n\n"
        + "".join(f"considering {i}\n\na) that text {i};\n\n" for i in range(20_000)),
        "labels": "RESOLUTION 1 (TEST, 2020)\n\nTitle\n\nresolves\n\n"
        + "".join(f"{i})\n" for i in range(1, 25_001)),
        "long-line": "RESOLUTION 1 (TEST, 2020)\n\nresolves\n\n1 " + "word " * 2_000_000 + "\n",
        "5mb": "\n\n".join([res179] * (5 * 1024 * 1024 // len(res179.encode()) + 1)),
    }
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def run(args: list[str], cwd: Path) -> tuple[int | str, float, float, int, str]:
    """(exit status or 'KILLED', seconds, CPU seconds, peak KB, last stderr line) of one
    command; its own CPU time and peak memory, from wait4."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))

    start = time.monotonic()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "resdiff", *args],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=err,
            preexec_fn=limit,
        )
        # let it run past 20 s to measure it (it still counts as over), not for ever
        timer = threading.Timer(LIMIT_SECONDS * 3, proc.kill)
        timer.start()
        _, wait_status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(wait_status)
        seconds = time.monotonic() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    status: int | str = proc.returncode if proc.returncode >= 0 else "KILLED"
    lines = stderr.strip().splitlines()
    tail = lines[-1] if lines else ""
    if "Traceback" in stderr:
        tail = "TRACEBACK " + tail
    return status, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, tail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="one input: sections, labels, long-line, 5mb")
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args(argv)
    if not RES_179.is_file():
        sys.exit(f"hostile_inputs: {RES_179} not found (set RESDIFF_SHARED_DATA)")
    formats = args.formats.split(",")
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "res-179.txt").write_bytes(RES_179.read_bytes())
        for name, path in inputs(folder).items():
            if args.only and name != args.only:
                continue
            runs = [["parse", path.name], ["fmt", path.name], ["check", path.name]]
            for fmt in formats:
                out = ["-o", f"out.{fmt}"] if fmt == "docx" else []
                runs.append(["diff", "res-179.txt", path.name, "-f", fmt, *out])
            for command in runs:
                status, seconds, cpu, peak_kb, tail = run(command, folder)
                over = (
                    status not in (0, 1, 2)
                    or seconds > LIMIT_SECONDS
                    or tail.startswith("TRACEBACK")
                )
                bad += over
                flag = "OVER" if over else "ok"
                print(
                    f"{flag:4} {name:9} {' '.join(command[:1] + command[3:5]):24}"
                    f" exit {status}  {seconds:6.1f} s (cpu {cpu:5.1f} s)"
                    f"  {peak_kb / 1024:7.0f} MB  {tail}",
                    flush=True,
                )
    print(f"{bad} run(s) over the limits")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
