"""Same input, byte-identical output: whatever PYTHONHASHSEED, however many workers.

Each run is a fresh interpreter (the hash seed is fixed at start-up) that diffs a real
pair of files and a tree of real texts in every format and prints each output's SHA-256;
runs with different seeds and ``--jobs 1`` / ``--jobs 2`` must print the same.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ITU_PP, RES_179_2018, SEED_PAGE

from resdiff.render import FORMATS

ROOT = Path(__file__).resolve().parents[1]
FIXED_DATE = "2026-01-01T00:00:00+00:00"

SCRIPT = """
import hashlib, sys
from click.testing import CliRunner
from resdiff.cli import main
old_file, new_file, old_tree, new_tree, jobs, *formats = sys.argv[1:]
runner = CliRunner()
for fmt in formats:
    extra = ["--date", "{date}"] if fmt == "docx" else []
    for name, pair in (("pair", [old_file, new_file]), ("tree", [old_tree, new_tree])):
        args = ["diff", *pair, "-f", fmt, "--jobs", jobs, "--all", *extra]
        result = runner.invoke(main, args, catch_exceptions=False)
        digest = hashlib.sha256(result.stdout_bytes).hexdigest()
        print(name, fmt, result.exit_code, len(result.stdout_bytes), digest)
""".replace("{date}", FIXED_DATE)


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two trees of real texts: Res 179 2010 → 2018, a few PP-18 texts amended, one
    removed, one added."""
    if not ITU_PP.is_dir():
        pytest.skip(f"real texts not found at {ITU_PP} (set RESDIFF_SHARED_DATA)")
    base = tmp_path_factory.mktemp("trees")
    old, new = base / "old", base / "new"
    old.mkdir()
    new.mkdir()
    (old / "res-179.txt").write_bytes(SEED_PAGE.read_bytes())
    (new / "res-179.txt").write_bytes(RES_179_2018.read_bytes())
    others = sorted(p for p in (ITU_PP / "2018-dubai").glob("res-1[2-3]*.txt"))[:4]
    for i, path in enumerate(others):
        text = path.read_text("utf-8")
        if i < 3:
            (old / path.name).write_text(text, "utf-8")
        if i > 0:
            (new / path.name).write_text(text.replace(" the ", " the said ", 3), "utf-8")
    return old, new


def run(trees: tuple[Path, Path], seed: str, jobs: int) -> str:
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(SEED_PAGE), str(RES_179_2018), *map(str, trees),
         str(jobs), *FORMATS],
        capture_output=True, text=True, env=env, timeout=300, check=True,
    )  # fmt: skip
    return done.stdout


def test_every_format_is_byte_identical_across_hash_seeds_and_worker_counts(
    trees: tuple[Path, Path],
) -> None:
    first = run(trees, "0", 1)
    lines = first.splitlines()
    assert len(lines) == 2 * len(FORMATS)
    assert all(line.split()[2] == "1" and int(line.split()[3]) > 0 for line in lines), first
    assert run(trees, "4242", 2) == first
