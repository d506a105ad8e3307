"""Property tests: any text parses and round-trips; generated resolutions survive noise.

The generated resolutions have a header, preamble and operative sections, labelled and
unlabelled paragraphs, sub-clauses, and (optionally) the PP-18 conversion noise: a
heading glued to the paragraph before it, an inline footnote, run-on numbered
paragraphs, CRLF line ends and a BOM. The noisy text must parse to the same clauses as
the clean one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resdiff
from resdiff.model import Resolution
from resdiff.parsing.headings import is_heading

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


FORMULA = (
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),"
)


def clauses(r: Resolution) -> list[tuple[str, str | None, str, str]]:
    return [(c.path, c.label, c.text, c.section) for c in r.clauses()]


#: Characters the parser treats as markup, not text: web bullets, footnote rules, BOM.
MARKUP = set("•▪◦·_\ufeff")


def assert_round_trip(text: str) -> Resolution:
    """Lossless, idempotent, re-parses to the same clauses, and no character goes missing."""
    r = resdiff.parse(text)
    assert r.to_source() == text
    kept = Counter(r.to_text()) + Counter("".join(g.text for g in r.regions))
    missing = Counter(c for c in text if not c.isspace()) - kept
    assert set(missing) <= MARKUP, missing
    canonical = r.to_text()
    again = resdiff.parse(canonical)
    assert again.to_text() == canonical
    assert clauses(again) == clauses(r)
    return r


@SETTINGS
@given(st.text(max_size=400))
def test_any_text_parses_and_round_trips(text: str) -> None:
    assert_round_trip(text)


_LINE = st.sampled_from(
    [
        "considering",
        "resolves",
        "a) that the Internet;",
        "1 to continue the work;",
        "i) the first point;",
        "instructs the Secretary-General",
        "to maintain WG-COP, in order to facilitate input,",
        "____________________",
        "1 These include the least developed countries.",
        "RESOLUTION 5 (REV. DUBAI, 2018)",
        FORMULA,
        "• b) that children are online;",
        "…, requests the ITU Council",
        "9 to promote tools; 10 to involve communities; 11 to establish mechanisms,",
        "ANNEX 1 TO RESOLUTION 5 (DUBAI, 2018) Guidelines",
        "c) the rules, resolves to instruct the Secretary-General 1 to act; 2 to go,",
        "a) the work, noting with grave concern the restrictions,",
        "1 to act; ____________________ 1 These include LDCs. invites Member States",
        "the loan indicated in recalling",
        "c) iv) above and the amount;",
        "e) apps: • e-health ____________________ 2 Note. • e-science;",
        "i) 9 (2g) one; ii) 9 (2h) two;",
        "489 PART VI - SIGNATORIES The undersigned",
        "",
        "  ",
        "x",
    ]
)


@SETTINGS
@given(
    st.lists(st.one_of(_LINE, st.text(max_size=30)), max_size=25),
    st.sampled_from(["\n", "\r\n"]),
)
def test_resolution_like_lines_round_trip(lines: list[str], eol: str) -> None:
    assert_round_trip(eol.join(lines))


# -- generated resolutions ------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "the",
        "Union",
        "members",
        "work",
        "online",
        "children",
        "policy",
        "report",
        "Council",
        "study",
        "group",
        "tools",
        "access",
        "Member",
        "States",
        "ITU-T",
        "E.1100",
        "(ICT)",
        "2030",
    ]
)
PREAMBLE = ["considering", "recalling", "recalling further", "noting with concern", "aware"]
OPERATIVE = [
    "resolves",
    "instructs the Secretary-General",
    "invites Member States and Sector Members",
    "requests the Council",
    "instructs the Director of the Telecommunication Development Bureau",
]


@dataclass(frozen=True)
class Para:
    label: str | None
    text: str
    subs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Sec:
    heading: str
    paras: tuple[Para, ...]


@st.composite
def body_text(draw: st.DrawFn, opener: str) -> str:
    words = draw(st.lists(WORDS, min_size=2, max_size=12))
    return " ".join([opener, *words])


@st.composite
def sections(draw: st.DrawFn) -> list[Sec]:
    out = []
    heads = draw(st.lists(st.sampled_from(PREAMBLE), min_size=1, max_size=2, unique=True))
    heads += draw(st.lists(st.sampled_from(OPERATIVE), min_size=1, max_size=3, unique=True))
    for heading in heads:
        operative = heading in OPERATIVE
        style = draw(
            st.sampled_from(["alpha", "number", "none"] if not operative else ["number", "none"])
        )
        count = 1 if style == "none" else draw(st.integers(1, 4))
        paras = []
        for n in range(1, count + 1):
            opener = "to" if operative else "that"
            text = draw(body_text(opener)) + ";"
            label = None if style == "none" else (chr(96 + n) + ")" if style == "alpha" else str(n))
            subs: tuple[tuple[str, str], ...] = ()
            if style == "number" and draw(st.booleans()):
                subs = tuple(
                    (f"{r})", draw(body_text("the")) + ";")
                    for r in ["i", "ii", "iii"][: draw(st.integers(1, 3))]
                )
            paras.append(Para(label, text, subs))
        out.append(Sec(heading, tuple(paras)))
    return out


def render(secs: list[Sec], noise: set[str], eol: str = "\n", bom: bool = False) -> str:
    """The text of ``secs``; the last paragraph of each section ends with a comma (ITU style)."""
    blocks: list[list[str]] = []  # per section: heading, then paragraph lines
    for sec in secs:
        block = [sec.heading]
        for p in sec.paras:
            block.append(f"{p.label} {p.text}" if p.label else p.text)
            block.extend(f"{label} {text}" for label, text in p.subs)
        block[-1] = block[-1][:-1] + ","
        blocks.append(block)
    if "footnote" in noise:  # inline, after the first paragraph
        blocks[0][1] += " ____________________ 1 These include the least developed countries."
    if "runon" in noise:
        for block, sec in zip(blocks, secs, strict=True):
            if len(sec.paras) >= 2 and all(
                p.label and p.label[0].isdigit() and not p.subs for p in sec.paras
            ):
                block[1:] = [" ".join(block[1:])]
    lines = [
        "RESOLUTION 7 (REV. DUBAI, 2018)",
        "A generated resolution",
        FORMULA,
    ]
    for index, block in enumerate(blocks):
        if "glue" in noise and index > 0:
            lines[-1] += " " + block[0]  # "…, requests the Council"
            lines.extend(block[1:])
        else:
            lines.extend(block)
    if "web" in noise:  # the seed page: site text around, bullets, one line per paragraph
        head = [f"PP {lines[0]}", lines[1], lines[2]]
        body = [("  • " if is_heading(x) else "    • ") + x for x in lines[3:]]
        if "footnote" not in noise:
            body += [
                "    • ____________________",
                "    • 1 These include the least developed countries.",
            ]
        text = eol.join(["Site title", "", "PP Resolution 7", "", *head, *body])
        return text + eol + eol + "Leave a Response" + eol
    if "footnote" not in noise:
        lines += ["____________________", "1 These include the least developed countries."]
    text = (eol + eol).join(lines) + eol
    return ("\ufeff" + text) if bom else text


@SETTINGS
@given(
    sections(),
    st.sets(st.sampled_from(["glue", "footnote", "runon", "web"])),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
def test_generated_resolutions_survive_noise(
    secs: list[Sec], noise: set[str], eol: str, bom: bool
) -> None:
    clean = assert_round_trip(render(secs, set()))
    noisy = assert_round_trip(render(secs, noise, eol, bom))
    assert clauses(noisy) == clauses(clean)
    expected = {"glue": "glued-heading", "footnote": "inline-footnote"}
    if "web" in noise:
        assert [g.kind for g in noisy.regions] == ["before", "other", "after"]
        assert noisy.regions[-1].text.strip() == "Leave a Response"
    codes = {d.code for d in noisy.diagnostics}
    for kind, code in expected.items():
        if kind in noise:
            assert code in codes
    # paths follow the contract
    for sec in secs:
        key = resdiff.model.section_key(sec.heading)
        for n, p in enumerate(sec.paras, start=1):
            path = f"{key}/{resdiff.model.label_key(p.label) if p.label else f'#{n}'}"
            assert noisy.clause(path).text.rstrip(",;") == p.text.rstrip(";")
            for label, text in p.subs:
                got = noisy.clause(f"{path}/{label[:-1]}").text
                assert got.rstrip(",;") == text.rstrip(";")


def fuzz_case(name: str) -> str:
    """An input scripts/fuzz.py found a crash with, kept in tests/fuzz_cases/."""
    return (Path(__file__).parent / "fuzz_cases" / name).read_text(encoding="utf-8")


def test_fuzz_case_canonical_form_is_stable_with_a_glued_heading() -> None:
    """Found by scripts/fuzz.py (parser): a heading whose object swallowed the next heading
    ("… EG-ITR, invites the 2022 …") was cut in two only when the canonical text was
    read again; both parses now cut it, so the canonical form is a fixed point."""
    text = fuzz_case("parser-canonical-unstable.txt")
    parsed = resdiff.parse(text)
    canonical = parsed.to_text()
    assert resdiff.parse(canonical).to_text() == canonical
    assert [s.heading for s in parsed.sections][-2:] == [
        "invites Member States and Sector Members to!participate and contribute to the"
        " activities of EG-ITR,",
        "invites the 2022 plenipotentiary conference",
    ]


def test_a_glued_heading_whose_object_ran_to_the_next_heading_is_cut_as_re_read() -> None:
    """Found by scripts/fuzz.py (parser): in ``…, instructs tto develop …, instructs the
    Directors …`` only the second heading was cut (the first one's object ran on to the
    line's end, too long for an object); once the second had a line of its own, the first
    was found when the canonical text was read again. Both parses now cut both."""
    text = fuzz_case("parser-heading-object-to-line-end.txt")
    parsed = resdiff.parse(text)
    canonical = parsed.to_text()
    assert resdiff.parse(canonical).to_text() == canonical
    assert "\n\ninstructs tto develop guidelines regarding minimum QoS" in canonical
    assert_round_trip(text)  # and not a character lost


def test_a_number_line_after_the_footnote_rule_stays_a_footnote() -> None:
    """Found by scripts/fuzz.py (parser): a text whose number line was glued to a footnote
    rule (``_____ DECISION 11 (REV. DUBAI, 2018)``) has no number line; its canonical form
    wrote that line as a footnote, which read again became the number line, and the whole
    body before it was left out as site text. A number line is looked for only before the
    first footnote rule."""
    text = fuzz_case("parser-number-line-after-footnote-rule.txt")
    parsed = resdiff.parse(text)
    canonical = parsed.to_text()
    again = resdiff.parse(canonical)
    assert again.to_text() == canonical
    assert again.number is None
    assert not again.regions  # no clause left out as site text
    assert sum(1 for s in again.sections for _ in s.walk()) == sum(
        1 for s in parsed.sections for _ in s.walk()
    )
    assert_round_trip(text)


def test_a_stray_byte_order_mark_opening_a_line_is_markup() -> None:
    """Found by scripts/fuzz.py (parser): `` \\ufeff DECISION 11 (…)`` (a U+FEFF after a
    space, where texts were joined) was no number line, and its canonical form, which
    then began with the U+FEFF, was read again as a BOM and a number line. A U+FEFF where
    a line begins is markup, like indentation, everywhere (and kept in the source)."""
    text = fuzz_case("parser-stray-bom-before-number-line.txt")
    assert text.startswith(" \ufeff DECISION 11")
    parsed = resdiff.parse(text)
    assert parsed.number == "DECISION 11 (REV. DUBAI, 2018)"
    canonical = parsed.to_text()
    assert resdiff.parse(canonical).to_text() == canonical
    assert_round_trip(text)


def test_a_bullet_after_an_inline_footnote_rule_is_markup() -> None:
    """Found by scripts/fuzz.py (parser): ``…; ____________________ ▪ 1 These include …``
    kept the web bullet in the footnote's text, which the canonical form's footnote line
    then lost as line markup. A footnote opened inside a line skips the markup its own
    line would."""
    text = fuzz_case("parser-bullet-after-inline-footnote-rule.txt")
    parsed = resdiff.parse(text)
    note = parsed.footnotes[0]
    assert (note.label, note.text[:19]) == ("1", "These include the l")
    canonical = parsed.to_text()
    assert resdiff.parse(canonical).to_text() == canonical
    assert_round_trip(text)


def test_a_heading_line_is_not_joined_to_a_cross_reference_after_it() -> None:
    """Found by Hypothesis (test_resolution_like_lines_round_trip): a heading line then a
    line opening with a cross-reference (``considering`` / ``c) iv) above and …``) were
    joined as one broken sentence, an unlabelled paragraph right after the number line,
    which the canonical text, read again, took for the title. The heading stays a
    heading and the next line its first paragraph."""
    text = "RESOLUTION 5 (REV. DUBAI, 2018)\nconsidering\nc) iv) above and the amount;"
    parsed = assert_round_trip(text)
    assert [(c.path, c.text) for c in parsed.clauses()][1:] == [
        ("considering/c", "iv) above and the amount;")
    ]
    prose = "RESOLUTION 5 (REV. DUBAI, 2018)\n\nconsidering\n\na) the loan indicated in"
    joined = resdiff.parse(prose + "\nc) iv) above and the amount;")  # one broken sentence
    assert [(c.path, c.text) for c in joined.clauses()][1:] == [
        ("considering/a", "the loan indicated in c) iv) above and the amount;")
    ]


# -- clause trees from remembered outlines, against building them directly ---------------


def _clauses_directly(paras: list, prefix: str, heading: str, report: object) -> tuple:
    """The clause builder before outlines were remembered (the reference): nest, check
    the labels and make the paths level by level."""
    from resdiff.model import Clause, label_key
    from resdiff.parsing.structure import _check_labels

    _check_labels(paras, report)  # type: ignore[arg-type]
    keys: dict[str, int] = {}
    out = []
    for index, para in enumerate(paras, start=1):
        key = (label_key(para.label) if para.label else "") or f"#{index}"
        keys[key] = count = keys.get(key, 0) + 1
        path = f"{prefix}/{key}" if count == 1 else f"{prefix}/{key}~{count}"
        kids = _clauses_directly(para.children, path, heading, report) if para.children else ()
        out.append(Clause(path, para.label, para.text, heading, para.line, para.column, kids))
    return tuple(out)


_LABELS = [None, "a)", "b)", "c)", "h)", "i)", "j)", "v)", "x)", "ii)", "iii)", "1", "2", "3"]
_LABELS += ["2 bis", "1.", "4.1", "(a)", "(b)", "(iv)", "aa)", "z)", "10", "c)", "l)", "1a"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LABELS), max_size=14))
def test_remembered_outline_builds_the_clauses_built_directly(labels: list[str | None]) -> None:
    """Nesting, paths and label diagnostics worked out once per label sequence (and
    remembered) give the clauses and diagnostics the direct builder gives, for any
    sequence of labels (met twice: worked out, then remembered)."""
    from resdiff.parsing.structure import Para, build_clauses, nest

    def paras() -> list[Para]:
        return [Para(label, [f"text {i}"], 10 + i, 1 + i % 3) for i, label in enumerate(labels)]

    expected_found: list[object] = []
    expected = _clauses_directly(nest(paras()), "resolves", "resolves", expected_found.append)
    for _ in range(2):
        found: list[object] = []
        assert build_clauses(paras(), "resolves", "resolves", found.append) == expected
        assert found == expected_found


def test_a_sentence_broken_before_two_cross_references_is_one_paragraph() -> None:
    """Found by scripts/fuzz.py (parser): ``… indicated in recalling`` / ``c) iv) above
    loan indicated in recalling`` / ``c) iv) above and …`` joined only the first two
    lines, and the canonical text (the joined pair on one line) joined the third too when
    read again. A sentence is joined over every line break before a cross-reference."""
    text = fuzz_case("parser-cross-reference-broken-twice.txt")
    parsed = resdiff.parse(text)
    canonical = parsed.to_text()
    assert resdiff.parse(canonical).to_text() == canonical
    assert parsed.clause("resolves/2").text.endswith(
        "in recalling c) iv) above loan indicated in recalling c) iv) above and the amount"
        " of the loan shall not exceed this value;"
    )
    assert_round_trip(text)
    joined = resdiff.parse(
        "RESOLUTION 5 (REV. DUBAI, 2018)\n\nresolves\n\n1 the loan indicated in\n"
        "c) iv) above and in\nd) i) below and the amount;"
    )
    assert [(c.path, c.text) for c in joined.clauses()][1:] == [
        ("resolves/1", "the loan indicated in c) iv) above and in d) i) below and the amount;")
    ]
