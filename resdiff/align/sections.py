"""Which old section became which new one: kept, renamed, or none (added / removed).

Sections are paired after clauses, from where their clauses went ("flow") and from
their headings. :func:`map_sections` runs :func:`pair_sections` on the pairing so far:
after the exact pass (a first guess, so that similarity prefers the same section), after
the similar pass, and once more at the end. :func:`section_pairs` lists the result in
the new text's order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz, process

from resdiff.align.result import SectionPair
from resdiff.align.sides import SectionIndex, Side, index_sections
from resdiff.align.state import AlignState
from resdiff.model import FOOTNOTES, HEADER, Section
from resdiff.normalize import normalize

__all__ = ["heading_similarity", "map_sections", "pair_sections", "section_pairs"]

#: Headings at least this alike pair when a clause flows between their sections.
ALIKE = 0.6
#: Headings at least this alike pair even without shared clauses, when neither section's
#: clauses went anywhere else ("requests the Council" / "requests the ITU Council": 0.91;
#: the Development and Standardization Bureau headings: 0.85, not a rename).
NEARLY_EQUAL = 0.9
# rapidfuzz cutoffs (0–100) a point below the thresholds.
_CUTOFF_ALIKE = ALIKE * 100 - 1
_CUTOFF_NEARLY_EQUAL = NEARLY_EQUAL * 100 - 1


def heading_similarity(a: Section, b: Section) -> float:
    """Character similarity (0–1) of two headings, normalised and case-folded."""
    left, right = normalize(a.heading, fold_case=True), normalize(b.heading, fold_case=True)
    return float(fuzz.ratio(left, right)) / 100.0


def pair_sections(
    old: Sequence[Section],
    new: Sequence[Section],
    flow: Counter[tuple[str, str]],
    sizes: Mapping[str, int] | None = None,
) -> dict[str, str]:
    """Pair old sections with new ones (old key → new key) from clause flow and headings.

    ``flow[(s, t)]`` counts aligned clauses going from old section ``s`` to new ``t``.
    In order, each step only among sections still unpaired:

    1. content: most of ``s``'s clauses went to ``t`` and most clauses aligned into ``t``
       came from ``s`` (at least two, or headings alike) — a renamed or kept section;
    2. the same heading (path key, ``~n`` included);
    3. alike headings (≥ :data:`ALIKE`) with at least one clause flowing between them;
    4. nearly equal headings (≥ :data:`NEARLY_EQUAL`) where neither section's clauses
       went anywhere else.

    Ties are broken by flow, then heading similarity, then document positions.
    ``sizes`` may give each old section's clause count (sub-clauses included) when the
    caller knows it, sparing a walk of every section on each call.
    """
    if sizes is None:
        sizes = {s.key: sum(1 for _ in s.walk()) for s in old}
    return _pair(index_sections(old, sizes), index_sections(new, {}), flow)


def _pair(
    old_index: SectionIndex, new_index: SectionIndex, flow: Counter[tuple[str, str]]
) -> dict[str, str]:
    """:func:`pair_sections` on the two sides' indexes."""
    old, new = old_index.order, new_index.order
    inflow: dict[str, int] = {}
    outflow: dict[str, int] = {}
    for (s, t), f in flow.items():
        inflow[t] = inflow.get(t, 0) + f
        outflow[s] = outflow.get(s, 0) + f
    if all(s == t for s, t in flow):  # every clause stayed in its section (the common case):
        result = {key: key for key in old_index.pos if key in new_index.by_key}  # 1 and 2 agree
    else:
        result = _by_content_then_key(old_index, new_index, flow, inflow)
    taken = set(result.values())
    if len(result) < len(old) and len(taken) < len(new):  # steps 3 and 4, if any is left
        for *_, s, t in sorted(_alike_candidates(old, new, flow, inflow, outflow, result, taken)):
            if s not in result and t not in taken:
                result[s] = t
                taken.add(t)
    return result


def _by_content_then_key(
    old_index: SectionIndex,
    new_index: SectionIndex,
    flow: Counter[tuple[str, str]],
    inflow: Mapping[str, int],
) -> dict[str, str]:
    """Steps 1 and 2 of :func:`pair_sections`: by content, then by the same key."""
    size_old, pos_old, pos_new = old_index.size, old_index.pos, new_index.pos
    by_key_old, by_key_new = old_index.by_key, new_index.by_key
    candidates = []
    for (s, t), f in flow.items():
        if s not in by_key_old or t not in by_key_new:
            continue
        if (  # most of s went to t and most of t came from s; headings compared last
            2 * f > size_old[s]
            and 2 * f > inflow[t]
            and (f >= 2 or s == t or heading_similarity(by_key_old[s], by_key_new[t]) >= ALIKE)
        ):
            candidates.append((-f, pos_old[s], pos_new[t], s, t))
    candidates.sort()
    result: dict[str, str] = {}
    taken: set[str] = set()
    for *_, s, t in candidates:
        if s not in result and t not in taken:
            result[s] = t
            taken.add(t)
    for key in pos_old:
        if key in by_key_new and key not in result and key not in taken:
            result[key] = key
            taken.add(key)
    return result


def _alike_candidates(
    old: Sequence[Section],
    new: Sequence[Section],
    flow: Counter[tuple[str, str]],
    inflow: Mapping[str, int],
    outflow: Mapping[str, int],
    paired: Mapping[str, str],
    taken: set[str],
) -> list[tuple[int, float, int, int, str, str]]:
    """Steps 3 and 4 of :func:`pair_sections`: the pairs of still unpaired sections whose
    headings are alike (with clause flow) or nearly equal (both isolated), each with its
    sort key (flow, similarity, positions).

    A pair can qualify only when a clause flows between them or both are isolated, so
    only those pairs are scored, in rapidfuzz's own loop for the isolated ones
    (thousands of sections stay fast). Each heading is normalised once; a score under
    its cutoff (a point below the threshold) could not qualify, and one above it is
    exact. The order pairs are found in does not matter: ``scored`` is sorted on a total
    key.
    """
    pos_old = {s.key: i for i, s in enumerate(old)}
    pos_new = {s.key: i for i, s in enumerate(new)}
    norm_new = {
        n_sec.key: normalize(n_sec.heading, fold_case=True)
        for n_sec in new
        if n_sec.key not in taken
    }
    isolated_new = {key: norm for key, norm in norm_new.items() if not inflow.get(key)}
    flows_to: dict[str, list[str]] = {}
    for (s, t), f in flow.items():
        if f > 0 and t in norm_new:
            flows_to.setdefault(s, []).append(t)
    scored = []
    for o_sec in old:
        if o_sec.key in paired:
            continue
        o_isolated = not outflow.get(o_sec.key)
        if not flows_to.get(o_sec.key) and not (o_isolated and isolated_new):
            continue
        left = normalize(o_sec.heading, fold_case=True)
        found = {
            t: float(fuzz.ratio(left, norm_new[t], score_cutoff=_CUTOFF_ALIKE))
            for t in flows_to.get(o_sec.key, [])
        }
        if o_isolated:
            # extract, not extract_iter: the iterator leaves reference cycles behind,
            # and a tree diff runs with the cyclic collector paused
            for _, score, t in process.extract(
                left,
                isolated_new,
                scorer=fuzz.ratio,
                score_cutoff=_CUTOFF_NEARLY_EQUAL,
                limit=None,
            ):
                found.setdefault(t, float(score))
        for n_key, score in found.items():
            sim = score / 100.0
            f = flow.get((o_sec.key, n_key), 0)
            isolated = o_isolated and not inflow.get(n_key)
            if (sim >= ALIKE and f > 0) or (sim >= NEARLY_EQUAL and isolated):
                scored.append((-f, -sim, pos_old[o_sec.key], pos_new[n_key], o_sec.key, n_key))
    return scored


def map_sections(state: AlignState) -> None:
    """Pair the sections again from the clause pairs so far; header and footnotes always
    pair with themselves. The pairing depends on nothing but the flow: when the flow is
    the same as at the last call, so is the map."""
    flow = state.flow()
    last = state.section_memo
    if last is not None and dict.__eq__(last[0], flow):
        state.section_map = dict(last[1])
        return
    mapping = _pair(state.old.section_index, state.new.section_index, flow)
    mapping[FOOTNOTES] = FOOTNOTES
    mapping[HEADER] = HEADER
    state.section_map = mapping
    state.section_memo = (flow, dict(mapping))


def section_pairs(o: Side, n: Side, mapping: dict[str, str]) -> tuple[SectionPair, ...]:
    """Section pairs in new order; an unpaired old section after its nearest kept predecessor."""
    new_pos = {s.key: k for k, s in enumerate(n.section_order)}
    by_new = {t: s for s, t in mapping.items() if s in o.section_of_key}
    keyed: list[tuple[tuple[int, int, int], SectionPair]] = []
    for k, t in enumerate(n.section_order):
        s_key = by_new.get(t.key)
        keyed.append(((k, 0, 0), SectionPair(o.section_of_key[s_key] if s_key else None, t)))
    anchor = -1
    for k, s in enumerate(o.section_order):
        target = mapping.get(s.key)
        if target in new_pos:
            anchor = new_pos[target]
        else:
            keyed.append(((anchor, 1, k), SectionPair(s, None)))
    keyed.sort(key=lambda item: item[0])
    return tuple(pair for _, pair in keyed)
