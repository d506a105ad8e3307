"""UN-layout resolutions revised the way negotiators revise them: PPs and OPs inserted,
deleted, amended, an OP moved, sub-paragraphs added. Each revision is made here from the
shared 73/179 text; the diff must report the right kinds, paths and flags, the reports
name paragraphs PP3 / OP5, the amending instructions speak the UN idiom, and merge and the
corpus work on the layout."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SHARED_DATA

import resdiff
from resdiff.changes import Change, Diff
from resdiff.cli import main
from resdiff.render.instructions import instructions

UN_179 = SHARED_DATA / "un-layout" / "res-179.un-layout.txt"

NEW_PP = "Noting with appreciation the work of the Broadband Commission on child online safety,"


@pytest.fixture(scope="module")
def base_text() -> str:
    if not UN_179.is_file():
        pytest.fail(f"UN-layout text missing: {UN_179} (set RESDIFF_SHARED_DATA)")
    return UN_179.read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    return text.rstrip("\n").split("\n\n")


def renumber(paras: list[str]) -> str:
    """Join paragraphs, numbering the operative ones 1, 2, 3 … as a secretariat does."""
    count = 0
    out = []
    for para in paras:
        if re.match(r"\d+\. ", para):
            count += 1
            para = re.sub(r"^\d+\. ", f"{count}. ", para)
        out.append(para)
    return "\n\n".join(out) + "\n"


def op_index(paras: list[str], number: int) -> int:
    return next(i for i, p in enumerate(paras) if p.startswith(f"{number}. "))


def pp_index(paras: list[str], number: int) -> int:
    first = paras.index("The General Assembly,") + 1
    return first + number - 1


def diff_of(old: str, new: str) -> Diff:
    return resdiff.diff(resdiff.parse(old, "old.txt"), resdiff.parse(new, "new.txt"))


def by_new_path(d: Diff) -> dict[str, Change]:
    return {ref.path: c for c in d.changes for ref in c.new}


def test_inserted_pp_renumbers_the_pps_after_it(base_text: str) -> None:
    paras = paragraphs(base_text)
    paras.insert(pp_index(paras, 3), NEW_PP)
    d = diff_of(base_text, renumber(paras))
    added = [c for c in d.changes if c.kind == "added"]
    assert [c.new[0].path for c in added] == ["preamble/3"]
    assert added[0].new[0].text == NEW_PP
    shifted = by_new_path(d)["preamble/4"]
    assert (shifted.kind, shifted.old[0].path, shifted.renumbered, shifted.moved) == (
        "unchanged",
        "preamble/3",
        True,
        False,
    )
    assert d.summary["renumbered"] == 32  # PP3 … PP34 became PP4 … PP35
    assert d.summary["added"] == 1
    assert d.summary["removed"] == d.summary["amended"] == 0
    assert instructions(d) == [
        f'Insert a new PP3: "{NEW_PP}".',
        "Renumber PP3–PP34 as PP4–PP35.",
    ]


def test_deleted_op_renumbers_the_ops_after_it(base_text: str) -> None:
    paras = paragraphs(base_text)
    del paras[op_index(paras, 7)]
    d = diff_of(base_text, renumber(paras))
    removed = [c for c in d.changes if c.kind == "removed"]
    assert [c.old[0].path for c in removed] == ["operative/7"]
    op7 = by_new_path(d)["operative/7"]
    assert (op7.old[0].path, op7.renumbered, op7.moved) == ("operative/8", True, False)
    assert instructions(d) == ["Delete OP7.", "Renumber OP8–OP53 as OP7–OP52."]


def test_amended_op_in_the_un_idiom(base_text: str) -> None:
    new = base_text.replace(
        "educators and communities, as well as relevant",
        "educators, communities and youth organizations, as well as relevant",
    )
    d = diff_of(base_text, new)
    (change,) = [c for c in d.changes if c.kind != "unchanged"]
    assert (change.kind, change.old[0].path, change.new[0].path) == (
        "amended",
        "operative/5",
        "operative/5",
    )
    assert not change.renumbered
    assert not change.moved
    assert ("+", ", communities and youth organizations") in change.words
    assert instructions(d) == [
        'In OP5, replace "and communities" by ", communities and youth organizations".'
    ]


def test_moved_op_is_flagged_moved(base_text: str) -> None:
    paras = paragraphs(base_text)
    op12 = paras.pop(op_index(paras, 12))
    paras.insert(op_index(paras, 3), op12)  # now stands before OP3, as OP3
    d = diff_of(base_text, renumber(paras))
    moved = [c for c in d.changes if c.moved]
    assert [(c.old[0].path, c.new[0].path, c.kind) for c in moved] == [
        ("operative/12", "operative/3", "unchanged")
    ]
    op4 = by_new_path(d)["operative/4"]
    assert (op4.old[0].path, op4.renumbered, op4.moved) == ("operative/3", True, False)
    assert instructions(d) == [
        "Move OP12 so that it becomes OP3.",
        "Renumber OP3–OP11 as OP4–OP12.",
    ]


def test_sub_paragraphs_added_to_an_op(base_text: str) -> None:
    paras = paragraphs(base_text)
    i = op_index(paras, 3)
    paras[i] = paras[i].replace("relevant stakeholders;", "relevant stakeholders, in order:")
    paras[i + 1 : i + 1] = ["(a) to share good practices;", "(b) to report on progress;"]
    d = diff_of(base_text, renumber(paras))
    added = [c.new[0].path for c in d.changes if c.kind == "added"]
    assert added == ["operative/3/a", "operative/3/b"]
    amended = [c for c in d.changes if c.kind == "amended"]
    assert [c.new[0].path for c in amended] == ["operative/3"]
    assert instructions(d) == [
        'In OP3, replace ";" by ", in order:".',
        'Insert a new OP3(a): "to share good practices;".',
        'Insert a new OP3(b): "to report on progress;".',
    ]


def test_reports_name_paragraphs_as_delegates_do(base_text: str, tmp_path: Path) -> None:
    paras = paragraphs(base_text)
    paras.insert(pp_index(paras, 3), NEW_PP)
    del paras[op_index(paras, 7)]
    text = renumber(paras)
    runner = CliRunner()
    old_file, new_file = tmp_path / "old.txt", tmp_path / "new.txt"
    old_file.write_text(base_text, encoding="utf-8")
    new_file.write_text(text, encoding="utf-8")
    files = [str(old_file), str(new_file)]
    out = runner.invoke(main, ["diff", *files, "-f", "text"])
    md = runner.invoke(main, ["diff", *files, "-f", "markdown"])
    js = runner.invoke(main, ["diff", *files, "-f", "json"])
    assert out.exit_code == 1, out.output
    assert "\npreamble/3  PP3  added\n" in out.output
    assert "\npreamble/4  PP4  renumbered, was PP3\n" in out.output
    assert "\noperative/7  OP7  removed\n" in out.output
    assert "\noperative/7  OP7  renumbered, was OP8\n" in out.output
    assert out.output.endswith("summary: 1 added, 1 removed; 78 renumbered; 90 unchanged\n")
    assert "| renumbered | 78 |" in md.output
    assert "was PP3" in md.output
    assert '"path": "preamble/3"' in js.output
    assert '"renumbered": true' in js.output


def test_merge_on_the_un_layout(base_text: str) -> None:
    paras = paragraphs(base_text)
    ours_paras = list(paras)
    ours_paras.insert(pp_index(ours_paras, 3), NEW_PP)
    ours = renumber(ours_paras).replace(
        "educators and communities, as well as relevant",
        "educators, communities and youth organizations, as well as relevant",
    )
    theirs_paras = list(paras)
    del theirs_paras[op_index(theirs_paras, 7)]
    theirs = renumber(theirs_paras).replace(
        "within the available resources;", "within existing resources;"
    )
    base = resdiff.parse(base_text, "base")
    merged = resdiff.merge(base, resdiff.parse(ours, "ours"), resdiff.parse(theirs, "theirs"))
    assert merged.conflicts == ()
    assert merged.resolution.layout == "un"
    assert "\n\npreamble\n\n" not in merged.text
    assert "\n\noperative\n\n" not in merged.text
    assert instructions(resdiff.diff(base, merged.resolution)) == [
        f'Insert a new PP3: "{NEW_PP}".',
        "Renumber PP3–PP34 as PP4–PP35.",
        'In OP5, replace "and communities" by ", communities and youth organizations".',
        "Delete OP7.",
        "Renumber OP8–OP19 as OP7–OP18.",
        'Renumber OP20 as OP19, and in it replace "the available" by "existing".',
        "Renumber OP21–OP53 as OP20–OP52.",
    ]


def test_corpus_versions_un_resolutions_by_session(base_text: str, tmp_path: Path) -> None:
    paras = paragraphs(base_text)
    del paras[op_index(paras, 7)]
    (tmp_path / "s73.txt").write_text(base_text, encoding="utf-8")
    (tmp_path / "s74.txt").write_text(renumber(paras), encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    subprocess.run(["git", "init", "-q", str(corpus)], check=True)
    for key, value in (("user.email", "t@example.org"), ("user.name", "T")):
        subprocess.run(["git", "-C", str(corpus), "config", key, value], check=True)
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(corpus)]).exit_code == 0
    c = ["--corpus", str(corpus)]
    for file, revision, day in (
        ("s73.txt", "session-73", "2018-12-14"),
        ("s74.txt", "session-74", "2019-12-18"),
    ):
        result = runner.invoke(
            main,
            ["add", str(tmp_path / file), "--resolution", "un-ga/res-73-179",
             "--revision", revision, "--adopted", day, *c],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    subject = subprocess.run(
        ["git", "-C", str(corpus), "log", "-1", "--format=%s"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert subject == "Add Resolution 73/179 (session-74)\n"
    result = runner.invoke(
        main, ["diff", "res-73-179@session-73", "res-73-179@session-74", "-f", "instructions", *c]
    )
    assert result.exit_code == 1, result.output
    assert result.output == (
        "Amendments to resolution 73/179:\nDelete OP7.\nRenumber OP8–OP53 as OP7–OP52.\n"
    )
    history = runner.invoke(main, ["history", "res-73-179", "operative/7", *c])
    assert "session-74 (2019-12-18, " in history.output
    assert ")  unchanged, renumbered: operative/8 → operative/7\n" in history.output
    # a text whose number is another resolution's is refused
    wrong = runner.invoke(
        main,
        ["add", str(tmp_path / "s73.txt"), "--resolution", "un-ga/res-73-180",
         "--revision", "session-75", "--adopted", "2020-12-01", *c],
    )  # fmt: skip
    assert wrong.exit_code == 2
    assert "not number 73-180" in wrong.output


def _revisions(text: str) -> list[str]:
    """Revisions of a UN-layout text as negotiators make them, one kind of change each,
    and all of them together."""
    paras = paragraphs(text)
    inserted = list(paras)
    inserted.insert(pp_index(inserted, 2), NEW_PP)
    deleted = list(paras)
    del deleted[op_index(deleted, 2)]
    moved = list(paras)
    last = moved.pop(op_index(moved, 1) + 3)
    moved.insert(op_index(moved, 1), last)
    subs = list(paras)
    at = op_index(subs, 1)
    subs[at + 1 : at + 1] = ["(a) to share good practices;", "(b) to report on progress;"]
    amended = [p.replace(" the ", " all the ", 1) if i % 7 == 3 else p for i, p in enumerate(paras)]
    everything = list(inserted)
    del everything[op_index(everything, 2)]
    everything[op_index(everything, 1) + 1 : op_index(everything, 1) + 1] = ["(a) to report;"]
    return [renumber(p) for p in (inserted, deleted, moved, subs, amended, everything)]


@pytest.mark.parametrize("name", ["res-179", "res-2", "res-71"])
def test_itu_marks_apply_back_on_a_un_base(name: str) -> None:
    path = SHARED_DATA / "un-layout" / f"{name}.un-layout.txt"
    if not path.is_file():
        pytest.fail(f"UN-layout text missing: {path} (set RESDIFF_SHARED_DATA)")
    from resdiff.render import RenderOptions
    from resdiff.render.itu import render as render_itu

    base = resdiff.parse(path.read_text(encoding="utf-8"), "base")
    for text in _revisions(base.source_text):
        new = resdiff.parse(text, "new")
        marked = render_itu(resdiff.diff(base, new), RenderOptions())
        assert "PP" in marked or "OP" in marked
        got = resdiff.apply(base, marked)
        assert got.layout == "un"
        assert [(c.path, c.label, c.text) for c in got.clauses()] == [
            (c.path, c.label, c.text) for c in new.clauses()
        ]
