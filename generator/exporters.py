"""Exports of the bank to the formats other tools read. Each exporter: (questions) -> bytes."""

from __future__ import annotations

import json

from generator.model import answer_letters


def question_record(q) -> dict:
    """A question as plain data: the bank's fields plus `topic`/`area`; choice keys as letter lists."""
    record = {"id": q.id, "type": q.type, "topic": q.topic, "area": q.area}
    record.update(q.model_dump(mode="json", exclude={"id", "type"}))
    if q.type in ("single", "multiple"):
        record["answer"] = answer_letters(q)
    if q.type == "case":
        for part, data in zip(q.parts, record["parts"]):
            if part.type in ("single", "multiple"):
                data["answer"] = answer_letters(part)
            data["points"] = part.points
    if q.type in ("case", "writing"):
        record["points"] = q.points
    return record


def export_json(questions) -> bytes:
    data = {"questions": [question_record(q) for q in questions]}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


EXPORTERS = {"json": export_json}
