"""The bank as study-site pages: one function, `write_pages`, used by `cwexam pages` and the MkDocs hook.

It writes, under `out_dir` (normally the git-ignored `docs/practice/`):

- `index.md`: the topics by area, with question counts;
- `<area>/<topic>.md`: one practice page per topic, every question interactive;
- `bank.js`: `window.CW_BANK = {...}`, the bank as data for the mock-exam and 错题本 pages
  (a script, not JSON to fetch, so that the offline build opened from `file://` works).

Safety: bank text never passes through Markdown. Questions are emitted as raw HTML blocks rendered by
Jinja2 with autoescape (Markdown leaves block-level raw HTML alone); every line of such a block starts
with a tag written here, never with bank text, and text newlines become `<br>` or `&#10;`. The only
Markdown around them is written by this module: headings and links whose text is escaped by `md_text`.
The link from a question to its study section is a plain Markdown link outside the raw HTML, so MkDocs
rewrites it for directory URLs and for the offline build, and `--strict` checks it.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup, escape

from generator.exporters import question_record
from generator.loader import docs_dir_for, load_valid_bank
from generator.model import DIFFICULTY_NAMES, LETTERS, QUESTION_TYPES, TYPE_NAMES, answer_letters
from generator.headings import page_info
from generator.output import write_atomic

AREA_TITLES = {
    "competencies": "核心能力",
    "ethics": "职业伦理",
    "writing": "公文写作",
    "work": "社区工作",
    "law": "法律法规",
    "career": "职业发展",
}
AREA_ORDER = list(AREA_TITLES)
DATA_FILE = "bank.js"
MARKER = ".cwexam-generated"  # marks a folder this module owns (stale pages in it are removed)

def md_text(text: str) -> str:
    """Plain text made safe for one line of Markdown (link text, headings, table cells): the
    paper renderer's escaping, with whitespace collapsed."""
    from generator.render import md_escape

    return md_escape(" ".join(str(text).split()))


def js_data(value) -> str:
    """JSON safe to embed in a script: no `<`, `>`, `&`, U+2028 or U+2029 left literal."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for ch, rep in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, rep)
    return text


# ---- Jinja2 filters: bank text to HTML on one line ------------------------------------------

def _paras(text: str | None) -> Markup:
    """Paragraphs (`<p>`, split on blank lines) with `<br>` for single newlines; all on one line."""
    if not text:
        return Markup("")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", str(text).strip()) if b.strip()]
    return Markup("").join(
        Markup("<p>") + Markup("<br>").join(escape(line.strip()) for line in block.splitlines())
        + Markup("</p>") for block in blocks)


def _inline(text: str | None) -> Markup:
    """Inline text with `<br>` for newlines."""
    lines = str(text or "").strip().splitlines()
    return Markup("<br>").join(escape(line) for line in lines)


def _pre(text: str | None) -> Markup:
    """Text whose layout matters (范文): newlines kept as `&#10;` for `white-space: pre-wrap`."""
    return Markup("&#10;").join(escape(line.rstrip()) for line in str(text or "").strip("\n").splitlines())


_env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                   keep_trailing_newline=False)
_env.filters.update(paras=_paras, inline=_inline, pre=_pre)

# One question. Every line starts with a tag; blank lines are stripped after rendering.
QUESTION_HTML = _env.from_string("""\
{% macro options(name, kind, opts, label_id) %}
<fieldset class="cw-options" aria-labelledby="{{ label_id }}">
<legend class="cw-sr">请选择</legend>
{% for key, text in opts %}
<label class="cw-option"><input type="{{ 'checkbox' if kind == 'multiple' else 'radio' }}" name="{{ name }}" value="{{ key }}"><span class="cw-option__key">{{ key if kind != 'judge' else ('√' if key == 'true' else '×') }}</span><span class="cw-option__text">{{ text | inline }}</span></label>
{% endfor %}
</fieldset>
{% endmacro %}
{% macro rubric(items, total) %}
<p class="cw-reveal__label">评分要点（自查：逐条勾选你答到的要点）</p>
<ul class="cw-rubric">
{% for item in items %}
<li><label><input type="checkbox" class="cw-rubric__item" data-score="{{ item.score }}"><span>{{ item.point | inline }}</span><span class="cw-rubric__score">{{ item.score }} 分</span></label></li>
{% endfor %}
</ul>
<p class="cw-selfscore">自评得分：<output class="cw-selfscore__value">0</output> / {{ total }} 分</p>
{% endmacro %}
{% macro choice_key(kind, answer) %}
{% if kind == 'judge' %}{{ '正确' if answer else '错误' }}{% else %}{{ answer | join('、') }}{% endif %}
{% endmacro %}
<div class="cw-q" id="{{ q.id }}" data-qid="{{ q.id }}" data-type="{{ q.type }}" data-topic="{{ q.topic }}"{% if key %} data-answer="{{ key }}"{% endif %} data-points="{{ points }}">
<div class="cw-q__meta"><span class="cw-q__no">第 {{ number }} 题</span><span class="cw-tag">{{ type_name }}</span><span class="cw-tag">难度：{{ difficulty }}</span><span class="cw-q__id">{{ q.id }}</span></div>
<div class="cw-q__stem" id="{{ q.id }}-stem">{{ q.stem | paras }}</div>
{% if q.type in ('case', 'writing') and q.material %}
<div class="cw-material"><p class="cw-material__label">材料</p>{{ q.material | paras }}</div>
{% endif %}
{% if q.type in ('single', 'multiple', 'judge') %}
{{ options(q.id, q.type, opts, q.id ~ '-stem') }}
{% elif q.type == 'case' %}
<ol class="cw-parts">
{% for part in parts %}
<li class="cw-part" id="{{ q.id }}-p{{ loop.index }}" data-type="{{ part.type }}"{% if part.key %} data-answer="{{ part.key }}"{% endif %} data-points="{{ part.points }}">
<div class="cw-part__stem" id="{{ q.id }}-p{{ loop.index }}-stem"><span class="cw-tag">{{ part.type_name }} · {{ part.points }} 分</span>{{ part.stem | paras }}</div>
{% if part.type == 'short' %}
<textarea class="cw-answer" rows="4" aria-labelledby="{{ q.id }}-p{{ loop.index }}-stem" placeholder="在这里写下你的答案（只保存在本页）"></textarea>
{% else %}
{{ options(q.id ~ '-p' ~ loop.index, part.type, part.opts, q.id ~ '-p' ~ loop.index ~ '-stem') }}
{% endif %}
<div class="cw-part__feedback" role="status" aria-live="polite"></div>
<details class="cw-reveal">
<summary>{{ '参考答案与评分要点' if part.type == 'short' else '答案与解析' }}</summary>
{% if part.type == 'short' %}
<p class="cw-reveal__label">参考答案</p>
<div class="cw-reference">{{ part.reference | paras }}</div>
{{ rubric(part.rubric, part.points) }}
{% else %}
<p class="cw-key">正确答案：{{ choice_key(part.type, part.answer) }}</p>
<div class="cw-explanation">{{ part.explanation | paras }}</div>
{% endif %}
</details>
</li>
{% endfor %}
</ol>
{% elif q.type == 'writing' %}
<div class="cw-requirements"><p class="cw-material__label">写作要求</p><ul>
{% for r in q.requirements %}
<li>{{ r | inline }}</li>
{% endfor %}
</ul></div>
<textarea class="cw-answer cw-answer--long" rows="10" aria-labelledby="{{ q.id }}-stem" placeholder="在这里起草（只保存在本页）"></textarea>
{% endif %}
<div class="cw-actions"><button type="button" class="md-button md-button--primary cw-submit">提交</button><button type="button" class="md-button cw-retry" hidden>重做</button></div>
<div class="cw-feedback" role="status" aria-live="polite"></div>
<details class="cw-reveal">
<summary>{{ '范文与评分要点' if q.type == 'writing' else ('总体解析' if q.type == 'case' else '答案与解析') }}</summary>
{% if q.type in ('single', 'multiple', 'judge') %}
<p class="cw-key">正确答案：{{ choice_key(q.type, answer) }}</p>
{% elif q.type == 'writing' %}
<p class="cw-reveal__label">范文</p>
<div class="cw-model">{{ q.model_answer | pre }}</div>
{{ rubric(q.rubric, points) }}
{% endif %}
<div class="cw-explanation"><p class="cw-reveal__label">解析</p>{{ q.explanation | paras }}</div>
{% if q.refs %}
<p class="cw-refs">依据：{% for r in q.refs %}{{ r }}{% if not loop.last %}；{% endif %}{% endfor %}</p>
{% endif %}
</details>
</div>
""")


def _choice_key(q) -> str:
    if q.type == "judge":
        return "true" if q.answer else "false"
    return ",".join(answer_letters(q))


def _options(item) -> list[tuple[str, str]]:
    if item.type == "judge":
        return [("true", "正确"), ("false", "错误")]
    return list(zip(LETTERS, item.options))


def question_html(q, number: int) -> str:
    """The raw HTML block of one question (no blank lines, every line starting with a tag)."""
    parts = []
    if q.type == "case":
        for part in q.parts:
            parts.append({
                "type": part.type, "type_name": TYPE_NAMES[part.type], "stem": part.stem,
                "points": part.points,
                "key": "" if part.type == "short" else _choice_key(part),
                "opts": [] if part.type == "short" else _options(part),
                "answer": None if part.type == "short" else (
                    part.answer if part.type == "judge" else answer_letters(part)),
                "explanation": getattr(part, "explanation", ""),
                "reference": getattr(part, "reference", ""),
                "rubric": getattr(part, "rubric", []),
            })
    is_choice = q.type in ("single", "multiple", "judge")
    out = QUESTION_HTML.render(
        q=q, number=number, type_name=TYPE_NAMES[q.type], difficulty=DIFFICULTY_NAMES[q.difficulty],
        key=_choice_key(q) if is_choice else "",
        answer=(q.answer if q.type == "judge" else answer_letters(q)) if is_choice else None,
        opts=_options(q) if is_choice else [], parts=parts,
        points=getattr(q, "points", 1) if not is_choice else 1,
    )
    return "\n".join(line for line in out.splitlines() if line.strip())


def source_label(docs_dir: Path, source: str) -> str:
    """`页面标题 › 小节标题` for a question's `source` (the path itself when the page is missing)."""
    page, _, anchor = source.partition("#")
    path = docs_dir / page
    try:
        title, headings = page_info(path)
    except OSError:
        return source
    if anchor and anchor in headings:
        return f"{title} › {headings[anchor]}"
    return title


# ---- the pages ------------------------------------------------------------------------------

@dataclass
class PagesResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        return (f"写出 {len(self.written)} 个文件，{len(self.unchanged)} 个未变，"
                f"删除 {len(self.removed)} 个过期文件")


def _area_title(area: str) -> str:
    return AREA_TITLES.get(area, area)


def _sorted_topics(bank) -> list:
    order = {a: i for i, a in enumerate(AREA_ORDER)}
    return sorted(bank.topics, key=lambda t: (order.get(t.area, len(order)), t.area, t.name))


def _type_counts(questions) -> str:
    counts = Counter(q.type for q in questions)
    return "、".join(f"{TYPE_NAMES[t][:-1]} {counts[t]}" for t in QUESTION_TYPES if counts[t])


def _rel(target: Path, start: Path) -> str:
    return Path(os.path.relpath(target, start)).as_posix()


def _index_page(bank, out_dir: Path, docs_dir: Path) -> str:
    topics = _sorted_topics(bank)
    total = sum(len(t.questions) for t in topics)
    lines = [
        "---", "title: 题库练习", "---", "",
        "# 题库练习", "",
        f"题库共有 {len(topics)} 个主题、{total} 道题。选择一个主题开始练习：每道题作答后按“提交”，"
        "立即显示对错、解析和讲授该知识点的学习页面。做错的题会记入错题本（只保存在本浏览器中）。", "",
    ]
    extra = []
    if (docs_dir / "exam" / "index.md").is_file():
        extra.append(f"[模拟考试]({_rel(docs_dir / 'exam' / 'index.md', out_dir)})")
    if (docs_dir / "mistakes.md").is_file():
        extra.append(f"[错题本]({_rel(docs_dir / 'mistakes.md', out_dir)})")
    if extra:
        lines += ["另见：" + "、".join(extra) + "。", ""]
    for area in dict.fromkeys(t.area for t in topics):
        area_topics = [t for t in topics if t.area == area]
        lines += [f"## {md_text(_area_title(area))}", "",
                  "| 主题 | 题数 | 题型 |", "| --- | ---: | --- |"]
        for t in area_topics:
            lines.append(f"| [{md_text(t.title)}]({t.area}/{t.name}.md) | {len(t.questions)} | "
                         f"{md_text(_type_counts(t.questions))} |")
        lines.append("")
    return "\n".join(lines)


def _topic_page(topic, out_dir: Path, docs_dir: Path) -> str:
    page_dir = out_dir / topic.area
    title = topic.title
    lines = [
        "---",
        f"title: {json.dumps('练习：' + html.escape(' '.join(title.split())), ensure_ascii=False)}",
        "search:",
        "  exclude: true  # questions would double the search index every page downloads",
        "---", "",
        f"# 练习：{md_text(title)}", "",
        f"本主题共 {len(topic.questions)} 道题（{md_text(_type_counts(topic.questions))}）。"
        "选择答案后按“提交”查看对错与解析；案例分析题和公文写作题提交后显示参考答案、范文和评分要点，可逐条自查。", "",
    ]
    links = ["[返回题库练习](../index.md)"]
    if (docs_dir / "mistakes.md").is_file():
        links.append(f"[错题本]({_rel(docs_dir / 'mistakes.md', page_dir)})")
    pages = list(dict.fromkeys(q.source.partition("#")[0] for q in topic.questions))
    study = [f"[{md_text(source_label(docs_dir, p))}]({_rel(docs_dir / p, page_dir)})"
             for p in pages if (docs_dir / p).is_file()]
    if study:
        links.append("学习页面：" + "、".join(study))
    lines += [" · ".join(links), ""]
    for n, q in enumerate(topic.questions, 1):
        page, _, anchor = q.source.partition("#")
        href = _rel(docs_dir / page, page_dir) + (f"#{anchor}" if anchor else "")
        lines += [question_html(q, n), "",
                  f"[学习：{md_text(source_label(docs_dir, q.source))}]({href}){{ .cw-src }}", ""]
    return "\n".join(lines)


def bank_data(bank, docs_dir: Path, blueprints: list | None = None) -> dict:
    """The bank as plain data for the browser (`window.CW_BANK`)."""
    topics = _sorted_topics(bank)
    sources = {}
    questions = []
    for t in topics:
        for q in t.questions:
            record = question_record(q)
            questions.append(record)
            sources.setdefault(q.source, source_label(docs_dir, q.source))
    return {
        "version": 1,
        "areas": {a: _area_title(a) for a in dict.fromkeys(t.area for t in topics)},
        "topics": [{"key": t.key, "area": t.area, "name": t.name, "title": t.title,
                    "count": len(t.questions)} for t in topics],
        "questions": questions,
        "sources": sources,
        "blueprints": blueprints if blueprints is not None else load_blueprints(bank),
    }


def load_blueprints(bank) -> list:
    """The exam blueprints (`<bank>/blueprints/*.yaml`) as data for the browser's mock exam.

    Headings and notes are made as the printed papers make them; `problems` lists what the bank
    cannot fill (checked with the paper generator's own selector), and the page then offers the
    blueprint as unavailable. A blueprint file with errors raises BankError."""
    import random

    from generator.blueprint import available, blueprint_dir, load_blueprint
    from generator.scoring import describe_multiple
    from generator.select import DEFAULT_NOTES, Selector, chinese_numeral

    out = []
    for name in available(bank.root):
        bp = load_blueprint(blueprint_dir(bank.root) / f"{name}.yaml")
        report: list = []
        Selector(bank, bp).select(random.Random(f"cwexam/site/{name}"), report)
        sections = []
        for i, s in enumerate(bp.sections):
            note = s.note or DEFAULT_NOTES[s.type]
            if s.type == "multiple":
                note += describe_multiple(s.points, bp.scoring.multiple, bp.scoring.per_option)
            sections.append({
                "type": s.type, "count": s.count, "points": s.points,
                "heading": f"{chinese_numeral(i + 1)}、{s.title or TYPE_NAMES[s.type]}", "note": note,
                "quotas": dict(s.quotas), "weights": dict(s.weights),
                "difficulty": {str(k): v for k, v in s.difficulty.items()},
            })
        out.append({
            "name": name, "title": bp.title, "subtitle": bp.model.subtitle,
            "time_limit": bp.model.time_limit, "instructions": list(bp.model.instructions),
            "scoring": {"multiple": bp.scoring.multiple, "per_option": bp.scoring.per_option},
            "sections": sections,
            "problems": [d.message for d in report],
        })
    return out


def render_pages(bank, out_dir: Path, *, docs_dir: Path | None = None,
                 blueprints: list | None = None) -> dict[str, str]:
    """Every generated file as {relative path: text}."""
    out_dir = Path(out_dir).resolve()
    docs_dir = Path(docs_dir or docs_dir_for(bank.root)).resolve()
    files = {"index.md": _index_page(bank, out_dir, docs_dir)}
    for t in bank.topics:
        files[f"{t.area}/{t.name}.md"] = _topic_page(t, out_dir, docs_dir)
    data = bank_data(bank, docs_dir, blueprints)
    files[DATA_FILE] = ("/* 由 cwexam pages 生成，请勿手工修改。 */\nwindow.CW_BANK = "
                        + js_data(data) + ";\n")
    return files


def write_pages(bank, out_dir: Path, *, docs_dir: Path | None = None,
                blueprints: list | None = None) -> PagesResult:
    """Write the practice pages and `bank.js` to `out_dir`: only files whose content changed are
    written (so `mkdocs serve` does not loop), and pages of topics no longer in the bank removed."""
    out_dir = Path(out_dir)
    files = render_pages(bank, out_dir, docs_dir=docs_dir, blueprints=blueprints)
    result = PagesResult()
    owned = not out_dir.exists() or not any(out_dir.iterdir()) or (out_dir / MARKER).exists()
    for rel, text in files.items():
        path = out_dir / rel
        data = text.encode("utf-8")
        try:
            same = path.read_bytes() == data
        except OSError:
            same = False
        if same:
            result.unchanged.append(path)
        else:
            write_atomic(path, data)
            result.written.append(path)
    marker = out_dir / MARKER
    if not marker.exists():
        write_atomic(marker, "此目录由 cwexam pages 生成，请勿手工修改；不要提交到仓库。\n")
    if owned:
        keep = {(out_dir / rel).resolve() for rel in files}
        for path in sorted(out_dir.rglob("*")):
            if path.is_file() and path.suffix in (".md", ".js") and path.resolve() not in keep:
                path.unlink()
                result.removed.append(path)
        for path in sorted(out_dir.rglob("*"), reverse=True):
            if path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return result


# ---- printable papers ----------------------------------------------------------------------

PAPER_SEEDS = (1, 2)
PAPER_FORMATS = ("html", "pdf")
PAPERS_HASH = ".cwexam-papers"


def _papers_fingerprint(bank, seeds, formats) -> str:
    """Everything the papers depend on: the bank, the blueprints, the generator's paper code."""
    import hashlib

    from generator.blueprint import blueprint_dir

    h = hashlib.sha256(repr((tuple(seeds), tuple(formats))).encode())
    h.update(js_data([question_record(q) for q in bank.questions]).encode())
    folder = blueprint_dir(bank.root)
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        h.update(path.name.encode() + path.read_bytes())
    here = Path(__file__).resolve().parent
    for name in ("pages.py", "select.py", "render.py", "scoring.py", "blueprint.py", "pdf.py"):
        if (here / name).is_file():
            h.update((here / name).read_bytes())
    for path in sorted((here / "templates").glob("*")):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


def _papers_page(entries: list[dict], problems: list[str]) -> str:
    lines = [
        "---", "title: 打印试卷", "---", "",
        "# 打印试卷", "",
        "下列模拟试卷由题库按试卷蓝图自动组卷，每次更新网站时重新生成，供培训老师打印或考生线下练习。"
        "每套包括“试卷与答题卡”和“参考答案”（含解析与评分要点）；同一蓝图的不同套次抽到的题目不同，"
        "用同一随机种子可以用命令行重新生成完全相同的试卷。", "",
        "想在线限时作答并自动判分，请到[模拟考试](index.md)。", "",
        "!!! tip \"打印建议\"",
        "    PDF 为 A4 版式，已嵌入中文字体，直接打印即可；网页版可在浏览器中打印或另存为 PDF。", "",
    ]
    if not entries and not problems:
        lines += ["题库中还没有试卷蓝图（`questions/blueprints/*.yaml`），暂无可打印的试卷。", ""]
    for e in entries:
        lines += [f"## {md_text(e['title'])}", ""]
        info = [md_text(e["subtitle"])] if e["subtitle"] else []
        info += [f"{e['time_limit']} 分钟", f"满分 {e['total']} 分"]
        lines += ["，".join(info) + "。", "", "| 套次 | 试卷与答题卡 | 参考答案 |", "| --- | --- | --- |"]
        for v in e["versions"]:
            cells = []
            for part in ("paper", "key"):
                links = [f"[{label}](papers/{v['stem']}-{part}.{ext})"
                         for ext, label in (("html", "网页"), ("pdf", "PDF")) if ext in v["formats"]]
                cells.append("、".join(links))
            lines.append(f"| 第 {v['n']} 套（随机种子 {v['seed']}） | {cells[0]} | {cells[1]} |")
        lines.append("")
    if problems:
        lines += ["!!! warning \"以下蓝图暂未生成试卷\"", ""]
        lines += [f"    - {md_text(p)}" for p in problems]
        lines.append("")
    return "\n".join(lines)


def write_papers(bank, docs_dir: Path, *, seeds=PAPER_SEEDS, formats=PAPER_FORMATS) -> str:
    """Printable papers for every blueprint and a few seeds: files in `docs_dir/exam/papers/` and
    the page `docs_dir/exam/papers.md` listing them. Skipped when nothing they depend on changed
    (making PDFs takes seconds). A blueprint the bank cannot fill, or PDFs without the CJK fonts,
    are reported on the page instead of failing the build."""
    import logging

    from generator.blueprint import available, blueprint_dir, load_blueprint
    from generator.errors import BankError
    from generator.output import staged_dir
    from generator.render import paper_files
    from generator.scoring import fmt_points
    from generator.select import make_papers

    log = logging.getLogger("mkdocs.hooks.cwexam")
    folder = Path(docs_dir) / "exam" / "papers"
    page = Path(docs_dir) / "exam" / "papers.md"
    formats = tuple(formats)
    fingerprint = _papers_fingerprint(bank, seeds, formats)
    stamp = folder / PAPERS_HASH
    if page.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == fingerprint:
        return "试卷未变"
    entries, problems, files = [], [], {}
    for name in available(bank.root):
        bp = load_blueprint(blueprint_dir(bank.root) / f"{name}.yaml")
        versions = []
        try:
            for n, seed in enumerate(seeds, 1):
                paper = make_papers(bank, bp, seed, 1)[0]
                wanted = list(formats)
                try:
                    made = paper_files(paper, wanted)
                except BankError as exc:  # no CJK fonts / WeasyPrint: HTML only
                    if "pdf" not in wanted:
                        raise
                    log.warning("试卷 PDF 未生成：%s", exc)
                    wanted.remove("pdf")
                    made = paper_files(paper, wanted)
                files.update(made)
                versions.append({"n": n, "seed": seed, "stem": paper.stem_name, "formats": wanted,
                                 "total": fmt_points(paper.total)})
        except BankError as exc:
            problems.append(f"{bp.title}（{name}）：" + "；".join(d.message for d in exc.diagnostics[:3]))
            continue
        entries.append({"title": bp.title, "subtitle": bp.model.subtitle, "time_limit": bp.model.time_limit,
                        "total": versions[0]["total"] if versions else "0", "versions": versions})
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    with staged_dir(folder) as tmp:
        for fname, data in files.items():
            (tmp / fname).write_bytes(data)
        (tmp / PAPERS_HASH).write_text(fingerprint + "\n", encoding="utf-8")
    write_atomic(page, _papers_page(entries, problems))
    return f"试卷 {sum(len(e['versions']) for e in entries)} 套"


def generate_site_pages(bank_dir: Path, docs_dir: Path, *, papers: bool = True,
                        formats: tuple[str, ...] | None = None) -> str:
    """What the MkDocs hook runs: the practice pages into `docs_dir/practice/` and the printable
    papers into `docs_dir/exam/`. Returns a summary."""
    docs_dir = Path(docs_dir)
    bank = load_valid_bank(Path(bank_dir), docs_dir)
    result = write_pages(bank, docs_dir / "practice", docs_dir=docs_dir)
    summary = result.summary()
    if papers:
        summary += "；" + write_papers(bank, docs_dir, formats=formats or paper_formats())
    return summary


def paper_formats() -> tuple[str, ...]:
    """Formats of the site's papers: `$CWEXAM_PAPER_FORMATS` (e.g. `html`) or HTML and PDF."""
    env = os.environ.get("CWEXAM_PAPER_FORMATS", "")
    wanted = tuple(f.strip() for f in env.split(",") if f.strip() in ("html", "pdf"))
    return wanted or PAPER_FORMATS
