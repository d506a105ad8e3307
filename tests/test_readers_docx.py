"""Reading Word documents: tracked changes accepted or rejected as Word does, real files
written by other programs, resdiff's own Word reports read back, hostile archives refused."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RES_179_2018, ROOT, SEED_PAGE, SHARED_DATA
from docx_samples import dele, document, ins, para, run, write_docx
from programs import require_program

import resdiff
from resdiff.cli import main
from resdiff.errors import InputError
from resdiff.model import Resolution
from resdiff.readers.docx import read_docx
from resdiff.readers.safexml import MAX_MEMBER_BYTES
from resdiff.render import render

DOCX = SHARED_DATA / "docx"
TRACKED = DOCX / "res-179-2010-to-2018.tracked.docx"
LIBREOFFICE = DOCX / "res-179-2010-to-2018.libreoffice.docx"


def clauses(res: Resolution) -> list[tuple[str, str | None, str]]:
    return [(c.path, c.label, c.text) for c in res.clauses()]


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


# -- tracked changes, feature by feature ----------------------------------------------


def test_insertions_and_deletions_accept_to_new_and_reject_to_old(tmp_path: Path) -> None:
    doc = write_docx(
        tmp_path / "d.docx",
        document(para(run("a)\tthat parents"), dele(" and educators"), ins(", educators and all"))),
    )
    assert read_docx(doc, "accept") == "a) that parents, educators and all\n"
    assert read_docx(doc, "reject") == "a) that parents and educators\n"


def test_a_deleted_paragraph_mark_joins_paragraphs_on_accept_only(tmp_path: Path) -> None:
    doc = write_docx(
        tmp_path / "d.docx",
        document(para(run("1\tto promote"), mark="del"), para(run(" and to involve;"))),
    )
    assert read_docx(doc, "accept") == "1 to promote and to involve;\n"
    assert read_docx(doc, "reject") == "1 to promote\n\n and to involve;\n"


def test_an_inserted_paragraph_mark_splits_on_accept_and_joins_on_reject(tmp_path: Path) -> None:
    doc = write_docx(
        tmp_path / "d.docx",
        document(para(run("9 to promote;"), mark="ins"), para(ins("10 "), run("to involve;"))),
    )
    assert read_docx(doc, "accept") == "9 to promote;\n\n10 to involve;\n"
    assert read_docx(doc, "reject") == "9 to promote;to involve;\n"


def test_whole_paragraphs_inserted_or_deleted(tmp_path: Path) -> None:
    doc = write_docx(
        tmp_path / "d.docx",
        document(
            para(run("considering")),
            para(ins("a) new recital;"), mark="ins"),
            para(dele("b) old recital,"), mark="del"),
            para(run("resolves")),
        ),
    )
    assert read_docx(doc, "accept") == "considering\n\na) new recital;\n\nresolves\n"
    assert read_docx(doc, "reject") == "considering\n\nb) old recital,\n\nresolves\n"


def test_moves_nested_changes_and_formatting_changes(tmp_path: Path) -> None:
    move_from = (
        '<w:moveFrom w:id="5" w:author="X" w:date="2026-01-01T00:00:00Z">'
        + run("moved words ")
        + "</w:moveFrom>"
    )
    move_to = (
        '<w:moveTo w:id="6" w:author="X" w:date="2026-01-01T00:00:00Z">'
        + run(" moved words")
        + "</w:moveTo>"
    )
    # another author deletes part of an insertion: gone when accepted, gone when rejected
    nested = (
        '<w:ins w:id="7" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:t>kept </w:t></w:r>'
        '<w:del w:id="8" w:author="B" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>lost'
        "</w:delText></w:r></w:del></w:ins>"
    )
    formatting = (
        '<w:r><w:rPr><w:b/><w:rPrChange w:id="9" w:author="X" w:date="2026-01-01T00:00:00Z">'
        "<w:rPr/></w:rPrChange></w:rPr><w:t>bold now</w:t></w:r>"
    )
    doc = write_docx(
        tmp_path / "d.docx",
        document(para(move_from, run("stay"), move_to), para(nested), para(formatting)),
    )
    assert read_docx(doc, "accept") == "stay moved words\n\nkept \n\nbold now\n"
    assert read_docx(doc, "reject") == "moved words stay\n\nbold now\n"


def test_fields_comments_bookmarks_are_not_text_tables_and_footnotes_are(tmp_path: Path) -> None:
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \\h '
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("Annex 1")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    extras = (
        '<w:bookmarkStart w:id="0" w:name="x"/><w:commentRangeStart w:id="1"/>'
        + run("see ")
        + field
        + '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>'
        + '<w:r><w:footnoteReference w:id="4"/></w:r><w:bookmarkEnd w:id="0"/>'
    )
    table = (
        "<w:tbl><w:tblPr/><w:tr><w:tc><w:p>"
        + run("Goal 1")
        + "</w:p></w:tc><w:tc><w:p>"
        + run("45,806")
        + "</w:p></w:tc></w:tr></w:tbl>"
    )
    footnotes = (
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:id="4"><w:p><w:r><w:footnoteRef/></w:r>'
        + run(" These include the least developed countries.")
        + "</w:p></w:footnote></w:footnotes>"
    )
    doc = write_docx(
        tmp_path / "d.docx",
        document(para(extras), table),
        {"word/footnotes.xml": footnotes},
    )
    assert read_docx(doc) == (
        "see Annex 11\n\nGoal 1\t45,806\n\n"
        "____________________\n\n1 These include the least developed countries.\n"
    )
    parsed = resdiff.parse(read_docx(doc))
    assert [c.text for c in parsed.footnotes] == ["These include the least developed countries."]


# -- real files other programs wrote ---------------------------------------------------


@pytest.mark.usefixtures("shared_data")
def test_real_tracked_document_rejects_to_2010_and_accepts_to_2018() -> None:
    seed = resdiff.parse(SEED_PAGE.read_text(encoding="utf-8"))
    new = resdiff.parse(RES_179_2018.read_text(encoding="utf-8"))
    assert clauses(resdiff.parse(read_docx(TRACKED, "reject"))) == clauses(seed)
    assert clauses(resdiff.parse(read_docx(TRACKED, "accept"))) == clauses(new)


@pytest.mark.usefixtures("shared_data")
def test_libreoffice_resave_reads_the_same() -> None:
    """LibreOffice splits runs its own way and writes the line breaks that the original
    holds inside one w:t of the deleted seed page as spaces (as Word shows them): the
    accepted text is the same, the rejected one the same but for that whitespace."""
    new = resdiff.parse(RES_179_2018.read_text(encoding="utf-8"))
    assert clauses(resdiff.parse(read_docx(LIBREOFFICE, "accept"))) == clauses(new)
    assert paragraphs(read_docx(LIBREOFFICE, "reject")) == paragraphs(read_docx(TRACKED, "reject"))


@pytest.mark.usefixtures("shared_data")
@pytest.mark.parametrize("name", ["tracked", "libreoffice"])
@pytest.mark.parametrize("changes", ["accept", "reject"])
def test_pandoc_reads_the_same_paragraphs(name: str, changes: str) -> None:
    pandoc = require_program("pandoc", "the independent reader of tracked changes")
    path = DOCX / f"res-179-2010-to-2018.{name}.docx"
    out = subprocess.run(
        [pandoc, f"--track-changes={changes}", "-t", "plain", "--wrap=none", str(path)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    mine = read_docx(path, "accept" if changes == "accept" else "reject")
    assert paragraphs(mine) == paragraphs(out)
    assert len(paragraphs(mine)) == (97 if changes == "accept" else 8)


# -- the CLI ---------------------------------------------------------------------------


@pytest.mark.usefixtures("shared_data")
def test_single_operand_diff_is_the_diff_of_the_two_texts() -> None:
    runner = CliRunner()
    single = runner.invoke(main, ["diff", str(TRACKED), "--format", "json"])
    pair = runner.invoke(main, ["diff", str(SEED_PAGE), str(RES_179_2018), "--format", "json"])
    assert single.exit_code == pair.exit_code == 1
    one, two = json.loads(single.output), json.loads(pair.output)
    assert one["old"]["source"].endswith("(changes rejected)")
    assert one["new"]["source"].endswith("(changes accepted)")
    for doc in (one, two):
        doc["old"].pop("source")
        doc["new"].pop("source")
    assert one == two


@pytest.mark.usefixtures("shared_data")
def test_parse_reads_either_side_of_the_changes() -> None:
    runner = CliRunner()
    rejected = runner.invoke(main, ["parse", str(TRACKED), "--changes", "reject"])
    accepted = runner.invoke(main, ["parse", str(TRACKED)])
    assert rejected.exit_code == accepted.exit_code == 0
    assert "RESOLUTION 179 (Guadalajara, 2010)" in rejected.output
    assert "RESOLUTION 179 (REV. DUBAI, 2018)" in accepted.output
    assert "considering/a" in rejected.output
    assert "recognizing/a" in accepted.output


@pytest.mark.usefixtures("shared_data")
def test_a_docx_is_an_operand_of_an_ordinary_diff() -> None:
    result = CliRunner().invoke(main, ["diff", str(RES_179_2018), str(TRACKED)])
    assert result.exit_code == 0, result.output  # accepted = the 2018 text
    assert "no differences" in result.output


def test_single_operand_must_be_a_docx(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("RESOLUTION 1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(text)])
    assert result.exit_code == 2
    assert "a single operand must be a Word document (.docx)" in result.stderr


# -- hostile and broken files ------------------------------------------------------------


def _refused(path: Path, *needles: str) -> str:
    with pytest.raises(InputError) as caught:
        read_docx(path)
    message = str(caught.value)
    assert str(path) in message
    assert "\n" not in message
    for needle in needles:
        assert needle in message
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    return message


def test_not_a_zip_truncated_no_document_malformed(tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    plain.write_text("RESOLUTION 1 (not a zip)\n", encoding="utf-8")
    _refused(plain, "not a valid .docx (zip)")
    good = write_docx(tmp_path / "good.docx", document(para(run("text"))))
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    _refused(truncated)
    empty_zip = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    _refused(empty_zip, "no word/document.xml")
    _refused(write_docx(tmp_path / "bad.docx", "<w:document><w:body>"), "malformed XML")


def test_zip_bomb_is_refused_before_it_fills_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (MAX_MEMBER_BYTES + 1))
    assert bomb.stat().st_size < 200_000
    _refused(bomb, "decompresses to more than", "zip bomb")


def test_a_forged_size_is_refused(tmp_path: Path) -> None:
    """The archive declares a small size for a huge member: the read stops at the bound
    (zipfile stops at the declared size and fails its CRC; the reader counts too)."""
    bomb = tmp_path / "forged.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (MAX_MEMBER_BYTES + 10))
    data = bytearray(bomb.read_bytes())
    real = (MAX_MEMBER_BYTES + 10).to_bytes(4, "little")
    small = (100).to_bytes(4, "little")
    assert data.count(real) == 2  # local header and central directory
    bomb.write_bytes(bytes(data.replace(real, small)))
    _refused(bomb, "word/document.xml")


def test_external_entities_and_entity_bombs_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    message = _refused(write_docx(tmp_path / "xxe.docx", xxe), "DTD")
    assert "TOP-SECRET" not in message
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "hahahahahahahaha">'
        + "".join(
            f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>"
    )
    _refused(write_docx(tmp_path / "laughs.docx", laughs), "DTD")


# -- resdiff's own Word reports, read back ----------------------------------------------


def _real_pairs() -> list[tuple[str, Path, Path]]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from output_manifest import real_pairs

    return real_pairs(SHARED_DATA) if (SHARED_DATA / "itu-pp").is_dir() else []


@pytest.mark.usefixtures("shared_data")
def test_own_word_reports_read_back_on_every_real_pair(tmp_path: Path) -> None:
    """On every real pair, resdiff's own --format docx report holds both texts in order
    (by an independent resolver of its markup: the Word report's own test helper), each
    read back gives that text's clauses, and the diff of the two read back is the diff
    the report shows: annex heading lines are written, and removed clauses of moved
    sections stand in the old order."""
    from test_render_docx import paragraphs_of, resolve

    pairs = _real_pairs()
    assert len(pairs) >= 60
    for name, old_path, new_path in pairs:
        old = resdiff.parse(old_path.read_text(encoding="utf-8"), str(old_path))
        new = resdiff.parse(new_path.read_text(encoding="utf-8"), str(new_path))
        result = resdiff.diff(old, new)
        data = render(result, "docx")
        assert isinstance(data, bytes)
        assert resolve(data, accept=False) == paragraphs_of(old), name
        assert resolve(data, accept=True) == paragraphs_of(new), name
        path = tmp_path / "report.docx"
        path.write_bytes(data)
        back = [resdiff.parse(read_docx(path, side)) for side in ("reject", "accept")]
        assert clauses(back[0]) == clauses(old), name
        assert clauses(back[1]) == clauses(new), name
        for side, text in zip(back, (old, new), strict=True):
            assert [(a.heading, a.title) for a in side.annexes] == [
                (a.heading, a.title) for a in text.annexes
            ], name
        again = resdiff.diff(*back)
        assert again.summary == result.summary, name
        assert [c.kind for c in again.changes] == [c.kind for c in result.changes], name


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("2010-guadalajara/res-179.seed-page.txt", "2018-dubai/res-179.txt"),
        ("2018-dubai/res-2.txt", "2018-dubai/res-21.txt"),
    ],
)
@pytest.mark.usefixtures("shared_data")
def test_own_word_report_after_a_libreoffice_resave(tmp_path: Path, old: str, new: str) -> None:
    soffice = require_program("soffice", "LibreOffice re-saves the Word report")
    old_res = resdiff.parse((SHARED_DATA / "itu-pp" / old).read_text(encoding="utf-8"))
    new_res = resdiff.parse((SHARED_DATA / "itu-pp" / new).read_text(encoding="utf-8"))
    data = render(resdiff.diff(old_res, new_res), "docx")
    assert isinstance(data, bytes)
    source = tmp_path / "in" / "report.docx"
    source.parent.mkdir()
    source.write_bytes(data)
    out = tmp_path / "out"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    resaved = out / "report.docx"
    assert resaved.read_bytes() != data  # another producer's OOXML
    assert clauses(resdiff.parse(read_docx(resaved, "accept"))) == clauses(new_res)
    # LibreOffice re-attributes some paragraph marks (it marks the mark before an
    # inserted paragraph as inserted), so rejecting all in its file may join paragraphs
    # that the original kept apart: what it now means is checked with pandoc.
    pandoc = require_program("pandoc", "the independent reader of tracked changes")
    theirs = subprocess.run(
        [pandoc, "--track-changes=reject", "-t", "plain", "--wrap=none", str(resaved)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    rejected = read_docx(resaved, "reject")
    # the same paragraphs, but for the rule the reader writes before footnotes and the
    # space pandoc puts where it joins paragraphs (Word joins them without one)
    mine = ["".join(p.split()) for p in paragraphs(rejected) if p != "_" * 20]
    assert mine == ["".join(p.split()) for p in paragraphs(theirs)]

    # and the same characters as before the re-save (where paragraphs join, the
    # footnotes' rule may land elsewhere)
    def chars(text: str) -> str:
        return "".join(text.replace("_" * 20, "").split())

    assert chars(rejected) == chars(read_docx(source, "reject"))


def test_a_damaged_deflate_stream_is_refused_in_one_line(tmp_path: Path) -> None:
    """Found by scripts/fuzz.py (docx): a zip member whose compressed bytes are not a valid
    deflate stream raised zlib.error, a traceback; it is a corrupt member."""
    path = tmp_path / "damaged.docx"
    write_docx(path, document(para(run("RESOLUTION 1 (TEST, 2020)"))))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    assert info.compress_type == zipfile.ZIP_DEFLATED
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + info.compress_size] = b"\xff" * info.compress_size  # reserved block type
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"damaged\.docx: word/document\.xml: corrupt zip member"):
        read_docx(path)
