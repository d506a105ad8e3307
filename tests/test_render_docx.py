"""The Word report: every change a tracked change; accept all = new text, reject all = old text."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import RES_179_2018, SEED_PAGE
from hypothesis import given, settings
from lxml import etree
from render_samples import NEW, OLD, sample_diff
from synthetic import Doc, revisions

import resdiff
from resdiff.changes import Diff, TreeDiff, TreeEntry
from resdiff.errors import InputError
from resdiff.model import Resolution, Section
from resdiff.render import RenderOptions, render
from resdiff.render.docx import DEFAULT_DATE
from resdiff.un_names import OPERATIVE, PREAMBLE

UN_PARTS = (PREAMBLE, OPERATIVE)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_of(result: Diff | TreeDiff, **opts: object) -> bytes:
    out = render(result, "docx", RenderOptions(**opts))  # type: ignore[arg-type]
    assert isinstance(out, bytes)
    return out


def body(data: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def resolve(data: bytes, accept: bool) -> list[str]:
    """The document's paragraphs after accepting (or rejecting) every tracked change,
    as Word does it: a paragraph whose mark is deleted (accept) or inserted (reject)
    goes away; deleted (inserted) runs go away; the others lose their wrapper."""
    gone = W + ("del" if accept else "ins")
    paragraphs = []
    for p in body(data).iter(W + "p"):
        if p.find(f"{W}pPr/{W}rPr/{gone}") is not None:
            continue
        parts = []
        for el in p.iter(W + "t", W + "delText", W + "tab"):
            if any(a.tag == gone for a in el.iterancestors()):
                continue
            parts.append("\t" if el.tag == W + "tab" else (el.text or ""))
        paragraphs.append("".join(parts))
    return paragraphs


def paragraphs_of(res: Resolution) -> list[str]:
    """A text as the .docx of it reads: header parts, then each heading and its clauses,
    each annex's heading line and title before its sections, then the footnotes (a UN
    text's parts, ``preamble`` and ``operative``, have no heading line)."""

    def sections(parts: tuple[Section, ...]) -> list[str]:
        out = []
        for section in parts:
            if section.heading and not (res.layout == "un" and section.heading in UN_PARTS):
                out.append(section.heading)
            out += [f"{c.label}\t{c.text}" if c.label else c.text for c in section.walk()]
        return out

    out = [c.text for c in res.header.parts()]
    out += sections(res.sections)
    for annex in res.annexes:
        out += [annex.heading, *([annex.title] if annex.title else []), *sections(annex.sections)]
    out += [f"{c.label}\t{c.text}" if c.label else c.text for c in res.footnotes]
    return out


def test_accept_all_gives_the_new_text_and_reject_all_the_old() -> None:
    data = docx_of(sample_diff())
    assert resolve(data, accept=True) == NEW
    assert resolve(data, accept=False) == OLD


def test_each_change_is_a_tracked_revision_with_author_and_date() -> None:
    root = body(docx_of(sample_diff(), author="Delegation of X", date="2018-11-16"))
    revisions = list(root.iter(W + "ins", W + "del"))
    assert len(revisions) > 10
    assert {r.get(W + "author") for r in revisions} == {"Delegation of X"}
    assert {r.get(W + "date") for r in revisions} == {"2018-11-16T00:00:00Z"}
    ids = [r.get(W + "id") for r in revisions]
    assert len(ids) == len(set(ids))
    default = body(docx_of(sample_diff()))
    assert {r.get(W + "author") for r in default.iter(W + "ins")} == {"resdiff"}
    assert {r.get(W + "date") for r in default.iter(W + "del")} == {DEFAULT_DATE}


def test_word_changes_inside_an_amended_clause() -> None:
    root = body(docx_of(sample_diff()))
    deleted = ["".join(d.itertext()) for d in root.iter(W + "del") if d.getparent().tag == W + "p"]
    inserted = ["".join(i.itertext()) for i in root.iter(W + "ins") if i.getparent().tag == W + "p"]
    assert " and educators" in deleted
    assert ", educators and communities" in inserted
    assert "d)" in deleted
    assert "e)" in inserted


def test_itu_marks_become_comments_without_changing_the_text() -> None:
    data = docx_of(sample_diff(), marks="itu", author="Delegation of X", date="2018-11-16")
    assert resolve(data, accept=True) == NEW
    assert resolve(data, accept=False) == OLD
    comments = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/comments.xml"))
    notes = ["".join(c.itertext()) for c in comments.iter(W + "comment")]
    assert notes[:3] == ["MOD", "MOD", "MOD"]  # number line, considering a), considering c)
    assert "SUP* (moved to recognizing b))" in notes
    assert "ADD* (moved from recalling d))" in notes
    assert "ADD" in notes
    assert "SUP" in notes
    assert "NOC" not in notes
    assert {c.get(W + "author") for c in comments.iter(W + "comment")} == {"Delegation of X"}
    assert {c.get(W + "date") for c in comments.iter(W + "comment")} == {"2018-11-16T00:00:00Z"}
    root = body(data)
    ids = [e.get(W + "id") for e in root.iter(W + "ins", W + "del", W + "commentRangeStart")]
    assert len(ids) == len(set(ids))
    assert "word/comments.xml" not in zipfile.ZipFile(io.BytesIO(docx_of(sample_diff()))).namelist()


def test_itu_layout_styles() -> None:
    document = docx.Document(io.BytesIO(docx_of(sample_diff())))
    styles = {p.text: p.style.name for p in document.paragraphs}
    by_start = {text.split("\t")[0]: style for text, style in styles.items()}
    assert by_start["ITU's role in child online protection"] == "Restitle"
    assert any(
        style == "ResNo" for text, style in styles.items() if text.startswith("RESOLUTION 179")
    )
    assert by_start["considering"] == "Call"
    call = document.styles["Call"]
    assert call.font.italic is True
    clause = document.styles["Clause"]
    assert clause.paragraph_format.first_line_indent < 0  # hanging: label, tab, text
    assert styles[f"b)\t{OLD[4].split(chr(9))[1]}"] == "Clause"


def test_bytes_are_deterministic() -> None:
    first, second = docx_of(sample_diff()), docx_of(sample_diff())
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core
    assert docx_of(sample_diff(), date="2018-11-16") != first


def test_bad_author_or_date_is_refused() -> None:
    with pytest.raises(InputError, match="--date 'yesterday': not an ISO 8601 date"):
        docx_of(sample_diff(), date="yesterday")
    with pytest.raises(InputError, match="--author"):
        docx_of(sample_diff(), author="bad\x01name")


def test_tree_diff_puts_each_modified_resolution_in_turn() -> None:
    tree = TreeDiff(
        "a",
        "b",
        (
            TreeEntry("res-179.txt", "modified", sample_diff()),
            TreeEntry("res-180.txt", "modified", sample_diff()),
            TreeEntry("res-214.txt", "added", None),
        ),
    )
    accepted = resolve(docx_of(tree), accept=True)
    assert accepted == [*NEW, "", *NEW, "ADD\tres-214.txt"]


def test_real_res_179_accept_and_reject(
    res179_revisions: tuple[Resolution, Resolution], res179_changes: Diff
) -> None:
    old, new = res179_revisions
    data = docx_of(res179_changes)
    assert resolve(data, accept=True) == paragraphs_of(new)
    assert resolve(data, accept=False) == paragraphs_of(old)


@settings(max_examples=40, deadline=None)
@given(revisions(edits=("insert", "delete", "move", "amend", "section")))
def test_generated_revisions_accept_to_new_and_reject_to_old(pair: tuple[Doc, Doc]) -> None:
    old, new = (resdiff.parse(doc.resolution().to_text()) for doc in pair)
    data = docx_of(resdiff.diff(old, new))
    assert resolve(data, accept=True) == paragraphs_of(new)
    # in the old order too, clauses crossing between sections both ways included
    assert resolve(data, accept=False) == paragraphs_of(old)


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed (.ci/run installs it)"
)
def test_libreoffice_opens_it_and_sees_tracked_changes(
    tmp_path: Path, res179_changes: Diff
) -> None:
    source = tmp_path / "res-179.docx"
    source.write_bytes(docx_of(res179_changes, author="resdiff", marks="itu"))
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "fodt",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    flat = (tmp_path / "res-179.fodt").read_text(encoding="utf-8")
    assert len(re.findall(r"<text:insertion>", flat)) > 20
    assert len(re.findall(r"<text:deletion>", flat)) > 20
    assert set(re.findall(r"<dc:creator>([^<]*)</dc:creator>", flat)) >= {"resdiff"}
    assert len(re.findall(r"<office:annotation[ >]", flat)) > 50  # the ITU marks, as comments
    assert "RESOLUTION 179" in flat
    assert "Resolution 70/1, on transforming our world" in flat


def test_cli_writes_the_docx_all_or_nothing(
    tmp_path: Path, res179_revisions: tuple[Resolution, Resolution]
) -> None:
    from click.testing import CliRunner

    from resdiff.cli import main

    _, new = res179_revisions
    args = [
        "diff",
        str(SEED_PAGE),
        str(RES_179_2018),
        "--format",
        "docx",
        "--marks",
        "itu",
        "--author",
        "Delegation of X",
        "--date",
        "2018-11-16",
    ]
    target = tmp_path / "changes.docx"
    result = CliRunner().invoke(main, [*args, "-o", str(target)])
    assert result.exit_code == 1, result.output  # differences found
    data = target.read_bytes()
    assert resolve(data, accept=True) == paragraphs_of(new)
    assert {r.get(W + "author") for r in body(data).iter(W + "ins")} == {"Delegation of X"}
    missing = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "no" / "x.docx")])
    assert missing.exit_code == 2
    assert missing.output.startswith("resdiff: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["changes.docx"]


def _many_clauses_diff(n: int, marker: str) -> Diff:
    """A diff adding ``n`` clauses to ``resolves`` and moving one across sections."""
    old = (
        "RESOLUTION 1 (TEST, 2020)\n\nTitle\n\nconsidering\n\na) that moved text stays;\n\n"
        "resolves\n\n1 that first;\n"
    )
    new = (
        "RESOLUTION 1 (TEST, 2021)\n\nTitle\n\nconsidering\n\na) that other text;\n\n"
        "resolves\n\n1 that first;\n\n2 that moved text stays;\n\n"
        + "".join(f"{i} that {marker} {i};\n\n" for i in range(3, n + 3))
    )
    return resdiff.diff(resdiff.parse(old), resdiff.parse(new))


def test_many_comments_each_anchored_on_its_own_comment() -> None:
    result = _many_clauses_diff(60, "added")
    data = docx_of(result, marks="itu")
    comments = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/comments.xml"))
    by_id = {c.get(W + "id"): "".join(c.itertext()) for c in comments.iter(W + "comment")}
    root = body(data)
    starts = [e.get(W + "id") for e in root.iter(W + "commentRangeStart")]
    ends = [e.get(W + "id") for e in root.iter(W + "commentRangeEnd")]
    refs = [e.get(W + "id") for e in root.iter(W + "commentReference")]
    # ids 0, 1, … in document order, each range closed and referenced, each with a comment
    assert starts == [str(i) for i in range(len(starts))] == ends == refs
    assert sorted(by_id, key=int) == starts
    assert list(by_id.values()).count("ADD") >= 60
    assert any(note.startswith("ADD* (moved from") for note in by_id.values())
    assert resolve(data, accept=True) == resolve(docx_of(result), accept=True)


def test_markup_characters_and_author_reach_word_exactly() -> None:
    tricky = "A & B <c> \"d\" 'e' ]]> &amp;"
    result = _many_clauses_diff(2, tricky)
    author = 'Delegation of "X" & <Y>'
    data = docx_of(result, marks="itu", author=author)
    accepted = resolve(data, accept=True)
    assert f"3\tthat {tricky} 3;" in accepted
    assert f"4\tthat {tricky} 4;" in accepted
    root = body(data)
    assert {e.get(W + "author") for e in root.iter(W + "ins", W + "del")} == {author}


ANNEXED = (
    "RESOLUTION 1 (TEST, 2020)\n\nTitle\n\nresolves\n\n1 to act;\n\n"
    "ANNEX TO RESOLUTION 1 (TEST, 2020)\n\n{title}\n\n1 Act quickly.\n\n2 Act well.\n"
)


def _styled(data: bytes) -> list[tuple[str, str, str]]:
    """(style, "ins"/"del"/"", text) of each annex heading or title paragraph."""
    out = []
    for p in body(data).iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is None or style.get(W + "val") not in ("AnnexNo", "Annextitle"):
            continue
        mark = p.find(f"{W}pPr/{W}rPr/*")
        tracked = "" if mark is None else etree.QName(mark).localname
        out.append((style.get(W + "val"), tracked, "".join(p.itertext())))
    return out


def test_annex_heading_and_title_are_written_once_for_both_texts() -> None:
    old = resdiff.parse(ANNEXED.format(title="Guidelines for acting"))
    new = resdiff.parse(ANNEXED.format(title="Guidelines for acting well"))
    data = docx_of(resdiff.diff(old, new), marks="itu")
    assert resolve(data, accept=True) == paragraphs_of(new)
    assert resolve(data, accept=False) == paragraphs_of(old)
    heading = "ANNEX TO RESOLUTION 1 (TEST, 2020)"
    # one heading paragraph kept as is; the title amended in place
    assert _styled(data) == [
        ("AnnexNo", "", heading),
        ("Annextitle", "", "Guidelines for actingGuidelines for acting well"),
    ]


def test_a_removed_annex_leaves_its_heading_lines_as_deletions() -> None:
    old = resdiff.parse(ANNEXED.format(title="Guidelines"))
    new = resdiff.parse("RESOLUTION 1 (TEST, 2020)\n\nTitle\n\nresolves\n\n1 to act;\n")
    data = docx_of(resdiff.diff(old, new))
    assert resolve(data, accept=True) == paragraphs_of(new)
    assert resolve(data, accept=False) == paragraphs_of(old)
    assert _styled(data) == [
        ("AnnexNo", "del", "ANNEX TO RESOLUTION 1 (TEST, 2020)"),
        ("Annextitle", "del", "Guidelines"),
    ]
    # a text without annexes gets no annex styles
    styles = zipfile.ZipFile(io.BytesIO(docx_of(resdiff.diff(new, new)))).read("word/styles.xml")
    assert b"AnnexNo" not in styles
