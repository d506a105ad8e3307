"""Assembling a :class:`~resdiff.merge.result.Merge`: labels recomputed, text written.

The merged sections from :mod:`resdiff.merge.combine` are relabelled in their style, then
written in the canonical layout (:func:`resdiff.model.render_canonical`): once with unresolved
conflicts between diff3 markers (the text a person resolves), once with each unresolved
conflict at its base version (the text parsed into the merged :class:`Resolution`, whose
clause paths the changes name).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from resdiff.errors import ResdiffError
from resdiff.merge.combine import Block, Combiner, Piece
from resdiff.merge.layout import Layout
from resdiff.merge.markers import check_no_markers, conflict_block
from resdiff.merge.outcomes import side_outcomes
from resdiff.merge.relabel import Style, label_for
from resdiff.merge.result import From, Line, Merge, MergeChange, Side
from resdiff.model import FOOTNOTE_RULE, FOOTNOTES, HEADER, Resolution
from resdiff.parsing import parse_text


def merge_resolutions(
    base: Resolution, ours: Resolution, theirs: Resolution, favor: Side | None = None
) -> Merge:
    """Merge the changes ``ours`` and ``theirs`` each made to ``base`` (docs/merge.md).

    ``favor`` (``"ours"``/``"theirs"``) resolves every conflict to that side; the conflicts
    are still reported, with ``resolved`` set. An operand holding conflict markers is
    refused (:class:`~resdiff.errors.InputError`).
    """
    if favor not in (None, "ours", "theirs"):
        raise ResdiffError(f"favor must be 'ours', 'theirs' or None, not {favor!r}")
    for operand in (base, ours, theirs):
        check_no_markers(operand.source_text, operand.source)
    layout = Layout.of(base)
    combiner = Combiner(
        side_outcomes(layout, ours, "ours"), side_outcomes(layout, theirs, "theirs"), favor
    )
    blocks = [_relabel(block) for block in combiner.blocks()]
    names = (ours.source or "ours", base.source or "base", theirs.source or "theirs")
    headings = base.layout != "un"  # UN-layout parts have no heading lines
    marked = _render(blocks, names, markers=True, headings=headings)
    plain = _render(blocks, names, markers=False, headings=headings)
    resolution = parse_text(
        "\n\n".join(plain) + "\n" if plain else "", source="merged", layout=base.layout
    )
    conflicts = tuple(p.conflict for b in blocks for p in b.pieces if p.conflict is not None)
    clean = all(c.resolved is not None for c in conflicts)
    text = resolution.to_text() if clean else ("\n\n".join(marked) + "\n" if marked else "")
    changes = _changes(blocks, resolution, combiner.renames)
    return Merge(text, resolution, conflicts, changes)


# -- labels ----------------------------------------------------------------------------
def _relabel(block: Block) -> Block:
    if block.style is None:
        return block
    counter = 1
    pieces = []
    for piece in block.pieces:
        if piece.conflict is not None and piece.conflict.resolved is None:
            c = piece.conflict
            ours, n_o = _labelled(c.ours_lines, block.style, counter)
            base, _ = _labelled(c.base_lines, block.style, counter)
            theirs, n_t = _labelled(c.theirs_lines, block.style, counter)
            chosen, _ = _labelled(piece.lines, block.style, counter)
            conflict = replace(c, ours_lines=ours, base_lines=base, theirs_lines=theirs)
            pieces.append(Piece(chosen, piece.changes, conflict))
            counter += max(n_o, n_t)
        else:
            lines, n = _labelled(piece.lines, block.style, counter)
            pieces.append(Piece(lines, piece.changes, piece.conflict))
            counter += n
    return replace(block, pieces=pieces)


def _labelled(lines: tuple[Line, ...], style: Style, start: int) -> tuple[tuple[Line, ...], int]:
    """``lines`` with top-level labels renumbered from ``start``; how many were numbered."""
    out, n = [], 0
    for line in lines:
        if line.depth == 0 and line.label is not None:
            out.append(replace(line, label=label_for(style, start + n)))
            n += 1
        else:
            out.append(line)
    return tuple(out), n


# -- text ------------------------------------------------------------------------------
def _render(
    blocks: list[Block], names: tuple[str, str, str], markers: bool, headings: bool = True
) -> list[str]:
    """The canonical text's lines (joined by blank lines by the caller); ``headings``
    false for a UN-layout resolution, whose preamble and operative part have none."""
    out: list[str] = []
    annex: tuple[str, str | None] | None = None
    for block in blocks:
        if block.hidden:
            continue
        lines = [text for _, text in _piece_lines(block, names, markers)]
        if block.place.key == HEADER:
            out.extend(lines)
            continue
        if block.place.key == FOOTNOTES:
            if lines:
                out.append(FOOTNOTE_RULE)
                out.extend(lines)
            continue
        if block.annex is not None and block.annex != annex:
            annex = block.annex
            out.append(annex[0])
            if annex[1]:
                out.append(annex[1])
        if block.heading and headings:
            out.append(block.heading)
        out.extend(lines)
    return out


def _piece_lines(
    block: Block, names: tuple[str, str, str], markers: bool
) -> Iterator[tuple[Piece, str]]:
    for piece in block.pieces:
        c = piece.conflict
        if markers and c is not None and c.resolved is None:
            sides = tuple(
                [line.render() for line in lines if line.render()]
                for lines in (c.ours_lines, c.base_lines, c.theirs_lines)
            )
            yield piece, conflict_block(names, (sides[0], sides[1], sides[2]))
            continue
        for line in piece.lines:
            if line.render():
                yield piece, line.render()


def _changes(
    blocks: list[Block], merged: Resolution, renames: Sequence[tuple[From, str, str]]
) -> tuple[MergeChange, ...]:
    """Every change taken, with the paths its clauses have in the merged resolution."""
    shown = [block for block in blocks if not block.hidden]
    stream = [piece for block in shown for piece, _ in _piece_lines(block, ("", "", ""), False)]
    clauses = [c for c in merged.clauses() if c.label or c.text]
    paths: dict[int, list[str]] = {}
    if len(stream) == len(clauses):
        for piece, clause in zip(stream, clauses, strict=True):
            paths.setdefault(id(piece), []).append(clause.path)
    keys = {
        block.place.key: next(
            (s.key for s in merged.all_sections() if s.heading == block.heading), block.place.key
        )
        for block in blocks
    }
    out: list[MergeChange] = []
    for side, key, _heading in renames:
        out.append(MergeChange(side, "renamed", (key,), (keys.get(key, key),)))
    for block in blocks:
        for piece in block.pieces:
            merged_paths = tuple(paths.get(id(piece), ()))
            for side, kind, base in piece.changes:
                out.append(MergeChange(side, kind, base, () if kind == "removed" else merged_paths))
    return tuple(out)
