"""Amending instructions (``--format instructions``): one plain-English line per change."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from render_cases import check_cli_renders_like_library
from render_samples import sample_diff, word_ops

from resdiff.changes import Change, ClauseRef, Diff, Meta, SectionChange, TreeDiff, TreeEntry
from resdiff.render import RenderOptions, render
from resdiff.render.instructions import Edit, edits, instructions


def text_of(result: Diff | TreeDiff) -> str:
    out = render(result, "instructions", RenderOptions())
    assert isinstance(out, str)
    return out


def test_sample_gives_one_instruction_per_change_in_order() -> None:
    assert text_of(sample_diff()).splitlines() == [
        "Amendments to RESOLUTION 179 (GUADALAJARA, 2010):",
        'In the number line, replace "(Guadalajara, 2010)" by "(Rev. Dubai, 2018)".',
        'In considering a), replace "is playing an increasingly" by "plays a very",'
        ' and delete "and valuable".',
        'In considering c), replace "and educators" by ", educators and communities".',
        'After considering c), insert the following new paragraph d): "that child online'
        ' protection initiatives always consider the empowerment of the child;".',
        "Re-letter considering d) as e).",
        "Delete recalling b).",
        "Re-letter recalling c) as b).",
        "Move recalling d) to recognizing, as paragraph b), and amend it to read:"
        ' "Resolution 67 (Rev. Buenos Aires, 2017) of WTDC, on child online protection;".',
        'In resolves 1, replace "that ITU should" by "to", and replace "awareness;"'
        ' by "awareness and share best practices;".',
        'After resolves 1, insert the following new paragraph 2: "to report on'
        ' <script>alert(1)</script> and <img src=x onerror=alert(1)> & other <b>markup</b>,".',
        'Replace the heading "requests the Council" by "requests the ITU Council".',
    ]


def _clause(section: str, label: str, text: str) -> ClauseRef:
    return ClauseRef(f"{section}/{label.rstrip(')')}", label, section, text)


def _diff(*changes: Change, sections: tuple[SectionChange, ...] = ()) -> Diff:
    return Diff(
        Meta("a", "RESOLUTION 1 (Busan, 2014)", None), Meta("b", None, None), sections, changes
    )


def _relettered(section: str, old: str, new: str) -> Change:
    text = f"text of {old}"
    return Change(
        "unchanged",
        (_clause(section, old, text),),
        (_clause(section, new, text),),
        renumbered=True,
        words=(("=", text),),
    )


def test_consecutive_reletterings_and_deletions_are_ranges() -> None:
    changes = [
        Change("removed", (_clause("recalling", "c)", "gone c"),), (), words=(("-", "gone c"),)),
        Change("removed", (_clause("recalling", "d)", "gone d"),), (), words=(("-", "gone d"),)),
        Change("added", (), (_clause("considering", "e)", "new e"),), words=(("+", "new e"),)),
    ]
    changes += [
        _relettered("considering", f"{a})", f"{b})")
        for a, b in zip("efghij", "fghijk", strict=True)
    ]
    lines = instructions(_diff(*changes))
    assert lines == [
        "Delete recalling c) to d).",
        'At the beginning of considering, insert the following new paragraph e): "new e".',
        "Re-letter considering e) to j) as f) to k).",
    ]


def test_numbered_paragraphs_are_renumbered() -> None:
    change = _relettered("resolves", "3", "4")
    assert instructions(_diff(change)) == ["Renumber resolves 3 as 4."]


def test_long_rewrite_is_amend_to_read() -> None:
    old = _clause(
        "considering", "d)", "that parents are not always aware of what children do online;"
    )
    new = _clause(
        "considering",
        "d)",
        "that communities who have responsibility may need guidance on mediation;",
    )
    change = Change("amended", (old,), (new,), words=word_ops(old.text, new.text))
    assert instructions(_diff(change)) == [f'Amend considering d) to read: "{new.text}".']


def test_repeated_fragment_is_widened_until_unique() -> None:
    old = "to the Council and to the Conference"
    new = "to the Council and to a Conference"
    found = edits(word_ops(old, new), old)
    assert found == [Edit("and to the", "and to a")]


def test_insertion_names_the_words_it_follows() -> None:
    old = "at times with no control or guidance;"
    new = "at times with no mediation, control or guidance;"
    assert edits(word_ops(old, new), old) == [Edit("", "mediation,", "no")]


def test_whitespace_only_change_is_not_quoted_as_words() -> None:
    assert edits((("=", "a"), ("-", " "), ("+", "  "), ("=", "b")), "a b") is None


def test_tree_diff_lists_each_resolution() -> None:
    tree = TreeDiff(
        "a",
        "b",
        (
            TreeEntry("res-179.txt", "modified", sample_diff()),
            TreeEntry("res-214.txt", "added", None),
            TreeEntry("res-99.txt", "removed", None),
        ),
    )
    out = text_of(tree)
    assert out.startswith("res-179.txt: Amendments to RESOLUTION 179 (GUADALAJARA, 2010):\n")
    assert "\n\nAdd the new resolution res-214.txt.\n\nSuppress the resolution res-99.txt.\n" in out


WORDS = st.lists(
    st.sampled_from(["the", "Council", "and", "to", "ITU", "shall", "children,", "online;"]),
    min_size=1,
    max_size=12,
)


def _apply(old: str, found: list[Edit]) -> str:
    """Carry out the instructions on the old text as a drafter would, left to right."""
    text, pos = old, 0
    for e in found:
        if e.old:
            at = text.index(e.old, pos)
            text = text[:at] + e.new + text[at + len(e.old) :]
            pos = at + len(e.new)
        elif e.after:
            at = text.index(e.after, pos) + len(e.after)
            text = text[:at] + " " + e.new + text[at:]
            pos = at + len(e.new) + 1
        else:
            text = e.new + " " + text
            pos = len(e.new) + 1
    return text


@settings(max_examples=80, deadline=None)
@given(WORDS, WORDS)
def test_word_edits_carried_out_give_the_new_words(a: list[str], b: list[str]) -> None:
    old, new = " ".join(a), " ".join(b)
    found = edits(word_ops(old, new), old)
    if found is None:
        return  # falls back to "amend to read", which quotes the whole new text
    # every quoted old fragment is found exactly once in the old text
    for e in found:
        assert (old.count(e.old) == 1) if e.old else (not e.after or old.count(e.after) == 1)
    assert _apply(old, found).split() == new.split()


def test_real_res_179(res179_changes: Diff) -> None:
    lines = text_of(res179_changes).splitlines()
    assert lines[0] == "Amendments to RESOLUTION 179 (GUADALAJARA, 2010):"
    assert (
        'In considering a), replace "is playing an increasingly important and valuable"'
        ' by "plays a very important".'
    ) in lines
    assert any(
        line.startswith(
            "Move recalling i) to recognizing, as paragraph c), and amend it to read:"
            ' "Resolution 67 (Rev. Buenos Aires, 2017) of the World'
        )
        for line in lines
    )
    assert "Delete considering k)." in lines
    assert 'Re-letter considering f) as g), and in it after "no", insert "mediation,".' in lines
    assert 'Replace the heading "requests the Council" by "requests the ITU Council".' in lines
    # every quoted old fragment of a word edit occurs in the old text
    old_texts = " ".join(c.old[0].text for c in res179_changes.changes if c.old)
    for line in lines:
        for frag in re.findall(r'replace "([^"]+)" by', line):
            assert frag in old_texts, line


def test_cli_format_instructions(res179_changes: Diff) -> None:
    check_cli_renders_like_library("instructions", res179_changes)
