"""Synthetic banks for the paper and export tests (and the benchmark): valid topic files written
straight as YAML text, plus the docs page their `source` points at."""

from __future__ import annotations

import json
import random
from pathlib import Path

AREAS = ("competencies", "ethics", "law", "work", "writing", "career")
PAGE = "# 示例页面\n\n## 要点\n\n内容。\n"


def _s(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML flow scalar


def _single(qid, i, d, rng):
    n = 4
    answer = "ABCD"[i % n]
    options = [f"第{i}题的选项{k}（{rng.randrange(10**6)}）" for k in range(n)]
    return (f"  - id: {qid}\n    type: single\n    difficulty: {d}\n    stem: {_s(f'单选题{qid}：题干（  ）。')}\n"
            f"    options: [{', '.join(_s(o) for o in options)}]\n    answer: {answer}\n"
            f"    explanation: {_s(f'解析{qid}：选 {answer}。')}\n    source: demo/page.md#要点\n")


def _multiple(qid, i, d, rng):
    n = 5
    keys = sorted(rng.sample("ABCDE", rng.randint(2, 4)))
    options = [f"第{i}题多选项{k}（{rng.randrange(10**6)}）" for k in range(n)]
    return (f"  - id: {qid}\n    type: multiple\n    difficulty: {d}\n    stem: {_s(f'多选题{qid}：题干（  ）。')}\n"
            f"    options: [{', '.join(_s(o) for o in options)}]\n    answer: [{', '.join(keys)}]\n"
            f"    explanation: {_s(f'解析{qid}。')}\n    source: demo/page.md\n")


def _judge(qid, i, d, rng):
    return (f"  - id: {qid}\n    type: judge\n    difficulty: {d}\n    stem: {_s(f'判断题{qid}：说法。')}\n"
            f"    answer: {'true' if i % 2 else 'false'}\n    explanation: {_s(f'解析{qid}。')}\n"
            f"    source: demo/page.md\n")


def _case(qid, i, d, rng, points=15):
    short = points - 4  # a single part (2) + a multiple part (2) + the short part
    return (f"  - id: {qid}\n    type: case\n    difficulty: {d}\n    stem: 阅读材料，回答问题。\n"
            f"    material: {_s(f'案例{qid}的材料：某社区发生了一件事。')}\n    parts:\n"
            f"      - type: single\n        stem: {_s(f'{qid}小题一（  ）。')}\n"
            f"        options: [{_s(qid + '甲')}, {_s(qid + '乙')}, {_s(qid + '丙')}]\n        answer: B\n"
            f"        explanation: 乙正确。\n"
            f"      - type: multiple\n        stem: {_s(f'{qid}小题二（  ）。')}\n"
            f"        options: [{_s(qid + '子')}, {_s(qid + '丑')}, {_s(qid + '寅')}, {_s(qid + '卯')}]\n"
            f"        answer: [A, C]\n        explanation: 子、寅正确。\n"
            f"      - type: short\n        stem: {_s(f'{qid}小题三：如何处理？')}\n        reference: 先倾听，再协调。\n"
            f"        rubric:\n          - {{point: 倾听, score: {short - short // 2}}}\n"
            f"          - {{point: 协调, score: {short // 2}}}\n"
            f"    explanation: {_s(f'案例{qid}总体思路。')}\n    source: demo/page.md\n")


def _writing(qid, i, d, rng, points=25):
    return (f"  - id: {qid}\n    type: writing\n    difficulty: {d}\n    stem: {_s(f'写作题{qid}：写一份通知。')}\n"
            f"    requirements: [文种正确, 500 字左右]\n    model_answer: {_s(f'范文{qid}')}\n"
            f"    rubric:\n      - {{point: 格式规范, score: {points - 10}}}\n      - {{point: 内容完整, score: 10}}\n"
            f"    explanation: {_s(f'写作题{qid}的思路。')}\n    source: demo/page.md\n")


MAKERS = {"single": _single, "multiple": _multiple, "judge": _judge, "case": _case, "writing": _writing}


def write_bank(root: Path, counts: dict, *, areas=AREAS, topics_per_area: int = 2, seed: int = 1) -> Path:
    """A bank under `root`: questions/<area>/t<k>.yaml with `counts[type]` questions of each type
    spread round-robin over the topics, and docs/demo/page.md. Returns the questions/ folder."""
    rng = random.Random(seed)
    questions = root / "questions"
    (root / "docs" / "demo").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "demo" / "page.md").write_text(PAGE, encoding="utf-8")
    topics = [(a, k) for a in areas for k in range(1, topics_per_area + 1)]
    chunks: dict[tuple, list[str]] = {t: [] for t in topics}
    serial: dict[tuple, int] = {t: 0 for t in topics}
    i = 0
    for qtype, n in counts.items():
        for _ in range(n):
            t = topics[i % len(topics)]
            serial[t] += 1
            prefix = f"{t[0][:4]}{t[1]}"
            qid = f"{prefix}-{serial[t]:04d}"
            chunks[t].append(MAKERS[qtype](qid, i, 1 + i % 3, rng))
            i += 1
    for (area, k), items in chunks.items():
        if not items:
            continue
        folder = questions / area
        folder.mkdir(parents=True, exist_ok=True)
        head = f"title: {area} 主题 {k}\nprefix: {area[:4]}{k}\nquestions:\n"
        (folder / f"t{k}.yaml").write_text(head + "".join(items), encoding="utf-8")
    return questions


def write_blueprint(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
