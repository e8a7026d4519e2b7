"""An independent GIFT reader for the export tests, written from the behaviour of Moodle's GIFT
importer (qformat_gift): questions are separated by blank lines, `//` lines are comments, escaped
characters (\\: \\# \\= \\{ \\} \\~ \\n \\\\) are protected before parsing, `$CATEGORY:` switches
category, `::name::` names a question, the answer block is between the first `{` and the first `}`,
`####` starts the general feedback, `[html]` gives a text format, `=` marks a right answer, `~`
a wrong one, `~%50%` a weighted one, `T`/`TRUE`/`F`/`FALSE` a true-false question and `{}` an essay.
It does not share code with generator/exporters.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ESCAPES = [("\\:", "\x01058"), ("\\#", "\x01035"), ("\\=", "\x01061"), ("\\{", "\x01123"), ("\\}", "\x01125"),
            ("\\~", "\x01126"), ("\\n", "\x01010")]
_BACK = {"\x01058": ":", "\x01035": "#", "\x01061": "=", "\x01123": "{", "\x01125": "}", "\x01126": "~",
         "\x01010": "\n"}
_WEIGHT = re.compile(r"^%(-*[0-9]{1,2}\.?[0-9]*)%")  # as Moodle: at most two digits before the point


def _protect(text: str) -> str:
    text = text.replace("\\\\", "\x01092")
    for seq, holder in _ESCAPES:
        text = text.replace(seq, holder)
    return text.replace("\x01092", "\\")


def _restore(text: str) -> str:
    for holder, ch in _BACK.items():
        text = text.replace(holder, ch)
    return text


def _format(text: str, default: str = "moodle") -> tuple[str, str]:
    text = text.strip()
    m = re.match(r"^\[(html|plain|markdown|moodle)\]", text)
    if m:
        return _restore(text[m.end():]).strip(), m.group(1)
    return _restore(text).strip(), default


class GiftError(ValueError):
    pass


@dataclass
class Answer:
    text: str
    fraction: float
    feedback: str = ""


@dataclass
class GiftQuestion:
    category: str | None
    name: str | None
    qtype: str
    text: str
    format: str
    general_feedback: str = ""
    answers: list[Answer] = field(default_factory=list)
    single: bool = True
    correct: bool | None = None  # truefalse


def _split(source: str) -> list[list[str]]:
    blocks, current = [], []
    for line in source.splitlines():
        if line.strip().startswith("//"):
            continue
        if not line.strip():
            if current:
                blocks.append(current)
                current = []
            continue
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def parse(source: str) -> list[GiftQuestion]:
    questions, category = [], None
    for lines in _split(source):
        text = _protect("\n".join(lines).strip())
        if text.startswith("$CATEGORY:"):
            category = text[len("$CATEGORY:"):].strip()
            continue
        name = None
        if text.startswith("::"):
            end = text.find("::", 2)
            if end < 0:
                raise GiftError(f"unterminated name: {text[:40]}")
            name, text = _restore(text[2:end]).strip(), text[end + 2:].strip()
        start, finish = text.find("{"), text.find("}")
        if start < 0 or finish < 0 or finish < start:
            raise GiftError(f"braces: {text[:60]}")
        if text[finish + 1:].strip():
            raise GiftError(f"text after the answer block: {text[finish + 1:][:40]}")
        answer_text = text[start + 1:finish].strip()
        question_text = text[:start]
        general = ""
        if "####" in answer_text:
            cut = answer_text.rfind("####")
            general, answer_text = answer_text[cut + 4:], answer_text[:cut].strip()
        qtext, fmt = _format(question_text)
        general, _ = _format(general, fmt)
        q = GiftQuestion(category, name, "", qtext, fmt, general)
        if answer_text == "":
            q.qtype = "essay"
        elif "~" in answer_text:
            q.qtype = "multichoice"
            q.single = "=" in answer_text
            parts = [p.strip() for p in answer_text.replace("=", "~=").split("~")]
            for part in [p for p in parts if p]:
                if part.startswith("="):
                    fraction, part = 1.0, part[1:]
                else:
                    m = _WEIGHT.match(part)
                    fraction, part = (float(m.group(1)) / 100, part[m.end():]) if m else (0.0, part)
                body, _, feedback = part.partition("#")
                q.answers.append(Answer(_format(body, fmt)[0], fraction, _format(feedback, fmt)[0]))
            if len(q.answers) < 2:
                raise GiftError("a multiple-choice question needs two answers")
        else:
            head = answer_text.split("#", 1)[0].strip()
            if head not in ("T", "TRUE", "F", "FALSE"):
                raise GiftError(f"unsupported answer block: {answer_text[:40]}")
            q.qtype, q.correct = "truefalse", head in ("T", "TRUE")
        questions.append(q)
    return questions
