"""Revisions of real resolutions for the merge tests: clauses amended, removed, inserted
and moved, with every following label recomputed, as a conference or a delegate would.

A revision is made on the canonical text's structure (sections of top-level clauses, each
with its sub-clauses) and written back in canonical layout, so the test never depends on
how the merge itself lays out or relabels text.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import resdiff
from resdiff.merge.relabel import label_for, style_of
from resdiff.model import FOOTNOTE_RULE, Clause, Resolution


@dataclass
class Para:
    label: str | None
    text: str
    children: list[str]  # the sub-clauses' lines, as written


@dataclass
class Draft:
    """A mutable canonical text: header lines, sections of paragraphs, tail lines."""

    header: list[str]
    sections: list[tuple[str, list[Para], str | None]]  # heading, paragraphs, style
    tail: list[str]

    @classmethod
    def of(cls, resolution: Resolution) -> Draft:
        def lines(clause: Clause) -> list[str]:
            return [_line(c) for c in clause.walk()][1:]

        sections = []
        for section in resolution.sections:
            paras = [Para(c.label, c.text, lines(c)) for c in section.clauses]
            sections.append((section.heading, paras, style_of([p.label for p in paras])))
        tail: list[str] = []
        for annex in resolution.annexes:
            tail.append(annex.heading)
            if annex.title:
                tail.append(annex.title)
            for section in annex.sections:
                tail.append(section.heading)
                tail.extend(_line(c) for c in section.walk())
        if resolution.footnotes:
            tail.append(FOOTNOTE_RULE)
            tail.extend(_line(c) for c in resolution.footnotes)
        return cls([p.text for p in resolution.header.parts()], sections, tail)

    def text(self) -> str:
        out = list(self.header)
        for heading, paras, style in self.sections:
            out.append(heading)
            for i, para in enumerate(paras, 1):
                label = label_for(style, i) if style is not None else para.label
                out.append(f"{label} {para.text}" if label else para.text)
                out.extend(para.children)
        out.extend(self.tail)
        return "\n\n".join(x for x in out if x) + "\n"

    def labelled(self) -> list[tuple[int, int]]:
        """(section, paragraph) of every paragraph in a relabelled section."""
        return [
            (s, p)
            for s, (_, paras, style) in enumerate(self.sections)
            if style is not None
            for p in range(len(paras))
        ]


def _line(clause: Clause) -> str:
    if clause.label and clause.text:
        return f"{clause.label} {clause.text}"
    return clause.label or clause.text


def parse(text: str, source: str) -> Resolution:
    return resdiff.parse(text, source=source)


def git_merge_file(tmp: Path, base: str, ours: str, theirs: str) -> tuple[int, str]:
    """The real ``git merge-file --diff3`` on the three texts: (conflicts, merged text)."""
    for name, text in (("ours.txt", ours), ("base.txt", base), ("theirs.txt", theirs)):
        (tmp / name).write_text(text, encoding="utf-8")
    out = subprocess.run(
        ["git", "merge-file", "-p", "--diff3", "ours.txt", "base.txt", "theirs.txt"],
        cwd=tmp,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode >= 0, out.stderr
    return out.returncode, out.stdout
