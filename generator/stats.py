"""Counts of the bank by area, topic, type and difficulty."""

from __future__ import annotations

from collections import Counter

from generator.model import DIFFICULTY_NAMES, QUESTION_TYPES, TYPE_NAMES
from generator.textwidth import table

HEADER = ["主题", "合计"] + [TYPE_NAMES[t][:2] for t in QUESTION_TYPES] + list(DIFFICULTY_NAMES.values())


def _row(label: str, questions) -> list:
    types = Counter(q.type for q in questions)
    levels = Counter(q.difficulty for q in questions)
    return [label, len(questions)] + [types[t] for t in QUESTION_TYPES] + [levels[d] for d in (1, 2, 3)]


def stats_table(bank) -> str:
    rows = []
    for area in sorted({t.area for t in bank.topics}):
        topics = [t for t in bank.topics if t.area == area]
        rows.append(_row(f"[{area}]", [q for t in topics for q in t.questions]))
        rows += [_row(f"  {t.name} {t.title}", t.questions) for t in topics]
    rows.append(_row("全部", bank.questions))
    return table(HEADER, rows)
