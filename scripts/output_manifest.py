"""Hash what every command prints, in every format, for every pair of real texts.

The safety net for refactoring: run it before moving code (``--write`` stores the
manifest), and after (the default compares with the stored manifest and lists every
output whose bytes changed). A test runs the comparison, so a refactor that changes one
byte of one output fails the suite.

Covered, through the CLI (click's CliRunner, in process):

- ``diff`` of every real pair in every format (and with ``--all``, ``--marks itu``,
  ``--ignore-editorial``, ``--color always``): Resolution 179 (Guadalajara 2010 seed
  page -> Dubai 2018), the project's illustrative draft against the seed page, each
  UN-layout text against its ITU text, and each PP-18 text against the next one in
  name order (different resolutions: every alignment pass is exercised);
- a tree diff (json, text) of two folders built from the real texts;
- ``parse`` (text, json), ``fmt`` and ``check`` (text, json) of every real text;
- the corpus commands (log, show, blame, history, diff and check of corpus refs) on a
  corpus of the two revisions of Resolution 179 committed with fixed dates.

Usage::

    python scripts/output_manifest.py            # compare; exit 1 and list differences
    python scripts/output_manifest.py --write    # store the current outputs' hashes
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "golden" / "manifest.json"
FORMATS = ["text", "term", "json", "markdown", "html", "docx", "itu", "instructions"]
FIXED_DATE = "2026-01-01T00:00:00+00:00"


def shared_data() -> Path:
    """The real texts: ``RESDIFF_SHARED_DATA`` or ``../shared/data`` beside the repository."""
    env = os.environ.get("RESDIFF_SHARED_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def real_pairs(data: Path) -> list[tuple[str, Path, Path]]:
    """(name, old, new) for every pair compared."""
    pp18 = sorted((data / "itu-pp" / "2018-dubai").glob("*.txt"))
    seed = data / "itu-pp" / "2010-guadalajara" / "res-179.seed-page.txt"
    pairs = [("res-179", seed, data / "itu-pp" / "2018-dubai" / "res-179.txt")]
    pairs.append(("draft", seed, ROOT / "examples" / "res-179-draft-amendment.txt"))
    for un in sorted((data / "un-layout").glob("*.un-layout.txt")):
        itu = data / "itu-pp" / "2018-dubai" / un.name.replace(".un-layout", "")
        pairs.append((f"un:{un.name}", itu, un))
    for old, new in itertools.pairwise(pp18):
        pairs.append((f"pp18:{old.stem}->{new.stem}", old, new))
    return pairs


def real_texts(data: Path) -> list[Path]:
    return sorted(data.rglob("*.txt"))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Recorder:
    """Runs CLI commands and records each one's exit code and output hash."""

    def __init__(self, work: Path) -> None:
        from resdiff.cli import main

        self.work = str(work)
        (work / "data").symlink_to(shared_data(), target_is_directory=True)
        (work / "root").symlink_to(ROOT, target_is_directory=True)
        self.places = [
            (f"{work}/", ""),
            (f"{shared_data()}/", "data/"),
            (f"{ROOT}/", "root/"),
        ]

        self.main = main
        self.runner = CliRunner()
        self.results: dict[str, str] = {}

    def local(self, arg: str) -> str:
        """A path under the work folder, the real texts or the repository, as a relative
        path from the work folder: outputs that name their files are the same wherever
        the repository and the texts are."""
        for prefix, replacement in self.places:
            if arg.startswith(prefix):
                return replacement + arg[len(prefix) :]
        return arg

    def run(self, name: str, args: list[str], cwd: Path | None = None) -> None:
        old = Path.cwd()
        args = [self.local(arg) for arg in args]
        os.chdir(cwd or self.work)
        try:
            result = self.runner.invoke(self.main, args, catch_exceptions=False)
        finally:
            os.chdir(old)
        out = result.stdout_bytes.replace(os.fsencode(self.work), b"<work>")
        self.results[name] = f"{result.exit_code}:{_digest(out)}"


def record_diffs(rec: Recorder, data: Path, part: int = 0, parts: int = 1) -> None:
    """Every pair in every format; python-docx is slow, so the Word report is made for the
    Res 179 pairs and every fifth PP-18 pair only. ``part`` of ``parts``: a share of the pairs."""
    for i, (name, old, new) in enumerate(real_pairs(data)):
        if i % parts != part:
            continue
        for fmt in FORMATS:
            if fmt == "docx" and name.startswith("pp18:") and i % 5:
                continue
            out_args = ["--format", fmt]
            if fmt == "docx":
                out_args += ["--date", FIXED_DATE]
            rec.run(f"diff {name} {fmt}", ["diff", str(old), str(new), *out_args])
        if name in ("res-179", "draft") or name.startswith("un:"):
            for fmt in FORMATS:
                extra = ["--date", FIXED_DATE] if fmt == "docx" else []
                rec.run(
                    f"diff {name} {fmt} --all",
                    ["diff", str(old), str(new), "-f", fmt, "--all", *extra],
                )
                rec.run(
                    f"diff {name} {fmt} --ignore-editorial",
                    ["diff", str(old), str(new), "-f", fmt, "--ignore-editorial", *extra],
                )
            for fmt in ("html", "docx"):
                extra = ["--date", FIXED_DATE] if fmt == "docx" else []
                rec.run(
                    f"diff {name} {fmt} --marks",
                    ["diff", str(old), str(new), "-f", fmt, "--marks", "itu", *extra],
                )
            rec.run(
                f"diff {name} term --color",
                ["diff", str(old), str(new), "-f", "term", "--color", "always"],
            )
            rec.run(
                f"diff {name} json --threshold",
                ["diff", str(old), str(new), "-f", "json", "--threshold", "0.8"],
            )


def record_tree(rec: Recorder, data: Path, work: Path) -> None:
    pp18 = sorted((data / "itu-pp" / "2018-dubai").glob("*.txt"))
    old, new = work / "old", work / "new"
    old.mkdir()
    new.mkdir()
    for i, path in enumerate(pp18):
        if i % 7 != 3:  # some resolutions are new in the later tree
            shutil.copyfile(path, old / path.name)
        if i % 11 != 5:  # some are suppressed
            target = new / path.name
            text = path.read_text(encoding="utf-8")
            if i % 2 == 0:  # some are amended: the next resolution's text in its place
                text = pp18[(i + 1) % len(pp18)].read_text(encoding="utf-8")
            target.write_text(text, encoding="utf-8")
    shutil.copyfile(
        data / "itu-pp" / "2010-guadalajara" / "res-179.seed-page.txt", old / "res-179.txt"
    )
    for fmt in ("json", "text", "markdown"):
        rec.run(f"tree {fmt}", ["diff", "old", "new", "-f", fmt, "-j", "1"], cwd=work)
    rec.run("tree json --all", ["diff", "old", "new", "-f", "json", "--all", "-j", "1"], cwd=work)


def record_compile(rec: Recorder) -> None:
    """The compiled example proposals on Res 179 (2010), and the real 2018 text as a
    proposal beside them, in every format."""
    base = ROOT / "corpus" / "itu-pp" / "res-179.txt"
    proposals = [str(p) for p in sorted((ROOT / "examples" / "proposals").glob("*.txt"))]
    proposals.append("DUBAI=data/itu-pp/2018-dubai/res-179.txt")  # from the work folder
    for fmt in ("json", "text", "term", "markdown", "html", "docx"):
        rec.run(f"compile examples {fmt}", ["compile", str(base), *proposals, "-f", fmt])
    rec.run("compile examples text --all", ["compile", str(base), *proposals, "--all"])


def record_texts(rec: Recorder, data: Path) -> None:
    for path in real_texts(data):
        name = str(path.relative_to(data))
        rec.run(f"parse {name} text", ["parse", str(path)])
        rec.run(f"parse {name} json", ["parse", str(path), "-f", "json"])
        rec.run(f"fmt {name}", ["fmt", str(path)])
        for fmt in ("text", "json"):
            rec.run(f"check {name} {fmt}", ["check", str(path), "-f", fmt])


def _git_env() -> Iterator[tuple[str, str]]:
    yield "GIT_AUTHOR_NAME", "resdiff manifest"
    yield "GIT_AUTHOR_EMAIL", "manifest@resdiff.invalid"
    yield "GIT_COMMITTER_NAME", "resdiff manifest"
    yield "GIT_COMMITTER_EMAIL", "manifest@resdiff.invalid"
    yield "GIT_COMMITTER_DATE", FIXED_DATE


def record_corpus(rec: Recorder, data: Path, work: Path) -> None:
    corpus = work / "corpus"
    seed = data / "itu-pp" / "2010-guadalajara" / "res-179.seed-page.txt"
    new = data / "itu-pp" / "2018-dubai" / "res-179.txt"
    c = ["--corpus", str(corpus)]
    rec.run("corpus init", ["init", str(corpus)])
    for label, text, revision, adopted in (
        ("2010", seed, "guadalajara-2010", "2010-10-22"),
        ("2018", new, "dubai-2018", "2018-11-16"),
    ):
        rec.run(
            f"corpus add {label}",
            ["add", str(text), "--resolution", "itu-pp/res-179", "--revision", revision,
             "--adopted", adopted, *c],
        )  # fmt: skip
    for fmt in ("text", "json"):
        rec.run(f"corpus log {fmt}", ["log", "res-179", "-f", fmt, *c])
        rec.run(f"corpus blame {fmt}", ["blame", "res-179", "-f", fmt, *c])
        rec.run(f"corpus history {fmt}", ["history", "res-179", "recognizing/c", "-f", fmt, *c])
    rec.run("corpus show", ["show", "res-179@guadalajara-2010", *c])
    for fmt in FORMATS:
        extra = ["--date", FIXED_DATE] if fmt == "docx" else []
        rec.run(f"corpus diff {fmt}", ["diff", "res-179@guadalajara-2010", "res-179@dubai-2018",
                                       "-f", fmt, *extra, *c])  # fmt: skip
    rec.run("corpus check", ["check", *c])
    rec.run("corpus check json", ["check", "-f", "json", *c])


def _collect_part(part: int) -> dict[str, str]:
    """One worker's share: half the pairs, and the rest of the outputs in worker 0."""
    data = shared_data()
    saved = {k: os.environ.get(k) for k, _ in _git_env()}
    os.environ.update(dict(_git_env()))
    try:
        with tempfile.TemporaryDirectory(prefix="resdiff-manifest-") as tmp:
            work = Path(tmp)
            rec = Recorder(work)
            record_diffs(rec, data, part, 2)
            if part == 0:
                record_tree(rec, data, work)
                record_corpus(rec, data, work)
            else:
                record_texts(rec, data)
                record_compile(rec)
        return rec.results
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def collect() -> dict[str, str]:
    """Every output's exit status and hash, made by two processes (the machine's cores)."""
    from concurrent.futures import ProcessPoolExecutor

    data = shared_data()
    if not data.is_dir():
        raise SystemExit(f"output_manifest: the real texts are missing: {data}")
    results: dict[str, str] = {}
    with ProcessPoolExecutor(2) as pool:
        for part in pool.map(_collect_part, [0, 1]):
            results.update(part)
    return results


def compare(stored: dict[str, str], current: dict[str, str]) -> list[str]:
    """One line per output that differs, is new, or is gone."""
    lines = []
    for name in sorted(set(stored) | set(current)):
        if stored.get(name) != current.get(name):
            lines.append(
                f"{name}: {stored.get(name, '(absent)')} -> {current.get(name, '(absent)')}"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="store the current hashes")
    args = parser.parse_args(argv)
    current = collect()
    if args.write:
        MANIFEST.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {len(current)} output hashes to {MANIFEST.relative_to(ROOT)}")
        return 0
    stored = json.loads(MANIFEST.read_text(encoding="utf-8"))
    differences = compare(stored, current)
    for line in differences:
        print(line)
    print(f"{len(current)} outputs, {len(differences)} differ from {MANIFEST.relative_to(ROOT)}")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
