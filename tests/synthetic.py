"""Synthetic resolutions and revisions of them: the one generator the tests share.

:func:`documents` draws a resolution from distinct, realistic clause texts
(:data:`differ_cases.TEXTS`); :func:`revisions` draws it and a revision made the way a
conference makes one: paragraphs inserted, deleted, moved between sections, amended,
split, merged, and sections added. Every paragraph remembers which old paragraphs it
stems from and how (:class:`Para`), so a test can check what a diff, a merge or a
report says against what was done. ``Doc.resolution()`` builds the model directly
(:func:`differ_cases.build`); ``resdiff.parse(doc.resolution().to_text())`` reads it
through the parser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from differ_cases import TEXTS, build
from hypothesis import strategies as st

from resdiff.model import Resolution

HEADINGS = (
    "considering",
    "recalling",
    "recognizing",
    "noting",
    "resolves",
    "invites Member States",
)
OPERATIVE = {"resolves", "invites Member States"}
#: Every edit :func:`revisions` can make: a paragraph inserted, deleted, moved (to any
#: section), amended (words inserted), split in two, merged with the next; a section added.
ALL_EDITS = ("insert", "delete", "move", "amend", "split", "merge", "section")
#: The edits made unless a test asks for others: all but adding a section.
EDITS = ALL_EDITS[:-1]


@dataclass
class Para:
    """A clause of a generated revision and where its text came from."""

    text: str
    origin: tuple[int, ...]  # ids of the old clauses it stems from (empty: inserted)
    edit: str = "none"  # none | amend | split | merge | insert


@dataclass
class Doc:
    """A generated resolution: its sections' paragraphs, and (for a revision) the ids of
    the old paragraphs it deleted."""

    sections: list[tuple[str, list[Para]]] = field(default_factory=list)
    deleted: set[int] = field(default_factory=set)  # ids of old clauses deleted

    def resolution(self) -> Resolution:
        def label(heading: str, k: int) -> str:
            return str(k + 1) if heading in OPERATIVE else f"{chr(ord('a') + k)})"

        return build(
            [
                (heading, [(label(heading, k), p.text) for k, p in enumerate(paras)])
                for heading, paras in self.sections
                if paras
            ]
        )

    def paras(self) -> list[Para]:
        return [p for _, paras in self.sections for p in paras]


@st.composite
def documents(draw: st.DrawFn) -> tuple[Doc, list[str]]:
    """An old document built from distinct texts, and the texts left for insertions."""
    pool = list(draw(st.permutations(TEXTS)))
    headings = draw(st.lists(st.sampled_from(HEADINGS), min_size=1, max_size=4, unique=True))
    doc = Doc()
    ident = 0
    for heading in headings:
        paras = []
        for _ in range(draw(st.integers(1, 4))):
            paras.append(Para(pool.pop(), (ident,)))
            ident += 1
        doc.sections.append((heading, paras))
    return doc, pool


def _untouched(doc: Doc) -> list[tuple[int, int]]:
    return [
        (s, k)
        for s, (_, paras) in enumerate(doc.sections)
        for k, p in enumerate(paras)
        if p.edit == "none"
    ]


@st.composite
def revisions(draw: st.DrawFn, edits: Sequence[str] = EDITS) -> tuple[Doc, Doc]:
    """An old document and a revision of it made by one to five of ``edits`` (each one of
    :data:`ALL_EDITS`)."""
    old, pool = draw(documents())
    new = Doc([(h, [Para(p.text, p.origin) for p in paras]) for h, paras in old.sections])
    home = {p.origin[0]: heading for heading, paras in old.sections for p in paras}
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(edits))
        spots = _untouched(new)
        if op == "section":
            unused = [h for h in HEADINGS if h not in {heading for heading, _ in new.sections}]
            if unused and pool:
                at = draw(st.integers(0, len(new.sections)))
                section = (draw(st.sampled_from(unused)), [Para(pool.pop(), (), "insert")])
                new.sections.insert(at, section)
        elif op == "insert" and pool:
            s = draw(st.integers(0, len(new.sections) - 1))
            k = draw(st.integers(0, len(new.sections[s][1])))
            new.sections[s][1].insert(k, Para(pool.pop(), (), "insert"))
        elif not spots:
            continue
        elif op == "delete":
            s, k = draw(st.sampled_from(spots))
            new.deleted.update(new.sections[s][1].pop(k).origin)
        elif op == "move":
            s, k = draw(st.sampled_from(spots))
            para = new.sections[s][1].pop(k)
            t = draw(st.integers(0, len(new.sections) - 1))
            new.sections[t][1].insert(draw(st.integers(0, len(new.sections[t][1]))), para)
        elif op == "amend":
            s, k = draw(st.sampled_from(spots))
            para = new.sections[s][1][k]
            words = para.text.split(" ")
            at = draw(st.integers(1, len(words) - 1))
            words.insert(at, draw(st.sampled_from(["notably", "inter alia", "in particular"])))
            new.sections[s][1][k] = Para(" ".join(words), para.origin, "amend")
        elif op == "split":
            s, k = draw(st.sampled_from(spots))
            para = new.sections[s][1][k]
            words = para.text.split(" ")
            if len(words) < 12:
                continue
            at = draw(st.integers(len(words) // 3, 2 * len(words) // 3))
            first = Para(" ".join(words[:at]) + ";", para.origin, "split")
            second = Para(" ".join(words[at:]), para.origin, "split")
            new.sections[s][1][k : k + 1] = [first, second]
        elif op == "merge":
            s, k = draw(st.sampled_from(spots))
            paras = new.sections[s][1]
            if k + 1 >= len(paras) or paras[k + 1].edit != "none":
                continue
            a, b = paras[k], paras[k + 1]
            if b.origin[0] != a.origin[0] + 1 or home[a.origin[0]] != home[b.origin[0]]:
                continue  # only clauses consecutive in one section of the old text
            paras[k : k + 2] = [
                Para(a.text.rstrip(";") + " and " + b.text, a.origin + b.origin, "merge")
            ]
    return old, new
