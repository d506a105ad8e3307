"""The parser on the real texts: every file round-trips, and the two reference texts
(the seed page of Res. 179 (Guadalajara, 2010) and Res. 179 (Rev. Dubai, 2018)) parse
to exactly the structure a reader sees, with every repair reported on its line."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import pytest
from conftest import ITU_PP, RES_179_2018, SEED_PAGE, real_files

import resdiff
from resdiff.model import Resolution
from resdiff.parsing import structure

REAL = real_files()
needs_data = pytest.mark.skipif(not REAL, reason=f"real texts not found at {ITU_PP}")

#: Characters the parser treats as markup, not text: web bullets, footnote rules, BOM.
MARKUP = set("•▪◦·_\ufeff")


def clause_tuples(r: Resolution) -> list[tuple[str, str | None, str, str]]:
    return [(c.path, c.label, c.text, c.section) for c in r.clauses()]


def test_real_texts_are_all_there() -> None:
    if not REAL:
        pytest.skip(f"real texts not found at {ITU_PP}")
    assert len(REAL) == 57


@needs_data
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_text_round_trips(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    r = resdiff.parse(text, str(path))
    assert r.to_source() == text
    canonical = r.to_text()
    again = resdiff.parse(canonical)
    assert again.to_text() == canonical
    assert clause_tuples(again) == clause_tuples(r)
    assert not r.errors
    paths = [c.path for c in r.clauses()]
    assert len(paths) == len(set(paths)), "clause paths are unique"


@needs_data
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_text_loses_no_character(path: Path) -> None:
    """Every non-space character of the input is in the canonical text, a region or markup."""
    text = path.read_text(encoding="utf-8")
    r = resdiff.parse(text)
    kept = Counter(r.to_text()) + Counter("".join(g.text for g in r.regions))
    missing = Counter(c for c in text if not c.isspace()) - kept
    assert set(missing) <= MARKUP, missing


# Speed is measured in benchmarks/bench_bounds.py; here the work is counted, which a
# loaded machine cannot disturb: the lines of resdiff executed while parsing.
def executed_lines(func: Callable[[], object]) -> int:
    """How many lines of resdiff's code run during ``func()`` (the line cache emptied
    first, so every line of the input is parsed, not remembered)."""
    package = str(Path(resdiff.__file__).parent)
    count = 0

    def local(_frame: FrameType, event: str, _arg: object) -> Callable[..., object]:
        nonlocal count
        count += event == "line"
        return local

    def hook(frame: FrameType, _event: str, _arg: object) -> Callable[..., object] | None:
        return local if frame.f_code.co_filename.startswith(package) else None

    previous = sys.gettrace()
    structure.READINGS.clear()
    sys.settrace(hook)
    try:
        func()
    finally:
        sys.settrace(previous)
    return count


def distinct_copies(text: str, copies: int) -> str:
    """``text``, then its body (from "recognizing") ``copies`` times, every line of every
    copy distinct (no line of a copy can be parsed from the cache)."""
    body = text.split("recognizing", 1)[1].split("\n")
    parts = [text]
    for k in range(copies):
        parts.append("\n".join(f"{line} (copy {k})" if line.strip() else line for line in body))
    return "".join(parts)


@needs_data
def test_parsing_is_linear_in_lines() -> None:
    text = RES_179_2018.read_text(encoding="utf-8")
    resdiff.parse(text)  # patterns compiled, modules imported
    small, large = distinct_copies(text, 3), distinct_copies(text, 6)
    per_line_small = executed_lines(lambda: resdiff.parse(small)) / small.count("\n")
    per_line_large = executed_lines(lambda: resdiff.parse(large)) / large.count("\n")
    assert large.count("\n") > 1.7 * small.count("\n")
    assert per_line_large < 1.1 * per_line_small, (per_line_small, per_line_large)


def test_a_long_line_of_pieces_is_linear() -> None:
    """Numbered paragraphs run on in one line, each ending with a glued-looking comma:
    twice as many paragraphs, twice the work (not four times)."""

    def line(count: int) -> str:
        return "; ".join(f"{i} to act on item {i}, with care" for i in range(1, count + 1))

    resdiff.parse("resolves\n\n" + line(3) + ".\n")  # patterns compiled, modules imported
    work = {}
    for count in (300, 600):
        text = "resolves\n\n" + line(count) + ".\n"
        work[count] = executed_lines(lambda text=text: resdiff.parse(text))
    assert work[600] / 600 < 1.1 * work[300] / 300, work
    r = resdiff.parse("resolves\n\n" + line(900) + ".\n")
    assert [c.path for c in r.clauses()][-1] == "resolves/900"


# -- Resolution 179 (Rev. Dubai, 2018) -------------------------------------------------

RES_179_SECTIONS = [
    "recognizing",
    "considering",
    "recalling",
    "recalling further",
    "taking into account",
    "resolves",
    "requests the ITU Council",
    "instructs the Secretary-General",
    "instructs the Secretary-General and the Directors of the Bureaux",
    "instructs the Director of the Telecommunication Development Bureau",
    "instructs the Director of the Telecommunication Standardization Bureau",
    "invites Member States",
    "invites Sector Members",
    "invites Member States and Sector Members",
]


@pytest.fixture
def res179(res179_2018_text: str) -> Resolution:
    return resdiff.parse(res179_2018_text, "res-179.txt")


def test_res179_header(res179: Resolution) -> None:
    assert res179.number == "RESOLUTION 179 (REV. DUBAI, 2018)"
    assert res179.title == "ITU's role in child online protection"
    assert res179.formula == (
        "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),"
    )
    assert [c.path for c in res179.header.parts()] == [
        "header/number",
        "header/title",
        "header/formula",
    ]


def test_res179_has_the_fourteen_sections(res179: Resolution) -> None:
    assert [s.heading for s in res179.sections] == RES_179_SECTIONS
    assert [s.part for s in res179.sections] == ["preamble"] * 5 + ["operative"] * 9
    assert res179.annexes == ()


def test_res179_clause_counts(res179: Resolution) -> None:
    counts = {s.key: len(s.clauses) for s in res179.sections}
    assert counts == {
        "recognizing": 5,
        "considering": 11,
        "recalling": 8,
        "recalling-further": 4,
        "taking-into-account": 6,
        "resolves": 5,
        "requests-the-itu-council": 5,
        "instructs-the-secretary-general": 8,
        "instructs-the-secretary-general-and-the-directors-of-the-bureaux": 2,
        "instructs-the-director-of-the-telecommunication-development-bureau": 9,
        "instructs-the-director-of-the-telecommunication-standardization-bureau": 5,
        "invites-member-states": 11,
        "invites-sector-members": 5,
        "invites-member-states-and-sector-members": 3,
    }


def test_res179_glued_heading_repaired(res179: Resolution) -> None:
    """Line 95: '…public and private sectors, requests the ITU Council'."""
    resolves5 = res179.clause("resolves/5")
    assert resolves5.text.endswith("of the public and private sectors,")
    assert resolves5.line == 95
    council = res179.sections[6]
    assert (council.heading, council.line, council.column) == ("requests the ITU Council", 95, 318)
    first = res179.clause("requests-the-itu-council/1")
    assert first.text.startswith("to continue the work of CWG")


def test_res179_heading_and_paragraph_on_one_line(res179: Resolution) -> None:
    """Line 123: '8 to encourage …, instructs the Secretary-General and the Directors …'."""
    sg8 = res179.clause("instructs-the-secretary-general/8")
    assert sg8.text.endswith("best practices on issues of child online protection,")
    nxt = res179.clause("instructs-the-secretary-general-and-the-directors-of-the-bureaux/1")
    assert "application of resolves 1, 2 and 3 above" in nxt.text  # not a heading


def test_res179_inline_footnote(res179: Resolution) -> None:
    """Line 99: '…this resolution; ____________________ 1 These include …'."""
    council2 = res179.clause("requests-the-itu-council/2")
    assert council2.text.endswith("in implementing this resolution;")
    assert "____" not in council2.text
    (note,) = res179.footnotes
    assert note.path == "footnotes/1"
    assert note.label == "1"
    assert note.text.startswith("These include the least developed countries")
    assert note.text.endswith("economies in transition.")
    assert (note.line, note.column) == (99, 190)
    # the footnote marker stays in the text as written
    assert "developing countries1," in res179.clause("resolves/2").text


def test_res179_run_on_paragraphs(res179: Resolution) -> None:
    """Line 175: '9 to promote …; 10 to involve …; 11 to establish …'."""
    for n in (9, 10, 11):
        clause = res179.clause(f"invites-member-states/{n}")
        assert clause.label == str(n)
        assert clause.line == 175
    assert res179.clause("invites-member-states/9").text.endswith("educators and communities;")
    assert res179.clause("invites-member-states/10").text.startswith("to involve communities")
    assert res179.clause("invites-member-states/11").text.startswith("to establish mechanisms")


def test_res179_every_repair_reported_by_line(res179: Resolution) -> None:
    found = [(d.line, d.column, d.code, d.level) for d in res179.diagnostics]
    assert found == [
        (95, 318, "glued-heading", "warning"),
        (99, 168, "inline-footnote", "warning"),
        (123, 112, "glued-heading", "warning"),
        (127, 142, "glued-heading", "warning"),
        (145, 115, "glued-heading", "warning"),
        (175, 141, "run-on-paragraphs", "warning"),
        (175, 268, "run-on-paragraphs", "warning"),
        (187, 182, "glued-heading", "warning"),
    ]


def test_res179_real_sentences_not_split(res179: Resolution) -> None:
    f = res179.clause("recalling/f")
    assert f.text.startswith("ITU Council Resolution 1305 (2009), which invites Member States to")
    # recalling b) quotes an inline list a) … b) … c): one clause, not three
    b = res179.clause("recalling/b")
    assert "prevent a) the inducement" in b.text
    assert "c) the exploitative use" in b.text


# -- the seed page (Res. 179, Guadalajara, 2010) ----------------------------------------


@pytest.fixture
def seed(seed_text: str) -> Resolution:
    return resdiff.parse(seed_text, SEED_PAGE.name)


def test_seed_header(seed: Resolution) -> None:
    assert seed.number == "RESOLUTION 179 (Guadalajara, 2010)"
    assert seed.header.number is not None
    assert seed.header.number.line == 7
    assert seed.title == "ITU’s role in child online protection"
    assert seed.formula is not None
    assert seed.formula.endswith("(Guadalajara, 2010),")


def test_seed_paths(seed: Resolution) -> None:
    paths = {c.path for c in seed.clauses()}
    for section, last in (("considering", "k"), ("recalling", "j"), ("recognizing", "e")):
        for letter in "abcdefghijk"[: "abcdefghijk".index(last) + 1]:
            assert f"{section}/{letter}" in paths
        assert f"{section}/{chr(ord(last) + 1)}" not in paths
    assert seed.clause("requests-the-council/#1").text.startswith("to maintain WG-COP")
    assert seed.clause("invites-sector-members/#1").text.endswith("protecting children online.")
    assert seed.clause("considering/i").label == "i)"  # a letter after h), not roman one


def test_seed_site_text_is_kept_as_regions(seed: Resolution, seed_text: str) -> None:
    kinds = [(g.kind, g.line) for g in seed.regions]
    assert kinds == [("before", 1), ("other", 7), ("after", 67)]
    before, prefix, after = seed.regions
    assert before.text.startswith("Recognizing WSIS Impacts")
    assert "PP Resolution 179" in before.text
    assert prefix.text == "PP "
    assert after.text == "Leave a Response"
    assert all("Leave a Response" not in c.text for c in seed.clauses())
    assert seed.to_source() == seed_text


def test_seed_web_bullets_are_markup(seed: Resolution) -> None:
    assert all("•" not in c.text for c in seed.clauses())
    a = seed.clause("considering/a")
    assert (a.label, a.line, a.column) == ("a)", 14, 7)
    assert a.text.startswith("that the Internet is playing")


def test_seed_diagnostics(seed: Resolution) -> None:
    found = [(d.line, d.code, d.level) for d in seed.diagnostics]
    assert found == [(1, "site-text", "info"), (67, "site-text", "info")]


def test_seed_canonical_text_is_the_resolution_only(seed: Resolution) -> None:
    text = seed.to_text()
    assert text.startswith("RESOLUTION 179 (Guadalajara, 2010)\n\nITU’s role")
    assert "Leave a Response" not in text
    assert "WSIS Impacts" not in text
    assert "•" not in text
    assert "\n\nrequests the Council\n\nto maintain WG-COP" in text
    assert text.endswith("protecting children online.\n")


# -- the other texts the issue names ---------------------------------------------------

DUBAI = ITU_PP / "2018-dubai"


def parse_file(name: str) -> Resolution:
    return resdiff.parse((DUBAI / name).read_text(encoding="utf-8"), name)


@needs_data
def test_res175_roman_sub_clauses_run_on() -> None:
    r = parse_file("res-175.txt")
    i, ii = r.clause("considering/c/i"), r.clause("considering/c/ii")
    assert i.text.startswith('9 (2g) "To promote access')
    assert i.line == 57
    assert ii.text.startswith('9 (2h) "To promote the design')
    assert ii.label == "ii)"
    assert r.clause("considering/d").text.startswith("that the United Nations Human Rights")


@needs_data
def test_rec7_stops_before_the_signatories() -> None:
    r = parse_file("rec-7.txt")
    last = r.clause("instructs-the-secretary-general/2")
    assert last.text.endswith("keep Member States informed in this regard.")
    (after,) = r.regions
    assert after.kind == "after"
    assert after.text.startswith("489 PART VI - SIGNATORIES")
    assert any(d.code == "trailing-matter" and d.line == 35 for d in r.diagnostics)


@needs_data
@pytest.mark.parametrize(
    ("name", "annexes"),
    [
        ("dec-5.txt", [f"ANNEX {n} TO DECISION 5 (REV. DUBAI, 2018)" for n in (1, 2)]),
        ("res-34.txt", ["ANNEX TO RESOLUTION 34 (REV. DUBAI, 2018)"]),
        ("res-208.txt", [f"ANNEX {n} TO RESOLUTION 208 (DUBAI, 2018)" for n in (1, 2, 3)]),
        ("res-48.txt", [f"ANNEX {n} TO RESOLUTION 48 (REV. DUBAI, 2018)" for n in (1, 2)]),
        ("res-71.txt", [f"ANNEX {n} TO RESOLUTION 71 (REV. DUBAI, 2018)" for n in (1, 2, 3)]),
        ("res-167.txt", ["ANNEX 1 TO RESOLUTION 167 (REV. DUBAI, 2018)"]),
    ],
)
def test_annexes(name: str, annexes: list[str]) -> None:
    r = parse_file(name)
    assert [a.heading for a in r.annexes] == annexes
    keys = ["annex"] + [f"annex~{n}" for n in range(2, len(annexes) + 1)]
    assert [a.key for a in r.annexes] == keys
    for annex in r.annexes:
        for section in annex.sections:
            assert section.key.startswith(annex.key)
            assert all(c.path.startswith(annex.key + "/") for c in section.walk())


@needs_data
def test_res208_annex_title_and_clauses() -> None:
    r = parse_file("res-208.txt")
    first = r.annexes[0]
    assert first.title is not None
    assert first.title.startswith("Procedure for the appointment")
    assert r.clause("annex/1").text.startswith("Typically, the positions of chairmen")
    assert r.clause("annex/1/a").text.startswith("In order to help the assembly")
    assert r.clause("annex~2/2/a").text == "relevant professional knowledge and experience;"


@needs_data
def test_res176_footnotes_then_glued_heading() -> None:
    """One line holds a clause, three footnotes, a heading and numbered paragraphs."""
    r = parse_file("res-176.txt")
    assert [f.path for f in r.footnotes] == ["footnotes/1", "footnotes/2", "footnotes/3"]
    assert r.footnotes[2].text.startswith("IEEE Std C95.1")
    section = r.sections[
        [s.heading for s in r.sections].index(
            "resolves to instruct the Directors of the three Bureaux"
        )
    ]
    assert [c.label for c in section.clauses] == ["1", "2"]


@needs_data
def test_quoted_heading_in_a_recital_is_not_split() -> None:
    """res-167: '…, in particular, further instructs the Director … thereof, on …'."""
    r = parse_file("res-167.txt")
    assert not any(s.heading.startswith("further instructs") for s in r.sections)
    assert any("in particular, further instructs the Director" in c.text for c in r.clauses())


@needs_data
def test_res212_broken_line_joined() -> None:
    r = parse_file("res-212.txt")
    assert r.clause("resolves/2").text.endswith(
        "indicated in recalling c) iv) above and the "
        "amount of the loan shall not exceed this value;"
    )
    assert [s.heading for s in r.sections].count("recalling") == 1
    assert any(d.code == "broken-line" and d.line == 45 for d in r.diagnostics)


@needs_data
def test_dec5_heading_with_qualifier_and_dotted_sub_clauses() -> None:
    r = parse_file("dec-5.txt")
    headings = [s.heading for s in r.sections]
    assert "instructs the Secretary-General, with the assistance of the Coordination Committee" in (
        headings
    )
    assert "instructs the Secretary-General and the Directors of the Bureaux" in headings
    decides = r.clause("decides/4")
    assert [c.label for c in decides.children] == ["4.1", "4.2", "4.3"]
    assert r.clause("decides/4/41").text.startswith("salary scales")
    assert [c.label for c in r.clause("decides/6").children] == [f"{x})" for x in "abcdef"]


def test_sub_clauses_run_on_after_a_colon_are_split_and_nested() -> None:
    text = (
        "RESOLUTION 9 (TEST, 2020)\n\nTitle\n\nThe Conference,\n\nresolves\n\n"
        "1 that ITU should: i) continue the work; ii) report on it; iii) stop, when done;\n\n"
        "2 to review the matter: this is not a list i) of anything\n"
    )
    r = resdiff.parse(text)
    paths = [c.path for c in r.clauses() if c.path.startswith("resolves/")]
    assert paths == ["resolves/1", "resolves/1/i", "resolves/1/ii", "resolves/1/iii", "resolves/2"]
    assert r.clause("resolves/1").text == "that ITU should:"
    assert r.clause("resolves/1/ii").text == "report on it;"
    assert [d.code for d in r.diagnostics].count("run-on-subclauses") == 1
    assert r.to_source() == text
    again = resdiff.parse(r.to_text())
    assert clause_tuples(again) == clause_tuples(r)


@pytest.mark.usefixtures("shared_data")
@pytest.mark.parametrize(
    ("name", "line", "intro", "first"),
    [
        ("res-135.txt", 63, "resolves/1", "resolves/1/i"),
        ("res-125.txt", 57, "urges-member-states/#1", "urges-member-states/i"),
    ],
)
def test_real_sub_clauses_run_on_after_a_colon(
    name: str, line: int, intro: str, first: str
) -> None:
    r = resdiff.parse((ITU_PP / "2018-dubai" / name).read_text(encoding="utf-8"))
    assert r.clause(intro).text.endswith(":")
    assert r.clause(first).label == "i)"
    assert any(d.code == "run-on-subclauses" and d.line == line for d in r.diagnostics)
