"""``--format json``: the resdiff/diff/v1 and resdiff/tree-diff/v1 documents, byte-stable."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from render_cases import KEPT, SAMPLE, TREE, render

import resdiff
from resdiff.changes import Change, ClauseRef, Diff, Meta, SectionChange, TreeDiff, TreeEntry
from resdiff.render import RenderOptions
from resdiff.render.json_format import _dumps, _encode, diff_text, entry_text


def test_diff_document_follows_the_contract() -> None:
    out = render(SAMPLE, "json")
    assert isinstance(out, str)
    assert out.endswith("}\n")
    doc = json.loads(out)
    assert list(doc) == ["schema", "old", "new", "summary", "sections", "changes"]
    assert doc["schema"] == "resdiff/diff/v1"
    assert doc["old"] == {
        "source": "res-179-2010.txt",
        "number": "RESOLUTION 179 (Guadalajara, 2010)",
        "title": "ITU's role in child online protection",
    }
    assert doc["summary"] == {
        "added": 1, "removed": 1, "amended": 3, "unchanged": 2, "split": 1, "merged": 1,
        "moved": 1, "renumbered": 3, "editorial": 1,
    }  # fmt: skip
    assert doc["sections"][-1] == {
        "kind": "renamed", "old": "requests the Council", "new": "requests the ITU Council",
    }  # fmt: skip
    moved = doc["changes"][1]
    assert moved == {
        "kind": "amended",
        "old": [{"path": "recalling/i", "label": "i)", "section": "recalling",
                 "text": "Resolution 67 (Hyderabad, 2010) of WTDC;"}],
        "new": [{"path": "recognizing/c", "label": "c)", "section": "recognizing",
                 "text": "Resolution 67 (Rev. Buenos Aires, 2017) of WTDC;"}],
        "moved": True,
        "renumbered": True,
        "editorial": False,
        "similarity": 0.8,
        "words": [["=", "Resolution 67 ("], ["-", "Hyderabad, 2010"],
                  ["+", "Rev. Buenos Aires, 2017"], ["=", ") of WTDC;"]],
    }  # fmt: skip


def test_words_rebuild_old_and_new_text() -> None:
    for change in json.loads(render(SAMPLE, "json"))["changes"]:
        old = "".join(t for op, t in change["words"] if op != "+")
        new = "".join(t for op, t in change["words"] if op != "-")
        if change["kind"] in ("amended", "unchanged", "removed"):
            assert old == " ".join(c["text"] for c in change["old"])
        if change["kind"] in ("amended", "unchanged", "added"):
            assert new == " ".join(c["text"] for c in change["new"])


def test_unchanged_listed_only_with_all_but_always_counted() -> None:
    plain = json.loads(render(SAMPLE, "json"))
    every = json.loads(render(SAMPLE, "json", RenderOptions(show_all=True)))
    listed_unchanged = [c for c in plain["changes"] if c["kind"] == "unchanged"]
    assert all(c["renumbered"] or c["moved"] for c in listed_unchanged)
    assert KEPT.new[0].path not in {c["new"][0]["path"] for c in listed_unchanged}
    assert len(every["changes"]) == len(SAMPLE.changes)
    assert every["changes"][2]["new"][0]["path"] == KEPT.new[0].path
    assert plain["summary"] == every["summary"]


def test_utf8_kept_and_output_byte_stable() -> None:
    out = render(SAMPLE, "json")
    assert "ITU’s" in out
    assert "\\u2019" not in out
    assert out == render(SAMPLE, "json")
    assert '\n  "schema": "resdiff/diff/v1",\n' in out  # two-space indentation


def test_tree_document() -> None:
    doc = json.loads(render(TREE, "json"))
    assert doc["schema"] == "resdiff/tree-diff/v1"
    assert (doc["old"], doc["new"]) == ("pp-2010", "pp-2018")
    assert [(r["path"], r["status"]) for r in doc["resolutions"]] == [
        ("itu-pp/res-1.txt", "unchanged"),
        ("itu-pp/res-179.txt", "modified"),
        ("itu-pp/res-200.txt", "added"),
        ("itu-pp/res-99.txt", "removed"),
    ]
    assert doc["resolutions"][1]["diff"]["schema"] == "resdiff/diff/v1"
    assert doc["resolutions"][2]["diff"] is None


def test_tree_serialised_entry_by_entry_is_the_plain_dump() -> None:
    for show_all in (False, True):
        expected = json.dumps(TREE.to_json(show_all), ensure_ascii=False, indent=2) + "\n"
        assert render(TREE, "json", RenderOptions(show_all=show_all)) == expected
    empty = TreeDiff('"resolutions": []', None, ())
    assert render(empty, "json") == json.dumps(empty.to_json(), indent=2) + "\n"
    tricky = TreeDiff('a "resolutions": [] b', "x", TREE.entries[:1])
    expected = json.dumps(tricky.to_json(), ensure_ascii=False, indent=2) + "\n"
    assert render(tricky, "json") == expected


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=100, deadline=None)
@given(_DOCUMENTS, st.sampled_from(["\n", "\n    "]))
def test_the_fast_writer_is_json_dumps_byte_for_byte(document: object, newline: str) -> None:
    """The writer that replaces json.dumps(indent=2) for speed gives the very same text
    (quotes, escapes, control and non-ASCII characters, floats, NaN, nesting)."""
    expected = json.dumps(document, ensure_ascii=False, indent=2).replace("\n", newline)
    assert _encode(document, newline) == expected


def test_the_fast_writer_leaves_other_keys_to_json_dumps() -> None:
    document = {1: [None, {"a": (True, 1.5)}], "b": {}}
    assert _dumps(document) == json.dumps(document, ensure_ascii=False, indent=2)


def test_an_entry_of_one_text_is_the_entry_of_its_diff() -> None:
    """same_text_entry, made from one parse without diffing, is byte for byte the entry of
    the diff of the text against itself (each side named apart), on every real text."""
    from conftest import real_files, real_text

    import resdiff
    from resdiff.changes import TreeEntry
    from resdiff.render.json_format import entry_text, same_text_entry

    files = real_files()
    assert files, "no real texts found (set RESDIFF_SHARED_DATA)"
    for path in files:
        text = real_text(path)
        old, new = resdiff.parse(text, "a/r.txt"), resdiff.parse(text, "b/r.txt")
        diff = resdiff.diff(old, new)
        assert not diff.differs
        expected = entry_text(TreeEntry("x/r.txt", "unchanged", diff), show_all=False)
        assert same_text_entry("x/r.txt", old, "b/r.txt") == expected, path.name


_TEXTS = st.text(max_size=12)
_REFS = st.lists(st.builds(ClauseRef, _TEXTS, st.none() | _TEXTS, _TEXTS, _TEXTS), max_size=2).map(
    tuple
)
_FLAGS = st.booleans() | st.integers(0, 2)
_CHANGES = st.builds(
    Change,
    st.sampled_from(["added", "removed", "amended", "unchanged", "split", "merged"]),
    _REFS,
    _REFS,
    _FLAGS,
    _FLAGS,
    _FLAGS,
    st.floats(allow_nan=True, allow_infinity=True) | st.integers(-2, 2),
    st.lists(st.tuples(st.sampled_from(["=", "-", "+"]), _TEXTS), max_size=3).map(tuple),
)
_METAS = st.builds(Meta, st.none() | _TEXTS, st.none() | _TEXTS, st.none() | _TEXTS)
_SECTIONS = st.builds(
    SectionChange,
    st.sampled_from(["unchanged", "renamed", "added", "removed"]),
    st.none() | _TEXTS,
    st.none() | _TEXTS,
)
_DIFFS = st.builds(
    Diff,
    _METAS,
    _METAS,
    st.lists(_SECTIONS, max_size=3).map(tuple),
    st.lists(_CHANGES, max_size=4).map(tuple),
)


@settings(max_examples=150, deadline=None)
@given(_DIFFS, st.booleans(), st.text(max_size=6))
def test_a_diff_written_straight_is_the_general_writers_text(
    diff: Diff, show_all: bool, path: str
) -> None:
    """The writer that walks the diff itself (no dict per change) gives the very text of
    the general writer over ``to_json``, entry and whole document, whatever the values."""
    assert diff_text(diff, show_all, "\n") == _encode(diff.to_json(show_all), "\n")
    entry = TreeEntry(path, "modified", diff)
    assert entry_text(entry, show_all) == _encode(entry.to_json(show_all), "\n    ")


def test_a_real_diff_written_straight_is_the_general_writers_text(
    seed_text: str, res179_2018_text: str
) -> None:
    diff = resdiff.diff(resdiff.parse(seed_text), resdiff.parse(res179_2018_text))
    for show_all in (False, True):
        expected = json.dumps(diff.to_json(show_all), ensure_ascii=False, indent=2) + "\n"
        assert render(diff, "json", RenderOptions(show_all=show_all)) == expected
    entry = TreeEntry("itu-pp/res-179.txt", "modified", diff)
    assert entry_text(entry, False) == _encode(entry.to_json(False), "\n    ")
