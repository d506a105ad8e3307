"""Pair old clauses with new ones by content, not by label; pair sections likewise.

The template is dulwich's rename detection — exact matches first (hashed), then
similarity with a threshold and a cap, ties broken by a total order — extended with what
a drafter expects of resolutions. The steps, in order:

1. **Header** parts pair by role (number with number, title with title …).
2. **Exact**: identical texts pair up, then texts whose
   :func:`~resdiff.normalize.match_key` is equal; same section first, then in document
   order. O(n) with a dict.
3. **Sections, first guess** from those pairs and from the headings (:func:`pair_sections`).
4. **Similar**: each remaining old clause is scored against the remaining new clauses
   with rapidfuzz (one C call per old clause, ``process.extract`` with a
   ``score_cutoff`` — ``process.cdist`` would need numpy, which the project does not
   depend on). The score is the Indel similarity of the two *token sequences* (words
   and punctuation, normalised, case-folded, each token one character): two unrelated
   clauses of one resolution mostly score 0.15–0.45 this way (rarely up to 0.6), a
   re-lettered or lightly amended clause ≥ 0.75, where character-level ratios put both
   in 0.45–0.95. Pairs at or
   above ``threshold`` are taken greedily, best first; a candidate in the section that
   pairs with the old clause's section gets a small bonus (same section preferred,
   moves across sections still found). Above :data:`MAX_COMPARISONS` candidate pairs
   only same-section pairs are scored (the cap).
5. **Sections, final** from all clause pairs so far: renamed headings, added, removed.
6. **Splits and merges**: an old clause whose text now stands in ≥ 2 consecutive new
   clauses (each mostly made of the old clause's words, the concatenation closer to it
   than any one part) is one split; merges likewise.
7. **Repeated texts**: clauses with the same tokens score alike against anything, so
   their partners are handed out again in document order (no spurious moves).
8. **Order**: two neighbouring pairs that cross are swapped back when that costs at
   most :data:`SWAP_TOLERANCE` of summed similarity.
9. **Rewritten in place**: between two aligned neighbours of a paired section, the
   unpaired old and new clauses are aligned in order (a small dynamic programme)
   on the TF-IDF cosine of their subject words — the "same subject" test: rare words
   such as "Resolution 1306" or "E.164" weigh; function words, the title's words and
   boilerplate such as "to continue" do not — and pairs scoring ≥ ``threshold × 0.27``
   are amended rather than removed + added (off at ``threshold`` 1).
10. **Moves**: a pair is moved when its new section is not the one its old section
   pairs with, or when it is out of order within its section beyond what insertions
   and deletions explain (not on a longest increasing subsequence of positions).

Everything is deterministic: every choice is made on scores and then on document
positions, never on hash or dict order.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from resdiff.model import FOOTNOTES, HEADER, Clause, Resolution, Section
from resdiff.normalize import match_key, normalize
from resdiff.section_pairing import pair_sections
from resdiff.subject import SubjectIndex, cites_other_instrument, leading_citation

__all__ = [
    "DEFAULT_THRESHOLD",
    "MAX_COMPARISONS",
    "Alignment",
    "Match",
    "SectionPair",
    "align_resolutions",
]

#: Default similarity (0–1, token-level Indel ratio) for pairing two clauses anywhere.
#: Tuned on the real texts (docs/diff.md): true pairs of Res 179 2010→2018 that are not
#: rewritten in place score ≥ 0.77, the best wrong candidate 0.60; the reported mapping
#: is the same for every threshold from 0.45 to 0.70.
DEFAULT_THRESHOLD = 0.65
#: Above this many old×new candidate pairs, only same-section pairs are scored (and in a
#: section still too large, only pairs within the same gap between anchors).
MAX_COMPARISONS = 4_000_000
#: In a gap too large for the cap, each old clause is compared with the new clauses at
#: most this many places from where it would stand if the gap were rewritten in order.
WINDOW = 100
#: A clause left unpaired looks for the start of a split or merge among at most this many
#: free clauses of its section; beyond it, only among those in its gap between anchors.
MAX_LONE_CANDIDATES = 64
#: Bonus added to a candidate's score (for ordering only) when it stays in its section.
SAME_SECTION_BONUS = 0.05
#: … and one that cites the same instrument as the old clause ("Resolution 66 (…)"), so
#: that among near-duplicate citation recitals each keeps the one citing what it cited.
#: A clause citing *another* instrument is never its partner (subject.cites_other_instrument).
SAME_CITATION_BONUS = 0.05
#: Two crossing neighbour pairs are swapped back into order when that loses at most this
#: much summed similarity (near-duplicate clauses, each amended).
SWAP_TOLERANCE = 0.15
#: A part of a split/merge must have at least this share of its tokens in the whole.
CONTAINMENT = 0.6
#: A split/merge must beat the best one-to-one pair by at least this much.
SPLIT_GAIN = 0.05
#: A clause rewritten in place needs a TF-IDF cosine of ``threshold × IN_PLACE_FACTOR``.
IN_PLACE_FACTOR = 0.27
#: Rewritten-in-place pairing is tried only on gaps up to this many old×new pairs.
MAX_GAP_PAIRS = 20_000

#: Similarity tokens: a word (letters and digits) or one other visible character.
_TOKEN_RE = re.compile(r"[^\W_]+|\S")


@dataclass(frozen=True)
class Match:
    """Old clauses paired with new ones (indices into :attr:`Alignment.old`/``new``).

    One-to-one for unchanged/amended, one-to-many for a split, many-to-one for a merge.
    """

    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float
    moved: bool = False

    @property
    def kind(self) -> str:
        if len(self.new) > 1:
            return "split"
        if len(self.old) > 1:
            return "merged"
        return "pair"


@dataclass(frozen=True)
class SectionPair:
    """A section's fate: ``old`` and ``new`` both set (kept or renamed), or one of them."""

    old: Section | None
    new: Section | None


@dataclass(frozen=True)
class Alignment:
    """Which old clauses became which new ones; the rest were removed or added."""

    old: tuple[Clause, ...]
    new: tuple[Clause, ...]
    matches: tuple[Match, ...]
    removed: tuple[int, ...]
    added: tuple[int, ...]
    sections: tuple[SectionPair, ...]
    #: section key of every old / new clause (``header``, ``footnotes`` or a Section.key)
    old_sections: tuple[str, ...] = field(default=(), repr=False)
    new_sections: tuple[str, ...] = field(default=(), repr=False)


# ----------------------------------------------------------------------------------------
# Items: the clauses of one side, flattened, with what alignment needs precomputed.


class _PerClause:
    """A value of each clause's text (match key, token codes), computed on first use.

    Most clauses of a revision are paired by identical text and never need either.
    """

    def __init__(self, clauses: list[Clause], compute: Callable[[str], str]) -> None:
        self._clauses = clauses
        self._compute = compute
        self._cache: dict[int, str] = {}

    def __getitem__(self, i: int) -> str:
        value = self._cache.get(i)
        if value is None:
            value = self._cache[i] = self._compute(self._clauses[i].text)
        return value


class _Side(NamedTuple):
    clauses: list[Clause]
    sections: list[str]  # section key per clause
    keys: _PerClause  # match_key per clause
    codes: _PerClause  # token codes per clause (one char per token)
    section_order: list[Section]
    section_of_key: dict[str, Section]
    members: dict[str, list[int]]  # section key -> clause indices in order


class _Codec:
    """Maps normalised tokens (words and punctuation) to single characters, shared by both sides."""

    def __init__(self) -> None:
        self.table: dict[str, str] = {}

    def encode(self, text: str) -> str:
        out = []
        for token in _tokens(text):
            char = self.table.get(token)
            if char is None:
                char = _code_point(len(self.table))
                self.table[token] = char
            out.append(char)
        return "".join(out)


def _tokens(text: str) -> list[str]:
    norm = normalize(text, fold_case=True)
    return [t for t in _TOKEN_RE.findall(norm) if not t.isspace()]


def _code_point(index: int) -> str:
    # Private-use planes first, then the rest of the supplementary planes: any code
    # point works for rapidfuzz; surrogates are avoided.
    if index < 0x1900:
        return chr(0xE000 + index)
    return chr(0x10000 + index - 0x1900)


def _side(resolution: Resolution, codec: _Codec) -> _Side:
    clauses: list[Clause] = []
    sections: list[str] = []
    for part in resolution.header.parts():
        clauses.append(part)
        sections.append(HEADER)
    order: list[Section] = []
    for section in resolution.all_sections():
        order.append(section)
        for clause in section.walk():
            clauses.append(clause)
            sections.append(section.key)
    for note in resolution.footnotes:
        clauses.append(note)
        sections.append(FOOTNOTES)
    members: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(sections):
        members[key].append(i)
    return _Side(
        clauses=clauses,
        sections=sections,
        keys=_PerClause(clauses, match_key),
        codes=_PerClause(clauses, codec.encode),
        section_order=order,
        section_of_key={s.key: s for s in order},
        members=dict(members),
    )


def similarity(a: str, b: str) -> float:
    """Token-level similarity (0–1) of two clause texts, as alignment measures it."""
    codec = _Codec()
    return _ratio(codec.encode(a), codec.encode(b))


def _ratio(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return float(fuzz.ratio(a, b)) / 100.0


# ----------------------------------------------------------------------------------------
# The aligner


class _Aligner:
    def __init__(self, old: _Side, new: _Side, threshold: float) -> None:
        self.o = old
        self.n = new
        self.threshold = threshold
        self.old_match: dict[int, int] = {}  # old index -> match id
        self.new_match: dict[int, int] = {}
        self.matches: dict[int, tuple[list[int], list[int], float]] = {}
        self._next = 0
        self.section_map: dict[str, str] = {}

    # -- bookkeeping --------------------------------------------------------------------
    def add(self, olds: list[int], news: list[int], score: float) -> int:
        mid = self._next
        self._next += 1
        self.matches[mid] = (sorted(olds), sorted(news), score)
        for i in olds:
            self.old_match[i] = mid
        for j in news:
            self.new_match[j] = mid
        return mid

    def drop(self, mid: int) -> None:
        olds, news, _ = self.matches.pop(mid)
        for i in olds:
            del self.old_match[i]
        for j in news:
            del self.new_match[j]

    def free_old(self, domain: Iterable[int]) -> list[int]:
        return [i for i in domain if i not in self.old_match]

    def free_new(self, domain: Iterable[int]) -> list[int]:
        return [j for j in domain if j not in self.new_match]

    def flow(self) -> Counter[tuple[str, str]]:
        counts: Counter[tuple[str, str]] = Counter()
        for olds, news, _ in self.matches.values():
            for i in olds:
                for j in news:
                    counts[(self.o.sections[i], self.n.sections[j])] += 1
        return counts

    def body(self, side: _Side) -> list[int]:
        return [i for i, s in enumerate(side.sections) if s not in (HEADER, FOOTNOTES)]

    def notes(self, side: _Side) -> list[int]:
        return [i for i, s in enumerate(side.sections) if s == FOOTNOTES]

    # -- steps ----------------------------------------------------------------------------
    def header(self) -> None:
        new_by_path = {
            self.n.clauses[j].path: j for j, s in enumerate(self.n.sections) if s == HEADER
        }
        for i, s in enumerate(self.o.sections):
            if s == HEADER and self.o.clauses[i].path in new_by_path:
                j = new_by_path[self.o.clauses[i].path]
                self._take(i, j)

    def exact(self, olds: list[int], news: list[int]) -> None:
        """Pair identical texts, then texts equal under :func:`match_key`.

        Within one key, old clauses take partners in the same section first, then the
        rest, each in document order.
        """
        self._exact(
            olds,
            news,
            lambda i: self.o.clauses[i].text.strip(),
            lambda j: self.n.clauses[j].text.strip(),
        )
        self._exact(olds, news, self.o.keys.__getitem__, self.n.keys.__getitem__)

    def _exact(
        self,
        olds: list[int],
        news: list[int],
        old_key: Callable[[int], str],
        new_key: Callable[[int], str],
    ) -> None:
        by_key: dict[str, dict[str, deque[int]]] = defaultdict(lambda: defaultdict(deque))
        for j in self.free_new(news):
            key = new_key(j)
            if key:
                by_key[key][self.n.sections[j]].append(j)
        rest: list[tuple[int, str]] = []
        for i in self.free_old(olds):
            key = old_key(i)
            sections = by_key.get(key) if key else None
            if not sections:
                continue
            same = sections.get(self.o.sections[i])
            if same:
                self._take(i, same.popleft())
            else:
                rest.append((i, key))
        for i, key in rest:  # then across sections, in document order
            sections = by_key[key]
            heads = [queue[0] for queue in sections.values() if queue]
            if heads:
                j = min(heads)
                sections[self.n.sections[j]].popleft()
                self._take(i, j)

    def _take(self, i: int, j: int) -> None:
        same = self.o.clauses[i].text == self.n.clauses[j].text
        self.add([i], [j], 1.0 if same else _ratio(self.o.codes[i], self.n.codes[j]))

    def map_sections(self) -> None:
        self.section_map = pair_sections(
            self.o.section_order,
            self.n.section_order,
            self.flow(),
            sizes={key: len(members) for key, members in self.o.members.items()},
        )
        # footnotes and header always pair with themselves
        self.section_map[FOOTNOTES] = FOOTNOTES
        self.section_map[HEADER] = HEADER

    def similar(self, olds: list[int], news: list[int]) -> None:
        olds = [i for i in self.free_old(olds) if self.o.codes[i]]
        news = [j for j in self.free_new(news) if self.n.codes[j]]
        if not olds or not news:
            return
        cutoff = self.threshold * 100.0
        candidates: list[tuple[float, int, int, float]] = []
        if len(olds) * len(news) <= MAX_COMPARISONS:
            groups = [(olds, news)]
        else:  # the cap: only within paired sections
            groups = []
            by_section: dict[str, list[int]] = defaultdict(list)
            for j in news:
                by_section[self.n.sections[j]].append(j)
            old_by_section: dict[str, list[int]] = defaultdict(list)
            for i in olds:
                old_by_section[self.o.sections[i]].append(i)
            for s, members in sorted(old_by_section.items(), key=lambda kv: kv[1][0]):
                target = self.section_map.get(s)
                targets = by_section.get(target, []) if target is not None else []
                if targets and len(members) * len(targets) <= MAX_COMPARISONS:
                    groups.append((members, targets))
                elif targets:  # too big even so: compare only within the gaps between anchors
                    groups.extend(self._gap_groups(members, targets))
        for group_old, group_new in groups:
            choices = [self.n.codes[j] for j in group_new]
            for i in group_old:
                target = self.section_map.get(self.o.sections[i])
                cited = leading_citation(self.o.clauses[i].text)
                for _, score, k in process.extract(
                    self.o.codes[i], choices, scorer=fuzz.ratio, limit=None, score_cutoff=cutoff
                ):
                    j = group_new[k]
                    new_cited = leading_citation(self.n.clauses[j].text) if cited else None
                    if new_cited is not None and new_cited != cited:
                        continue  # another cited instrument: another recital
                    sim = score / 100.0
                    bonus = SAME_SECTION_BONUS if self.n.sections[j] == target else 0.0
                    if new_cited is not None:  # the same instrument cited
                        bonus += SAME_CITATION_BONUS
                    candidates.append((-(sim + bonus), i, j, sim))
        candidates.sort()
        for _, i, j, sim in candidates:
            if i not in self.old_match and j not in self.new_match:
                self.add([i], [j], sim)

    # -- gaps between anchors ---------------------------------------------------------
    def _partner_bounds(self, *, old_side: bool) -> tuple[list[int], list[int]]:
        """For each clause of one side, the partners of its nearest matched neighbours.

        ``lo[x]`` is the last partner (on the other side) of the nearest matched clause at
        or before ``x``, ``hi[x]`` the first partner of the nearest one at or after it:
        an unmatched clause's counterpart, if any, most likely stands between them.
        """
        own = self.old_match if old_side else self.new_match
        size = len(self.o.clauses if old_side else self.n.clauses)
        other_size = len(self.n.clauses if old_side else self.o.clauses)
        lo, hi = [-1] * size, [other_size] * size
        last = -1
        for x in range(size):
            mid = own.get(x)
            if mid is not None:
                last = max(self._partners(mid, old_side))
            lo[x] = last
        first = other_size
        for x in range(size - 1, -1, -1):
            mid = own.get(x)
            if mid is not None:
                first = min(self._partners(mid, old_side))
            hi[x] = first
        return lo, hi

    def _partners(self, mid: int, old_side: bool) -> list[int]:
        olds, news, _ = self.matches[mid]
        return news if old_side else olds

    def _gap_groups(self, olds: list[int], news: list[int]) -> list[tuple[list[int], list[int]]]:
        """Comparison groups for a section too large for the cap: each free old clause is
        compared only with the free new clauses in its gap (see :meth:`_partner_bounds`),
        as a line diff compares only what lies between its anchors."""
        lo, hi = self._partner_bounds(old_side=True)
        ordered = sorted(news)
        by_gap: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in olds:
            a, b = sorted((lo[i], hi[i]))  # crossed anchors (a move): the span between them
            by_gap[(a, b)].append(i)
        groups = []
        for (a, b), members in sorted(by_gap.items()):
            targets = ordered[bisect.bisect_right(ordered, a) : bisect.bisect_left(ordered, b)]
            if not targets:
                continue
            if len(members) * len(targets) <= MAX_COMPARISONS:
                groups.append((members, targets))
            else:  # a gap with no anchors inside (everything rewritten): compare near places
                scale = len(targets) / len(members)
                for rank, i in enumerate(members):
                    centre = int(rank * scale)
                    window = targets[max(0, centre - WINDOW) : centre + WINDOW + 1]
                    groups.append(([i], window))
        return groups

    # -- splits and merges ------------------------------------------------------------
    def splits_and_merges(self, olds: list[int], news: list[int]) -> None:
        self._grow(olds, news, split=True)
        self._grow(olds, news, split=False)

    def _grow(self, olds: list[int], news: list[int], *, split: bool) -> None:
        """Grow one-to-one pairs (or a lone clause) into splits (``split``) or merges."""
        one, many = (self.o, self.n) if split else (self.n, self.o)
        one_dom, many_dom = (olds, news) if split else (news, olds)
        one_match, many_match = (
            (self.old_match, self.new_match) if split else (self.new_match, self.old_match)
        )
        many_pos = {x: k for k, x in enumerate(many_dom)}
        # free clauses of the other side, by the section they would share with ``x``
        lone_many: dict[str, list[int]] = defaultdict(list)
        for y in many_dom:
            if y not in many_match and many.codes[y]:
                home = many.sections[y] if split else self.section_map.get(many.sections[y], "")
                lone_many[home].append(y)
        bounds: tuple[list[int], list[int]] | None = None
        for x in one_dom:
            if x in one_match:
                olds_m, news_m, score = self.matches[one_match[x]]
                if len(olds_m) != 1 or len(news_m) != 1 or score >= 1.0:
                    continue
            else:
                home = self.section_map.get(one.sections[x], "") if split else one.sections[x]
                candidates = lone_many.get(home, [])
                if len(candidates) > MAX_LONE_CANDIDATES:  # keep this linear: its gap only
                    bounds = bounds or self._partner_bounds(old_side=split)
                    a, b = sorted((bounds[0][x], bounds[1][x]))
                    candidates = candidates[
                        bisect.bisect_right(candidates, a) : bisect.bisect_left(candidates, b)
                    ]
                if not candidates:
                    continue
            code = one.codes[x]
            if not code:
                continue
            anchor: int | None = None
            base = 0.0
            if x in one_match:
                anchor = news_m[0] if split else olds_m[0]
                base = score
            else:
                # a lone clause: anchor on the free clause most contained in it
                best: tuple[float, int] | None = None
                for y in candidates:
                    if y in many_match:
                        continue
                    c = _containment(many.codes[y], code)
                    if c >= CONTAINMENT and (best is None or c > best[0]):
                        best = (c, y)
                if best is None:
                    continue
                anchor = best[1]
            group = [anchor]
            current = _ratio(code, "".join(many.codes[y] for y in group))
            improved = True
            while improved:
                improved = False
                for step in (1, -1):
                    edge = group[-1] if step == 1 else group[0]
                    k = many_pos.get(edge)
                    if k is None:
                        continue
                    k += step
                    if not 0 <= k < len(many_dom):
                        continue
                    y = many_dom[k]
                    if y in many_match or many.sections[y] != many.sections[edge]:
                        continue
                    if not many.codes[y] or _containment(many.codes[y], code) < CONTAINMENT:
                        continue
                    trial = [*group, y] if step == 1 else [y, *group]
                    score = _ratio(code, "".join(many.codes[z] for z in trial))
                    if score > current:
                        group, current, improved = trial, score, True
            if len(group) < 2 or current < self.threshold or current < base + SPLIT_GAIN:
                continue
            if x in one_match:
                self.drop(one_match[x])
            if split:
                self.add([x], group, current)
            else:
                self.add(group, [x], current)

    # -- repeated texts -----------------------------------------------------------------
    def untangle_repeats(self) -> None:
        """Among clauses with the same text, hand out their partners in document order.

        Identical old texts (boilerplate such as a footnote repeated in many places) score
        the same against any partner, so which of them took which partner is an accident
        of scoring; reassigning them in order — same section first — changes no score
        and turns spurious crossings (reported as moves) back into order.
        """
        self._untangle(self.o, self.n, old_side=True)
        self._untangle(self.n, self.o, old_side=False)

    def _untangle(self, side: _Side, other: _Side, *, old_side: bool) -> None:
        own = self.old_match if old_side else self.new_match
        by_key: dict[str, list[int]] = defaultdict(list)
        for x, mid in own.items():
            olds, news, _ = self.matches[mid]
            if len(olds) == 1 and len(news) == 1 and side.clauses[x].text:
                by_key[side.clauses[x].text].append(x)
        groups: dict[str, list[int]] = defaultdict(list)
        for candidates in by_key.values():
            if len(candidates) > 1:
                for x in candidates:  # same tokens: same score against anything
                    groups[side.codes[x]].append(x)
        for members in groups.values():
            if len(members) < 2:
                continue
            members.sort()
            partners = sorted(self._partner(own[x], old_side) for x in members)
            for x in members:
                self.drop(own[x])
            for x in members:
                home = side.sections[x]
                target = self.section_map.get(home) if old_side else None
                if old_side:
                    pick = next((y for y in partners if other.sections[y] == target), partners[0])
                else:
                    pick = next(
                        (y for y in partners if self.section_map.get(other.sections[y]) == home),
                        partners[0],
                    )
                partners.remove(pick)
                i, j = (x, pick) if old_side else (pick, x)
                self.add([i], [j], _ratio(self.o.codes[i], self.n.codes[j]))

    def _partner(self, mid: int, old_side: bool) -> int:
        olds, news, _ = self.matches[mid]
        return news[0] if old_side else olds[0]

    def uncross(self) -> None:
        """Swap partners of two neighbouring pairs that cross when order costs little score.

        Greedy best-first pairing ignores order: of two near-duplicate clauses, each
        amended, the first may take the second's partner by a few hundredths. When two
        pairs of one section pair are neighbours in the old text but inverted in the
        new, and the swapped pairs score together within :data:`SWAP_TOLERANCE` of the
        crossed ones (each still at the threshold), the order-keeping pairs win.
        """
        for _ in range(3):  # a few passes settle chains of near-duplicates
            swapped = False
            per_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
            for mid, (olds, news, _) in self.matches.items():
                if len(olds) == 1 and len(news) == 1:
                    per_pair[(self.o.sections[olds[0]], self.n.sections[news[0]])].append(mid)
            for mids in per_pair.values():
                mids.sort(key=lambda m: self.matches[m][0][0])
                for a, b in itertools.pairwise(mids):
                    if a not in self.matches or b not in self.matches:
                        continue
                    (i1,), (j1,), s1 = self.matches[a]
                    (i2,), (j2,), s2 = self.matches[b]
                    if j1 < j2 or self._other_citation(i1, j2) or self._other_citation(i2, j1):
                        continue
                    t1 = _ratio(self.o.codes[i1], self.n.codes[j2])
                    t2 = _ratio(self.o.codes[i2], self.n.codes[j1])
                    if min(t1, t2) >= self.threshold and t1 + t2 >= s1 + s2 - SWAP_TOLERANCE:
                        self.drop(a)
                        self.drop(b)
                        self.add([i1], [j2], t1)
                        self.add([i2], [j1], t2)
                        swapped = True
            if not swapped:
                return

    def _other_citation(self, i: int, j: int) -> bool:
        """Old clause ``i`` and new clause ``j`` open by citing different instruments."""
        return cites_other_instrument(self.o.clauses[i].text, self.n.clauses[j].text)

    # -- rewritten in place --------------------------------------------------------------
    def in_place(self) -> None:
        subjects: SubjectIndex | None = None  # built on the first gap that needs it
        floor = self.threshold * IN_PLACE_FACTOR
        for s_key, t_key in sorted(
            self.section_map.items(), key=lambda kv: self.o.members.get(kv[0], [0])[0]
        ):
            if s_key == HEADER:
                continue
            o_members = self.o.members.get(s_key, [])
            n_members = self.n.members.get(t_key, [])
            if not self.free_old(o_members) or not self.free_new(n_members):
                continue
            anchors = self._anchors(o_members, n_members)
            o_pos = {x: k for k, x in enumerate(o_members)}
            n_pos = {x: k for k, x in enumerate(n_members)}
            bounds = [(-1, -1), *((o_pos[i], n_pos[j]) for i, j in anchors)]
            bounds.append((len(o_members), len(n_members)))
            for (a0, b0), (a1, b1) in itertools.pairwise(bounds):
                gap_old = [x for x in o_members[a0 + 1 : a1] if x not in self.old_match]
                gap_new = [y for y in n_members[b0 + 1 : b1] if y not in self.new_match]
                if gap_old and gap_new and len(gap_old) * len(gap_new) <= MAX_GAP_PAIRS:
                    subjects = subjects or self._subjects()
                    self._align_gap(gap_old, gap_new, subjects, floor)

    def _subjects(self) -> SubjectIndex:
        """Subject-word weights over the body and footnotes of both texts."""
        texts = [
            c.text
            for side in (self.o, self.n)
            for c, s in zip(side.clauses, side.sections, strict=True)
            if s != HEADER
        ]
        titles = [
            c.text for side in (self.o, self.n) for c in side.clauses if c.path == "header/title"
        ]
        return SubjectIndex(texts, titles)

    def _anchors(self, o_members: list[int], n_members: list[int]) -> list[tuple[int, int]]:
        """Pairs inside this section pair that keep their order (a longest increasing run)."""
        n_set = set(n_members)
        pairs = []
        for i in o_members:
            mid = self.old_match.get(i)
            if mid is None:
                continue
            news = [j for j in self.matches[mid][1] if j in n_set]
            if news:
                pairs.append((i, news[0]))
        keep = _lis([j for _, j in pairs])
        return [pairs[k] for k in keep]

    def _align_gap(
        self, gap_old: list[int], gap_new: list[int], subjects: SubjectIndex, floor: float
    ) -> None:
        """Order-keeping pairs of one gap maximising the summed same-subject score."""
        cos = [
            [
                0.0
                if self._other_citation(i, j)
                else subjects.similarity(self.o.clauses[i].text, self.n.clauses[j].text)
                for j in gap_new
            ]
            for i in gap_old
        ]
        rows, cols = len(gap_old), len(gap_new)
        best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
        for r in range(rows - 1, -1, -1):
            for c in range(cols - 1, -1, -1):
                take = best[r + 1][c + 1] + cos[r][c] if cos[r][c] >= floor else -1.0
                best[r][c] = max(take, best[r + 1][c], best[r][c + 1])
        r = c = 0
        while r < rows and c < cols:
            if cos[r][c] >= floor and best[r][c] == best[r + 1][c + 1] + cos[r][c]:
                i, j = gap_old[r], gap_new[c]
                self.add([i], [j], _ratio(self.o.codes[i], self.n.codes[j]))
                r, c = r + 1, c + 1
            elif best[r][c] == best[r + 1][c]:
                r += 1
            else:
                c += 1

    # -- empty clauses (a label holding only sub-clauses) --------------------------------
    def empty_by_path(self) -> None:
        new_by_path = {self.n.clauses[j].path: j for j in self.free_new(range(len(self.n.clauses)))}
        for i in self.free_old(range(len(self.o.clauses))):
            if not self.o.codes[i]:
                j = new_by_path.get(self.o.clauses[i].path)
                if j is not None and not self.n.codes[j] and j not in self.new_match:
                    self.add([i], [j], 1.0)

    # -- result -----------------------------------------------------------------------
    def moved(self, olds: list[int], news: list[int]) -> set[int]:
        """Match ids whose clause moved: to an unpaired section, or out of order."""
        result: set[int] = set()
        per_pair: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
        for mid, (o_list, n_list, _) in self.matches.items():
            s, t = self.o.sections[o_list[0]], self.n.sections[n_list[0]]
            if self.section_map.get(s) != t:
                result.add(mid)
            else:
                per_pair[(s, t)].append((o_list[0], n_list[0], mid))
        for members in per_pair.values():
            members.sort()
            keep = set(_lis([j for _, j, _ in members]))
            result.update(mid for k, (_, _, mid) in enumerate(members) if k not in keep)
        return result


def _containment(part: str, whole: str) -> float:
    """Share of ``part``'s tokens found, in order, in ``whole``."""
    if not part:
        return 0.0
    return float(LCSseq.similarity(part, whole)) / len(part)


def _lis(values: Sequence[int]) -> list[int]:
    """Indices of a longest strictly increasing subsequence (the leftmost-ending one)."""
    tails: list[int] = []  # values
    tail_idx: list[int] = []
    prev = [-1] * len(values)
    for k, v in enumerate(values):
        pos = bisect.bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tail_idx.append(k)
        else:
            tails[pos] = v
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos > 0 else -1
    out: list[int] = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.append(k)
        k = prev[k]
    return out[::-1]


def align_resolutions(
    old: Resolution, new: Resolution, *, threshold: float = DEFAULT_THRESHOLD
) -> Alignment:
    """Align every clause (header parts, body, annexes, footnotes) of ``old`` with ``new``."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    codec = _Codec()
    o, n = _side(old, codec), _side(new, codec)
    al = _Aligner(o, n, threshold)
    al.header()
    domains = [(al.body(o), al.body(n)), (al.notes(o), al.notes(n))]
    for olds, news in domains:
        al.exact(olds, news)
    al.map_sections()
    for olds, news in domains:
        al.similar(olds, news)
    al.map_sections()
    for olds, news in domains:
        al.splits_and_merges(olds, news)
    al.untangle_repeats()
    al.uncross()
    if threshold < 1.0:  # at 1, only identical texts pair
        al.in_place()
    al.empty_by_path()
    al.map_sections()
    moved = al.moved([], [])

    matches = []
    for mid in sorted(al.matches, key=lambda m: (al.matches[m][1][0], al.matches[m][0][0])):
        olds_m, news_m, score = al.matches[mid]
        matches.append(Match(tuple(olds_m), tuple(news_m), score, mid in moved))
    removed = tuple(i for i in range(len(o.clauses)) if i not in al.old_match)
    added = tuple(j for j in range(len(n.clauses)) if j not in al.new_match)
    return Alignment(
        old=tuple(o.clauses),
        new=tuple(n.clauses),
        matches=tuple(matches),
        removed=removed,
        added=added,
        sections=_section_pairs(o, n, al.section_map),
        old_sections=tuple(o.sections),
        new_sections=tuple(n.sections),
    )


def _section_pairs(o: _Side, n: _Side, mapping: dict[str, str]) -> tuple[SectionPair, ...]:
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
