"""Helpers for the alignment tests: what an Alignment says, in clause paths."""

from __future__ import annotations

import random

from resdiff.align import Alignment


def mapping(al: Alignment) -> dict[tuple[str, ...], tuple[str, ...]]:
    """old paths -> new paths of every match, body only."""
    return {
        tuple(al.old[i].path for i in m.old): tuple(al.new[j].path for j in m.new)
        for m in al.matches
        if not al.old[m.old[0]].path.startswith("header/")
    }


def moved(al: Alignment) -> set[str]:
    return {al.old[m.old[0]].path for m in al.matches if m.moved}


def big_section_texts(count: int) -> list[str]:
    """Distinct, similar-looking paragraphs: a long operative list in a small vocabulary."""
    words = ["promote", "the", "ITU", "Member", "States", "regional", "cooperation", "national"]
    rng = random.Random(179)
    return [f"to {k} " + " ".join(rng.choice(words) for _ in range(25)) + ";" for k in range(count)]
