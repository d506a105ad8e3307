"""``resdiff diff`` end to end: real files, trees, formats, colour, -o, exit codes 0/1/2."""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from resdiff.cli import main

PP = Path("itu-pp")


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["diff", *args], env=env)


@pytest.fixture
def pair(shared_data: Path) -> tuple[str, str]:
    pp = shared_data / PP
    return (
        str(pp / "2010-guadalajara" / "res-179.seed-page.txt"),
        str(pp / "2018-dubai" / "res-179.txt"),
    )


@pytest.fixture
def dubai(shared_data: Path) -> Path:
    return shared_data / PP / "2018-dubai"


@pytest.fixture
def two_trees(tmp_path: Path, dubai: Path, pair: tuple[str, str]) -> tuple[Path, Path]:
    """Two conference folders: one resolution revised, one kept, one new, one suppressed."""
    old, new = tmp_path / "pp-10", tmp_path / "pp-18"
    for root in (old, new):
        (root / "itu-pp").mkdir(parents=True)
    shutil.copy(pair[0], old / "itu-pp" / "res-179.txt")
    shutil.copy(pair[1], new / "itu-pp" / "res-179.txt")
    for root in (old, new):
        shutil.copy(dubai / "res-2.txt", root / "itu-pp" / "res-2.txt")
    shutil.copy(dubai / "res-21.txt", old / "itu-pp" / "res-21.txt")
    shutil.copy(dubai / "res-30.txt", new / "itu-pp" / "res-30.txt")
    (old / ".git").mkdir()  # hidden folders are not part of a tree
    (old / ".git" / "junk.txt").write_text("not a resolution", "utf-8")
    return old, new


# -- the real pair ------------------------------------------------------------------
def test_real_pair_text_redline(pair: tuple[str, str]) -> None:
    result = run(*pair)
    assert result.exit_code == 1, result.output
    out = result.output
    assert out.startswith(f"--- {pair[0]}  RESOLUTION 179 (Guadalajara, 2010)\n")
    assert "  renamed: requests the Council → requests the ITU Council\n" in out
    assert "recognizing/c  c)  amended, moved from recalling i)\n" in out
    assert "recognizing/d  d)  amended, moved from recalling j)\n" in out
    assert "considering/e  e)  added\n" in out
    assert "considering/f  f)  amended, was e)\n" in out
    assert "instructs-the-secretary-general/4  4  amended, was 2\n" in out
    assert "{+(ITU-D) +}" in out
    assert "[-Hyderabad-]{+Rev. Buenos Aires+}" in out
    assert "\x1b[" not in out  # not a terminal: no colour
    assert out.splitlines()[-1].startswith("summary: ")


def test_same_file_exit_0(pair: tuple[str, str]) -> None:
    result = run(pair[1], pair[1])
    assert result.exit_code == 0
    assert result.output.endswith("unchanged)\n")
    assert "no differences" in result.output


def test_json_is_the_contract(pair: tuple[str, str]) -> None:
    result = run(*pair, "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.output)
    assert doc["schema"] == "resdiff/diff/v1"
    assert doc["old"]["source"] == pair[0]
    moved = [c for c in doc["changes"] if c["moved"]]
    assert {(c["old"][0]["path"], c["new"][0]["path"]) for c in moved} >= {
        ("recalling/i", "recognizing/c"),
        ("recalling/j", "recognizing/d"),
    }
    # plain unchanged clauses only with --all; re-lettered or moved ones always
    assert all(c["renumbered"] or c["moved"] for c in doc["changes"] if c["kind"] == "unchanged")
    assert any(c["kind"] == "unchanged" and c["renumbered"] for c in doc["changes"])
    every = json.loads(run(*pair, "--format", "json", "--all").output)
    assert any(c["kind"] == "unchanged" for c in every["changes"])
    assert every["summary"] == doc["summary"]


def test_markdown_report(pair: tuple[str, str]) -> None:
    result = run(*pair, "--format", "markdown")
    assert result.exit_code == 1
    assert "| change | clauses |" in result.output
    assert "### `recognizing/c` c) — amended, moved from recalling i)" in result.output
    assert "~~Hyderabad~~**Rev. Buenos Aires**" in result.output


def test_other_formats_pass_through_the_registry(pair: tuple[str, str], tmp_path: Path) -> None:
    html = run(*pair, "--format", "html")
    assert html.exit_code == 1
    assert "<html" in html.output.lower()
    target = tmp_path / "report.docx"
    docx = run(*pair, "--format", "docx", "-o", str(target), "--date", "2018-11-16")
    assert docx.exit_code == 1, docx.output
    assert target.read_bytes()[:2] == b"PK"


def test_ignore_editorial_and_threshold(pair: tuple[str, str]) -> None:
    plain = json.loads(run(*pair, "--format", "json").output)["summary"]
    quiet = json.loads(run(*pair, "--format", "json", "--ignore-editorial").output)["summary"]
    assert plain["editorial"] >= 1
    assert quiet["editorial"] == 0
    strict = json.loads(run(*pair, "--format", "json", "--threshold", "1").output)["summary"]
    assert strict["added"] > plain["added"]


# -- colour -------------------------------------------------------------------------
def test_colour_choices(pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[9;31m" in run(*pair, "--color", "always").output  # implies term
    assert "\x1b[" not in run(*pair, "--format", "term").output  # auto, not a terminal
    assert "\x1b[" not in run(*pair, "--format", "term", "--color", "never").output
    monkeypatch.setattr("resdiff.cli.diff_cmd.stdout_is_terminal", lambda: True)
    assert "\x1b[4;32m" in run(*pair, env={"NO_COLOR": ""}).output  # default term on a tty
    assert "\x1b[" not in run(*pair, env={"NO_COLOR": "1"}).output
    assert "\x1b[" in run(*pair, "--color", "always", env={"NO_COLOR": "1"}).output
    assert "\x1b[" not in run(*pair, env={"TERM": "dumb", "NO_COLOR": ""}).output


def test_binary_format_refused_on_a_terminal(
    pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("resdiff.cli.diff_cmd.stdout_is_terminal", lambda: True)
    result = run(*pair, "--format", "docx")
    assert result.exit_code == 2
    assert result.output == (
        "resdiff: --format docx writes a binary file: give -o FILE or redirect standard output\n"
    )


# -- output files ---------------------------------------------------------------------
def test_output_file(pair: tuple[str, str], tmp_path: Path) -> None:
    target = tmp_path / "diff.txt"
    result = run(*pair, "-o", str(target))
    assert result.exit_code == 1
    assert result.output == ""
    assert target.read_text("utf-8") == run(*pair).output


def test_output_into_missing_folder_writes_nothing(pair: tuple[str, str], tmp_path: Path) -> None:
    result = run(*pair, "-o", str(tmp_path / "missing" / "diff.txt"))
    assert result.exit_code == 2
    assert result.output == f"resdiff: {tmp_path / 'missing' / 'diff.txt'}: folder " + (
        f"{tmp_path / 'missing'} does not exist\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_output_onto_a_directory(pair: tuple[str, str], tmp_path: Path) -> None:
    result = run(*pair, "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "is a directory" in result.output
    assert "Traceback" not in result.output


# -- trees ----------------------------------------------------------------------------
def test_tree_diff_text(two_trees: tuple[Path, Path]) -> None:
    old, new = two_trees
    result = run(str(old), str(new))
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[:3] == [f"--- {old}", f"+++ {new}", ""]
    assert [line.split("  ")[0:2] for line in lines[3:7]] == [
        ["MOD", "itu-pp/res-179.txt"],
        ["NOC", "itu-pp/res-2.txt"],
        ["SUP", "itu-pp/res-21.txt"],
        ["ADD", "itu-pp/res-30.txt"],
    ]
    assert lines[-1] == (
        "summary: 4 resolutions: 1 added (ADD), 1 removed (SUP), 1 modified (MOD),"
        " 1 unchanged (NOC)"
    )


def test_tree_diff_json_and_markdown(two_trees: tuple[Path, Path]) -> None:
    old, new = two_trees
    doc = json.loads(run(str(old), str(new), "--format", "json").output)
    assert doc["schema"] == "resdiff/tree-diff/v1"
    assert [(r["path"], r["status"]) for r in doc["resolutions"]] == [
        ("itu-pp/res-179.txt", "modified"),
        ("itu-pp/res-2.txt", "unchanged"),
        ("itu-pp/res-21.txt", "removed"),
        ("itu-pp/res-30.txt", "added"),
    ]
    assert doc["resolutions"][0]["diff"]["old"]["source"] == f"{old}/itu-pp/res-179.txt"
    md = run(str(old), str(new), "--format", "markdown").output
    assert "| MOD | itu-pp/res-179.txt |" in md
    assert "<details>" in md


def test_tree_json_streamed_is_the_library_document(
    two_trees: tuple[Path, Path], tmp_path: Path
) -> None:
    """The CLI writes a tree's JSON one resolution at a time: the same bytes as rendering
    the library's whole TreeDiff, on standard output and with -o alike."""
    from resdiff.render import render
    from resdiff.treediff import diff_trees

    old, new = two_trees
    files = [
        {p.relative_to(root).as_posix(): p.read_text("utf-8") for p in root.glob("itu-pp/*.txt")}
        for root in (old, new)
    ]
    expected = render(diff_trees(*files, old_label=str(old), new_label=str(new)), "json")
    assert run(str(old), str(new), "-f", "json").stdout_bytes == str(expected).encode()
    assert run(str(old), str(new), "-f", "json", "-o", str(tmp_path / "t.json")).exit_code == 1
    assert (tmp_path / "t.json").read_bytes() == str(expected).encode()
    assert run(str(old), str(old), "-f", "json").exit_code == 0


def test_tree_with_an_unreadable_file_writes_nothing(two_trees: tuple[Path, Path]) -> None:
    old, new = two_trees
    (new / "itu-pp" / "res-2.txt").write_bytes(b"bad \xff byte")
    result = run(str(old), str(new), "-f", "json")
    assert result.exit_code == 2
    assert result.output == (
        f"resdiff: {new / 'itu-pp' / 'res-2.txt'}: not valid utf-8 at byte offset 4 (byte 0xff);"
        " use --encoding to read another encoding\n"
    )


def test_a_tree_reads_word_and_akoma_ntoso_files_as_single_operands_do(
    tmp_path: Path, shared_data: Path
) -> None:
    """A .docx in a folder reads as its text with tracked changes accepted and an AKN
    .xml as its resolution, paired by relative path like the *.txt (they were ignored)."""
    docx = shared_data / "docx"
    old, new = tmp_path / "old", tmp_path / "new"
    for root in (old, new):
        root.mkdir()
    shutil.copy(docx / "res-179-2010-to-2018.tracked.docx", old / "res-179.docx")
    shutil.copy(docx / "res-179-2010-to-2018.libreoffice.docx", new / "res-179.docx")
    (new / "~$s-179.docx").write_bytes(b"Word's lock file")  # skipped
    text = shared_data / PP / "2018-dubai" / "res-2.txt"
    CliRunner().invoke(main, ["export", str(text), "-o", str(old / "res-2.xml")])
    assert (old / "res-2.xml").is_file()
    doc = json.loads(run(str(old), str(new), "-f", "json").output)
    assert [(r["path"], r["status"]) for r in doc["resolutions"]] == [
        ("res-179.docx", "unchanged"),
        ("res-2.xml", "removed"),
    ]
    alone = json.loads(
        run(str(old / "res-179.docx"), str(new / "res-179.docx"), "-f", "json").output
    )
    assert doc["resolutions"][0]["diff"]["summary"] == alone["summary"]
    assert alone["summary"]["unchanged"] > 50


def test_a_tree_reads_the_same_word_file_on_both_sides_through_its_reader(
    tmp_path: Path, shared_data: Path
) -> None:
    """Two byte-identical .docx files are one resolution, read with its tracked changes
    accepted (not compared, and refused, as text)."""
    tracked = shared_data / "docx" / "res-179-2010-to-2018.tracked.docx"
    old, new = tmp_path / "old", tmp_path / "new"
    for root in (old, new):
        root.mkdir()
        shutil.copy(tracked, root / "res-179.docx")
    for jobs in ("1", "2"):
        result = run(str(old), str(new), "-f", "json", "-j", jobs)
        assert result.exit_code == 0, result.output
        (entry,) = json.loads(result.output)["resolutions"]
        assert entry["status"] == "unchanged"
        alone = json.loads(run(str(tracked), str(tracked), "-f", "json").output)
        assert entry["diff"]["summary"] == alone["summary"]
        assert entry["diff"]["new"]["number"] == "RESOLUTION 179 (REV. DUBAI, 2018)"


def test_identical_trees_exit_0(two_trees: tuple[Path, Path]) -> None:
    old, _ = two_trees
    result = run(str(old), str(old))
    assert result.exit_code == 0
    assert "SUP" not in result.output
    assert "MOD" not in result.output


def test_tree_determinism_across_runs_and_jobs(tmp_path: Path, dubai: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    for root in (old, new):
        root.mkdir()
    for i, path in enumerate(sorted(dubai.glob("res-1*.txt"))):
        text = path.read_text("utf-8")
        (old / path.name).write_text(text, "utf-8")
        # every third pair the same file: reported unchanged without being diffed
        (new / path.name).write_text(text if i % 3 == 0 else text.replace(" the ", " a ", 2))
    for extra in ([], ["--all"]):
        one = run(str(old), str(new), "--format", "json", "--jobs", "1", *extra)
        two = run(str(old), str(new), "--format", "json", "--jobs", "2", *extra)
        again = run(str(old), str(new), "--format", "json", "--jobs", "2", *extra)
        assert one.exit_code == two.exit_code == 1
        assert one.stdout_bytes == two.stdout_bytes == again.stdout_bytes
        statuses = {r["status"] for r in json.loads(one.stdout)["resolutions"]}
        assert statuses == {"modified", "unchanged"}


@pytest.fixture
def un_trees(tmp_path: Path, shared_data: Path) -> tuple[Path, Path]:
    """Two folders of the three shared UN-layout texts, three times over (nine pairs: a
    tree diff with -j 2 runs in worker processes); one PP amended in the new folder."""
    sources = sorted((shared_data / "un-layout").glob("*.txt"))
    assert len(sources) == 3, f"the UN-layout texts are not all in {shared_data / 'un-layout'}"
    old, new = tmp_path / "old", tmp_path / "new"
    for tree in (old, new):
        for folder in ("s1", "s2", "s3"):
            (tree / folder).mkdir(parents=True)
            for source in sources:
                shutil.copy(source, tree / folder / source.name)
    amended = new / "s2" / "res-2.un-layout.txt"
    text = amended.read_text(encoding="utf-8")
    assert "Considering relevant resolutions" in text
    amended.write_text(text.replace("Considering relevant", "Considering all relevant"), "utf-8")
    return old, new


def _tree_paths(output: str) -> set[str]:
    """The first step of every clause path a JSON tree diff (with --all) lists."""
    return {
        ref["path"].split("/")[0]
        for entry in json.loads(output)["resolutions"]
        for change in entry["diff"]["changes"]
        for ref in change["old"] + change["new"]
    }


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_tree_diff_honours_layout(un_trees: tuple[Path, Path], jobs: str) -> None:
    old, new = (str(tree) for tree in un_trees)
    args = [old, new, "-f", "json", "-a", "-j", jobs]
    recognised = run(*args)
    assert recognised.exit_code == 1, recognised.output
    assert _tree_paths(recognised.output) == {"header", "preamble", "operative"}
    as_un = run(*args, "--layout", "un")
    assert as_un.output == recognised.output  # the layout they are recognised in
    as_itu = run(*args, "--layout", "itu")
    assert as_itu.exit_code == 1, as_itu.output
    itu_paths = _tree_paths(as_itu.output)
    assert itu_paths
    assert not itu_paths & {"preamble", "operative"}, itu_paths
    # the undiffed identical pairs (JSON without --all) and the text report follow it too
    counted = run(old, new, "-j", jobs, "--layout", "itu")
    assert "NOC  s1/res-179.un-layout.txt  no differences (90 clauses unchanged)" in counted.output
    default = run(old, new, "-j", jobs)
    assert "NOC  s1/res-179.un-layout.txt  no differences (91 clauses unchanged)" in default.output
    for fmt_args in (["-f", "json"], ["-f", "json", "-a"]):
        one = run(old, new, *fmt_args, "-j", "1", "--layout", "itu")
        assert run(old, new, *fmt_args, "-j", jobs, "--layout", "itu").output == one.output


def test_tree_diff_of_corpus_revisions_honours_layout(tmp_path: Path, shared_data: Path) -> None:
    runner = CliRunner()
    corpus = tmp_path / "corpus"
    assert runner.invoke(main, ["init", str(corpus)]).exit_code == 0
    c = ["--corpus", str(corpus)]
    for source in sorted((shared_data / "un-layout").glob("*.txt")):
        number = source.name.split(".")[0].removeprefix("res-")
        text = source.read_text(encoding="utf-8")
        formula = "The General Assembly,\n"
        assert formula in text
        revised = text.replace(formula, formula + "\nNoting the report,\n")
        for revision, day, body in (
            ("session-73", "2018-12-14", text),
            ("session-74", "2019-12-18", revised),
        ):
            file = tmp_path / f"{number}-{revision}.txt"
            file.write_text(body, encoding="utf-8")
            added = runner.invoke(
                main,
                ["add", str(file), "--resolution", f"un-ga/res-73-{number}",
                 "--revision", revision, "--adopted", day, *c],
            )  # fmt: skip
            assert added.exit_code == 0, added.output
    args = ["@session-73", "@session-74", "-f", "json", "-a", *c]
    recognised = run(*args)
    assert recognised.exit_code == 1, recognised.output
    assert len(json.loads(recognised.output)["resolutions"]) == 3
    assert _tree_paths(recognised.output) == {"header", "preamble", "operative"}
    as_itu = run(*args, "--layout", "itu")
    assert as_itu.exit_code == 1, as_itu.output
    assert not _tree_paths(as_itu.output) & {"preamble", "operative"}


def test_same_bytes_across_runs(pair: tuple[str, str]) -> None:
    for fmt in ("text", "json", "markdown"):
        assert run(*pair, "-f", fmt).stdout_bytes == run(*pair, "-f", fmt).stdout_bytes


# -- trouble: exit 2, one line, no traceback -------------------------------------------
def _trouble(result: Result, message: str) -> None:
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_missing_file(pair: tuple[str, str], tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    result = run(pair[0], missing)
    _trouble(result, f"resdiff: {missing}: no such file or directory")
    assert result.output.count("\n") == 1


def test_file_against_directory(pair: tuple[str, str], tmp_path: Path) -> None:
    _trouble(run(pair[0], str(tmp_path)), "cannot compare a file (")


def test_bad_bytes(pair: tuple[str, str], tmp_path: Path) -> None:
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"RESOLUTION\x00\x01\x02")
    _trouble(run(pair[0], str(binary)), "looks like a binary file")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(Path(pair[1]).read_text("utf-8").replace("'", "é").encode("latin-1"))
    _trouble(run(pair[1], str(latin)), "not valid utf-8 at byte offset")
    assert run(pair[1], str(latin), "--encoding", "latin-1").exit_code == 1
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", "utf-8")
    _trouble(run(pair[0], str(empty)), "file is empty")


def test_empty_directory(tmp_path: Path, two_trees: tuple[Path, Path]) -> None:
    (tmp_path / "void").mkdir()
    _trouble(run(str(two_trees[0]), str(tmp_path / "void")), "no resolution files (*.txt)")


def test_bad_options(pair: tuple[str, str]) -> None:
    _trouble(run(*pair, "--threshold", "1.5"), "--threshold")
    _trouble(run(*pair, "--threshold", "0"), "--threshold")
    _trouble(run(*pair, "--date", "16/11/2018"), "not an ISO 8601 date")
    _trouble(run(*pair, "--format", "pdf"), "'pdf' is not one of")
    # one operand is a Word document's tracked changes; a text file alone is trouble
    _trouble(run(pair[0]), "a single operand must be a Word document (.docx)")


def test_help_is_the_docstring() -> None:
    result = CliRunner().invoke(main, ["diff", "--help"])
    assert result.exit_code == 0
    assert "Compare OLD and NEW clause by clause" in result.output
    assert "0 no differences, 1 differences, 2 trouble" in result.output
    for option in ("--format", "--all", "--threshold", "--ignore-editorial", "--color", "--jobs"):
        assert option in result.output


def test_the_garbage_collector_is_back_on_after_a_diff(
    pair: tuple[str, str], tmp_path: Path
) -> None:
    """diff pauses the cyclic collector while it works; it is on again afterwards,
    whether the diff succeeded or failed."""
    assert gc.isenabled()
    assert run(*pair, "--format", "json").exit_code == 1
    assert gc.isenabled()
    assert run(pair[0], str(tmp_path / "missing.txt")).exit_code == 2
    assert gc.isenabled()


#: Modules a diff of two text files has no use for: git and the corpus, the tree diff's
#: worker pool, the templates and the Word and XML libraries, the other formats' writers.
NOT_FOR_TWO_FILES = (
    "git",
    "resdiff.corpus",
    "multiprocessing",
    "concurrent.futures",
    "resdiff.treediff",
    "jinja2",
    "docx",
    "lxml",
    "resdiff.readers",
    *(f"resdiff.render.{name}" for name in ("text", "term", "markdown", "html", "docx", "itu")),
)

_IMPORTED_BY_A_DIFF = """
import json, sys
from resdiff.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    status = exc.code
print(status, json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize("fmt", ["-f", "--format"])
def test_a_diff_of_two_files_imports_only_what_it_needs(pair: tuple[str, str], fmt: str) -> None:
    """Start-up is most of a one-pair diff: ``resdiff diff FILE FILE -f json`` (in a
    process of its own, as a user runs it) imports neither git, the corpus, a process
    pool, Jinja2, python-docx, lxml nor another format's renderer."""
    proc = subprocess.run(
        [sys.executable, "-c", _IMPORTED_BY_A_DIFF, "diff", *pair, fmt, "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    status, modules = proc.stderr.strip().splitlines()[-1].split(" ", 1)
    assert status == "1"
    assert json.loads(proc.stdout)["schema"] == "resdiff/diff/v1"
    imported = set(json.loads(modules))
    assert "resdiff.render.json_format" in imported  # the check sees the diff's own imports
    unwanted = sorted(
        name
        for name in imported
        if any(name == m or name.startswith(f"{m}.") for m in NOT_FOR_TWO_FILES)
    )
    assert unwanted == []
