"""Compare two revisions of a resolution clause by clause: align + word diff → :class:`Diff`.

:func:`diff_resolutions` is what ``resdiff.diff(old, new, **options)`` calls. It asks
:mod:`resdiff.align` which old clauses became which new ones, and
:mod:`resdiff.worddiff` how each pair's words changed, and builds the change list of
the ``resdiff/diff/v1`` contract (DESIGN.md):

- a pair with identical text is ``unchanged``; one differing only by what
  :mod:`resdiff.normalize` treats as noise is ``amended`` with ``editorial: true``
  (reported ``unchanged`` with ``ignore_editorial=True``); otherwise ``amended``;
- one old clause in several consecutive new ones is ``split``; the reverse ``merged``;
- unpaired clauses are ``removed`` / ``added``;
- ``moved``: the clause left the section its section became, or left its order;
  ``renumbered``: its label changed (``e)`` → ``f)``; a new label on a formerly
  unlabelled paragraph counts too);
- ``similarity`` is the token-level similarity the aligner used (1.0 unchanged,
  0.0 added/removed);
- changes are ordered by position in the new text, removed clauses at their old
  position (after the nearest preceding old clause that kept its place).

Header parts (number, title, formula) and footnotes are diffed like clauses; a change
of case alone in the number line is editorial.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Literal

from resdiff.align import DEFAULT_THRESHOLD, Alignment, Match, align_resolutions
from resdiff.changes import (
    AnnexLines,
    Change,
    ChangeKind,
    ClauseRef,
    Diff,
    Meta,
    Outline,
    SectionChange,
    WordOp,
    clause_ref,
    make_change,
)
from resdiff.errors import ResdiffError
from resdiff.model import Clause, Resolution, label_key, made
from resdiff.normalize import is_editorial, normalize
from resdiff.un_names import paragraph_number
from resdiff.worddiff import diff_words

__all__ = ["DEFAULT_THRESHOLD", "check_options", "diff_resolutions", "kept_sections"]

#: Joins the texts of the parts of a split (or merge) into the one text word-diffed
#: against the whole.
PART_SEPARATOR = " "


def diff_resolutions(
    old: Resolution,
    new: Resolution,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    ignore_editorial: bool = False,
) -> Diff:
    """The clause-aware difference between ``old`` and ``new`` (see the module docstring).

    ``threshold`` (0–1, default :data:`DEFAULT_THRESHOLD`) is the similarity at which two
    clauses anywhere in the texts count as the same paragraph; a clause rewritten in
    place (same section, between the same aligned neighbours, on the same subject) needs
    a TF-IDF cosine of only 0.27 × ``threshold``. Higher → more clauses reported removed + added.
    """
    check_options(threshold=threshold, ignore_editorial=ignore_editorial)
    if _same_clauses(old, new):  # one text on both sides (parsed once, or equal)
        return _identical(old, new, float(threshold), ignore_editorial)
    alignment = align_resolutions(old, new, threshold=float(threshold))
    changes = _changes(alignment, ignore_editorial)
    sections = tuple(
        SectionChange(
            kind=(
                "added"
                if pair.old is None
                else "removed"
                if pair.new is None
                else "unchanged"
                if _same_heading(pair.old.heading, pair.new.heading)
                else "renamed"
            ),
            old=pair.old.heading if pair.old is not None else None,
            new=pair.new.heading if pair.new is not None else None,
        )
        for pair in alignment.sections
    )
    return Diff(
        old=Meta(old.source, old.number, old.title),
        new=Meta(new.source, new.number, new.title),
        sections=sections,
        changes=changes,
        options={"threshold": float(threshold), "ignore_editorial": ignore_editorial},
        outlines=(outline(old, alignment.old), outline(new, alignment.new)),
    )


def outline(resolution: Resolution, clauses: Sequence[Clause] | None = None) -> Outline:
    """Every clause path of ``resolution`` in document order and its annexes' heading
    lines: what the Word report needs to write each text back in its own order.

    ``clauses``, when given, are ``resolution.clauses()`` already listed (an alignment's
    side holds them in that order), so the text is not walked again."""
    return Outline(
        order=tuple(map(_PATH, resolution.clauses() if clauses is None else clauses)),
        annexes=tuple(AnnexLines(a.key, a.heading, a.title) for a in resolution.annexes),
    )


_PATH = attrgetter("path")


def check_options(
    *,
    threshold: float = DEFAULT_THRESHOLD,
    ignore_editorial: bool = False,  # noqa: ARG001 (any value will do; named so it is known)
) -> None:
    """Refuse options :func:`diff_resolutions` would refuse (an unknown one: ``TypeError``;
    a threshold outside (0, 1]: :class:`ResdiffError`), for a caller that may not diff."""
    if not isinstance(threshold, (int, float)) or not 0.0 < threshold <= 1.0:
        raise ResdiffError(f"threshold must be a number in (0, 1], not {threshold!r}")


def kept_sections(resolution: Resolution) -> tuple[SectionChange, ...]:
    """The sections of a diff of ``resolution`` against itself: each one kept, in order."""
    return tuple(
        SectionChange(kind="unchanged", old=s.heading, new=s.heading)
        for s in resolution.all_sections()
    )


def _identical(old: Resolution, new: Resolution, threshold: float, ignore_editorial: bool) -> Diff:
    """The diff of two sides holding the same clauses and sections: each clause unchanged
    in place, each section kept, in document order — what aligning them finds (a property
    test checks so on every real text and on generated ones), without aligning them or
    diffing any words. A tree's identical pairs are most of many tree diffs."""
    clauses = tuple(new.clauses())  # old's too: the same clauses, paths included
    return Diff(
        old=Meta(old.source, old.number, old.title),
        new=Meta(new.source, new.number, new.title),
        sections=kept_sections(new),
        changes=tuple(_unchanged(c, c, False) for c in clauses),
        options={"threshold": threshold, "ignore_editorial": ignore_editorial},
        outlines=(outline(old, clauses), outline(new, clauses)),
    )


def _same_clauses(old: Resolution, new: Resolution) -> bool:
    """Whether both sides hold the same clauses and sections (the parts are compared by
    identity first, so one text parsed once costs nothing to recognise)."""
    return (old.header, old.sections, old.annexes, old.footnotes) == (
        new.header,
        new.sections,
        new.annexes,
        new.footnotes,
    )


def _same_heading(a: str, b: str) -> bool:
    return normalize(a, fold_case=True) == normalize(b, fold_case=True)


def _ref(clause: Clause) -> ClauseRef:
    return clause_ref(clause.path, clause.label, clause.section, clause.text)


def _label(clause: Clause) -> str:
    """What ``renumbered`` compares: a UN-layout paragraph's number (PP3 → ``3``, OP2(a)
    → ``2a``: a PP has no label, its place is its number), else the label's key."""
    number = paragraph_number(clause.path, clause.section)
    if number:
        return number
    return label_key(clause.label) if clause.label else ""


def _changes(al: Alignment, ignore_editorial: bool) -> tuple[Change, ...]:
    """Every change in the contract's order: by new position, a removed clause after the
    new place of the nearest earlier old clause that kept its place.

    A match of one clause to one clause of the same text (most of a revision) is made
    here without the general pair's work.
    """
    old_clauses, new_clauses = al.old, al.new
    changes: list[Change] = []
    for match in al.matches:
        olds, news = match.old, match.new
        if len(olds) == 1 and len(news) == 1:
            old, new = old_clauses[olds[0]], new_clauses[news[0]]
            if old.text == new.text:
                changes.append(_unchanged(old, new, match.moved))
                continue
        changes.append(_pair_change(al, match, ignore_editorial))
    if not al.removed and not al.added:  # the matches come in this order already
        return tuple(changes)
    keyed = [((m.new[0], 0, m.old[0]), c) for m, c in zip(al.matches, changes, strict=True)]
    if al.removed:
        old_to_match: dict[int, Match] = {}
        for match in al.matches:
            for i in match.old:
                old_to_match[i] = match
        anchors = _anchors(len(old_clauses), old_to_match)
        for i in al.removed:
            keyed.append(((anchors[i], 1, i), _single("removed", old_clauses[i])))
    for j in al.added:
        keyed.append(((j, 0, -1), _single("added", new_clauses[j])))
    keyed.sort(key=_first)
    return tuple(change for _, change in keyed)


def _first(item: tuple[tuple[int, int, int], Change]) -> tuple[int, int, int]:
    return item[0]


def _anchors(count: int, old_to_match: dict[int, Match]) -> list[int]:
    """For each old clause index, the new position after which it is listed if removed:
    the last new clause of the nearest earlier old clause's match that did not move
    (``-1`` when there is none). One pass, so that thousands of removed clauses do not
    each walk back through the text."""
    anchors = []
    current = -1
    for k in range(count):
        anchors.append(current)
        match = old_to_match.get(k)
        if match is not None and not match.moved:
            current = match.new[-1]
    return anchors


def _unchanged(old: Clause, new: Clause, moved: bool) -> Change:
    """The change of one clause kept word for word (most clauses of a revision).

    The old side shares the new side's strings (and the whole reference when path,
    label and section are the same too): equal by value, held and pickled once. The
    objects are made by :func:`resdiff.model.made` directly: a diff makes one change
    and one or two references per clause.
    """
    text, path, label, section = new.text, new.path, new.label, new.section
    new_ref = made(ClauseRef, path=path, label=label, section=section, text=text)
    if old.path == path and old.label == label and old.section == section:
        old_refs = new_refs = (new_ref,)
        renumbered = False  # _label reads only path, label and section
    else:
        if old.section != section:
            section = old.section
        old_refs, new_refs = (made(ClauseRef, path=old.path, label=old.label, section=section,
                                   text=text),), (new_ref,)  # fmt: skip
        renumbered = _label(old) != _label(new)
    return made(Change, kind="unchanged", old=old_refs, new=new_refs, moved=moved,
                renumbered=renumbered, editorial=False, similarity=1.0,
                words=(("=", text),) if text else ())  # fmt: skip


def _single(kind: ChangeKind, clause: Clause) -> Change:
    op: Literal["-", "+"] = "-" if kind == "removed" else "+"
    words: tuple[WordOp, ...] = ((op, clause.text),) if clause.text else ()
    refs = (_ref(clause),)
    removed = kind == "removed"
    return make_change(
        kind, refs if removed else (), () if removed else refs, False, False, False, 0.0, words
    )


def _pair_change(al: Alignment, match: Match, ignore_editorial: bool) -> Change:
    """The change of a match other than one clause kept word for word (which
    :func:`_changes` makes with :func:`_unchanged`): a split, a merge, or one clause whose
    text changed."""
    if len(match.old) == 1 and len(match.new) == 1:  # one clause each: no joining
        olds, news = [al.old[match.old[0]]], [al.new[match.new[0]]]
        old_text, new_text = olds[0].text, news[0].text
    else:
        olds = [al.old[i] for i in match.old]
        news = [al.new[j] for j in match.new]
        old_text = PART_SEPARATOR.join([c.text for c in olds])
        new_text = PART_SEPARATOR.join([c.text for c in news])
    old_refs = tuple(map(_ref, olds))
    new_refs = tuple(map(_ref, news))
    renumbered = _label(olds[0]) != _label(news[0])
    moved = match.moved
    if len(olds) > 1 or len(news) > 1:
        kind: ChangeKind = "split" if len(news) > 1 else "merged"
        # at the four decimals the JSON document holds, so a diff read back from its
        # document (the corpus cache) equals the one computed
        similarity = round(match.similarity, 4)
        words = diff_words(old_text, new_text)
        return make_change(kind, old_refs, new_refs, moved, renumbered, False, similarity, words)
    fold_case = olds[0].path == "header/number" and news[0].path == "header/number"
    editorial = is_editorial(old_text, new_text, fold_case=fold_case)
    words = diff_words(old_text, new_text)
    if editorial and ignore_editorial:
        return make_change("unchanged", old_refs, new_refs, moved, renumbered, False, 1.0, words)
    similarity = round(1.0 if editorial else min(match.similarity, 0.9999), 4)
    return make_change(
        "amended", old_refs, new_refs, moved, renumbered, editorial, similarity, words
    )
