"""`cwexam paper`: blueprints, seeded selection, shuffling with the key remapped, rendering."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from exam_bank import write_blueprint, write_bank
from generator.blueprint import load_blueprint, resolve
from generator.cli import cli
from generator.errors import BankError
from generator.loader import load_valid_bank
from generator.model import LETTERS, answer_letters
from generator.select import make_papers, version_labels

ROOT = Path(__file__).resolve().parent.parent
COUNTS = {"single": 60, "multiple": 30, "judge": 30, "case": 6, "writing": 4}
SMALL = """\
title: 单元测验
time_limit: 30
instructions: [请独立完成。]
scoring: {multiple: partial, per_option: 0.5}
sections:
  - type: single
    count: 10
    points: 1
    quotas: {law: 3}
    difficulty: {1: 1, 2: 1, 3: 1}
  - {type: multiple, count: 5, points: 2}
  - {type: judge, count: 5, points: 1}
  - {type: case, count: 1}
  - {type: writing, count: 1}
"""


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def bank_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("exam")
    questions = write_bank(root, COUNTS)
    write_blueprint(questions / "blueprints" / "unit.yaml", SMALL)
    shutil.copy(ROOT / "questions" / "blueprints" / "mock-exam.yaml", questions / "blueprints")
    shutil.copy(ROOT / "questions" / "blueprints" / "daily-practice.yaml", questions / "blueprints")
    return questions


@pytest.fixture(scope="module")
def bank(bank_dir):
    return load_valid_bank(bank_dir)


@pytest.fixture(scope="module")
def unit(bank_dir):
    return load_blueprint(bank_dir / "blueprints" / "unit.yaml")


def paper_cli(bank_dir, out, *extra):
    return run("--bank", bank_dir, "paper", "-b", "unit", "--out", out, *extra)


# ---- determinism and output ---------------------------------------------------------------

def test_same_inputs_give_byte_identical_files(bank_dir, tmp_path):
    for name in ("one", "two"):
        result = paper_cli(bank_dir, tmp_path / name, "--seed", 42, "--versions", 2, "--format", "html,md,json")
        assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "two").iterdir())
    assert len(files) == 2 * 5  # paper/key html + paper/key md + json, per version
    for name in files:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert paper_cli(bank_dir, tmp_path / "three", "--seed", 43, "--format", "json").exit_code == 0
    assert (tmp_path / "three" / "unit-s43-A.json").read_bytes() != (tmp_path / "one" / "unit-s42-A.json").read_bytes()


def test_json_paper_format(bank_dir, bank, tmp_path):
    assert paper_cli(bank_dir, tmp_path, "--seed", 5, "--format", "json").exit_code == 0
    data = json.loads((tmp_path / "unit-s5-A.json").read_text(encoding="utf-8"))
    assert data["blueprint"] == "unit" and data["seed"] == 5 and data["version"] == "A"
    by_id = {q.id: q for q in bank.questions}
    questions = data["questions"]
    assert [q["type"] for q in questions] == ["single"] * 10 + ["multiple"] * 5 + ["judge"] * 5 + ["case", "writing"]
    assert len({q["id"] for q in questions}) == len(questions)
    for q in questions:
        assert q["id"] in by_id and {"type", "stem", "points"} <= q.keys()
        if q["type"] in ("single", "multiple"):
            assert [o["label"] for o in q["options"]] == list(LETTERS[:len(q["options"])])
            assert set(q["answer"]) <= {o["label"] for o in q["options"]}
    assert data["total_points"] == 10 * 1 + 5 * 2 + 5 * 1 + questions[-2]["points"] + questions[-1]["points"]
    assert questions[-2]["points"] == sum(p["points"] for p in questions[-2]["parts"])
    assert questions[-1]["points"] == sum(r["score"] for r in questions[-1]["rubric"])


def test_paper_prints_seed_version_and_header(bank_dir, tmp_path):
    assert paper_cli(bank_dir, tmp_path, "--seed", 9, "--versions", 2, "--format", "html,md").exit_code == 0
    html = (tmp_path / "unit-s9-B-paper.html").read_text(encoding="utf-8")
    for text in ("单元测验", "考试时间：30 分钟", "满分", "姓名", "准考证号", "随机种子 9", "B 卷", "答题卡"):
        assert text in html, text
    key = (tmp_path / "unit-s9-B-key.html").read_text(encoding="utf-8")
    assert "参考答案与解析" in key and "评分要点" in key and "参考范文" in key and "随机种子 9" in key
    md = (tmp_path / "unit-s9-A-paper.md").read_text(encoding="utf-8")
    assert "随机种子：9" in md and "试卷版本：A 卷" in md


def test_progress_bar_when_many_versions(bank_dir, tmp_path):
    result = paper_cli(bank_dir, tmp_path, "--seed", 1, "--versions", 3, "--format", "json")
    assert result.exit_code == 0
    assert "生成试卷" in result.stderr and "已生成" in result.stdout
    assert "生成试卷" not in paper_cli(bank_dir, tmp_path / "one", "--seed", 1, "--format", "json").stderr


def test_failure_mid_way_writes_nothing(bank_dir, tmp_path, monkeypatch):
    import generator.render

    real, calls = generator.render.paper_files, []

    def flaky(paper, formats):
        calls.append(paper.version)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(paper, formats)

    monkeypatch.setattr(generator.render, "paper_files", flaky)
    out = tmp_path / "papers"
    result = paper_cli(bank_dir, out, "--seed", 1, "--versions", 3, "--format", "json")
    assert result.exit_code == 1 and "文件操作失败" in result.output
    assert not out.exists() or not any(out.iterdir())
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_unknown_format_is_a_chinese_usage_error(bank_dir, tmp_path):
    result = paper_cli(bank_dir, tmp_path, "--seed", 1, "--format", "html,docx")
    assert result.exit_code == 2 and "未知格式 docx" in result.output


# ---- selection ----------------------------------------------------------------------------

def test_no_question_twice_and_versions_disjoint_when_bank_allows(bank, unit):
    papers = make_papers(bank, unit, seed=3, versions=3)
    assert [p.version for p in papers] == ["A", "B", "C"]
    sets = [{i.id for i in p.items} for p in papers]
    for p, ids in zip(papers, sets):
        assert len(ids) == len(p.items) == 22
    # 60 singles, 30 multiple, 30 judge, 6 case, 4 writing: three versions fit without overlap
    assert not (sets[0] & sets[1]) and not (sets[0] & sets[2]) and not (sets[1] & sets[2])


def test_overlap_is_minimal_when_versions_exceed_bank(bank, unit):
    papers = make_papers(bank, unit, seed=3, versions=8)
    writing = [next(i.id for i in p.items if i.type == "writing") for p in papers]
    # 4 writing questions over 8 versions: each used exactly twice
    assert sorted(writing.count(x) for x in set(writing)) == [2, 2, 2, 2]
    judge_use: dict = {}
    for p in papers:
        for i in p.items:
            if i.type == "judge":
                judge_use[i.id] = judge_use.get(i.id, 0) + 1
    assert max(judge_use.values()) - min(judge_use.values()) <= 1 and len(judge_use) == 30


def test_quotas_and_difficulty_mix(bank, unit):
    paper = make_papers(bank, unit, seed=11)[0]
    singles = [i.question for i in paper.sections[0].items]
    assert sum(q.area == "law" for q in singles) >= 3
    levels = sorted(q.difficulty for q in singles)
    assert levels.count(1) >= 3 and levels.count(2) >= 3 and levels.count(3) >= 3


def test_weights_spread_questions(bank_dir, bank, tmp_path):
    bp = load_blueprint(write_blueprint(tmp_path / "w.yaml", """\
title: 权重
time_limit: 10
sections:
  - {type: single, count: 12, points: 1, weights: {law: 2, ethics: 1}}
"""))
    areas = [i.question.area for i in make_papers(bank, bp, seed=1)[0].items]
    assert areas.count("law") == 8 and areas.count("ethics") == 4


def test_same_selection_with_and_without_shuffle(bank, unit):
    shuffled = make_papers(bank, unit, seed=8, versions=2)
    plain = make_papers(bank, unit, seed=8, versions=2, shuffle=False)
    for a, b in zip(shuffled, plain):
        assert sorted(i.id for i in a.items) == sorted(i.id for i in b.items)
    for item in plain[0].items:
        q = item.question
        if q.type in ("single", "multiple"):
            assert [c.text for c in item.options] == list(q.options)
            assert item.answer == answer_letters(q)


def _key_texts(options, letters):
    return sorted(o.text if hasattr(o, "text") else o for o in
                  [options[LETTERS.index(x)] for x in letters])


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**63 - 1), versions=st.integers(min_value=1, max_value=3))
def test_remapped_key_points_at_the_banks_key_texts(bank, unit, seed, versions):
    for paper in make_papers(bank, unit, seed=seed, versions=versions):
        for item in paper.items:
            q = item.question
            if q.type in ("single", "multiple"):
                assert sorted(c.text for c in item.options) == sorted(q.options)
                assert _key_texts(item.options, item.answer) == _key_texts(list(q.options), answer_letters(q))
            if q.type == "judge":
                assert item.answer is q.answer
            for part, bank_part in zip(item.parts, getattr(q, "parts", [])):
                if bank_part.type in ("single", "multiple"):
                    assert _key_texts(part.options, part.answer) == \
                        _key_texts(list(bank_part.options), answer_letters(bank_part))


def test_version_labels():
    assert version_labels(3) == ["A", "B", "C"]
    assert version_labels(28)[-3:] == ["Z", "AA", "AB"]


# ---- blueprint errors ---------------------------------------------------------------------

def test_unsatisfiable_blueprint_names_section_and_shortfall(bank_dir, tmp_path):
    path = write_blueprint(tmp_path / "big.yaml", """\
title: 太大
time_limit: 60
sections:
  - {type: single, count: 10, points: 1}
  - {type: multiple, count: 45, points: 2}
  - {type: case, count: 2, points: 99}
  - {type: single, count: 25, points: 1, quotas: {law: 20}}
""")
    out = tmp_path / "out"
    result = run("--bank", bank_dir, "paper", "-b", path, "--seed", 1, "--out", out)
    assert result.exit_code == 1
    assert "第 2 部分（多项选择题）需要 45 道多项选择题，题库中只有 30 道可用，缺 15 道" in result.output
    assert "第 3 部分（案例分析题）需要 2 道案例分析题，且总分为 99 分，题库中只有 0 道可用，缺 2 道" in result.output
    assert "第 4 部分（单项选择题）：配额 law 需要 20 道单项选择题，题库中只有 10 道可用，缺 10 道" in result.output
    assert re.search(r"big\.yaml:\d+: 蓝图 big：", result.output)
    assert "Traceback" not in result.output and not out.exists()


def test_unknown_scope_and_bad_fields_have_file_and_line(tmp_path, bank):
    path = write_blueprint(tmp_path / "bad.yaml", """\
title: 坏蓝图
time_limit: 半小时
sections:
  - type: single
    count: 3
  - {type: essay, count: 1}
""")
    with pytest.raises(BankError) as err:
        load_blueprint(path)
    text = str(err.value)
    assert "bad.yaml:2: 蓝图 bad：考试时间 time_limit 应为整数" in text
    assert "bad.yaml:6:" in text and "题型 type" in text
    path.write_text("title: 缺分值\ntime_limit: 10\nsections:\n  - type: single\n    count: 3\n", encoding="utf-8")
    with pytest.raises(BankError) as err:
        load_blueprint(path)
    assert "bad.yaml:4: 蓝图 bad：第 1 部分（单项选择题）：选择题部分必须写每题分值 points" in str(err.value)
    path.write_text("title: t\ntime_limit: 10\nsections:\n  - {type: single, count: 3, points: 1, quotas: {lwa: 1}}\n",
                    encoding="utf-8")
    with pytest.raises(BankError) as err:
        make_papers(bank, load_blueprint(path), seed=1)
    assert "配额中的“lwa”不是题库中的领域或主题" in str(err.value)


def test_blueprint_rule_checks(tmp_path):
    path = write_blueprint(tmp_path / "rules.yaml", """\
title: 规则
time_limit: 10
scoring: {multiple: partial, per_option: 2}
sections:
  - {type: multiple, count: 2, points: 2, quotas: {law: 2, work: 1}}
  - {type: judge, count: 2, points: 1, weights: {law: 1, law/t1: 1}}
""")
    with pytest.raises(BankError) as err:
        load_blueprint(path)
    text = str(err.value)
    assert "per_option（2）应小于第 1 部分（多项选择题）的每题分值（2）" in text
    assert "配额合计 3 道，超过本部分题数 2" in text
    assert "law/t1 包含在 law 之内" in text
    path.write_text("title: t\ntime_limit: 10\nsections:\n  - {type: single, count: 2, points: 0.3}\n",
                    encoding="utf-8")
    with pytest.raises(BankError) as err:
        load_blueprint(path)
    assert "rules.yaml:4: 蓝图 rules：每题分值 points 应为 0.5 的整数倍" in str(err.value)


def test_blueprint_by_name_or_path(bank_dir):
    assert resolve("unit", bank_dir) == bank_dir / "blueprints" / "unit.yaml"
    with pytest.raises(BankError) as err:
        resolve("nosuch", bank_dir)
    assert "找不到蓝图“nosuch”" in str(err.value) and "mock-exam" in str(err.value)


def test_shipped_blueprints_fit_a_bank_of_the_target_size(tmp_path):
    """The target bank (≥250 single, ≥120 multiple, ≥120 judge, ≥20 case, ≥15 writing) fills both
    shipped blueprints; the mock paper is 150 points in 150 minutes."""
    questions = write_bank(tmp_path, {"single": 250, "multiple": 120, "judge": 120, "case": 20, "writing": 15})
    bank = load_valid_bank(questions)
    mock = load_blueprint(ROOT / "questions" / "blueprints" / "mock-exam.yaml")
    papers = make_papers(bank, mock, seed=1, versions=2)
    assert papers[0].total == papers[1].total == 150 and mock.model.time_limit == 150
    assert [len(s.items) for s in papers[0].sections] == [45, 20, 20, 2, 1]
    daily = load_blueprint(ROOT / "questions" / "blueprints" / "daily-practice.yaml")
    paper = make_papers(bank, daily, seed=1)[0]
    assert paper.total == 100 and len(paper.items) == 20 and daily.model.time_limit == 20


def test_validate_reports_blueprints(bank_dir, tmp_path):
    shutil.copytree(bank_dir.parent, tmp_path / "b")
    questions = tmp_path / "b" / "questions"
    result = run("--bank", questions, "validate", "--no-similarity")
    assert result.exit_code == 0, result.output
    write_blueprint(questions / "blueprints" / "huge.yaml",
                    "title: 大\ntime_limit: 10\nsections:\n  - {type: judge, count: 99, points: 1}\n")
    result = run("--bank", questions, "validate", "--no-similarity")
    assert result.exit_code == 0 and "huge.yaml:4: 警告：蓝图 huge：" in result.output and "缺 69 道" in result.output
    (questions / "blueprints" / "huge.yaml").write_text("title: 大\nsections: []\n", encoding="utf-8")
    result = run("--bank", questions, "validate", "--no-similarity")
    assert result.exit_code == 1 and "huge.yaml" in result.output


# ---- escaping -----------------------------------------------------------------------------

HOSTILE = {
    "stem": "<script>alert(1)</script> **粗体** [链接](http://x.example) `代码` &amp; {{ 7*7 }}（  ）",
    "option": "<img src=x onerror=alert(1)>",
    "option2": "# 标题 | 表格 | ~~删除~~",
    "option3": "1. 列表",
    "explanation": "</p><iframe src=x></iframe>\n- 列表项\n> 引用",
}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, _ in attrs:
            assert not name.startswith("on"), name


ALL_TYPES = """\
time_limit: 30
sections:
  - {type: single, count: 1, points: 2}
  - {type: multiple, count: 1, points: 2}
  - {type: judge, count: 1, points: 1}
  - {type: case, count: 1}
  - {type: writing, count: 1}
"""  # blueprint body: one question of each type


@pytest.fixture
def hostile_bank(good_bank):
    path = good_bank / "demo" / "basics.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("stem: 依据 2025 年修订的《城市居民委员会组织法》，居民委员会的性质是（  ）。",
                        f"stem: {json.dumps(HOSTILE['stem'], ensure_ascii=False)}")
    text = text.replace("      - 基层人民政府的派出机关", f"      - {json.dumps(HOSTILE['option'], ensure_ascii=False)}")
    text = text.replace("      - 街道办事处的内设机构", f"      - {json.dumps(HOSTILE['option2'], ensure_ascii=False)}")
    text = text.replace("      - 社会服务机构", f"      - {json.dumps(HOSTILE['option3'], ensure_ascii=False)}")
    text = text.replace("    explanation: 法律规定居民委员会是基层群众性自治组织；它不是政府派出机关，也不是街道内设机构或社会服务机构。",
                        f"    explanation: {json.dumps(HOSTILE['explanation'], ensure_ascii=False)}")
    path.write_text(text, encoding="utf-8")
    write_blueprint(good_bank / "blueprints" / "all.yaml",
                    'title: 全部题型 <b>测试</b>\ninstructions: ["<script>x()</script>"]\n' + ALL_TYPES)
    return good_bank


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "div", "header", "h1", "h2", "h3", "p", "span",
                "table", "tr", "td", "section", "ol", "li"}


def test_html_escapes_contributor_text(hostile_bank, tmp_path):
    result = run("--bank", hostile_bank, "paper", "-b", "all", "--seed", 1, "--format", "html,md", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    for part in ("paper", "key"):
        html = (tmp_path / f"all-s1-A-{part}.html").read_text(encoding="utf-8")
        parser = Tags()
        parser.feed(html)
        assert parser.tags <= ALLOWED_TAGS, parser.tags - ALLOWED_TAGS
    assert "&lt;script&gt;alert(1)" in (tmp_path / "all-s1-A-paper.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in (tmp_path / "all-s1-A-paper.html").read_text(encoding="utf-8")
    assert "&lt;/p&gt;&lt;iframe" in (tmp_path / "all-s1-A-key.html").read_text(encoding="utf-8")


def test_markdown_escapes_contributor_text(hostile_bank, tmp_path):
    import markdown

    assert run("--bank", hostile_bank, "paper", "-b", "all", "--seed", 1, "--format", "md",
               "--out", tmp_path).exit_code == 0
    for part in ("paper", "key"):
        text = (tmp_path / f"all-s1-A-{part}.md").read_text(encoding="utf-8")
        for md_ext in ([], ["tables", "pymdownx.tilde", "def_list", "attr_list"]):
            html = markdown.markdown(text, extensions=md_ext)
            parser = Tags()
            parser.feed(html)
            assert not parser.tags & {"script", "img", "iframe", "a", "code", "del", "blockquote", "b"}, parser.tags
            if part == "paper":
                assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
                assert "**粗体**" in html and "[链接](http://x.example)" in html
                assert html.count("<h1>") == 1  # the title only, not "# 标题" of an option


# ---- PDF ----------------------------------------------------------------------------------

def test_pdf_has_stems_and_embedded_cjk_font(good_bank, tmp_path):
    from pypdf import PdfReader

    write_blueprint(good_bank / "blueprints" / "all.yaml", "title: 全部题型\n" + ALL_TYPES)
    result = run("--bank", good_bank, "paper", "-b", "all", "--seed", 4, "--format", "pdf", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    bank = load_valid_bank(good_bank)
    pdf = tmp_path / "all-s4-A-paper.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    for q in bank.questions:
        assert re.sub(r"\s+", "", q.stem) in flat, q.id
    for option in bank.questions[0].options:
        assert option in flat
    assert "答题卡" in flat and "随机种子4" in flat
    fonts = set()
    for page in PdfReader(str(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]))
    assert any("Serif-CJK-SC" in f or "SerifCJK" in f for f in fonts), fonts
    key_text = subprocess.run(["pdftotext", str(tmp_path / "all-s4-A-key.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
    assert "参考答案与解析" in key_text and "评分要点" in re.sub(r"\s+", "", key_text)
