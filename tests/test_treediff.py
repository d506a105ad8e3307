"""Tree diff: pairing by relative path, ADD/SUP/MOD/NOC, the process pool, stable order."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import resdiff
import resdiff.parsing
from resdiff.changes import TreeDiff
from resdiff.errors import InputError, ResdiffError
from resdiff.treediff import MIN_PARALLEL_PAIRS, diff_trees, shared


def _amend(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


@pytest.fixture
def trees(shared_data: Path) -> tuple[dict[str, str], dict[str, str]]:
    pp = shared_data / "itu-pp"
    seed = (pp / "2010-guadalajara" / "res-179.seed-page.txt").read_text("utf-8")
    dubai = {p.name: p.read_text("utf-8") for p in sorted((pp / "2018-dubai").glob("*.txt"))}
    old = {
        "itu-pp/res-179.txt": seed,
        "itu-pp/res-2.txt": dubai["res-2.txt"],
        "itu-pp/res-11.txt": dubai["res-11.txt"],
        "itu-pp/res-21.txt": dubai["res-21.txt"],
    }
    new = {
        "itu-pp/res-179.txt": dubai["res-179.txt"],
        "itu-pp/res-2.txt": dubai["res-2.txt"],
        "itu-pp/res-11.txt": _amend(dubai["res-11.txt"], "the ", "the said "),
        "itu-pp/res-30.txt": dubai["res-30.txt"],
    }
    return old, new


def test_pairs_by_path_with_status_and_marks(trees: tuple[dict[str, str], dict[str, str]]) -> None:
    old, new = trees
    tree = diff_trees(old, new, old_label="pp-10", new_label="pp-18", jobs=1)
    assert [(e.path, e.status, e.mark) for e in tree.entries] == [
        ("itu-pp/res-11.txt", "modified", "MOD"),
        ("itu-pp/res-179.txt", "modified", "MOD"),
        ("itu-pp/res-2.txt", "unchanged", "NOC"),
        ("itu-pp/res-21.txt", "removed", "SUP"),
        ("itu-pp/res-30.txt", "added", "ADD"),
    ]
    assert tree.differs
    assert (tree.old_source, tree.new_source) == ("pp-10", "pp-18")
    by_path = {e.path: e for e in tree.entries}
    assert by_path["itu-pp/res-21.txt"].diff is None
    assert by_path["itu-pp/res-30.txt"].diff is None
    noc = by_path["itu-pp/res-2.txt"].diff
    assert noc is not None
    assert not noc.differs
    assert noc.summary["unchanged"] > 5
    mod = by_path["itu-pp/res-11.txt"].diff
    assert mod is not None
    assert [c.kind for c in mod.visible_changes()] == ["amended"]
    assert mod.old.source == "pp-10/itu-pp/res-11.txt"


def test_each_pair_is_the_library_diff(trees: tuple[dict[str, str], dict[str, str]]) -> None:
    old, new = trees
    tree = diff_trees(old, new, old_label="a", new_label="b", jobs=1)
    direct = resdiff.diff(
        resdiff.parse(old["itu-pp/res-179.txt"], source="a/itu-pp/res-179.txt"),
        resdiff.parse(new["itu-pp/res-179.txt"], source="b/itu-pp/res-179.txt"),
    )
    entry = next(e for e in tree.entries if e.path == "itu-pp/res-179.txt")
    assert entry.diff == direct
    assert entry.diff is not None
    assert entry.diff.to_json() == direct.to_json()


def test_pool_gives_the_same_result_as_one_process(shared_data: Path) -> None:
    files = sorted((shared_data / "itu-pp" / "2018-dubai").glob("res-1*.txt"))
    old = {p.name: p.read_text("utf-8") for p in files}
    new = {name: text.replace(" and ", " and also ", 1) for name, text in old.items()}
    assert len(old) >= MIN_PARALLEL_PAIRS  # large enough to use the pool
    serial = diff_trees(old, new, jobs=1)
    pooled = diff_trees(list(reversed(list(old.items()))), new, jobs=2)
    assert pooled == serial
    assert pooled.to_json(True) == serial.to_json(True)
    assert [e.path for e in pooled.entries] == sorted(old)
    assert all(e.status == "modified" for e in pooled.entries)


def test_diff_options_reach_every_pair(shared_data: Path) -> None:
    text = (shared_data / "itu-pp" / "2018-dubai" / "res-2.txt").read_text("utf-8")
    curly = text.replace("'", "\u2019")
    assert curly != text
    assert diff_trees({"r.txt": text}, {"r.txt": curly}, jobs=1).entries[0].status == "modified"
    quiet = diff_trees({"r.txt": text}, {"r.txt": curly}, jobs=1, ignore_editorial=True)
    assert quiet.entries[0].status == "unchanged"


def test_sequence_input_and_duplicates() -> None:
    tree = diff_trees([], [], jobs=1)
    assert tree.entries == ()
    assert not tree.differs
    with pytest.raises(InputError, match=r"old tree: a\.txt is given twice"):
        diff_trees([("a.txt", "x"), ("a.txt", "y")], [], jobs=1)


def test_shared_diff_is_equal_and_holds_each_unchanged_text_once(seed_text: str) -> None:
    new_text = seed_text.replace("educators", "teachers")
    diff = resdiff.diff(resdiff.parse(seed_text), resdiff.parse(new_text))
    compact = shared(diff)
    assert compact == diff
    assert compact.to_json(True) == diff.to_json(True)
    kept = [c for c in compact.changes if c.kind == "unchanged"]
    assert kept
    assert all(c.old[0].text is c.new[0].text for c in kept)
    assert all(text is c.new[0].text for c in kept for _, text in c.words)


def test_identical_texts_parse_once_with_each_side_named(res179_2018_text: str) -> None:
    tree = diff_trees({"r.txt": res179_2018_text}, {"r.txt": res179_2018_text}, old_label="a",
                      new_label="b", jobs=1)  # fmt: skip
    diff = tree.entries[0].diff
    assert diff is not None
    assert not diff.differs
    assert (diff.old.source, diff.new.source) == ("a/r.txt", "b/r.txt")
    direct = resdiff.diff(
        resdiff.parse(res179_2018_text, "a/r.txt"), resdiff.parse(res179_2018_text, "b/r.txt")
    )
    assert diff == direct


def test_one_shot_iterators_give_the_same_tree(
    trees: tuple[dict[str, str], dict[str, str]],
) -> None:
    old, new = trees
    from_maps = diff_trees(old, new, jobs=1)
    from_iterators = diff_trees(iter(old.items()), iter(new.items()), jobs=1)
    assert from_iterators == from_maps
    assert old
    assert new


def test_a_failure_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(resdiff.parsing, "parse_text", broken)
    with pytest.raises(ResdiffError, match=r"^b\.txt: cannot diff \(KeyError: 'boom'\)$"):
        diff_trees({"b.txt": "x"}, {"b.txt": "y"}, jobs=1)


def test_diffing_makes_no_reference_cycles(shared_data: Path) -> None:
    """diff_trees pauses the cyclic collector while diffs pile up; that is safe only
    because parsing and diffing leave no cycles behind for it to find."""
    pp = shared_data / "itu-pp"
    old = {p.name: p.read_text("utf-8") for p in sorted((pp / "2018-dubai").glob("*.txt"))[:12]}
    new = {name: text.replace(" the ", " the said ", 2) for name, text in old.items()}
    old["res-179.txt"] = (pp / "2010-guadalajara" / "res-179.seed-page.txt").read_text("utf-8")
    new["res-179.txt"] = (pp / "2018-dubai" / "res-179.txt").read_text("utf-8")
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        result = diff_trees(old, new, jobs=1)
        assert gc.collect() == 0
        assert gc.isenabled() is False  # a paused collector stays paused
    finally:
        if was:
            gc.enable()
    assert result.entries
    diff_trees(old, new, jobs=1)
    assert gc.isenabled() is was  # and an enabled one is enabled again


def test_files_read_and_entries_encoded_in_the_workers(shared_data: Path, tmp_path: Path) -> None:
    """Given TextFiles, the pool reads each pair where it diffs it; iter_encoded returns
    what ``encode`` made of each entry there, in path order, as diff_trees would have it."""
    from resdiff.files import TextFile
    from resdiff.treediff import iter_encoded

    files = sorted((shared_data / "itu-pp" / "2018-dubai").glob("res-1*.txt"))
    old = {p.name: p.read_text("utf-8") for p in files}
    new = {name: text.replace(" and ", " and also ", 1) for name, text in old.items()}
    first = next(iter(old))
    new[first] = old[first]
    (tmp_path / "only-new.txt").write_text(old[first], "utf-8")
    assert len(old) >= MIN_PARALLEL_PAIRS  # large enough to use the pool
    lazy = {name: TextFile(str(p)) for name, p in zip(old, files, strict=True)}
    lazy_new = {**new, "only-new.txt": TextFile(str(tmp_path / "only-new.txt"))}
    encoded = list(iter_encoded(lazy, lazy_new, _status_and_summary, jobs=2))
    expected = diff_trees(old, {**new, "only-new.txt": old[first]}, jobs=1)
    assert encoded == [(e.status, _status_and_summary(e)) for e in expected.entries]
    statuses = {path: status for status, (path, _) in encoded}
    assert statuses[first] == "unchanged"
    assert statuses["only-new.txt"] == "added"
    assert list(statuses) == sorted(statuses)


def _status_and_summary(entry: object) -> tuple[str, object]:
    from resdiff.changes import TreeEntry

    assert isinstance(entry, TreeEntry)
    return entry.path, entry.diff.summary if entry.diff else None


def test_an_unreadable_file_only_in_one_tree_is_refused(tmp_path: Path) -> None:
    from resdiff.files import TextFile

    (tmp_path / "bad.txt").write_bytes(b"")
    with pytest.raises(InputError, match=r"bad\.txt: file is empty"):
        diff_trees({}, {"bad.txt": TextFile(str(tmp_path / "bad.txt"))}, jobs=1)


def test_pairs_of_one_text_go_to_encode_same_undiffed(shared_data: Path, tmp_path: Path) -> None:
    """Two files with the same bytes are read, decoded and parsed once, handed to
    ``encode_same`` (never diffed) and reported unchanged; the others are diffed and
    encoded as before; pool and one process agree."""
    from resdiff.files import TextFile
    from resdiff.treediff import iter_encoded

    files = sorted((shared_data / "itu-pp" / "2018-dubai").glob("res-1*.txt"))[:10]
    assert len(files) >= MIN_PARALLEL_PAIRS
    new_dir = tmp_path / "new"
    new_dir.mkdir()
    for i, path in enumerate(files):
        text = path.read_text("utf-8")
        (new_dir / path.name).write_text(text if i % 2 else text.replace(" the ", " a ", 1))
    old = {p.name: TextFile(str(p)) for p in files}
    new = {p.name: TextFile(str(new_dir / p.name)) for p in files}

    for jobs in (1, 2):
        got = list(iter_encoded(old, new, _kind, encode_same=_same_kind, old_label="a",
                                new_label="b", jobs=jobs))  # fmt: skip
        assert got == [
            ("unchanged", ("same", p.name, f"a/{p.name}", f"b/{p.name}"))
            if i % 2
            else ("modified", ("diffed", p.name))
            for i, p in enumerate(files)
        ]
    with pytest.raises(ResdiffError, match="threshold must be a number"):
        list(iter_encoded(old, new, _kind, encode_same=_same_kind, jobs=1, threshold=2.0))


def _kind(entry: object) -> tuple[str, str]:
    from resdiff.changes import TreeEntry

    assert isinstance(entry, TreeEntry)
    return "diffed", entry.path


def _same_kind(path: str, resolution: object, new_source: str) -> tuple[str, str, str, str]:
    from resdiff.model import Resolution

    assert isinstance(resolution, Resolution)
    assert resolution.number  # parsed
    return "same", path, str(resolution.source), new_source


def test_layout_reads_every_file_in_it(shared_data: Path) -> None:
    """``layout`` forces each file's layout, on the diffed pairs and the identical ones,
    in-process and in the pool alike."""
    files = sorted((shared_data / "un-layout").glob("*.txt"))
    texts = {p.name: p.read_text("utf-8") for p in files}
    assert len(texts) == 3
    old = {f"{k}/{name}": text for k in range(3) for name, text in texts.items()}
    new = dict(old)
    new["1/res-2.un-layout.txt"] = _amend(old["1/res-2.un-layout.txt"], "relevant", "all relevant")
    assert len(old) > MIN_PARALLEL_PAIRS

    def sections(tree: TreeDiff) -> set[str]:
        assert tree.entries is not None
        changes = [c for e in tree.entries if e.diff for c in e.diff.changes]
        return {ref.section for c in changes for ref in c.old + c.new}

    for jobs in (1, 2):
        recognised = diff_trees(old, new, jobs=jobs)
        assert sections(recognised) == {"header", "preamble", "operative"}
        assert diff_trees(old, new, jobs=jobs, layout="un") == recognised
        as_itu = diff_trees(old, new, jobs=jobs, layout="itu")
        assert sections(as_itu)
        assert not sections(as_itu) & {"preamble", "operative"}
        entry = next(e for e in as_itu.entries if e.path == "1/res-2.un-layout.txt")
        assert entry.status == "modified"
        expected = resdiff.diff(
            resdiff.parse(old[entry.path], source=entry.path, layout="itu"),
            resdiff.parse(new[entry.path], source=entry.path, layout="itu"),
        )
        assert entry.diff is not None
        assert entry.diff.changes == expected.changes
