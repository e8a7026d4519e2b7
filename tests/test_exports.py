"""`cwexam export`: every format read back with an independent parser or library."""

from __future__ import annotations

import csv
import html
import io
import json
import sqlite3
import zipfile
from pathlib import Path
from xml.dom import minidom

import pytest
from click.testing import CliRunner

import gift_reader
from generator.cli import cli
from generator.loader import load_valid_bank
from generator.model import LETTERS, answer_letters

SPECIAL = "特殊字符 ~ = # { } : \\ <b>粗</b> & “引号”"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def bank_dir(good_bank):
    """The good bank with GIFT/XML/HTML special characters in a stem, an option and a 解析."""
    path = good_bank / "demo" / "basics.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("stem: 请示应当一文一事。", f"stem: {json.dumps('请示应当一文一事。' + SPECIAL, ensure_ascii=False)}")
    text = text.replace("      - 民主集中", f"      - {json.dumps('民主集中' + SPECIAL, ensure_ascii=False)}")
    text = text.replace("    explanation: 《党政机关公文处理工作条例》规定请示应当一文一事。",
                        f"    explanation: {json.dumps('条例规定。' + SPECIAL, ensure_ascii=False)}")
    path.write_text(text, encoding="utf-8")
    return good_bank


def export(bank_dir, tmp_path, fmt, *extra) -> Path:
    out = tmp_path / f"bank.{fmt}"
    result = run("--bank", bank_dir, "export", "--format", fmt, "-o", out, *extra)
    assert result.exit_code == 0, result.output
    return out


def plain(fragment: str) -> str:
    """HTML fragment -> text, as Moodle/Anki would show it."""
    return html.unescape(fragment.replace("<br>", "\n").replace("<p>", "").replace("</p>", ""))


def test_gift_reads_back_like_moodle(bank_dir, tmp_path):
    bank = {q.id: q for q in load_valid_bank(bank_dir).questions}
    questions = gift_reader.parse(export(bank_dir, tmp_path, "gift").read_text(encoding="utf-8"))
    assert [q.name for q in questions] == list(bank)
    assert {q.category for q in questions} == {"$course$/top/社区工作者题库/demo/示例主题"}
    by_name = {q.name: q for q in questions}
    single = by_name["demo-0001"]
    assert single.qtype == "multichoice" and single.single and single.format == "html"
    assert plain(single.text) == bank["demo-0001"].stem
    assert [plain(a.text) for a in single.answers] == list(bank["demo-0001"].options)
    assert [a.fraction for a in single.answers] == [0, 1, 0, 0]
    assert plain(single.general_feedback) == bank["demo-0001"].explanation
    multi = by_name["demo-0002"]
    assert not multi.single and plain(multi.answers[2].text) == "民主集中" + SPECIAL
    right = [LETTERS[i] for i, a in enumerate(multi.answers) if a.fraction > 0]
    assert right == answer_letters(bank["demo-0002"])
    assert abs(sum(a.fraction for a in multi.answers if a.fraction > 0) - 1) < 1e-4
    assert all(a.fraction == -1 for a in multi.answers if a.fraction <= 0)
    judge = by_name["demo-0003"]
    assert judge.qtype == "truefalse" and judge.correct is True
    assert plain(judge.text) == "请示应当一文一事。" + SPECIAL
    assert plain(judge.general_feedback) == "条例规定。" + SPECIAL
    for qid in ("demo-0004", "demo-0005"):
        assert by_name[qid].qtype == "essay" and "评分要点" in by_name[qid].general_feedback


def test_moodle_xml_reads_back(bank_dir, tmp_path):
    doc = minidom.parse(str(export(bank_dir, tmp_path, "moodle")))
    bank = {q.id: q for q in load_valid_bank(bank_dir).questions}

    def text_of(node, tag):
        el = node.getElementsByTagName(tag)[0].getElementsByTagName("text")[0]
        return "".join(c.data for c in el.childNodes)

    nodes = doc.getElementsByTagName("question")
    assert nodes[0].getAttribute("type") == "category"
    assert text_of(nodes[0], "category") == "$course$/top/社区工作者题库/demo/示例主题"
    questions = {text_of(n, "name"): n for n in nodes[1:]}
    assert list(questions) == list(bank)
    types = {k: n.getAttribute("type") for k, n in questions.items()}
    assert types == {"demo-0001": "multichoice", "demo-0002": "multichoice", "demo-0003": "truefalse",
                     "demo-0004": "essay", "demo-0005": "essay"}
    multi = questions["demo-0002"]
    answers = multi.getElementsByTagName("answer")
    assert [plain("".join(c.data for c in a.getElementsByTagName("text")[0].childNodes)) for a in answers] \
        == list(bank["demo-0002"].options)
    fractions = [float(a.getAttribute("fraction")) for a in answers]
    assert [LETTERS[i] for i, f in enumerate(fractions) if f > 0] == ["A", "B", "D"]
    assert abs(sum(f for f in fractions if f > 0) - 100) < 1e-3
    assert multi.getElementsByTagName("single")[0].firstChild.data == "false"
    judge = questions["demo-0003"]
    assert plain(text_of(judge, "questiontext")) == "请示应当一文一事。" + SPECIAL
    assert [a.getAttribute("fraction") for a in judge.getElementsByTagName("answer")] == ["100", "0"]
    assert questions["demo-0005"].getElementsByTagName("defaultgrade")[0].firstChild.data == "5"
    assert "评分要点" in text_of(questions["demo-0005"], "graderinfo")


def _anki_notes(path: Path) -> dict:
    with zipfile.ZipFile(path) as z:
        db = tmp = path.with_suffix(".anki2")
        tmp.write_bytes(z.read("collection.anki2"))
    con = sqlite3.connect(db)
    try:
        rows = con.execute("select guid, flds, tags from notes").fetchall()
        decks = json.loads(con.execute("select decks from col").fetchone()[0])
    finally:
        con.close()
    assert "社区工作者题库" in {d["name"] for d in decks.values()}
    return {flds.split("\x1f")[0]: (guid, flds.split("\x1f"), tags.split()) for guid, flds, tags in rows}


def test_anki_deck_reads_back_with_stable_guids(bank_dir, tmp_path):
    notes = _anki_notes(export(bank_dir, tmp_path, "anki"))
    bank = {q.id: q for q in load_valid_bank(bank_dir).questions}
    assert set(notes) == set(bank)
    guid, fields, tags = notes["demo-0003"]
    assert plain(fields[1]).startswith("请示应当一文一事。" + SPECIAL)
    assert fields[2] == "答案：正确" and "judge" in tags and "demo::basics" in tags
    assert "<b>" not in fields[1] and "&lt;b&gt;" in fields[1]
    # Editing a question keeps its note GUID; other ids have other GUIDs.
    path = bank_dir / "demo" / "basics.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("请示应当一文一事。特殊", "请示须一文一事。特殊"),
                    encoding="utf-8")
    again = _anki_notes(export(bank_dir, tmp_path / "again", "anki"))
    assert again["demo-0003"][0] == guid and again["demo-0003"][1][1] != fields[1]
    assert len({g for g, _, _ in again.values()}) == len(again)


def test_csv_reads_back(bank_dir, tmp_path):
    raw = export(bank_dir, tmp_path, "csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    bank = {q.id: q for q in load_valid_bank(bank_dir).questions}
    assert [r["id"] for r in rows] == list(bank)
    by_id = {r["id"]: r for r in rows}
    assert [by_id["demo-0002"][x] for x in "ABCD"] == list(bank["demo-0002"].options)
    assert by_id["demo-0002"]["answer"] == "ABD" and by_id["demo-0001"]["answer"] == "B"
    assert by_id["demo-0003"]["answer"] == "正确" and by_id["demo-0003"]["stem"].endswith(SPECIAL)
    assert by_id["demo-0004"]["points"] == "6" and "评分要点" in by_id["demo-0004"]["reference"]
    assert by_id["demo-0005"]["reference"].startswith("关于申请重阳节敬老活动经费的请示")


def test_export_filters_by_topic_and_type(bank_dir, tmp_path):
    out = export(bank_dir, tmp_path, "json", "--type", "single", "--type", "judge", "--topic", "demo/basics")
    assert [q["id"] for q in json.loads(out.read_text(encoding="utf-8"))["questions"]] == ["demo-0001", "demo-0003"]
    result = run("--bank", bank_dir, "export", "--format", "csv", "-o", tmp_path / "x.csv", "--topic", "nosuch")
    assert result.exit_code == 2 and "没有主题 nosuch" in result.output
