"""``--format json``: the ``resdiff/diff/v1`` / ``resdiff/tree-diff/v1`` documents (contract).

The document is exactly ``json.dumps(result.to_json(show_all), ensure_ascii=False,
indent=2)`` plus a final newline: non-ASCII kept as is (UTF-8), key order as the change
model builds it (never a hash order), so the same result gives the same bytes on any
machine. Field-by-field description: docs/json-schema.md.

A tree diff is serialised one resolution at a time into that same text, so that the
whole document never exists twice as Python objects (a dict tree and the encoder's
chunks): for 2,000 resolutions that is the difference between ~50 MB and ~1 MB of peak
overhead.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

try:  # the C function json.encoder writes strings with, without importing the json package
    from _json import encode_basestring as _string
except ImportError:  # pragma: no cover (a Python without the C accelerator)
    from json.encoder import encode_basestring as _string

from resdiff.changes import (
    DIFF_SCHEMA,
    Change,
    ClauseRef,
    Diff,
    Meta,
    SectionChange,
    TreeDiff,
    TreeEntry,
)
from resdiff.model import Resolution
from resdiff.render import RenderOptions

_O = TypeVar("_O")

#: The key of the list of resolutions in a tree-diff document.
_ENTRIES = '"resolutions": []'


def render(result: Diff | TreeDiff, options: RenderOptions) -> str:
    """Serialise ``result``; unchanged clauses are listed only with ``options.show_all``."""
    if isinstance(result, TreeDiff):
        return _tree(result, options.show_all) + "\n"
    return diff_text(result, options.show_all, "\n") + "\n"


def _dumps(document: Any) -> str:
    return _encode(document, "\n")


def _encode(document: Any, newline: str) -> str:
    """``json.dumps(document, ensure_ascii=False, indent=2)``, byte for byte, when the
    document holds only what :meth:`to_json` makes (dicts with string keys, lists,
    tuples, strings, numbers, booleans, None), written as if nested at ``newline``.

    The standard library encodes with ``indent`` in pure Python, one generator per
    level; this writer is about three times faster, which is most of rendering a tree
    of thousands of resolutions. Anything else falls back to :func:`json.dumps`.
    """
    out: list[str] = []
    try:
        _write(document, newline, out)
    except _Unusual:
        import json

        text = json.dumps(document, ensure_ascii=False, indent=2)
        return text.replace("\n", newline) if newline != "\n" else text
    return "".join(out)


class _Unusual(Exception):
    """A value :func:`_write` leaves to :func:`json.dumps`."""


def _write(value: Any, newline: str, out: list[str]) -> None:
    kind = type(value)
    if kind is str:
        out.append(_string(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            out.append(separator)
            out.append(_string(key))
            out.append(": ")
            _write(item, inner, out)
            separator = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _write(item, inner, out)
            separator = "," + inner
        out.append(newline + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float and math.isfinite(value):
        out.append(float.__repr__(value))
    else:
        raise _Unusual


def diff_text(diff: Diff, show_all: bool, newline: str) -> str:
    """``_encode(diff.to_json(show_all), newline)``, written straight from the diff: the
    document's shape is known, so no dict is built per change and reference and no value
    is dispatched on its type but the few that may vary (a tree's JSON entry is mostly
    this). A value of another type than the change model's falls back to the general
    writer."""
    try:
        out: list[str] = []
        _diff(diff, show_all, newline, out)
    except (_Unusual, TypeError):  # a value :func:`_scalar` or a string write refused
        return _encode(diff.to_json(show_all), newline)
    return "".join(out)


def _diff(diff: Diff, show_all: bool, nl: str, out: list[str]) -> None:
    at = nl + "  "
    out.append(f'{{{at}"schema": {_string(DIFF_SCHEMA)},{at}"old": ')
    _meta(diff.old, at, out)
    out.append(f',{at}"new": ')
    _meta(diff.new, at, out)
    out.append(f',{at}"summary": ')
    _write(diff.summary, at, out)
    out.append(f',{at}"sections": ')
    _sections(diff.sections, at, out)
    out.append(f',{at}"changes": ')
    changes = diff.visible_changes(show_all)
    if not changes:
        out.append(f"[]{nl}}}")
        return
    item = at + "  "
    separator = "[" + item
    for change in changes:
        out.append(separator)
        _change(change, item, out)
        separator = "," + item
    out.append(f"{at}]{nl}}}")


def _meta(meta: Meta, nl: str, out: list[str]) -> None:
    at = nl + "  "
    out.append(
        f'{{{at}"source": {_scalar(meta.source)},{at}"number": {_scalar(meta.number)},'
        f'{at}"title": {_scalar(meta.title)}{nl}}}'
    )


def _sections(sections: tuple[SectionChange, ...], nl: str, out: list[str]) -> None:
    _objects(sections, _section_fields, nl, out)


def _section_fields(s: SectionChange, at: str) -> str:
    return f'{at}"kind": {_string(s.kind)},{at}"old": {_scalar(s.old)},{at}"new": {_scalar(s.new)}'


def _change(change: Change, nl: str, out: list[str]) -> None:
    at = nl + "  "
    out.append(f'{{{at}"kind": {_string(change.kind)},{at}"old": ')
    _refs(change.old, at, out)
    out.append(f',{at}"new": ')
    _refs(change.new, at, out)
    out.append(
        f',{at}"moved": {_scalar(change.moved)},{at}"renumbered": {_scalar(change.renumbered)}'
        f',{at}"editorial": {_scalar(change.editorial)},'
        f'{at}"similarity": {_scalar(round(change.similarity, 4))},{at}"words": '
    )
    words = change.words
    if not words:
        out.append(f"[]{nl}}}")
        return
    item = at + "  "
    inner = item + "  "
    separator = "[" + item
    for op, text in words:
        out.append(f"{separator}[{inner}{_string(op)},{inner}{_string(text)}{item}]")
        separator = "," + item
    out.append(f"{at}]{nl}}}")


def _refs(refs: tuple[ClauseRef, ...], nl: str, out: list[str]) -> None:
    _objects(refs, _ref_fields, nl, out)


def _ref_fields(r: ClauseRef, at: str) -> str:
    return (
        f'{at}"path": {_string(r.path)},{at}"label": {_scalar(r.label)},'
        f'{at}"section": {_string(r.section)},{at}"text": {_string(r.text)}'
    )


def _objects(
    items: tuple[_O, ...], fields: Callable[[_O, str], str], nl: str, out: list[str]
) -> None:
    """A list of objects, each written by ``fields`` (its members, each opening with the
    given line break and indent), as :func:`_write` would write the list at ``nl``."""
    if not items:
        out.append("[]")
        return
    item = nl + "  "
    at = item + "  "
    separator = "[" + item
    for one in items:
        out.append(f"{separator}{{{fields(one, at)}{item}}}")
        separator = "," + item
    out.append(nl + "]")


def _scalar(value: Any) -> str:
    """A string, None, boolean or number as :func:`_write` writes it."""
    kind = type(value)
    if kind is str:
        return str(_string(value))
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float and math.isfinite(value):
        return float.__repr__(value)
    raise _Unusual


def _tree(tree: TreeDiff, show_all: bool) -> str:
    """The tree document, byte for byte what ``_dumps(tree.to_json(show_all))`` gives."""
    entries = (entry_text(entry, show_all) for entry in tree.entries)
    return "".join(tree_chunks(tree.old_source, tree.new_source, entries, show_all))


def entry_text(entry: TreeEntry, show_all: bool) -> str:
    """One resolution of the tree document as :func:`tree_chunks` places it (nested two
    levels deep; JSON strings hold no raw newline). Made apart so that a tree diff's
    workers can each encode the resolutions they diffed."""
    if entry.diff is not None:
        try:
            diff = diff_text(entry.diff, show_all, "\n      ")
            return (
                f'{{\n      "path": {_string(entry.path)},\n      "status": '
                f'{_string(entry.status)},\n      "diff": {diff}\n    }}'
            )
        except (_Unusual, TypeError):  # not a str where one belongs: the general way
            pass
    return _encode(entry.to_json(show_all), "\n    ")


def same_text_entry(path: str, resolution: Resolution, new_source: str) -> str:
    """:func:`entry_text` (without ``--all``) of a pair whose two files hold one text, made
    from that text parsed once (``resolution``, with the old side's source): byte for byte
    the entry of its diff, every clause unchanged in place, which lists no change and
    counts them all as unchanged. Building that diff, a change per clause, costs about
    as much as parsing the text; two conferences' trees are mostly such pairs."""
    from resdiff.differ import kept_sections  # loaded already where trees are diffed

    meta = Meta(resolution.source, resolution.number, resolution.title)
    diff = Diff(old=meta, new=Meta(new_source, meta.number, meta.title),
                sections=kept_sections(resolution), changes=())  # fmt: skip
    entry = TreeEntry(path=path, status="unchanged", diff=diff).to_json()
    entry["diff"]["summary"]["unchanged"] = sum(1 for _ in resolution.clauses())
    return _encode(entry, "\n    ")


def tree_chunks(
    old_source: str | None, new_source: str | None, entries: Iterable[str], show_all: bool
) -> Iterator[str]:
    """The tree document (without the final newline) in pieces: the text before the
    resolutions, then each resolution (its :func:`entry_text`) as it comes from
    ``entries``, then the rest.

    ``"".join`` of the pieces is :func:`_tree`'s text. The CLI writes a tree diff this
    way, each resolution's diff dropped once encoded, so the whole tree's diffs are never
    held at once.
    """
    skeleton = _dumps(TreeDiff(old_source, new_source, ()).to_json(show_all))
    at = skeleton.rindex(_ENTRIES)  # a key, never inside a string value (quotes are escaped)
    separator = f'{skeleton[:at]}"resolutions": [\n    '
    for text in entries:
        yield separator + text
        separator = ",\n    "
    if separator.startswith(","):
        yield f"\n  ]{skeleton[at + len(_ENTRIES) :]}"
    else:  # no entries: the skeleton as it is
        yield skeleton
