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
from collections.abc import Iterable, Iterator
from typing import Any

try:  # the C function json.encoder writes strings with, without importing the json package
    from _json import encode_basestring as _string
except ImportError:  # pragma: no cover (a Python without the C accelerator)
    from json.encoder import encode_basestring as _string

from resdiff.changes import Diff, Meta, TreeDiff, TreeEntry
from resdiff.model import Resolution
from resdiff.render import RenderOptions

#: The key of the list of resolutions in a tree-diff document.
_ENTRIES = '"resolutions": []'


def render(result: Diff | TreeDiff, options: RenderOptions) -> str:
    """Serialise ``result``; unchanged clauses are listed only with ``options.show_all``."""
    if isinstance(result, TreeDiff):
        return _tree(result, options.show_all) + "\n"
    return _dumps(result.to_json(options.show_all)) + "\n"


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


def _tree(tree: TreeDiff, show_all: bool) -> str:
    """The tree document, byte for byte what ``_dumps(tree.to_json(show_all))`` gives."""
    entries = (entry_text(entry, show_all) for entry in tree.entries)
    return "".join(tree_chunks(tree.old_source, tree.new_source, entries, show_all))


def entry_text(entry: TreeEntry, show_all: bool) -> str:
    """One resolution of the tree document as :func:`tree_chunks` places it (nested two
    levels deep; JSON strings hold no raw newline). Made apart so that a tree diff's
    workers can each encode the resolutions they diffed."""
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
