"""Resolution 179, Guadalajara 2010 → Dubai 2018: the raw files, noise and all.

What a drafter must see (issue 3), asserted one by one, and the whole clause mapping
compared with a reviewed golden file, ``tests/golden/diff/res-179-2010-2018.json``.
The golden file holds the mapping only (kinds, paths, flags, similarity) — not the
texts, which are not ours to commit. Regenerate it only on purpose, after reviewing
the change: ``RESDIFF_REGEN_GOLDEN=1 python -m pytest tests/test_res179_pair.py``.

The review (docs/diff.md has the reasoning): considering a)–d) kept (d) rewritten in
place), e) inserted, old e)–j) → f)–k) amended, old k) removed; recalling c) (Article 17)
and f) (CHI memorandum) removed, d) → c), new d) and h) inserted, g)/h) (Council
Resolutions 1305/1306) → f)/g) rewritten; recalling i)/j) → recognizing c)/d); the old
recognizing section is now "recalling further" (a, b, d kept; c) the 2009-2010 Call
for Action removed; e) the global telephone number → d) the E.1100 numbering resource,
same place, same subject); taking into account a) rewritten, b) (WTISD-09) removed;
resolves 3 (coordination among ITU groups → coordinate the COP initiative) rewritten in
place, the same subject in the same place;
requests the Council → requests the ITU Council; instructs the Secretary-General
2, 3, 4 → 4, 5, 6; the BDT's 1 and 2 rewritten in place; the TSB's single paragraph →
4 (allocation of a regional telephone number); invites … paragraphs kept, the rest new.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from conftest import RES_179_2018, SEED_PAGE, check_golden

from resdiff.changes import Change, Diff


@pytest.fixture
def diff(res179_changes: Diff) -> Diff:
    """The real pair's diff (named for what every test here reads)."""
    return res179_changes


def mapping(d: Diff) -> dict[str, Any]:
    """The reviewed part of a diff: sections and every clause change, without texts."""
    return {
        "old": d.old.to_json(),
        "new": d.new.to_json(),
        "summary": d.summary,
        "sections": [s.to_json() for s in d.sections],
        "changes": [
            {
                "kind": c.kind,
                "old": [r.path for r in c.old],
                "new": [r.path for r in c.new],
                "moved": c.moved,
                "renumbered": c.renumbered,
                "editorial": c.editorial,
                "similarity": round(c.similarity, 2),
            }
            for c in d.changes
        ],
    }


def change_from(d: Diff, old_path: str) -> Change:
    hits = [c for c in d.changes if old_path in [r.path for r in c.old]]
    assert len(hits) == 1, old_path
    return hits[0]


def new_paths(c: Change) -> list[str]:
    return [r.path for r in c.new]


def test_new_recognizing_section_takes_recalling_i_and_j(diff: Diff) -> None:
    assert ("added", None, "recognizing") in [(s.kind, s.old, s.new) for s in diff.sections]
    for old, new in (("recalling/i", "recognizing/c"), ("recalling/j", "recognizing/d")):
        c = change_from(diff, old)
        assert new_paths(c) == [new]
        assert c.kind == "amended"
        assert c.moved
        assert c.renumbered
        assert not c.editorial
    words = change_from(diff, "recalling/i").words
    deleted = "".join(t for op, t in words if op == "-")
    inserted = "".join(t for op, t in words if op == "+")
    assert "Hyderabad" in deleted
    assert "Buenos Aires" in inserted
    assert "2017" in inserted
    for added in ("recognizing/a", "recognizing/b", "recognizing/e"):
        assert [c.kind for c in diff.changes if new_paths(c) == [added]] == ["added"]


def test_considering_e_inserted_and_the_rest_re_lettered(diff: Diff) -> None:
    assert [c.kind for c in diff.changes if new_paths(c) == ["considering/e"]] == ["added"]
    for old, new in zip("efghij", "fghijk", strict=True):
        c = change_from(diff, f"considering/{old}")
        assert new_paths(c) == [f"considering/{new}"]
        assert c.renumbered
        assert not c.moved
        assert c.kind == "amended"
    assert change_from(diff, "considering/k").kind == "removed"


def test_old_recognizing_is_now_recalling_further(diff: Diff) -> None:
    assert ("renamed", "recognizing", "recalling further") in [
        (s.kind, s.old, s.new) for s in diff.sections
    ]
    expected = {"a": "a", "b": "b", "d": "c", "e": "d"}
    for old, new in expected.items():
        c = change_from(diff, f"recognizing/{old}")
        assert new_paths(c) == [f"recalling-further/{new}"]
        assert not c.moved
    assert change_from(diff, "recognizing/d").kind == "unchanged"
    assert change_from(diff, "recognizing/c").kind == "removed"


def test_requests_the_council_renamed(diff: Diff) -> None:
    assert ("renamed", "requests the Council", "requests the ITU Council") in [
        (s.kind, s.old, s.new) for s in diff.sections
    ]
    c = change_from(diff, "requests-the-council/#1")
    assert new_paths(c) == ["requests-the-itu-council/1"]
    assert not c.moved


def test_instructs_the_secretary_general_2_3_4_now_4_5_6(diff: Diff) -> None:
    sg = "instructs-the-secretary-general"
    for old, new in (("1", "1"), ("2", "4"), ("3", "5"), ("4", "6")):
        c = change_from(diff, f"{sg}/{old}")
        assert new_paths(c) == [f"{sg}/{new}"]
        assert not c.moved
        assert c.renumbered == (old != new)
    assert change_from(diff, f"{sg}/3").kind == "unchanged"


def test_header_and_footnote(diff: Diff) -> None:
    title = change_from(diff, "header/title")
    assert title.kind == "amended"
    assert title.editorial
    assert change_from(diff, "header/number").kind == "amended"
    assert [c.kind for c in diff.changes if new_paths(c) == ["footnotes/1"]] == ["added"]


def dump(doc: dict[str, Any]) -> str:
    """JSON with one section or change per line: easy to review, diff and regenerate."""
    lines = ["{"]
    for k, (key, value) in enumerate(doc.items()):
        comma = "," if k < len(doc) - 1 else ""
        if isinstance(value, list):
            items = [json.dumps(v, ensure_ascii=False) for v in value]
            body = ",\n".join(f"  {item}" for item in items)
            lines.append(f' "{key}": [\n{body}\n ]{comma}')
        else:
            lines.append(f' "{key}": {json.dumps(value, ensure_ascii=False)}{comma}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def test_whole_mapping_matches_the_reviewed_golden_file(diff: Diff) -> None:
    got = dump(mapping(diff))
    assert json.loads(got) == mapping(diff)
    check_golden("diff/res-179-2010-2018.json", got)


def test_word_ops_rebuild_both_texts(diff: Diff) -> None:
    for c in diff.changes:
        assert c.old_text() == " ".join(r.text for r in c.old)
        assert c.new_text() == " ".join(r.text for r in c.new)


_SCRIPT = """
import json, sys, resdiff
old = resdiff.parse(open(sys.argv[1], encoding="utf-8").read(), "old")
new = resdiff.parse(open(sys.argv[2], encoding="utf-8").read(), "new")
print(json.dumps(resdiff.diff(old, new).to_json(show_all=True), sort_keys=True))
"""


@pytest.mark.usefixtures("shared_data")
def test_output_is_byte_identical_across_processes() -> None:
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _SCRIPT, str(SEED_PAGE), str(RES_179_2018)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
