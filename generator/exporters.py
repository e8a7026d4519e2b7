"""Exports of the bank to the formats other tools read.

Each exporter: (questions, titles) -> bytes, where `titles` maps topic keys to topic titles
(used for categories; the key is used when a title is missing).
"""

from __future__ import annotations

import json

from generator.model import LETTERS, answer_letters


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


def export_json(questions, titles: dict | None = None) -> bytes:
    data = {"questions": [question_record(q) for q in questions]}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")




# ---- shared text helpers ------------------------------------------------------------------

def _html(text: str | None) -> str:
    """Bank text as HTML: escaped, line breaks kept."""
    from html import escape

    return escape(text or "", quote=False).replace("\n", "<br>")


def _category_path(q, titles: dict | None) -> str:
    return f"社区工作者题库/{q.area}/{(titles or {}).get(q.topic) or q.topic}"


def _case_html(q) -> str:
    """The whole case question (material + parts) as HTML for formats without sub-questions."""
    out = [f"<p>{_html(q.stem)}</p>", f"<blockquote>{_html(q.material)}</blockquote>"]
    for j, part in enumerate(q.parts, 1):
        out.append(f"<p>（{j}）{_html(part.stem)}（{part.points} 分）</p>")
        if part.type in ("single", "multiple"):
            out.append("<p>" + "<br>".join(f"{LETTERS[i]}. {_html(o)}" for i, o in enumerate(part.options)) + "</p>")
    return "".join(out)


def _case_answer_html(q) -> str:
    out = []
    for j, part in enumerate(q.parts, 1):
        if part.type == "short":
            rubric = "".join(f"<li>{_html(r.point)}（{r.score} 分）</li>" for r in part.rubric)
            out.append(f"<p>（{j}）参考答案：{_html(part.reference)}</p><p>评分要点：</p><ol>{rubric}</ol>")
        else:
            key = ("正确" if part.answer else "错误") if part.type == "judge" else "".join(answer_letters(part))
            out.append(f"<p>（{j}）答案：{key}。{_html(part.explanation)}</p>")
    out.append(f"<p>解析：{_html(q.explanation)}</p>")
    return "".join(out)


def _writing_html(q) -> str:
    out = [f"<p>{_html(q.stem)}</p>"]
    if q.material:
        out.append(f"<blockquote>{_html(q.material)}</blockquote>")
    out.append("<p>要求：</p><ol>" + "".join(f"<li>{_html(r)}</li>" for r in q.requirements) + "</ol>")
    return "".join(out)


def _writing_answer_html(q) -> str:
    rubric = "".join(f"<li>{_html(r.point)}（{r.score} 分）</li>" for r in q.rubric)
    return (f"<p>评分要点：</p><ol>{rubric}</ol><p>参考范文：</p><p>{_html(q.model_answer)}</p>"
            f"<p>解析：{_html(q.explanation)}</p>")


# ---- GIFT (Moodle) ------------------------------------------------------------------------

_GIFT_SPECIAL = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:",
                 "\n": "\\n", "\r": ""}
# Moodle accepts only these partial-credit percentages (question/format.php grade options).
_FRACTIONS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571", 8: "12.5"}


def gift_escape(text: str) -> str:
    return "".join(_GIFT_SPECIAL.get(ch, ch) for ch in text)


def _gift_html(text: str) -> str:
    """Bank text for a GIFT [html] field: HTML-escaped, then GIFT-escaped."""
    return gift_escape(_html(text))


def _gift_category(path: str) -> str:
    # Moodle splits category paths on "/"; a literal slash is written "//".
    return "/".join(part.replace("/", "//") for part in path.split("/", 2))


def _gift_question(q) -> str:
    name = f"::{gift_escape(q.id)}::"
    feedback = "####[html]" + _gift_html(q.explanation)
    if q.type == "single":
        key = answer_letters(q)
        answers = "".join(f"\t{'=' if LETTERS[i] in key else '~'}[html]{_gift_html(o)}\n"
                          for i, o in enumerate(q.options))
        return f"{name}[html]{_gift_html(q.stem)}{{\n{answers}\t{feedback}\n}}"
    if q.type == "multiple":
        key = answer_letters(q)
        right = _FRACTIONS[len(key)]
        answers = "".join(f"\t~%{right if LETTERS[i] in key else '-100'}%[html]{_gift_html(o)}\n"
                          for i, o in enumerate(q.options))
        return f"{name}[html]{_gift_html(q.stem)}{{\n{answers}\t{feedback}\n}}"
    if q.type == "judge":
        return f"{name}[html]{_gift_html(q.stem)}{{{'TRUE' if q.answer else 'FALSE'}{feedback}}}"
    # case and writing: essays; the key and rubric become the general feedback
    if q.type == "case":
        text, answer = _case_html(q), _case_answer_html(q)
    else:
        text, answer = _writing_html(q), _writing_answer_html(q)
    return f"{name}[html]{gift_escape(text)}{{####[html]{gift_escape(answer)}}}"


def export_gift(questions, titles: dict | None = None) -> bytes:
    """GIFT for Moodle's importer: one category per topic, essays for case and writing
    questions, the bank's 解析 as general feedback."""
    out, current = [], None
    for q in questions:
        category = _category_path(q, titles)
        if category != current:
            out.append(f"$CATEGORY: $course$/top/{_gift_category(category)}\n")
            current = category
        out.append(f"// {q.id}\n{_gift_question(q)}\n")
    return "\n".join(out).encode("utf-8")


# ---- Moodle XML ---------------------------------------------------------------------------

def export_moodle(questions, titles: dict | None = None) -> bytes:
    """Moodle XML (question bank import): categories, multichoice/truefalse/essay questions."""
    import xml.etree.ElementTree as ET

    def text_el(parent, tag: str, html: str, fmt: str = "html"):
        el = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
        ET.SubElement(el, "text").text = html
        return el

    quiz = ET.Element("quiz")
    current = None
    for q in questions:
        category = _category_path(q, titles)
        if category != current:
            cat = ET.SubElement(quiz, "question", {"type": "category"})
            ET.SubElement(ET.SubElement(cat, "category"), "text").text = f"$course$/top/{_gift_category(category)}"
            current = category
        kind = {"single": "multichoice", "multiple": "multichoice", "judge": "truefalse"}.get(q.type, "essay")
        el = ET.SubElement(quiz, "question", {"type": kind})
        ET.SubElement(ET.SubElement(el, "name"), "text").text = q.id
        if q.type == "case":
            body, answer = _case_html(q), _case_answer_html(q)
        elif q.type == "writing":
            body, answer = _writing_html(q), _writing_answer_html(q)
        else:
            body, answer = f"<p>{_html(q.stem)}</p>", f"<p>{_html(q.explanation)}</p>"
        text_el(el, "questiontext", body)
        text_el(el, "generalfeedback", answer)
        grade = {"case": getattr(q, "points", 1), "writing": getattr(q, "points", 1)}.get(q.type, 1)
        ET.SubElement(el, "defaultgrade").text = str(grade)
        ET.SubElement(el, "penalty").text = "0"
        ET.SubElement(el, "hidden").text = "0"
        ET.SubElement(el, "idnumber").text = q.id
        if q.type in ("single", "multiple"):
            key = answer_letters(q)
            ET.SubElement(el, "single").text = "true" if q.type == "single" else "false"
            ET.SubElement(el, "shuffleanswers").text = "true"
            ET.SubElement(el, "answernumbering").text = "ABCD"
            for i, option in enumerate(q.options):
                right = LETTERS[i] in key
                fraction = ("100" if q.type == "single" else _FRACTIONS[len(key)]) if right else \
                    ("0" if q.type == "single" else "-100")
                ans = text_el(el, "answer", f"<p>{_html(option)}</p>")
                ans.set("fraction", fraction)
                text_el(ans, "feedback", "")
        elif q.type == "judge":
            for value in ("true", "false"):
                ans = ET.SubElement(el, "answer", {"fraction": "100" if (value == "true") == q.answer else "0",
                                                    "format": "moodle_auto_format"})
                ET.SubElement(ans, "text").text = value
                text_el(ans, "feedback", "")
        else:
            ET.SubElement(el, "responseformat").text = "editor"
            ET.SubElement(el, "responserequired").text = "1"
            ET.SubElement(el, "responsefieldlines").text = "15"
            ET.SubElement(el, "attachments").text = "0"
            text_el(el, "graderinfo", answer)
        if q.tags:
            tags = ET.SubElement(el, "tags")
            for tag in q.tags:
                ET.SubElement(ET.SubElement(tags, "tag"), "text").text = tag
    ET.indent(quiz)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode").encode("utf-8") + b"\n"


# ---- Anki ---------------------------------------------------------------------------------

ANKI_DECK_ID = 1712000000001
ANKI_MODEL_ID = 1712000000002
ANKI_GUID_SALT = "cwexam"


def anki_guid(question_id: str) -> str:
    """A note's GUID from the question id alone: re-importing an edited question updates the
    note instead of adding a duplicate."""
    import genanki

    return genanki.guid_for(ANKI_GUID_SALT, question_id)


def export_anki(questions, titles: dict | None = None) -> bytes:
    """An Anki deck (.apkg) via genanki: one note per question (front: stem and options; back:
    answer, 解析, 出处)."""
    import os
    import tempfile

    import genanki

    model = genanki.Model(
        ANKI_MODEL_ID, "社区工作者题库",
        fields=[{"name": "编号"}, {"name": "题目"}, {"name": "答案"}, {"name": "解析"}, {"name": "出处"}],
        templates=[{
            "name": "题目卡",
            "qfmt": '<div class="q">{{题目}}</div>',
            "afmt": '{{FrontSide}}<hr id="answer"><div class="a">{{答案}}</div>'
                    '<div class="e">{{解析}}</div><div class="s">{{出处}} · {{编号}}</div>',
        }],
        css=".card{font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;font-size:18px;"
            "text-align:left}.a{font-weight:bold;margin:8px 0}.s{color:#888;font-size:13px;margin-top:8px}",
    )
    deck = genanki.Deck(ANKI_DECK_ID, "社区工作者题库")
    for q in questions:
        if q.type in ("single", "multiple"):
            front = f"<p>{_html(q.stem)}</p><p>" + "<br>".join(
                f"{LETTERS[i]}. {_html(o)}" for i, o in enumerate(q.options)) + "</p>"
            answer, explanation = "答案：" + "".join(answer_letters(q)), _html(q.explanation)
        elif q.type == "judge":
            front = f"<p>{_html(q.stem)}</p><p>（判断正误）</p>"
            answer, explanation = "答案：" + ("正确" if q.answer else "错误"), _html(q.explanation)
        elif q.type == "case":
            front, answer, explanation = _case_html(q), _case_answer_html(q), ""
        else:
            front, answer, explanation = _writing_html(q), _writing_answer_html(q), ""
        tags = [q.type, q.area, q.topic.replace("/", "::")] + [t.replace(" ", "_") for t in q.tags]
        deck.add_note(genanki.Note(model=model, fields=[q.id, front, answer, explanation, _html(q.source)],
                                   guid=anki_guid(q.id), tags=tags))
    fd, tmp = tempfile.mkstemp(suffix=".apkg")
    os.close(fd)
    try:
        genanki.Package(deck).write_to_file(tmp)
        with open(tmp, "rb") as fh:
            return fh.read()
    finally:
        os.unlink(tmp)


# ---- CSV ----------------------------------------------------------------------------------

CSV_FIELDS = ["id", "type", "area", "topic", "difficulty", "stem", "material"] + list(LETTERS) + [
    "answer", "points", "explanation", "requirements", "rubric", "reference", "source", "refs", "tags"]


def _rubric_text(rubric) -> str:
    return "\n".join(f"{r.point}（{r.score} 分）" for r in rubric)


def export_csv(questions, titles: dict | None = None) -> bytes:
    """One row per question, UTF-8 with BOM (Excel opens it as Chinese). Options in columns A–H;
    answer as letters (ABD), 正确/错误 for judge; case parts written out in `reference`."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for q in questions:
        row = {"id": q.id, "type": q.type, "area": q.area, "topic": q.topic, "difficulty": q.difficulty,
               "stem": q.stem, "explanation": q.explanation, "source": q.source,
               "refs": "\n".join(q.refs), "tags": "\n".join(q.tags)}
        if q.type in ("single", "multiple"):
            row.update({LETTERS[i]: o for i, o in enumerate(q.options)})
            row["answer"] = "".join(answer_letters(q))
        elif q.type == "judge":
            row["answer"] = "正确" if q.answer else "错误"
        elif q.type == "case":
            row["material"], row["points"] = q.material, q.points
            lines = []
            for j, part in enumerate(q.parts, 1):
                lines.append(f"（{j}）{part.stem}（{part.points} 分）")
                if part.type in ("single", "multiple"):
                    lines += [f"{LETTERS[i]}. {o}" for i, o in enumerate(part.options)]
                    lines.append("答案：" + "".join(answer_letters(part)) + "。" + part.explanation)
                elif part.type == "judge":
                    lines.append("答案：" + ("正确" if part.answer else "错误") + "。" + part.explanation)
                else:
                    lines.append("参考答案：" + part.reference)
                    lines.append("评分要点：\n" + _rubric_text(part.rubric))
            row["reference"] = "\n".join(lines)
        else:
            row.update(material=q.material or "", points=q.points, requirements="\n".join(q.requirements),
                       rubric=_rubric_text(q.rubric), reference=q.model_answer)
        writer.writerow(row)
    return buf.getvalue().encode("utf-8-sig")


EXPORTERS = {"gift": export_gift, "moodle": export_moodle, "anki": export_anki, "csv": export_csv,
             "json": export_json}
# File extension each format is usually given (for messages and defaults).
EXTENSIONS = {"gift": ".gift.txt", "moodle": ".xml", "anki": ".apkg", "csv": ".csv", "json": ".json"}
