"""The base clauses a proposal in ITU revision marks refers to, and how a mark finds its own.

:mod:`resdiff.apply_marks` reads the marks; each block that amends, moves, merges or
suppresses a clause names a base clause and quotes its text. :class:`BaseClauses` holds
every clause of the base (each used at most once) and finds the one a block means: the
unused clause reading exactly as quoted, the one named preferred. When none does, the
marks do not fit the base and :class:`~resdiff.itu_marks.MarksError` names the clause
and the words that are not in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resdiff.changes import ClauseRef, WordOp
from resdiff.itu_marks import Block, MarksError, old_side, parse_ops_against, unescape
from resdiff.model import Clause
from resdiff.render.wording import clause_name


@dataclass
class BaseClause:
    """A base clause: its place in the base, its section slot and its name."""

    index: int
    clause: Clause
    slot: int  # index into the base's section slots
    name: str
    used: bool = False


class BaseClauses:
    """Every clause of the base, in order and by name; the marks use each at most once."""

    def __init__(self) -> None:
        self.olds: list[BaseClause] = []
        self.by_name: dict[str, list[BaseClause]] = {}

    def add(self, clause: Clause, slot: int) -> None:
        """Add the base's next clause, standing in section slot ``slot``."""
        ref = ClauseRef(clause.path, clause.label, clause.section, clause.text)
        old = BaseClause(len(self.olds), clause, slot, clause_name(ref))
        self.olds.append(old)
        self.by_name.setdefault(old.name, []).append(old)

    def removed(self, block: Block) -> BaseClause:
        """The base clause a SUP / SUP* block suppresses (or moves away)."""
        text = block.text
        if text.startswith("[-") and text.endswith("-]"):
            old_text = unescape(text[2:-2])
        elif not text:
            old_text = ""
        else:
            raise MarksError(f"{block.where}: a suppressed clause's text must read [-…-]")
        return self.take(block, [block.name], old_text)

    def check_moved_away(self, block: Block) -> None:
        """Check a SUP* block: the base has the clause it names, reading as quoted.

        The clause itself is taken by its ADD* block (before or after this one)."""
        text = block.text
        old_text = unescape(text[2:-2]) if text.startswith("[-") and text.endswith("-]") else None
        if old_text is None:
            raise MarksError(f"{block.where}: a moved clause's old text must read [-…-]")
        named = self.by_name.get(block.name, [])
        # a clause moved and merged on the way is quoted with the clauses merged into it
        if not any(old_text.startswith(o.clause.text) for o in named) and not any(
            o.clause.text == old_text for o in self.olds
        ):
            self.misfit(block, [block.name], (("-", old_text),))

    def take_amended(
        self, block: Block, names: list[str], ops: tuple[WordOp, ...]
    ) -> tuple[tuple[WordOp, ...], list[BaseClause]]:
        """The base clause a MOD / (MOD) / NOC / ADD* block amends (or moves), marked used,
        with the block's word operations (re-read against that clause when its quoted
        text is ambiguous)."""
        old_text = old_side(ops)
        found = self.find(names, old_text)
        if found is None:
            for name in names:
                for old in self.by_name.get(name, []):
                    if old.used:
                        continue
                    again = parse_ops_against(block.text, old.clause.text)
                    if again is not None:
                        old.used = True
                        return again, [old]
            self.misfit(block, names, ops)
        assert found is not None
        found.used = True
        return ops, [found]

    def take_merged(
        self, block: Block, names: list[str], ops: tuple[WordOp, ...]
    ) -> list[BaseClause]:
        """The base clauses a block "merged from …" joins, marked used; their texts joined
        must be the block's old side."""
        olds: list[BaseClause] = []
        for name in names:
            old = next((o for o in self.by_name.get(name, []) if not o.used), None)
            if old is None:
                raise MarksError(f"{block.where}: merged from {name}, which is not in the base")
            olds.append(old)
        if " ".join(o.clause.text for o in olds) != old_side(ops):
            self.misfit(block, names, ops)
        for old in olds:
            old.used = True
        return olds

    def take(self, block: Block, names: list[str], old_text: str) -> BaseClause:
        """The unused base clause reading ``old_text`` (see :meth:`find`), marked used."""
        found = self.find(names, old_text)
        if found is None:
            self.misfit(block, names, (("-", old_text),))
        assert found is not None
        found.used = True
        return found

    def find(self, names: list[str], old_text: str) -> BaseClause | None:
        """The unused base clause reading ``old_text``, one named ``names`` preferred."""
        for name in names:
            for old in self.by_name.get(name, []):
                if not old.used and old.clause.text == old_text:
                    return old
        same = [o for o in self.olds if not o.used and o.clause.text == old_text]
        return same[0] if same else None

    def misfit(self, block: Block, names: list[str], ops: tuple[WordOp, ...]) -> None:
        """Raise :class:`MarksError`: the block's quoted text is not a base clause's; name
        the clause and the first kept or deleted words it lacks."""
        named = [o for n in names for o in self.by_name.get(n, [])]
        if not named:
            raise MarksError(
                f"{block.where}: the base has no clause {names[0]}"
                f" (nor one reading {_quote(old_side(ops))})"
            )
        base_text = named[0].clause.text
        for op, words in ops:
            if op != "+" and words.strip() and words not in base_text:
                what = "deleted" if op == "-" else "kept"
                raise MarksError(
                    f"{block.where}: the {what} words {_quote(words)} are not in the base"
                    f" clause {names[0]}"
                )
        raise MarksError(
            f"{block.where}: the base clause {names[0]} reads differently:"
            f" {_quote(base_text)}, not {_quote(old_side(ops))}"
        )


#: A UN-layout paragraph's name in the marks: ``PP3``, ``OP5``, ``OP2(a)(i)``.
UN_NAME = re.compile(r"(?P<part>PP|OP)(?P<number>\d+)(?P<subs>(?:\([a-z]+\))*)")


def amended_name(block: Block, label: str | None) -> str:
    """The name the base gives the clause a MOD block amends in place (best guess)."""
    was = block.note("was ")
    if was and UN_NAME.fullmatch(was):
        return was  # a UN-layout paragraph: "was PP3" is the base's own name
    if not was or block.label is None:
        return block.name
    if " " in was:  # an unlabelled paragraph, named in full
        return was
    own = label if label else ""
    if own and block.name.endswith(own):
        return block.name[: len(block.name) - len(own)] + was
    return block.name


def _quote(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "…")


def un_label(name: str) -> tuple[str | None, int, str]:
    """Label, depth and key of a UN-layout paragraph named ``PP3`` / ``OP5`` / ``OP2(a)``:
    a PP has no label, an OP is numbered ``5.``, a sub-paragraph lettered ``(a)``; a top-level
    paragraph is placed by its number (``#5``), a sub-paragraph by its letter."""
    m = UN_NAME.fullmatch(name)
    assert m is not None
    subs = re.findall(r"\(([a-z]+)\)", m.group("subs"))
    if subs:
        return f"({subs[-1]})", 1 + len(subs), subs[-1]
    label = None if m.group("part") == "PP" else f"{m.group('number')}."
    return label, 1, f"#{m.group('number')}"
