"""The parser's parts on small inputs: labels, headings by form, each repair, nesting."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import resdiff
from resdiff.parsing import headings, repairs
from resdiff.parsing.headings import is_heading
from resdiff.parsing.labels import classify, roman_value, split_label
from resdiff.parsing.lines import Positions, split_lines
from resdiff.parsing.repairs import Repair, find_glued_heading, split_line
from resdiff.parsing.structure import READINGS, read_line

HEAD = (
    "RESOLUTION 1 (DUBAI, 2018)\n\nTitle\n\n"
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n\n"
)


def parse(body: str) -> resdiff.Resolution:
    return resdiff.parse(HEAD + body)


# -- labels ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "rest"),
    [
        ("a) that", "a)", "that"),
        ("(a) that", "(a)", "that"),
        ("1 to", "1", "to"),
        ("1. to", "1.", "to"),
        ("1 bis to", "1 bis", "to"),
        ("4c to", "4c", "to"),
        ("4.1 the", "4.1", "the"),
        ("iv) the", "iv)", "the"),
        ("vii) the", "vii)", "the"),
        ("12) the", "12)", "the"),
        ("a)", "a)", ""),
    ],
)
def test_labels_as_written(text: str, label: str, rest: str) -> None:
    found, offset = split_label(text)
    assert found == label
    assert text[offset:] == rest


@pytest.mark.parametrize("text", ["that a)", "2030 Agenda", "to maintain", "Article 5", "a b"])
def test_not_labels(text: str) -> None:
    assert split_label(text) == (None, 0)


def test_label_styles() -> None:
    assert classify("a)").style == "alpha"
    assert classify("a)").ordinal == 1
    assert classify("ii)").style == "roman"
    assert classify("ii)").ordinal == 2
    assert classify("i)", prefer_alpha=True).style == "alpha"
    assert classify("1 bis").suffix
    assert classify("1 bis").ordinal == 1
    assert classify("4.2").style == "dotted"
    assert classify("4.2").ordinal == 2
    assert roman_value("xiv") == 14
    assert roman_value("iiii") is None


# -- headings by form ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "considering",
        "recalling further",
        "noting with satisfaction and appreciation",
        "instructs the Secretary-General, in consultation with the Directors of the Bureaux",
        "welcoming",  # not in any list: a participle opening a short line
        "deploring",
        "requests the Council",
        "further invites Member States",
    ],
)
def test_headings(line: str) -> None:
    assert is_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "to maintain WG-COP, in order to facilitate the membership's input,",
        "the continued challenge of trafficking in persons leading to loss of life and abuse,",
        "that focus on the following activities is still needed",
        "Considering",  # upper case: a title, not a heading
        "resolves to do things; and more",
        "based on an open, fair and transparent selection process, to appoint an auditor",
    ],
)
def test_not_headings(line: str) -> None:
    assert not is_heading(line)


def test_open_set_heading_opens_a_section() -> None:
    r = parse("deploring\n\na) the loss;\n\ncommends\n\n1 the work.\n")
    assert [s.key for s in r.sections] == ["deploring", "commends"]
    assert r.clause("deploring/a").text == "the loss;"


# -- repairs ---------------------------------------------------------------------------


def cut(line: str) -> list[tuple[str, str]]:
    found: list[Repair] = []
    pieces = split_line(line, 0, len(line), found.append)
    return [(p.kind, line[p.start : p.end]) for p in pieces]


def test_glued_heading_at_end_of_line() -> None:
    assert cut("5 to support the public and private sectors, requests the ITU Council") == [
        ("para", "5 to support the public and private sectors,"),
        ("heading", "requests the ITU Council"),
    ]


def test_glued_heading_with_its_paragraph() -> None:
    assert cut(
        "2 to act, instructs the Director of the Radiocommunication Bureau to ensure it,"
    ) == [
        ("para", "2 to act,"),
        ("heading", "instructs the Director of the Radiocommunication Bureau"),
        ("para", "to ensure it,"),
    ]


def test_glued_heading_with_numbered_paragraphs() -> None:
    line = "c) all the rules, resolves to instruct the Secretary-General 1 to help; 2 to report,"
    assert cut(line) == [
        ("para", "c) all the rules,"),
        ("heading", "resolves to instruct the Secretary-General"),
        ("para", "1 to help;"),
        ("para", "2 to report,"),
    ]


def test_glued_heading_holding_another_is_cut_in_two() -> None:
    """Without its terminator ("to!participate"), a glued heading's object runs on to the
    next heading; it is cut there, as its own canonical line would be."""
    line = "2 to act, invites Members to!join EG-ITR, invites the conference to consider it."
    assert cut(line) == [
        ("para", "2 to act,"),
        ("para", "invites Members to!join EG-ITR,"),
        ("heading", "invites the conference"),
        ("para", "to consider it."),
    ]
    r = parse(f"resolves\n\n{line}\n")
    assert [s.heading for s in r.sections] == [
        "resolves",
        "invites Members to!join EG-ITR,",
        "invites the conference",
    ]
    assert resdiff.parse(r.to_text()).to_text() == r.to_text()


def test_glued_preamble_heading() -> None:
    assert cut("c) Resolution 114 of the Conference, recognizing also") == [
        ("para", "c) Resolution 114 of the Conference,"),
        ("heading", "recognizing also"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "f) ITU Council Resolution 1305 (2009), which invites Member States to recognize it;",
        "1 to coordinate with respect to the application of resolves 1, 2 and 3 above, in order;",
        "c) Resolution 71 and, in particular, further instructs the Director thereof, on work;",
        "b) the work of the groups, taking into account considering d) above;",
        "a) the Council, resolves 1, 2 and 3 of Resolution 58;",
        "1 to act, invites to the table the delegates;",
    ],
)
def test_real_sentences_are_not_split(line: str) -> None:
    assert cut(line) == [("para", line)]
    assert find_glued_heading(line, 0, len(line)) is None


def test_inline_footnote() -> None:
    line = "2 to facilitate; ____________________ 1 These include the least developed countries."
    assert cut(line) == [
        ("para", "2 to facilitate;"),
        ("footnote", "1 These include the least developed countries."),
    ]


def test_inline_footnotes_run_on_and_resume() -> None:
    line = (
        "1 to study; ____________________ 1 These include LDCs. 2 See the work of SG 13."
        " 2 to coordinate studies,"
    )
    assert cut(line) == [
        ("para", "1 to study;"),
        ("footnote", "1 These include LDCs."),
        ("footnote", "2 See the work of SG 13."),
        ("para", "2 to coordinate studies,"),
    ]


def test_footnote_inside_a_list_continues_the_paragraph() -> None:
    r = parse(
        "recalling\n\ne) applications: • e-health • e-environment ____________________ "
        "1 These include LDCs. • e-agriculture • e-science;\n"
    )
    assert r.clause("recalling/e").text == (
        "applications: • e-health • e-environment • e-agriculture • e-science;"
    )
    assert r.footnotes[0].text == "These include LDCs."


def test_run_on_numbered_paragraphs() -> None:
    assert cut("9 to promote tools; 10 to involve communities; 11 to establish mechanisms,") == [
        ("para", "9 to promote tools;"),
        ("para", "10 to involve communities;"),
        ("para", "11 to establish mechanisms,"),
    ]


def test_run_on_needs_the_next_number() -> None:
    line = "9 to promote tools; 12 to involve communities; a) to act,"
    assert cut(line) == [("para", line)]


def test_annex_glued_to_a_paragraph() -> None:
    r = parse(
        "resolves\n\n1 to update the annex. ANNEX TO RESOLUTION 1 (DUBAI, 2018)"
        " Guidelines for all\n\n"
        "1 Typically, it is known.\n\na) In order to help.\n"
    )
    (annex,) = r.annexes
    assert (annex.key, annex.heading, annex.title) == (
        "annex",
        "ANNEX TO RESOLUTION 1 (DUBAI, 2018)",
        "Guidelines for all",
    )
    assert r.clause("resolves/1").text == "to update the annex."
    assert r.clause("annex/1/a").text == "In order to help."
    assert [d.code for d in r.diagnostics] == ["glued-annex"]


def test_trailing_matter_is_a_region() -> None:
    r = parse("resolves\n\n1 to act. 489 PART VI - SIGNATORIES The undersigned\n\n1 Original: x\n")
    assert r.clause("resolves/1").text == "to act."
    assert [(g.kind, g.text) for g in r.regions] == [
        ("after", "489 PART VI - SIGNATORIES The undersigned\n\n1 Original: x\n")
    ]


def test_repairs_are_reported_with_positions() -> None:
    text = HEAD + "resolves\n\n1 to act, requests the Council\n\nto do it.\n"
    r = resdiff.parse(text)
    (d,) = r.diagnostics
    assert (d.level, d.code, d.line, d.column) == ("warning", "glued-heading", 9, 11)
    assert text.splitlines()[d.line - 1][d.column - 1 :] == "requests the Council"


# -- structure -------------------------------------------------------------------------


def test_sub_clauses_nest_under_numbered_paragraphs() -> None:
    r = parse("resolves\n\n1 to act:\n\ni) first;\n\nii) second;\n\n2 to report,\n")
    one = r.clause("resolves/1")
    assert [c.path for c in one.children] == ["resolves/1/i", "resolves/1/ii"]
    assert [c.path for c in r.clauses()][3:] == [
        "resolves/1",
        "resolves/1/i",
        "resolves/1/ii",
        "resolves/2",
    ]


def test_letter_i_after_h_is_a_letter() -> None:
    body = "".join(f"{c}) item {c};\n\n" for c in "abcdefghij")
    r = parse("considering\n\n" + body)
    assert [c.key for c in r.sections[0].clauses] == list("abcdefghij")


def test_bis_and_unlabelled_paths() -> None:
    r = parse(
        "resolves\n\n1 to act;\n\n1 bis to add;\n\n2 to report,\n\nrequests the Council\n\n"
        "to maintain WG-COP,\n\nto report.\n"
    )
    assert [c.path for c in r.clauses()][3:] == [
        "resolves/1",
        "resolves/1bis",
        "resolves/2",
        "requests-the-council/#1",
        "requests-the-council/#2",
    ]
    assert r.diagnostics == ()


def test_repeated_heading_and_duplicate_labels() -> None:
    r = parse("resolves\n\n1 to act;\n\n1 to act again,\n\nresolves\n\n1 to report.\n")
    assert [c.path for c in r.clauses()][3:] == ["resolves/1", "resolves/1~2", "resolves~2/1"]
    assert [(d.code, d.line) for d in r.diagnostics] == [("label-duplicate", 11)]


def test_unstructured_text_is_one_section_of_paragraphs() -> None:
    r = resdiff.parse("Some prose.\nMore prose.\n\nThe end.")
    (section,) = r.sections
    assert (section.key, section.heading) == ("section", "")
    assert [c.path for c in section.clauses] == ["section/#1", "section/#2", "section/#3"]
    assert {d.code for d in r.diagnostics} == {"no-structure", "no-number"}
    assert all(d.level == "warning" for d in r.diagnostics)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "\ufeff", "\r\n"])
def test_empty_text(text: str) -> None:
    r = resdiff.parse(text)
    assert r.to_source() == text
    assert r.to_text() == ""
    assert [(d.level, d.code) for d in r.diagnostics] == [("error", "empty")]


def test_positions_skip_the_bom() -> None:
    text = "\ufeffab\ncd"
    pos = Positions(text)
    assert pos.at(1) == (1, 1)
    assert pos.at(4) == (2, 1)
    lines = split_lines(text)
    assert [(ln.start, ln.end) for ln in lines] == [(1, 3), (4, 6)]


def test_crlf_lines() -> None:
    lines = split_lines("a\r\nb\r\n")
    assert [(ln.start, ln.end) for ln in lines] == [(0, 1), (3, 4), (6, 6)]


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("RESOLUTION 179 (REV. DUBAI, 2018)", "RESOLUTION 179 (REV. DUBAI, 2018)"),
        ("PP RESOLUTION 179 (Guadalajara, 2010)", "RESOLUTION 179 (Guadalajara, 2010)"),
        ("DECISION 5 (REV. DUBAI, 2018)", "DECISION 5 (REV. DUBAI, 2018)"),
        ("RECOMMENDATION 7", "RECOMMENDATION 7"),
        ("Resolution 71 (Rev. Dubai, 2018)", "Resolution 71 (Rev. Dubai, 2018)"),
        ("PP Resolution 179", None),  # the seed page's site line
        ("Resolution 1305 adopted by the Council", None),
    ],
)
def test_number_line(line: str, number: str | None) -> None:
    assert resdiff.parse(line + "\n\nconsidering\n\na) x\n").number == number


def test_remembered_reading_is_the_cut_at_any_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    """The line memo gives the pieces and repairs split_line gives, wherever the line
    stands (the character before it matters to the look-behinds), and stays bounded."""
    line = (
        "a) to promote the use of the tools of all the Members, requests the Secretary-General"
        " 1 to report to the Council; 2 to act on it; ____________________ 1 These include all"
        " things. 2 Others too. 489 PART VI - SIGNATORIES"
    )
    found: list[Repair] = []
    kinds = [p.kind for p in split_line(line, 0, len(line), found.append)]
    assert kinds == ["para", "heading", "para", "para", "footnote", "footnote", "end"]
    assert len(found) == 4
    for prefix in ("", "\n", "x\n", "a", "  "):
        src = prefix + line + "\nnext"
        start, end = len(prefix), len(prefix) + len(line)
        base = max(start - 1, 0)
        for footnotes in (False, True):
            expected: list[Repair] = []
            want = split_line(src, start, end, expected.append, footnotes)
            for _ in range(2):  # computed, then remembered
                readings, repairs_made = read_line(src[base:end], start - base, footnotes)
                cut = [(r[0], r[1] + base, r[2] + base, r[3]) for r in readings]
                assert cut == [(p.kind, p.start, p.end, p.cont) for p in want]
                assert [r[4] for r in readings] == [src[p.start : p.end] for p in want]
                shifted = [Repair(r.code, r.message, r.offset + base) for r in repairs_made]
                assert shifted == expected
    monkeypatch.setattr(READINGS, "limit", 2 * len(line))
    for k in range(5):
        read_line(f"{k} {line}", 0, False)
    assert sum(len(span) for span, _, _ in READINGS._results) <= 2 * len(line)


# ------------- run-on labels and footnote numbers: found as the per-label patterns found them
def _run_on_by_pattern(src: str, start: int, end: int, label: str) -> int | None:
    import re

    from resdiff.parsing.labels import successor

    parsed = classify(label)
    for succ in successor(parsed):
        after = "a-z" if parsed.style == "number" else "a-z0-9"
        m = re.compile(rf";\s+({re.escape(succ)})\s+(?=[{after}\"“'(])").search(src, start, end)
        if m:
            return m.start(1)
    return None


def _footnote_by_pattern(src: str, start: int, end: int, number: int) -> int | None:
    import re

    pattern = rf"(?<=[.)\"”\]])\s+({number + 1})\s+(?=[A-Z\"“'(])"
    m = re.compile(pattern).search(src, start, end)
    return m.start(1) if m else None


_PIECES = [";", " ", "  ", "\n", "\u00a0", "1", "2", "12", "ii)", "(iii)", "a", "x", "T", ".", ")"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from([*_PIECES, "”", "(", "A", "١"]), max_size=30).map("".join),
    st.integers(0, 3),
    st.integers(0, 3),
    st.sampled_from(["1", "11", "i)", "(ii)"]),
    st.integers(0, 12),
)
def test_run_ons_and_footnote_numbers_are_found_as_by_pattern(
    text: str, cut_start: int, cut_end: int, label: str, number: int
) -> None:
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    assert repairs._find_run_on(text, start, end, classify(label)) == _run_on_by_pattern(
        text, start, end, label
    )
    assert repairs._next_footnote(text, start, end, number) == _footnote_by_pattern(
        text, start, end, number
    )


# -- heading families answered without their patterns --------------------------------

_OPENERS = [*headings.PREAMBLE_PHRASES, *headings.OPERATIVE_PHRASES, "further", "also"]
_FOLLOWERS = ["further", "also", "furthermore", "in particular", "in", "moreover", "with"]
_FOLLOWERS += ["with concern", "with deep regret", "concern and", "further", "also"]
_FOLLOWERS += ["deep", "concern", "and", "regret", "the", "to", "furtherx", "Noting", "ßx"]
_GAPS = [" ", " ", " ", "  ", ", ", ",", "\t", "\n", "1", "é", "_", "-", "", " 1 "]


@settings(max_examples=1000, deadline=None)
@given(
    st.sampled_from(_OPENERS),
    st.lists(st.tuples(st.sampled_from(_GAPS), st.sampled_from(_FOLLOWERS)), max_size=5),
    st.sampled_from(_GAPS),
    st.integers(min_value=0, max_value=4),
)
def test_family_shortcuts_agree_with_the_patterns(
    opener: str, parts: list[tuple[str, str]], last: str, cut_back: int
) -> None:
    """The phrase-set answers (taken before compiling the long family patterns) are the
    patterns' own answers, on texts made of the families' words and of what may follow."""
    text = opener + "".join(gap + w for gap, w in parts) + last
    end = max(0, len(text) - cut_back)
    for ours, pattern in (
        (headings.preamble_end, headings.PREAMBLE_RE),
        (headings.operative_end, headings.OPERATIVE_RE),
    ):
        m = pattern.compiled().match(text, 0, end)
        assert ours(text, 0, end) == (m.end() if m else None)
    folded = text.casefold()
    assert headings.is_preamble(text) == bool(headings.PREAMBLE_RE.compiled().match(folded))
    assert headings.is_operative(text) == bool(headings.OPERATIVE_RE.compiled().match(folded))
    single = " ".join(text.split())
    if headings.opens_with_phrase(single, headings._FAMILY_SET):
        assert headings.FAMILY_RE.compiled().match(single)


def test_label_with_a_space_after_its_bracket() -> None:
    """Found by scripts/fuzz.py (parser): ``( a)`` (a space inside the brackets) made the
    label's core empty and classify raised IndexError; it reads as ``a``."""
    assert classify("( a)").style == "alpha"
    assert classify("( a)").ordinal == 1
    r = parse("considering\n\n( a) that it works;\n")
    assert [(c.label, c.text) for c in r.clauses()][-1] == ("( a)", "that it works;")
    assert resdiff.parse(r.to_text()).to_text() == r.to_text()


_QUALIFIER_WORDS = ["further", "also", "furthermore", "in", "particular", "moreover", "with"]
_QUALIFIER_WORDS += ["grave", "deep", "great", "serious", "concern", "satisfaction", "and"]
_QUALIFIER_WORDS += ["appreciation", "interest", "regret", "gratitude", "concerned", "alsoé"]
_QUALIFIER_WORDS += ["mind", "into", "account", "upon", "on", "to", "the", "Further", "_x"]


@settings(max_examples=1500, deadline=None)
@given(
    st.sampled_from([*_OPENERS, "bearing", "taking into", "calls", "appeals"]),
    st.lists(
        st.tuples(
            st.sampled_from([" ", " ", "  ", "\t", "\n ", "", "-", ",", "é", "1"]),
            st.sampled_from(_QUALIFIER_WORDS),
        ),
        max_size=7,
    ),
    st.sampled_from(["", " ", ",", "x", "_", "é", "1", " the"]),
    st.integers(min_value=0, max_value=6),
    st.sampled_from(["", "x ", "a, "]),
)
def test_family_grammars_end_where_the_patterns_do(
    opener: str, parts: list[tuple[str, str]], last: str, cut_back: int, before: str
) -> None:
    """The family patterns written as data (matched without compiling them) end where the
    compiled patterns' matches end, on every way the qualifiers may follow a phrase (with
    grave/deep … concern and …, in particular, further/also, words cut short, a word
    character right after) and wherever the span is cut."""
    text = before + opener + "".join(gap + w for gap, w in parts) + last
    start, end = len(before), max(len(before), len(text) - cut_back)
    for grammar, pattern in (
        (headings._PREAMBLE_GRAMMAR, headings.PREAMBLE_RE),
        (headings._OPERATIVE_GRAMMAR, headings.OPERATIVE_RE),
    ):
        m = pattern.compiled().match(text, start, end)
        assert headings._grammar_end(grammar, text, start, end) == (m.end() if m else None)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=" \t\n\r\u00a0\u2003\ufeff•▪◦·a-_x\u200b", max_size=12),
    st.integers(min_value=0, max_value=3),
    st.integers(min_value=0, max_value=3),
)
def test_markup_skipped_as_the_lead_pattern_skipped_it(text: str, pos: int, cut: int) -> None:
    """Line markup is found by a character test, where the pattern it replaced (kept here
    as the reference) found it: white space but a line end, bullets and U+FEFF."""
    import re

    from resdiff.parsing.lines import lines_and_blanks, skip_markup

    pattern = re.compile("(?:[^\\S\\n]|\ufeff)*(?:[•▪◦·](?:[^\\S\\n]|\ufeff)*)*")
    pos, end = min(pos, len(text)), max(min(pos, len(text)), len(text) - cut)
    m = pattern.match(text, pos, end)
    assert skip_markup(text, pos, end) == (m.end() if m else pos)
    lines = split_lines(text)
    for line in lines:
        lead = pattern.match(text, line.start, line.end)
        assert lead is not None
        assert line.body == lead.end()
    blanks = [not text[line.body : line.end].strip() for line in lines]
    assert lines_and_blanks(text) == (lines, blanks)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from([" ", "\t", "to", "that", "t", "o", ";", "1", "a)", "x", "\u00a0"])),
    st.integers(min_value=0, max_value=3),
    st.integers(min_value=0, max_value=3),
)
def test_heading_object_end_looked_for_only_where_it_can_be(
    parts: list[str], start: int, cut: int
) -> None:
    """The check made before searching for where a glued heading's object ends never
    skips a search that would have found it."""
    src = "".join(parts)
    start, end = min(start, len(src)), max(min(start, len(src)), len(src) - cut)
    if not repairs._may_end(src, start, end):
        assert repairs._TERMINATOR.search(src, start, end) is None


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from([" ", "\n", "2", "12", "3", ".", ")", "”", "A", "x", "“", "\u00a0"])),
    st.sampled_from([0, 1, 2, 11]),
    st.integers(min_value=0, max_value=3),
    st.integers(min_value=0, max_value=3),
)
def test_run_on_footnote_looked_for_only_where_its_number_stands_apart(
    parts: list[str], number: int, start: int, cut: int
) -> None:
    """The check made before looking for the next footnote's number in a line never
    skips a line where the pattern would find it."""
    src = "".join(parts)
    start, end = min(start, len(src)), max(min(start, len(src)), len(src) - cut)
    wanted = str(number + 1)
    found = [
        m.start(1)
        for m in repairs._FOOTNOTE_NUMBER_IN_LINE.compiled().finditer(src, start, end)
        if m.group(1) == wanted
    ]
    assert repairs._next_footnote(src, start, end, number) == (found[0] if found else None)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Resolution",
                "Decision",
                " adopted by the ",
                "A/",
                "RES/",
                "DEC/",
                "73/179",
                "The",
                " General Assembly",
                ",",
                "WHA71.1",
                "EB142.R3",
                "٣",
                " Title",
                "x",
                " ",
                ".",
            ]
        ),
        max_size=8,
    )
)
def test_un_header_lines_recognised_as_the_patterns_recognise_them(parts: list[str]) -> None:
    """Trying each UN header pattern only on lines with what it needs gives the answer
    of trying them all."""
    from resdiff.parsing import un_layout

    content = "".join(parts)
    expected = bool(
        un_layout.ADOPTED_RE.compiled().fullmatch(content)
        or un_layout.SYMBOL_RE.compiled().fullmatch(content)
        or un_layout.UN_BODIES_RE.compiled().fullmatch(content)
        or un_layout._un_number(content) is not None
    )
    assert un_layout._is_un_header(content) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\n\r\u00a0\ufeff•·a_x.", max_size=16))
def test_line_spans_are_the_lines_without_their_names(text: str) -> None:
    """The plain-tuple lines the parser reads (made in C when no line opens with markup)
    are the named lines, field for field, with the same blanks."""
    from resdiff.parsing.lines import line_spans, lines_and_blanks

    lines, blanks = lines_and_blanks(text)
    assert line_spans(text) == ([tuple(line) for line in lines], blanks)


_LINE_WORDS = st.sampled_from(
    ["1 to act", "a) that it", "; 2 to report", "; b) that all", ";", "; ", ": i) the", "; ii) the",
     ", instructs the Secretary-General", ", in particular, instructs the Council", ", the",
     ". further resolves", ", considering", "considering", " ____________________ 1 These",
     " 2 Others.", " ANNEX TO RESOLUTION 5", " 489 PART VI - SIGNATORIES", " to", " that",
     " 1 to act", " a) that it", "  ", " x", "\u00a0", "TO", "i)"]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@example("1 to act", ["; 2 to report"], False)
@example("a) that it", [", instructs the Secretary-General", " 1 to act", "; 2 to report"], False)
@given(
    st.sampled_from(["1 to act", "a) that it", "i) the", "12 bis to", ""]),
    st.lists(_LINE_WORDS, max_size=8),
    st.booleans(),
)
def test_plain_line_shortcuts_cut_as_the_full_reading(
    opening: str, parts: list[str], footnotes: bool
) -> None:
    """A line read without the look-ahead searches (none of the cut patterns' literals,
    no ``;`` with text after it) is cut, and its repairs reported, as the full reading
    (every shortcut off) cuts it; the glued-heading check that first asks whether any
    glue point opens a heading's first word finds what the plain scan finds."""
    src = opening + "".join(parts)
    found: list[Repair] = []
    pieces = split_line(src, 0, len(src), found.append, footnotes)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(repairs, "_plain", lambda *_: False)  # every shortcut off
        patch.setattr(repairs, "_only_glued", lambda *_: False)
        expected: list[Repair] = []
        assert split_line(src, 0, len(src), expected.append, footnotes) == pieces
        assert expected == found
    for start in range(0, len(src), 7):
        assert find_glued_heading(src, start, len(src)) == _glued_by_scan(src, start, len(src))


def _glued_by_scan(src: str, start: int, end: int) -> tuple[int, int, int] | None:
    """find_glued_heading as it was before the one-call check: every glue point tried."""
    three_words = repairs._THREE_WORDS.match(src, start, end)
    if three_words is None:
        return None
    for m in repairs._GLUE_POINT.finditer(src, three_words.end(), end):
        if m.group(1) not in headings.FAMILY_FIRST_WORDS:
            continue
        if src[max(start, m.start() - 20) : m.start()].rstrip().endswith("in particular"):
            continue
        hit = repairs.heading_at(src, m.end(), end)
        if hit:
            return m.end(), hit[0], hit[1]
    return None
