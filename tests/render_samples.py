"""Hand-built diffs for the report renderers' tests (html, docx, itu, instructions).

The sample mirrors what happened to Resolution 179 between Guadalajara 2010 and Dubai
2018 (an amended recital, an inserted one that re-letters the rest, a deletion, a
paragraph moved from recalling to recognizing, a renamed section), small enough to
check every line. ``OLD`` and ``NEW`` are the two texts paragraph by paragraph, so tests
can check that a report (a .docx accepted or rejected) gives back exactly one or the other.
"""

from __future__ import annotations

import difflib
import re

from resdiff.changes import Change, ClauseRef, Diff, Meta, SectionChange, WordOp

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"


def word_ops(old: str, new: str) -> tuple[WordOp, ...]:
    """Word-level ops (leading space kept with each word) for test inputs."""
    a = re.findall(r"\s*\S+|\s+$", old)
    b = re.findall(r"\s*\S+|\s+$", new)
    out: list[WordOp] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return tuple(out)


def ref(path: str, label: str | None, section: str, text: str) -> ClauseRef:
    return ClauseRef(path=path, label=label, section=section, text=text)


def _change(kind: str, old: ClauseRef | None, new: ClauseRef | None, **flags: bool) -> Change:
    olds = (old,) if old else ()
    news = (new,) if new else ()
    if kind == "unchanged":
        assert old
        assert new
        words: tuple[WordOp, ...] = (("=", new.text),)
    elif kind == "added":
        assert new
        words = (("+", new.text),)
    elif kind == "removed":
        assert old
        words = (("-", old.text),)
    else:
        assert old
        assert new
        words = word_ops(old.text, new.text)
    if kind == "amended" and old and new and old.text == C_D_OLD:
        # as a word differ reports it (and as issue 5 quotes it)
        words = (
            ("=", "that parents, guardians"),
            ("-", " and educators"),
            ("+", ", educators and communities"),
            ("=", " are not always aware of children's activities;"),
        )
    sim = difflib.SequenceMatcher(a=old.text if old else "", b=new.text if new else "").ratio()
    return Change(kind=kind, old=olds, new=news, similarity=sim, words=words, **flags)  # type: ignore[arg-type]


OLD_NUMBER = "RESOLUTION 179 (Guadalajara, 2010)"
NEW_NUMBER = "RESOLUTION 179 (Rev. Dubai, 2018)"
TITLE = "ITU's role in child online protection"

C_A_OLD = (
    "that the Internet is playing an increasingly important and valuable role in the "
    "provision of education for children;"
)
C_A_NEW = (
    "that the Internet plays a very important role in the provision of education for children;"
)
C_B = "that children are among the most active participants online;"
C_D_OLD = "that parents, guardians and educators are not always aware of children's activities;"
C_D_NEW = (
    "that parents, guardians, educators and communities are not always aware of "
    "children's activities;"
)
C_E_NEW = "that child online protection initiatives always consider the empowerment of the child;"
C_F = "the growing development and spread of access to ICTs worldwide,"
R_A = "the United Nations Convention on the Rights of the Child (1989);"
R_B = "the memorandum of understanding between the Union and Child Helpline International;"
R_C = "Resolution 1306 adopted by the 2009 session of the Council;"
R_D_OLD = "Resolution 67 (Hyderabad, 2010) of WTDC, on child online protection,"
R_D_NEW = "Resolution 67 (Rev. Buenos Aires, 2017) of WTDC, on child online protection;"
G_A = "that ITU is the moderator/facilitator for Action Line C5,"
RES_1_OLD = "that ITU should continue the COP initiative as a platform to raise awareness;"
RES_1_NEW = (
    "to continue the COP initiative as a platform to raise awareness and share best practices;"
)
RES_2_NEW = f"to report on {XSS_SCRIPT} and {XSS_IMG} & other <b>markup</b>,"
REQ = "to maintain WG-COP, in order to facilitate the membership's input,"

#: The old text, paragraph by paragraph as a .docx of it reads (label TAB text).
OLD = [
    OLD_NUMBER,
    TITLE,
    "considering",
    f"a)\t{C_A_OLD}",
    f"b)\t{C_B}",
    f"c)\t{C_D_OLD}",
    f"d)\t{C_F}",
    "recalling",
    f"a)\t{R_A}",
    f"b)\t{R_B}",
    f"c)\t{R_C}",
    f"d)\t{R_D_OLD}",
    "recognizing",
    f"a)\t{G_A}",
    "resolves",
    f"1\t{RES_1_OLD}",
    "requests the Council",
    REQ,
]
#: The new text, paragraph by paragraph.
NEW = [
    NEW_NUMBER,
    TITLE,
    "considering",
    f"a)\t{C_A_NEW}",
    f"b)\t{C_B}",
    f"c)\t{C_D_NEW}",
    f"d)\t{C_E_NEW}",
    f"e)\t{C_F}",
    "recalling",
    f"a)\t{R_A}",
    f"b)\t{R_C}",
    "recognizing",
    f"a)\t{G_A}",
    f"b)\t{R_D_NEW}",
    "resolves",
    f"1\t{RES_1_NEW}",
    f"2\t{RES_2_NEW}",
    "requests the ITU Council",
    REQ,
]


def sample_diff() -> Diff:
    """The sample diff: every kind a report must show, in new-text order."""
    H = "header"
    changes = (
        _change(
            "amended",
            ref("header/number", None, H, OLD_NUMBER),
            ref("header/number", None, H, NEW_NUMBER),
        ),
        _change(
            "unchanged", ref("header/title", None, H, TITLE), ref("header/title", None, H, TITLE)
        ),
        _change(
            "amended",
            ref("considering/a", "a)", "considering", C_A_OLD),
            ref("considering/a", "a)", "considering", C_A_NEW),
        ),
        _change(
            "unchanged",
            ref("considering/b", "b)", "considering", C_B),
            ref("considering/b", "b)", "considering", C_B),
        ),
        _change(
            "amended",
            ref("considering/c", "c)", "considering", C_D_OLD),
            ref("considering/c", "c)", "considering", C_D_NEW),
        ),
        _change("added", None, ref("considering/d", "d)", "considering", C_E_NEW)),
        _change(
            "unchanged",
            ref("considering/d", "d)", "considering", C_F),
            ref("considering/e", "e)", "considering", C_F),
            renumbered=True,
        ),
        _change(
            "unchanged",
            ref("recalling/a", "a)", "recalling", R_A),
            ref("recalling/a", "a)", "recalling", R_A),
        ),
        _change("removed", ref("recalling/b", "b)", "recalling", R_B), None),
        _change(
            "unchanged",
            ref("recalling/c", "c)", "recalling", R_C),
            ref("recalling/b", "b)", "recalling", R_C),
            renumbered=True,
        ),
        _change(
            "unchanged",
            ref("recognizing/a", "a)", "recognizing", G_A),
            ref("recognizing/a", "a)", "recognizing", G_A),
        ),
        _change(
            "amended",
            ref("recalling/d", "d)", "recalling", R_D_OLD),
            ref("recognizing/b", "b)", "recognizing", R_D_NEW),
            moved=True,
            renumbered=True,
        ),
        _change(
            "amended",
            ref("resolves/1", "1", "resolves", RES_1_OLD),
            ref("resolves/1", "1", "resolves", RES_1_NEW),
        ),
        _change("added", None, ref("resolves/2", "2", "resolves", RES_2_NEW)),
        _change(
            "unchanged",
            ref("requests-the-council/#1", None, "requests the Council", REQ),
            ref("requests-the-itu-council/#1", None, "requests the ITU Council", REQ),
        ),
    )
    sections = (
        SectionChange("unchanged", "considering", "considering"),
        SectionChange("unchanged", "recalling", "recalling"),
        SectionChange("unchanged", "recognizing", "recognizing"),
        SectionChange("unchanged", "resolves", "resolves"),
        SectionChange("renamed", "requests the Council", "requests the ITU Council"),
    )
    return Diff(
        old=Meta("res-179-2010.txt", OLD_NUMBER, TITLE),
        new=Meta("res-179-2018.txt", NEW_NUMBER, TITLE),
        sections=sections,
        changes=changes,
    )
