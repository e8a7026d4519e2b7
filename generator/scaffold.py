"""`cwexam new`: a new question appended to a topic file, with the next free id."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.errors import BankError, Diagnostic, display_path
from generator.checks import check_bank
from generator.loader import Bank, docs_dir_for, load_topic
from generator.model import PLACEHOLDER
from generator.output import write_atomic

SCHEMA_LINE = "# yaml-language-server: $schema=../schema.json\n"


def next_id(bank, prefix: str) -> str:
    numbers = [int(q.id.rsplit("-", 1)[1]) for q in bank.questions if q.id.startswith(prefix + "-")]
    return f"{prefix}-{max(numbers, default=0) + 1:04d}"


def skeleton(qtype: str) -> dict:
    """Fields a question of this type needs beyond the common ones, filled with placeholders."""
    if qtype == "case":
        return {"material": PLACEHOLDER, "parts": [
            {"type": "single", "stem": PLACEHOLDER, "options": [PLACEHOLDER + "1", PLACEHOLDER + "2"],
             "answer": "A", "explanation": PLACEHOLDER, "points": 2},
            {"type": "short", "stem": PLACEHOLDER, "reference": PLACEHOLDER,
             "rubric": [{"point": PLACEHOLDER, "score": 4}]},
        ]}
    if qtype == "writing":
        return {"material": PLACEHOLDER, "requirements": [PLACEHOLDER], "model_answer": PLACEHOLDER,
                "rubric": [{"point": PLACEHOLDER, "score": 5}]}
    return {}


def render_entry(question: dict) -> str:
    """YAML text of one list item, indented under `questions:`."""
    text = yaml.safe_dump([question], allow_unicode=True, sort_keys=False, width=1000, indent=2)
    return "".join("  " + line if line.strip() else line for line in text.splitlines(True))


def append_question(root: Path, topic_key: str, question: dict, *, title: str | None = None,
                    prefix: str | None = None) -> Path:
    """Append `question` to `<root>/<topic_key>.yaml` (created if needed); returns the path.

    The new file content is parsed and model-checked before it replaces the old one.
    """
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*", topic_key):
        raise BankError(Diagnostic(topic_key, 0, "主题应写作 <领域>/<主题>，如 competencies/communication（小写字母、数字、连字符）"))
    path = root / f"{topic_key}.yaml"
    if path.exists():
        old = path.read_text(encoding="utf-8")
        new = old if old.endswith("\n") else old + "\n"
        new += render_entry(question)
    else:
        if not title or not prefix:
            raise BankError(Diagnostic(display_path(path), 0, "新建主题文件需要提供 --title 与 --prefix"))
        new = SCHEMA_LINE + yaml.safe_dump({"title": title, "prefix": prefix}, allow_unicode=True,
                                           sort_keys=False) + "questions:\n" + render_entry(question)
    topic = load_topic(path, root, new.encode("utf-8"))  # raises BankError if it would not load
    errors = [d for d in check_bank(Bank(root, [topic]), docs_dir_for(root)) if d.level == "error"]
    if errors:
        raise BankError(errors)
    write_atomic(path, new)
    return path
