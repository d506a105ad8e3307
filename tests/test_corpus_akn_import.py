"""Importing an Akoma Ntoso collection into a corpus, and exporting a corpus revision as
one: real git repositories, the real Final Acts excerpt, and a whole Final Acts collection."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SHARED_DATA
from corpus_support import DUBAI, git, new_corpus

import resdiff
from resdiff.cli import main
from resdiff.corpus.akn_import import import_akn, revision_name
from resdiff.errors import InputError
from resdiff.readers.akn import read_akn_components
from resdiff.writers.akn import AknMeta, meta_for, to_akn_collection

pytestmark = pytest.mark.usefixtures("shared_data")
EXCERPT = SHARED_DATA / "akn" / "pp18-final-acts-excerpt.xml"


def clauses(res: resdiff.Resolution) -> list[tuple[str, str | None, str, str]]:
    return [(c.path, c.label, c.section, c.text) for c in res.clauses()]


def test_revision_names_come_from_number_lines() -> None:
    assert revision_name("RESOLUTION 179 (REV. DUBAI, 2018)") == "dubai-2018"
    assert revision_name("DECISION 5 (Guadalajara, 2010)") == "guadalajara-2010"
    assert revision_name("RESOLUTION 2") is None


def test_each_component_of_the_excerpt_is_one_revision(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    result = CliRunner().invoke(main, ["import", "--corpus", str(corpus.path), str(EXCERPT)])
    assert result.exit_code == 0, result.output + result.stderr
    assert "Imported 4 revision commit(s) of 4 resolution(s)" in result.output
    subjects = git(corpus.root, "log", "--format=%s").splitlines()
    assert sorted(subjects) == [
        "Add Decision 5 (Rev. Dubai, 2018)",
        "Add Resolution 179 (Rev. Dubai, 2018)",
        "Add Resolution 2 (Rev. Dubai, 2018)",
        "Add Resolution 71 (Rev. Dubai, 2018)",
    ]
    body = git(corpus.root, "log", "-1", "--format=%B", "--", "itu-pp/res-179.txt")
    assert "Resdiff-Revision: dubai-2018" in body
    assert "Resdiff-Adopted: 2018-11-15" in body
    for component in read_akn_components(EXCERPT):
        stored = corpus.text(corpus.resolve_id(component.id), "dubai-2018")
        plain = (DUBAI / f"{component.id.split('/')[1]}.txt").read_text(encoding="utf-8")
        assert clauses(resdiff.parse(stored)) == clauses(resdiff.parse(plain))


def test_a_whole_final_acts_collection_imports_every_component(tmp_path: Path) -> None:
    texts = sorted(DUBAI.glob("*.txt"))
    documents = []
    for path in texts:
        res = resdiff.parse(path.read_text(encoding="utf-8"))
        documents.append((res, meta_for(res, f"itu-pp/{path.stem}", "2018-11-15")))
    final_acts = tmp_path / "final-acts.xml"
    final_acts.write_bytes(
        to_akn_collection(documents, AknMeta("itu-pp", "pp-18", "2018-11-15"), "Final Acts")
    )
    corpus = new_corpus(tmp_path / "c")
    result = import_akn(corpus, final_acts)
    assert (result.commits, result.resolutions) == (56, 56)
    assert git(corpus.root, "rev-list", "--count", "HEAD").strip() == "56"
    out = tmp_path / "exported.xml"
    exported = CliRunner().invoke(
        main, ["export", "--corpus", str(corpus.path), "@dubai-2018", "-o", str(out)]
    )
    assert exported.exit_code == 0, exported.stderr
    back = {c.id: c for c in read_akn_components(out)}
    assert len(back) == 56
    for path in texts:
        assert clauses(resdiff.parse(back[f"itu-pp/{path.stem}"].text)) == clauses(
            resdiff.parse(path.read_text(encoding="utf-8"))
        )


def test_export_of_a_corpus_revision_validates_and_diffs_clean(tmp_path: Path) -> None:
    from lxml import etree

    corpus = new_corpus(tmp_path / "c")
    import_akn(corpus, EXCERPT)
    runner = CliRunner()
    out = tmp_path / "final-acts.xml"
    result = runner.invoke(
        main, ["export", "--corpus", str(corpus.path), "@dubai-2018", "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    schema = etree.XMLSchema(etree.parse(str(SHARED_DATA / "akn" / "akomantoso30.xsd")))
    assert schema.validate(etree.parse(str(out))), schema.error_log
    assert b'<component eId="cmp_res-179">' in out.read_bytes()
    assert b'eId="cmp_res-179__recognizing__a"' in out.read_bytes()
    diff = runner.invoke(main, ["diff", str(EXCERPT), str(out)])
    assert diff.exit_code == 0, diff.output
    assert "summary: 4 resolutions: 4 unchanged (NOC)" in diff.output


def test_import_refuses_before_git_is_touched(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    undated = tmp_path / "undated.xml"
    undated.write_bytes(EXCERPT.read_bytes().replace(b'name="adoption"', b'name="other"'))
    data = undated.read_bytes().replace(b'FRBRdate date="2018-11-15"', b'FRBRdate date=""')
    undated.write_bytes(data)
    with pytest.raises(InputError, match="no adoption date in its metadata; give --adopted"):
        import_akn(corpus, undated)
    assert git(corpus.root, "rev-list", "--all").strip() == ""
    result = import_akn(corpus, undated, adopted="2018-11-16")
    assert result.commits == 4
    again = CliRunner().invoke(main, ["import", "--corpus", str(corpus.path), str(EXCERPT)])
    assert again.exit_code == 2
    assert "already has revision dubai-2018" in again.stderr


def test_import_options_apply_to_the_right_operand(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    runner = CliRunner()
    folder = runner.invoke(
        main, ["import", "--corpus", str(corpus.path), str(tmp_path), "--revision", "x-2018"]
    )
    assert folder.exit_code == 2
    assert "apply to FILE.xml" in folder.output + folder.stderr
