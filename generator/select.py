"""From bank + blueprint + seed to papers: seeded stratified selection, K versions that overlap as
little as the bank allows, and option shuffling with the key remapped.

Everything random comes from `random.Random` seeded with a string derived from the seed and the
version label (string seeds are hashed with SHA-512, so the stream does not depend on the Python
process), and every pool is sorted by question id before it is shuffled: the same bank, blueprint
and seed always give the same papers.

Selection of one section (all strata of all sections share the paper's "already chosen" set, so no
question appears twice in a paper):
1. each quota (`quotas: {law: 8}`) draws exactly that many from its area or topic;
2. the rest of the section is split over `weights` (largest remainder, capped by what each scope
   has) or drawn from the whole type;
3. every draw prefers the questions used least by earlier versions (overlap first), and within a
   usage level follows the difficulty mix (largest remainder); a difficulty that runs short is made
   up from the others.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from generator.errors import BankError
from generator.model import LETTERS, TYPE_NAMES, answer_letters

NUMERALS = "一二三四五六七八九十"
DEFAULT_NOTES = {
    "single": "在每题给出的选项中，只有一项符合题目要求。",
    "multiple": "在每题给出的选项中，有两项或两项以上符合题目要求。",
    "judge": "判断下列说法是否正确，正确的在答题卡上涂“√”，错误的涂“×”。",
    "case": "阅读材料，按要求作答。选择类小题在答题卡上填涂，其余小题在答题卡指定区域作答。",
    "writing": "按要求写作，在答题卡指定区域作答。",
}
_LETTER_REF = re.compile(r"(?<![A-Za-z])[A-H](?![A-Za-z])")


# ---- the paper ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Choice:
    label: str  # letter on this paper
    text: str


@dataclass
class Part:
    """A sub-question of a case question, as printed."""

    number: int
    type: str
    stem: str
    points: float
    options: list[Choice] = field(default_factory=list)
    answer: list[str] | bool | None = None  # letters on this paper, a bool for judge, None for short
    explanation: str = ""
    reference: str = ""
    rubric: list = field(default_factory=list)
    letter_map: dict[str, str] = field(default_factory=dict)  # bank letter -> paper letter

    @property
    def explanation_note(self) -> str:
        return letter_note(self.explanation, self.letter_map)


@dataclass
class Item:
    """One question as printed on one version."""

    number: int
    question: object  # the bank question
    points: float
    options: list[Choice] = field(default_factory=list)
    answer: list[str] | bool | None = None
    parts: list[Part] = field(default_factory=list)
    letter_map: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def type(self) -> str:
        return self.question.type

    @property
    def explanation_note(self) -> str:
        return letter_note(self.question.explanation, self.letter_map)


@dataclass
class Section:
    index: int
    heading: str  # "一、单项选择题"
    type: str
    note: str
    items: list[Item]
    points_each: float | None  # choice sections; None when points come from the bank

    @property
    def total(self) -> float:
        return sum(i.points for i in self.items)


@dataclass
class Paper:
    blueprint: object  # generator.blueprint.Blueprint
    seed: int
    version: str
    shuffled: bool
    sections: list[Section]

    @property
    def title(self) -> str:
        return self.blueprint.title

    @property
    def total(self) -> float:
        return sum(s.total for s in self.sections)

    @property
    def items(self) -> list[Item]:
        return [i for s in self.sections for i in s.items]

    @property
    def stem_name(self) -> str:
        """File name stem: `<blueprint>-s<seed>-<version>`."""
        return f"{self.blueprint.name}-s{self.seed}-{self.version}"


def letter_note(explanation: str, letter_map: dict[str, str]) -> str:
    """When options were shuffled and an explanation names option letters, a note that maps the
    bank's letters to this paper's (the explanation is printed as written)."""
    moved = {a: b for a, b in letter_map.items() if a != b}
    if not moved or not _LETTER_REF.search(explanation):
        return ""
    pairs = "，".join(f"{a}→{letter_map[a]}" for a in sorted(letter_map))
    return f"解析中的选项字母按题库原顺序，对应本卷：{pairs}。"


def version_labels(n: int) -> list[str]:
    """A, B, …, Z, AA, AB, …"""
    out = []
    for i in range(n):
        label, k = "", i + 1
        while k:
            k, r = divmod(k - 1, 26)
            label = chr(65 + r) + label
        out.append(label)
    return out


def chinese_numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + NUMERALS[n - 11]
    tens, ones = divmod(n, 10)
    return NUMERALS[tens - 1] + "十" + (NUMERALS[ones - 1] if ones else "")


# ---- selection ----------------------------------------------------------------------------

def apportion(n: int, weights: dict) -> dict:
    """Split n by weights, largest remainder; ties go to the earlier key (in sorted order)."""
    keys = sorted(weights, key=str)
    total = sum(weights[k] for k in keys)
    if n <= 0 or total <= 0:
        return {k: 0 for k in keys}
    exact = {k: n * weights[k] / total for k in keys}
    alloc = {k: int(exact[k]) for k in keys}
    rest = n - sum(alloc.values())
    for k in sorted(keys, key=lambda k: -(exact[k] - alloc[k]))[:rest]:
        alloc[k] += 1
    return alloc


def allocate(n: int, weights: dict, capacity: dict) -> dict:
    """Apportion n by weights without giving any key more than its capacity; what a full key
    cannot take goes to the others by their weights."""
    alloc = {k: 0 for k in weights}
    open_keys = {k: w for k, w in weights.items() if capacity.get(k, 0) > 0}
    left = n
    while left > 0 and open_keys:
        share = apportion(left, open_keys)
        progressed = False
        for k, s in share.items():
            take = min(s, capacity[k] - alloc[k])
            if take > 0:
                alloc[k] += take
                left -= take
                progressed = True
            if alloc[k] >= capacity[k]:
                open_keys.pop(k)
        if not progressed:
            break
    return alloc


class _Shortfall(Exception):
    pass


class Selector:
    """Draws the questions of successive versions; remembers how often each question was used."""

    def __init__(self, bank, blueprint):
        self.blueprint = blueprint
        self.order = {q.id: i for i, q in enumerate(bank.questions)}
        self.by_type: dict[str, list] = {}
        for q in sorted(bank.questions, key=lambda q: q.id):
            self.by_type.setdefault(q.type, []).append(q)
        self.scopes = {t.area for t in bank.topics} | {t.key for t in bank.topics}
        # scope -> ids in it, from the topics (cheaper than each question's properties)
        self._in_scope: dict[str, set] = {}
        for t in bank.topics:
            ids = {q.id for q in t.questions}
            self._in_scope.setdefault(t.key, set()).update(ids)
            self._in_scope.setdefault(t.area, set()).update(ids)
        self.usage: dict[str, int] = {}
        self._pools: dict = {}

    def pool(self, section, scope: str | None = None) -> tuple:
        """The questions a section may draw (in one scope), sorted by id, with their ids,
        difficulties and id set; cached."""
        key = (section.type, section.points if section.type in ("case", "writing") else None, scope)
        if key not in self._pools:
            pool = self.by_type.get(section.type, [])
            if key[1] is not None:
                pool = [q for q in pool if q.points == section.points]
            if scope is not None:
                members = self._in_scope.get(scope, set())
                pool = [q for q in pool if q.id in members]
            ids = [q.id for q in pool]
            self._pools[key] = (pool, ids, [q.difficulty for q in pool], frozenset(ids))
        return self._pools[key]

    def _draw(self, pool: tuple, n: int, rng: random.Random, mix: dict, taken: set) -> list:
        """n questions from pool: least used first; within a usage level the difficulty mix first,
        then any difficulty; random within each choice."""
        questions, ids, diffs, _ = pool
        if n <= 0 or not ids:
            return []
        get = self.usage.get
        levels = [-1 if i in taken else get(i, 0) for i in ids]  # list comprehensions: this runs per draw
        targets = apportion(n, mix) if mix else {}
        chosen: list[int] = []
        for level in sorted(set(levels) - {-1}):
            group = [k for k, lv in enumerate(levels) if lv == level]
            picked: list[int] = []
            for d in sorted(targets):
                want = min(targets[d], n - len(chosen) - len(picked))
                if want <= 0:
                    continue
                same = [k for k in group if diffs[k] == d]
                got = rng.sample(same, min(want, len(same)))
                targets[d] -= len(got)
                picked += got
            if len(chosen) + len(picked) < n:
                have = set(picked)
                rest = [k for k in group if k not in have]
                picked += rng.sample(rest, min(n - len(chosen) - len(picked), len(rest)))
            chosen += picked
            if len(chosen) >= n:
                break
        taken.update(ids[k] for k in chosen)
        return [questions[k] for k in chosen]

    def select(self, rng: random.Random, report: list | None = None) -> list[list]:
        """One version: the chosen questions of each section. Shortfalls are appended to `report`
        as diagnostics (when given); the usage counts are updated."""
        bp = self.blueprint
        taken: set = set()
        chosen: list[list] = [[] for _ in bp.sections]

        def short(keys, message):
            if report is not None:
                report.append(bp.diag(keys, message))

        # Quotas of every section first: they are the tightest constraints.
        for i, s in enumerate(bp.sections):
            for scope in sorted(s.quotas):
                need = s.quotas[scope]
                if scope not in self.scopes:
                    short(("sections", i, "quotas", scope),
                          f"{bp.section_label(i)}：配额中的“{scope}”不是题库中的领域或主题")
                    continue
                got = self._draw(self.pool(s, scope), need, rng, s.difficulty, taken)
                chosen[i] += got
                if len(got) < need:
                    short(("sections", i, "quotas", scope),
                          f"{bp.section_label(i)}：配额 {scope} 需要 {need} 道{s.type_name}，"
                          f"题库中只有 {len(got)} 道可用，缺 {need - len(got)} 道")
        for i, s in enumerate(bp.sections):
            rest = s.count - sum(s.quotas.values())
            if rest <= 0:
                continue
            got: list = []
            if s.weights:
                unknown = [k for k in sorted(s.weights) if k not in self.scopes]
                for k in unknown:
                    short(("sections", i, "weights", k), f"{bp.section_label(i)}：权重中的“{k}”不是题库中的领域或主题")
                scoped = {k: self.pool(s, k) for k in s.weights}
                free = {k: len(v[1]) - len(v[3] & taken) for k, v in scoped.items()}
                alloc = allocate(rest, dict(s.weights), free)
                for k in sorted(alloc):
                    got += self._draw(scoped[k], alloc[k], rng, s.difficulty, taken)
                scope_text = "权重所列范围（" + "、".join(sorted(s.weights)) + "）"
            else:
                got = self._draw(self.pool(s), rest, rng, s.difficulty, taken)
                scope_text = "题库"
            chosen[i] += got
            if len(got) < rest:
                where = f"{bp.section_label(i)}需要 {s.count} 道{s.type_name}"
                if s.quotas:
                    where += f"（配额以外 {rest} 道）"
                if s.type in ("case", "writing") and s.points is not None:
                    where += f"，且总分为 {s.points:g} 分"
                short(("sections", i), f"{where}，{scope_text}中只有 {len(got)} 道可用，缺 {rest - len(got)} 道")
        for questions in chosen:
            for q in questions:
                self.usage[q.id] = self.usage.get(q.id, 0) + 1
        return chosen


# ---- shuffling ----------------------------------------------------------------------------

def shuffle_options(options: list[str], key: list[str], rng: random.Random | None):
    """Options in a new order (none when rng is None) with the key remapped.
    Returns (choices, answer letters on this paper, bank letter -> paper letter)."""
    order = list(range(len(options)))
    if rng is not None:
        rng.shuffle(order)
    letter_map = {LETTERS[old]: LETTERS[new] for new, old in enumerate(order)}
    choices = [Choice(LETTERS[new], options[old]) for new, old in enumerate(order)]
    return choices, sorted(letter_map[k] for k in key), letter_map


def _item(number: int, q, points: float, rng: random.Random | None) -> Item:
    item = Item(number, q, points)
    if q.type in ("single", "multiple"):
        item.options, item.answer, item.letter_map = shuffle_options(list(q.options), answer_letters(q), rng)
    elif q.type == "judge":
        item.answer = q.answer
    elif q.type == "case":
        for j, p in enumerate(q.parts):
            part = Part(j + 1, p.type, p.stem, float(p.points))
            if p.type in ("single", "multiple"):
                part.options, part.answer, part.letter_map = shuffle_options(list(p.options), answer_letters(p), rng)
                part.explanation = p.explanation
            elif p.type == "judge":
                part.answer, part.explanation = p.answer, p.explanation
            else:
                part.reference, part.rubric = p.reference, list(p.rubric)
            item.parts.append(part)
    return item


def make_papers(bank, blueprint, seed: int, versions: int = 1, shuffle: bool = True) -> list[Paper]:
    """Papers A, B, … for a blueprint. Raises BankError naming each section the bank cannot fill."""
    selector = Selector(bank, blueprint)
    papers = []
    for label in version_labels(versions):
        report: list = []
        chosen = selector.select(random.Random(f"cwexam/{seed}/{label}/select"), report)
        if report:
            raise BankError(sorted(set(report), key=lambda d: (d.line, d.message)))
        rng = random.Random(f"cwexam/{seed}/{label}/shuffle") if shuffle else None
        sections, number = [], 0
        for i, (s, questions) in enumerate(zip(blueprint.sections, chosen)):
            if rng is not None:
                rng.shuffle(questions)
            else:
                questions.sort(key=lambda q: selector.order[q.id])
            items = []
            for q in questions:
                number += 1
                points = float(s.points) if s.type in ("single", "multiple", "judge") else float(q.points)
                items.append(_item(number, q, points, rng))
            note = s.note or DEFAULT_NOTES[s.type]
            if s.type == "multiple":
                from generator.scoring import describe_multiple

                note += describe_multiple(s.points, blueprint.scoring.multiple, blueprint.scoring.per_option)
            heading = f"{chinese_numeral(i + 1)}、{s.title or TYPE_NAMES[s.type]}"
            points_each = float(s.points) if s.type in ("single", "multiple", "judge") else None
            sections.append(Section(i, heading, s.type, note, items, points_each))
        papers.append(Paper(blueprint, seed, label, shuffle, sections))
    return papers
