"""``resdiff apply BASE MARKED``: the text from the CLI, exit codes, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RES_179_2018, SEED_PAGE, real_text

import resdiff
from resdiff.cli import main


@pytest.fixture
def marked_179(tmp_path: Path) -> Path:
    real_text(SEED_PAGE)  # skipped (saying why) without the real texts
    out = tmp_path / "proposal.itu"
    result = CliRunner().invoke(main, ["diff", str(SEED_PAGE), str(RES_179_2018), "-f", "itu"])
    assert result.exit_code == 1
    out.write_text(result.stdout, encoding="utf-8")
    return out


def test_apply_prints_the_new_text_in_canonical_form(marked_179: Path) -> None:
    result = CliRunner().invoke(main, ["apply", str(SEED_PAGE), str(marked_179)])
    assert result.exit_code == 0, result.stderr
    new = resdiff.parse(RES_179_2018.read_text(encoding="utf-8"))
    assert result.stdout == new.to_text()


def test_apply_writes_the_output_file(marked_179: Path, tmp_path: Path) -> None:
    out = tmp_path / "res-179-2018.txt"
    result = CliRunner().invoke(main, ["apply", str(SEED_PAGE), str(marked_179), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    new = resdiff.parse(RES_179_2018.read_text(encoding="utf-8"))
    assert out.read_text(encoding="utf-8") == new.to_text()


def test_marks_that_do_not_fit_the_base_exit_2_naming_clause_and_words(
    marked_179: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.itu"
    bad.write_text(
        marked_179.read_text(encoding="utf-8").replace(
            "guardians[- and-]", "guardians[- and teachers-]"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.txt"
    result = CliRunner().invoke(main, ["apply", str(SEED_PAGE), str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert f"{bad}: line " in result.stderr
    assert "MOD considering d)" in result.stderr
    assert "' and teachers'" in result.stderr
    assert not out.exists()


@pytest.mark.usefixtures("shared_data")
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01binary", "binary"),
        (b"MOD\t\xff\xfe", "not valid utf-8"),
        (b"   \n", "empty"),
        (b"hello world\n", "not itu revision marks"),
        (b"3 resolutions: 1 added (ADD)\n\nADD\tres-1.txt\n", "tree diff"),
    ],
)
def test_bad_marked_input_exits_2_with_one_line(
    tmp_path: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.itu"
    bad.write_bytes(content)
    out = tmp_path / "out.txt"
    result = CliRunner().invoke(main, ["apply", str(SEED_PAGE), str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert message in result.stderr.lower()
    assert not out.exists()


@pytest.mark.usefixtures("shared_data")
def test_missing_directory_and_huge_operands_exit_2(
    tmp_path: Path, marked_179: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    for args, message in (
        (["apply", str(SEED_PAGE), str(tmp_path / "nope.itu")], "no such file"),
        (["apply", str(tmp_path), str(marked_179)], "is a directory"),
    ):
        result = runner.invoke(main, args)
        assert result.exit_code == 2
        assert message in result.stderr
    monkeypatch.setattr("resdiff.files.MAX_BYTES", 10)
    result = runner.invoke(main, ["apply", str(SEED_PAGE), str(marked_179)])
    assert result.exit_code == 2
    assert "too large" in result.stderr


def test_base_may_be_a_corpus_ref(tmp_path: Path) -> None:
    """The README's main job the other way round: the draft's marks against the corpus's
    Guadalajara text give back the draft."""
    root = Path(__file__).resolve().parents[1]
    draft = root / "examples" / "res-179-draft-amendment.txt"
    ref = "res-179@guadalajara-2010"
    corpus = ["--corpus", str(root / "corpus")]
    runner = CliRunner()
    marks = runner.invoke(main, ["diff", *corpus, ref, str(draft), "-f", "itu"])
    if marks.exit_code == 2 and "shallow" in marks.stderr:
        pytest.fail(f"the project corpus needs the full git history: {marks.stderr}")
    assert marks.exit_code == 1, marks.stderr
    proposal = tmp_path / "draft.itu"
    proposal.write_text(marks.stdout, encoding="utf-8")
    result = runner.invoke(main, ["apply", *corpus, ref, str(proposal)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == resdiff.parse(draft.read_text(encoding="utf-8")).to_text()


def test_a_directory_base_is_refused(tmp_path: Path, marked_179: Path) -> None:
    (tmp_path / "tree").mkdir()
    result = CliRunner().invoke(main, ["apply", str(tmp_path / "tree"), str(marked_179)])
    assert result.exit_code == 2
    assert "BASE is one text" in result.stderr
