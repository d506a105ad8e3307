"""Conversion-noise repairs: cutting one source line into the pieces it really holds.

The PP-18 texts came out of a PDF conversion. One line may hold a paragraph *and* the
heading of the next section (``… private sectors, requests the ITU Council``), that
heading's first paragraph (``…, instructs the Director … to ensure that …``), an inline
footnote (``; ____________________ 1 These include …``), several numbered paragraphs
(``9 to promote …; 10 to involve …``), the heading of an annex, or the end of the
resolution and the start of unrelated matter (``489 PART VI - SIGNATORIES``).

:func:`split_line` finds these cut points left to right and returns :class:`Piece` s
with their exact source offsets; every cut is reported as a :class:`~resdiff.model.Diagnostic`
(level ``warning``) with its line and column. Nothing is rewritten: a piece is a span of
the source, so no character is lost. Each rule looks only at the line itself, so the
canonical text (where every piece already has its own line) is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal, NamedTuple

from resdiff.parsing.headings import (
    ANNEX_RE,
    FAMILY_FIRST_WORDS,
    is_heading,
    operative_end,
    preamble_end,
)
from resdiff.parsing.labels import Label, classify, split_label, successor
from resdiff.parsing.lines import skip_markup
from resdiff.parsing.patterns import LazyPattern

PieceKind = Literal["para", "heading", "footnote", "annex", "end"]


class Piece(NamedTuple):
    """A span ``[start, end)`` of the source holding one paragraph, heading, footnote …

    ``cont`` marks the rest of a paragraph that an inline footnote interrupted; it is
    joined to the paragraph before. ``glued`` marks a heading found inside a line.
    (Named tuples, like the repairs: immutable, and cheap to make by the thousand.)
    """

    kind: PieceKind
    start: int
    end: int
    cont: bool = False
    glued: bool = False


class Repair(NamedTuple):
    """A repair made at ``offset``: its diagnostic code and message."""

    code: str
    message: str
    offset: int


#: A footnote separator: a run of underscores (the PDF's footnote rule).
SEPARATOR_RE = LazyPattern(r"\s*_{5,}\s*")
#: The start of a footnote body: its number (or asterisks) and a space.
FOOTNOTE_NUMBER_RE = LazyPattern(r"(\d{1,3}|\*{1,3})(?=\s)")
#: Where the Final Acts move on to other matter (``489 PART VI - SIGNATORIES``).
END_AT_START_RE = LazyPattern(r"(?:\d{1,4}\s+)?PART\s+[IVXL]+\s+[-–—]\s+[A-Z]{3,}")
END_RE = LazyPattern(r"(?<=\s)" + END_AT_START_RE.pattern)

_SEP = r"\s+"
_AFTER_VERB = LazyPattern(
    rf"{_SEP}to{_SEP}(?:instruct|invite|request|encourage|urge|call{_SEP}upon|ask)\b"
)
_DETERMINERS = r"(?:the|a|an|this|that|these|those|its|their|all|any|such|other|which|be|its)"
#: Where a glued heading's object ends: before a labelled or an unlabelled paragraph.
_TERMINATOR = LazyPattern(
    rf"{_SEP}(?=(?:\d{{1,3}}(?:{_SEP}(?:bis|ter))?|\(?[a-z]{{1,4}}\)){_SEP}(?:to|that)\b)"
    rf"|{_SEP}(?=(?:to|that){_SEP}(?!{_DETERMINERS}\b)[a-z])"
    r"|\s*;"
)
_NEEDS_OBJECT = LazyPattern(
    r"(?:further\s+)?(?:instructs|invites|requests|authorizes|authorises|"
    r"urges|encourages|calls|appeals|asks|charges|entrusts|directs)\b"
)
_RESOLVES = LazyPattern(r"(?:further\s+)?(?:resolves|decides)")
_THE_THAT = LazyPattern(r"(?:the|that)\s")
_PREAMBLE_WITH = LazyPattern(r".*\bwith\s+\S+")
_THREE_WORDS = LazyPattern(r"\s*\S+\s+\S+\s+\S")
#: A glue point, with the lower-case word after it (a heading opens with one of
#: :data:`~resdiff.parsing.headings.FAMILY_FIRST_WORDS`).
_GLUE_POINT = LazyPattern(r"[,.]\s+(?=([a-z]+))")


def heading_at(src: str, start: int, end: int) -> tuple[int, int] | None:
    """If a heading starts at ``start``, return ``(heading end, rest start)``.

    The heading is a family verb (``instructs``) with its object (``the Secretary-General,
    in consultation with the Directors of the three Bureaux``), ended by the end of the
    line or by the paragraph that follows it (``1 to …``, ``to …``, ``that …``).
    """
    verb_end = operative_end(src, start, end)
    if verb_end is not None:
        after = _skip_space(src, verb_end, end)  # "resolves to instruct …": "to" follows
        more = (
            after > verb_end
            and src.startswith("to", after)
            and _AFTER_VERB.match(src, verb_end, end)
        )
        if more and _RESOLVES.match(src, start, verb_end):
            verb_end = more.end()
        term = _TERMINATOR.search(src, verb_end, end) if _may_end(src, verb_end, end) else None
        obj_end = term.start() if term else end
        obj = src[verb_end:obj_end].strip()
        if not _valid_object(obj):
            return None
        if not obj and _NEEDS_OBJECT.match(src, start, verb_end) and not more:
            return None
        rest = _skip_space(src, obj_end, end)
        if rest < end and src[rest] == ";":
            return None
        head_end = _trim_end(src, start, obj_end)
        if not is_heading(src[start:head_end]):
            return None
        return head_end, rest
    phrase_end = preamble_end(src, start, end)
    if phrase_end is not None:
        rest = _skip_space(src, phrase_end, end)
        head_end = _trim_end(src, start, phrase_end)
        if not is_heading(src[start:head_end]):
            return None
        if rest >= end:
            return head_end, end
        if _PREAMBLE_WITH.match(src, start, phrase_end) and _THE_THAT.match(src, rest, end):
            return head_end, rest
    return None


def _may_end(src: str, pos: int, end: int) -> bool:
    """Whether :data:`_TERMINATOR` can match in ``src[pos:end]``: each of its ways needs
    a ``;`` or white space followed by ``to`` or ``that``. Checked first so that a text
    whose headings all stand on lines of their own never compiles the pattern."""
    if src.find(";", pos, end) >= 0:
        return True
    for word in ("to", "that"):
        at = src.find(word, pos + 1, end)
        while at >= 0:
            if src[at - 1].isspace():
                return True
            at = src.find(word, at + 1, end)
    return False


def _valid_object(obj: str) -> bool:
    if not obj:
        return True
    words = obj.split()
    if len(words) > 25 or ". " in obj or obj.endswith(".") or ":" in obj:
        return False
    if words[0][:1].isdigit() or words[0] in {"to", "that", "above", "below", "and", "or"}:
        return False
    low = obj.casefold()
    return not any(w in low.split() for w in ("thereof", "above", "below", "herein"))


def _skip_space(src: str, pos: int, end: int) -> int:
    while pos < end and src[pos].isspace():
        pos += 1
    return pos


def _trim_end(src: str, start: int, end: int) -> int:
    while end > start and src[end - 1].isspace():
        end -= 1
    return end


def find_glued_heading(src: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The first heading glued inside ``src[start:end]``: ``(heading start, end, rest start)``.

    A glued heading follows a comma (or a full stop) and a space. It is not taken when
    the words before it are ``in particular`` (a quotation of another resolution's
    heading, ``…, in particular, instructs the Director … thereof``).
    """
    three_words = _THREE_WORDS.match(src, start, end)
    if three_words is None:
        return None
    if FAMILY_FIRST_WORDS.isdisjoint(_GLUE_POINT.findall(src, three_words.end(), end)):
        return None  # no glue point opens a heading's first word (most lines)
    for m in _GLUE_POINT.finditer(src, three_words.end(), end):
        if m.group(1) not in FAMILY_FIRST_WORDS:
            continue  # no heading can start here (heading_at would say None)
        if src[max(start, m.start() - 20) : m.start()].rstrip().endswith("in particular"):
            continue
        hit = heading_at(src, m.end(), end)
        if hit:
            return m.end(), hit[0], hit[1]
    return None


def _glued_heading(src: str, start: int, end: int, report: Callable[[Repair], None]) -> list[Piece]:
    """The glued heading ``src[start:end]``, read as the canonical text will read it again.

    A heading's object runs to the paragraph after it, so noise there (``… Sector Members
    to!participate in EG-ITR, invites the 2022 conference to …``) can make it swallow the
    next heading. In the canonical text the heading has a line of its own, where
    :func:`split_line` finds that second heading; cutting the span the same way here
    keeps the canonical form stable (its first piece is read as a heading by form, as
    the canonical line will be).
    """
    if find_glued_heading(src, start, end) is None:
        return [Piece("heading", start, end, glued=True)]
    return split_line(src, start, end, report)


#: A list of roman-numbered sub-clauses opened after a colon in the same line.
SUBLIST_RE = LazyPattern(r":\s+(\(?i\))\s+(?=[a-z\"“'(])")


#: A ``;`` and the space after it, where a paragraph may run on; what follows is checked
#: against the expected label in Python, so no pattern is compiled per label.
_SEMICOLON_SPACE = LazyPattern(r";\s+")
_SPACE = LazyPattern(r"\s+")
#: What may open the text of a run-on paragraph after its label (by the label's style).
_RUN_ON_OPENERS = {
    True: frozenset("abcdefghijklmnopqrstuvwxyz\"“'("),
    False: frozenset("abcdefghijklmnopqrstuvwxyz0123456789\"“'("),
}


def _find_run_on(src: str, start: int, end: int, label: Label | None) -> int | None:
    """Offset of the next numbered paragraph run on after ``; `` in the same line: the
    first ``;``, space, a successor label, space, then a lower-case letter (or digit
    after a lettered label), a quote or a bracket."""
    if label is None:
        return None
    openers = _RUN_ON_OPENERS[label.style == "number"]
    for succ in successor(label):
        for m in _SEMICOLON_SPACE.finditer(src, start, end):
            at = m.end()
            if _followed_by(src, at, succ, end, openers):
                return at
    return None


def _followed_by(src: str, at: int, label: str, end: int, openers: frozenset[str]) -> bool:
    """Whether ``src[at:end]`` opens with ``label``, space, and one of ``openers``."""
    after = at + len(label)
    if after > end or not src.startswith(label, at):
        return False
    space = _SPACE.match(src, after, end)
    return space is not None and space.end() < end and src[space.end()] in openers


#: Longest span a label can take (``(viii)``, ``12 quinquies``) plus the space after it.
_LABEL_WINDOW = 24


def _label_at(src: str, start: int, end: int) -> tuple[Label | None, int]:
    """The label opening ``src[start:end]`` and where the text after it starts."""
    label, offset = split_label(src[start : min(end, start + _LABEL_WINDOW)])
    return (classify(label), start + offset) if label else (None, start)


#: A literal that each pattern searched ahead needs: a line without it holds no match.
_LITERALS = (
    (SEPARATOR_RE, "_____"),
    (ANNEX_RE, "TO"),
    (END_RE, "PART"),
    (SUBLIST_RE, "i)"),
)


class _Lookahead:
    """The next match of a pattern at or after a position that only moves forward.

    A line may hold dozens of pieces; searching its rest again for every piece would be
    quadratic. A match found from an earlier position is still the first one from any
    later position up to its start, so it is kept until the position passes it.
    """

    def __init__(self, src: str, start: int, end: int) -> None:
        self.src = src
        self.end = end
        self.found: dict[LazyPattern, tuple[int, re.Match[str] | None]] = {
            pattern: (start, None)  # cannot match: its literal is not in the line
            for pattern, literal in _LITERALS
            if src.find(literal, start, end) < 0
        }
        #: whether none of the patterns can match (most lines: one plain paragraph)
        self.plain = len(self.found) == len(_LITERALS)

    def search(self, pattern: LazyPattern, pos: int) -> re.Match[str] | None:
        cached = self.found.get(pattern)
        if cached is not None:
            since, match = cached
            if since <= pos and (match is None or match.start() >= pos):
                return match
        match = pattern.search(self.src, pos, self.end)
        self.found[pattern] = (pos, match)
        return match


def split_line(
    src: str, start: int, end: int, report: Callable[[Repair], None], footnotes: bool = False
) -> list[Piece]:
    """Cut the span ``src[start:end]`` (one line's text) into pieces, reporting each repair.

    ``footnotes`` says the line stands in the footnote block (after a separator line),
    where every piece is a footnote.
    """
    pieces: list[Piece] = []
    if not footnotes and _plain(src, start, end):
        # most lines: one paragraph, unless a heading is glued inside it (then read on)
        pos = _skip_space(src, start, end)
        if pos < end and find_glued_heading(src, pos, end) is None:
            _add(pieces, src, Piece("para", pos, end))
            return pieces
    ahead = _Lookahead(src, start, end)
    may_end = END_RE not in ahead.found  # else no "PART" in the line: it cannot end here
    may_annex = ANNEX_RE not in ahead.found  # else no "TO": no annex heading
    pos = _skip_space(src, start, end)
    mode = "footnote" if footnotes else "para"
    cont = False
    number = 0
    while pos < end:
        if mode == "footnote":
            pos, mode, cont, number = _footnote(src, pos, end, pieces, report, number, footnotes)
            continue
        if may_end and END_AT_START_RE.match(src, pos, end):
            report(Repair("trailing-matter", "text after the resolution kept as unparsed", pos))
            pieces.append(Piece("end", pos, end))
            break
        lead = may_annex and ANNEX_RE.match(src, pos, end)
        if lead:  # an annex heading opening the line (the canonical form)
            pieces.append(Piece("annex", pos, lead.end()))
            pos = _skip_space(src, lead.end(), end)
            continue
        cuts = _cuts(src, pos, end, ahead)
        if not cuts:
            _add(pieces, src, Piece("para", pos, end, cont=cont))
            break
        at, kind, match = _first_cut(src, pos, min(cuts, key=lambda c: c[0]))
        _add(pieces, src, Piece("para", pos, at, cont=cont))
        cont = False
        if kind == "footnote":
            assert isinstance(match, re.Match)
            after = skip_markup(src, match.end(), end)  # as its own line would read
            if after >= end:
                report(Repair("footnote-rule", "footnote rule with no footnote after it", at))
                break
            report(Repair("inline-footnote", "inline footnote moved to the footnotes", at))
            pos, mode = after, "footnote"
        elif kind == "annex":
            assert isinstance(match, re.Match)
            report(Repair("glued-annex", "annex heading glued to the paragraph before it", at))
            pieces.append(Piece("annex", at, match.end()))
            pos = _skip_space(src, match.end(), end)
        elif kind == "end":
            report(Repair("trailing-matter", "text after the resolution kept as unparsed", at))
            pieces.append(Piece("end", at, end))
            break
        elif kind == "heading":
            assert isinstance(match, tuple)
            h_start, h_end, rest = match
            report(Repair("glued-heading", "heading glued to the paragraph before it", h_start))
            pieces.extend(_glued_heading(src, h_start, h_end, report))
            pos = rest
        elif kind == "sub-list":
            report(Repair("run-on-subclauses", "sub-clauses run on after their colon", at))
            pos = at
        else:
            report(Repair("run-on-paragraphs", "numbered paragraph run on in the same line", at))
            pos = at
    return pieces


def _first_cut(src: str, pos: int, cut: tuple[int, str, object]) -> tuple[int, str, object]:
    """``cut``, or a heading glued before it that the text up to ``cut`` holds when read as
    a line of its own — as the canonical text will read it: a heading's object runs to the
    line's end, so ``…, instructs to develop …, instructs the Director`` shows its first
    heading only once the second one is cut off."""
    while True:
        inner = find_glued_heading(src, pos, _trim_end(src, pos, cut[0]))
        if inner is None or inner[0] >= cut[0]:
            return cut
        cut = (inner[0], "heading", inner)


def _cuts(src: str, pos: int, end: int, ahead: _Lookahead) -> list[tuple[int, str, object]]:
    """Where the piece starting at ``pos`` may end before the line does, each with its
    kind and what was found: a footnote rule, a glued annex heading, the end of the
    resolution, a run-on paragraph or sub-list, a glued heading."""
    if ahead.plain and _only_glued(src, pos, end):
        # no footnote rule, annex heading, end of the resolution or sub-list can be found
        # (their literals are not in the line), no run-on (it follows a ";" with text
        # after it): only a glued heading may cut the piece, and the label is not needed
        glued = find_glued_heading(src, pos, end)
        return [(glued[0], "heading", glued)] if glued else []
    label, body = _label_at(src, pos, end)
    cuts: list[tuple[int, str, object]] = []
    sep = ahead.search(SEPARATOR_RE, body)
    if sep:
        cuts.append((sep.start(), "footnote", sep))
    annex = ahead.search(ANNEX_RE, body)
    if annex and annex.start() > pos:
        cuts.append((annex.start(), "annex", annex))
    stop = ahead.search(END_RE, body)
    if stop:
        cuts.append((stop.start(), "end", stop))
    limit = min([c[0] for c in cuts], default=end)
    run_on = _find_run_on(src, body, limit, label)
    if run_on is not None:
        cuts.append((run_on, "run-on", run_on))
    if label is None or label.style == "number":  # "…, with a view to: i) …; ii) …"
        sub = ahead.search(SUBLIST_RE, body)
        if sub and sub.start(1) < limit and (run_on is None or sub.start(1) < run_on):
            cuts.append((sub.start(1), "sub-list", sub.start(1)))
    # only up to the nearest cut, so a line of many pieces is read in linear time
    glued = find_glued_heading(src, pos, min(limit, end if run_on is None else run_on))
    if glued:
        cuts.append((glued[0], "heading", glued))
    return cuts


def _plain(src: str, start: int, end: int) -> bool:
    """Whether ``src[start:end]`` holds none of the literals the cut patterns need
    (:data:`_LITERALS`) and no ``;`` followed by text: only a glued heading can cut it."""
    for _, literal in _LITERALS:
        if src.find(literal, start, end) >= 0:
            return False
    return _only_glued(src, start, end)


def _only_glued(src: str, start: int, end: int) -> bool:
    """Whether no run-on can be found in ``src[start:end]``: it holds no ``;`` with more
    than white space after it (a paragraph's closing ``;`` has none; the first ``;``
    decides, as only white space can follow it when it closes the paragraph)."""
    semicolon = src.find(";", start, end)
    return semicolon < 0 or semicolon + 1 == end or src[semicolon + 1 : end].isspace()


def _add(pieces: list[Piece], src: str, piece: Piece) -> None:
    """Append ``piece`` without its trailing white space, unless nothing is left of it."""
    end = _trim_end(src, piece.start, piece.end)
    if end > piece.start:
        pieces.append(Piece(piece.kind, piece.start, end, piece.cont, piece.glued))


#: In a footnote: a numbered paragraph (``2 to …``, ``3 that …``) resumes the text.
_PARAGRAPH_RESUMES = LazyPattern(r"(?<=[.;,])\s+(?=\d{1,3}\s+(?:to|that)\s)")
#: In a footnote: a bullet continues the paragraph before the footnotes.
_BULLET_RESUMES = LazyPattern(r"\s+(?=•\s)")
#: In a footnote: a sentence's end before a lower-case word (maybe a glued heading).
_SENTENCE_THEN_LOWER = LazyPattern(r"(?<=\.)\s+(?=[a-z])")
#: A footnote number run on after a sentence's end (which number is checked apart).
_FOOTNOTE_NUMBER_IN_LINE = LazyPattern(r"(?<=[.)\"”\]])\s+(\d+)\s+(?=[A-Z\"“'(])")


def _footnote(
    src: str,
    pos: int,
    end: int,
    pieces: list[Piece],
    report: Callable[[Repair], None],
    previous: int,
    block: bool,
) -> tuple[int, str, bool, int]:
    """Read one footnote at ``pos``; return where to go on, the next mode and footnote number."""
    num = FOOTNOTE_NUMBER_RE.match(src, pos, end)
    number = int(num.group(1)) if num and num.group(1).isdigit() else previous
    search_from = num.end() if num else pos
    if block:  # the footnote block of a canonical text: one footnote per line
        nxt = _next_footnote(src, search_from, end, number)
        stop = nxt if nxt is not None else end
        pieces.append(Piece("footnote", pos, _trim_end(src, pos, stop)))
        if nxt is None:
            return end, "footnote", False, number
        report(Repair("run-on-footnotes", "footnotes run on in the same line", nxt))
        return nxt, "footnote", False, number
    cuts: list[tuple[int, str, int]] = []
    nxt = _next_footnote(src, search_from, end, number)
    if nxt is not None:
        cuts.append((nxt, "footnote", nxt))
    resume = _PARAGRAPH_RESUMES.search(src, search_from, end)
    if resume:
        cuts.append((resume.start(), "para", resume.end()))
    bullet = _BULLET_RESUMES.search(src, search_from, end)
    if bullet:
        cuts.append((bullet.start(), "cont", bullet.end()))
    for m in _SENTENCE_THEN_LOWER.finditer(src, search_from, end):
        if heading_at(src, m.end(), end):
            cuts.append((m.start(), "heading", m.end()))
            break
    annex = src.find("TO", search_from, end) >= 0 and ANNEX_RE.search(src, search_from, end)
    if annex:
        cuts.append((annex.start(), "annex", annex.start()))
    stop_m = src.find("PART", search_from, end) >= 0 and END_RE.search(src, search_from, end)
    if stop_m:
        cuts.append((stop_m.start(), "annex", stop_m.start()))
    if not cuts:
        pieces.append(Piece("footnote", pos, _trim_end(src, pos, end)))
        return end, "para", False, number
    at, kind, resume_at = min(cuts)
    pieces.append(Piece("footnote", pos, _trim_end(src, pos, at)))
    if kind == "footnote":
        return resume_at, "footnote", False, number
    if kind == "cont":
        return resume_at, "para", True, number
    if kind == "heading":
        hit = heading_at(src, resume_at, end)
        assert hit is not None
        report(Repair("glued-heading", "heading glued to the footnote before it", resume_at))
        pieces.extend(_glued_heading(src, resume_at, hit[0], report))
        return hit[1], "para", False, number
    return _skip_space(src, resume_at, end), "para", False, number


def _next_footnote(src: str, start: int, end: int, number: int) -> int | None:
    """Where footnote ``number + 1`` starts inside the same line, if it does: after a
    sentence's end, space, the number, space, and a capital, quote or bracket."""
    wanted = str(number + 1)
    if not _spaced(src, wanted, start, end):
        return None  # the pattern needs the number between two spaces
    for m in _FOOTNOTE_NUMBER_IN_LINE.finditer(src, start, end):
        if m.group(1) == wanted:
            return m.start(1)
    return None


def _spaced(src: str, word: str, start: int, end: int) -> bool:
    """Whether ``word`` stands in ``src[start:end]`` with white space on both sides."""
    at = src.find(word, start + 1, end - 1)
    while at >= 0:
        after = at + len(word)
        if after < end and src[at - 1].isspace() and src[after].isspace():
            return True
        at = src.find(word, at + 1, end - 1)
    return False
