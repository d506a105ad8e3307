"""Proposals on a real resolution for the compilation tests: Res 179 (Rev. Dubai, 2018)
amended, reduced, extended and rearranged as a delegation would, each written back in
canonical layout with every following label recomputed (tests/merge_support.py)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import RES_179_2018
from merge_support import Draft, Para, parse

from resdiff.merge import Compilation, compile_proposals
from resdiff.model import Resolution

CONSIDERING, RECALLING, RESOLVES = 1, 2, 5
#: The words every amendment of ``resolves 1`` replaces.
RAISE = "raise awareness"


def base_draft() -> Draft:
    if not RES_179_2018.is_file():
        pytest.fail(f"real text {RES_179_2018} is missing (set RESDIFF_SHARED_DATA)")
    return Draft.of(parse(RES_179_2018.read_text(encoding="utf-8"), "res-179.txt"))


def base_text() -> Resolution:
    return parse(base_draft().text(), "base.txt")


def proposal(name: str, *edits: Callable[[Draft], None]) -> tuple[str, Resolution]:
    """The base with ``edits`` applied, parsed, named ``name`` (its source ``name.txt``)."""
    draft = copy.deepcopy(base_draft())
    for edit in edits:
        edit(draft)
    return name, parse(draft.text(), f"{name}.txt")


def amend(section: int, index: int, old: str, new: str) -> Callable[[Draft], None]:
    def edit(draft: Draft) -> None:
        para = draft.sections[section][1][index]
        assert old in para.text, (old, para.text)
        para.text = para.text.replace(old, new, 1)

    return edit


def remove(section: int, index: int) -> Callable[[Draft], None]:
    def edit(draft: Draft) -> None:
        del draft.sections[section][1][index]

    return edit


def insert(section: int, index: int, text: str) -> Callable[[Draft], None]:
    def edit(draft: Draft) -> None:
        draft.sections[section][1].insert(index, Para("x)", text, []))

    return edit


def move(section: int, index: int, to_section: int, to_index: int) -> Callable[[Draft], None]:
    def edit(draft: Draft) -> None:
        para = draft.sections[section][1].pop(index)
        draft.sections[to_section][1].insert(to_index, para)

    return edit


def split(section: int, index: int, at: str) -> Callable[[Draft], None]:
    """Cut a paragraph in two after the words ``at``."""

    def edit(draft: Draft) -> None:
        paras = draft.sections[section][1]
        head, tail = paras[index].text.split(at, 1)
        paras[index].text = head + at.rstrip(",") + ";"
        paras.insert(index + 1, Para("x)", "that " + tail.lstrip(" ,"), []))

    return edit


def examples_compilation() -> Compilation:
    """The three illustrative proposals of examples/proposals on the project corpus's
    Res 179 (Guadalajara, 2010): one agreement (resolves 1), one conflict (considering d))."""
    from conftest import ROOT

    def read(path: Path) -> Resolution:
        return parse(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())

    base = read(ROOT / "corpus" / "itu-pp" / "res-179.txt")
    names = ("ALPHA", "BRAVO", "CHARLIE")
    texts = [(n, read(ROOT / "examples" / "proposals" / f"{n}.txt")) for n in names]
    return compile_proposals(base, texts)


def hostile_compilation() -> Compilation:
    """A proposal whose name and words are markup and control characters."""
    from conftest import ROOT
    from render_samples import XSS_IMG, XSS_SCRIPT

    text = (ROOT / "corpus" / "itu-pp" / "res-179.txt").read_text(encoding="utf-8")
    base = parse(text, "base.txt")
    old = "to raise awareness on child online safety issues;"
    evil = f"to raise {XSS_SCRIPT} awareness {XSS_IMG} on child \x1b[31monline safety | issues;"
    assert old in text
    return compile_proposals(
        base,
        [("A <b>&", parse(text.replace(old, evil), "<i>evil</i>.txt")), ("B", base)],
    )
