"""generator/pages.py (practice pages, bank.js, printable papers), `cwexam pages`, the MkDocs hook,
and the study pages' links to practice."""

import json
import re
import shutil
import types
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.loader import load_valid_bank
from generator.pages import js_data, md_text, question_html, write_pages, write_papers
from sitekit import HOSTILE_YAML, ROOT, build, make_project

AREAS = ("competencies", "ethics", "writing", "work", "law", "career")


@pytest.fixture
def hostile_bank(good_bank) -> Path:
    (good_bank / "demo" / "hostile.yaml").write_text(HOSTILE_YAML, encoding="utf-8")
    return good_bank


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_inert(html: str) -> None:
    for tag, attrs in Tags(html).tags:
        assert tag not in ("script", "img", "svg", "iframe", "b", "i", "u", "strong", "code", "pre"), (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, attrs)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, attrs)


def site_markdown(text: str) -> str:
    """Render Markdown with the site's own extensions (read from mkdocs.yml)."""
    from mkdocs.config import load_config

    cfg = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=cfg["markdown_extensions"], extension_configs=cfg["mdx_configs"])
    return md.convert(text)


def test_pages_for_every_topic_with_counts_and_links(good_bank):
    bank = load_valid_bank(good_bank, good_bank.parent / "docs")
    out = good_bank.parent / "docs" / "practice"
    result = write_pages(bank, out)
    assert {p.relative_to(out).as_posix() for p in result.written} == {"index.md", "demo/basics.md", "bank.js"}
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "[示例主题](demo/basics.md) | 5 |" in index
    page = (out / "demo" / "basics.md").read_text(encoding="utf-8")
    for q in bank.questions:
        assert f'<div class="cw-q" id="{q.id}"' in page
    # every question is followed by a Markdown link back to its study section (outside the raw HTML)
    assert page.count("{ .cw-src }") == 5
    assert "[学习：示例页面 › 居民委员会的性质](../../demo/page.md#居民委员会的性质){ .cw-src }" in page
    # the data script for the exam and 错题本 pages
    js = (out / "bank.js").read_text(encoding="utf-8")
    data = json.loads(js[js.index("=") + 1:].strip().rstrip(";"))
    assert [q["id"] for q in data["questions"]] == [q.id for q in bank.questions]
    assert data["topics"] == [{"key": "demo/basics", "area": "demo", "name": "basics", "title": "示例主题", "count": 5}]
    assert data["sources"]["demo/page.md#请示的写法"] == "示例页面 › 请示的写法"


def test_rewrites_only_what_changed_and_removes_stale_pages(good_bank):
    docs = good_bank.parent / "docs"
    out = docs / "practice"
    write_pages(load_valid_bank(good_bank, docs), out)
    again = write_pages(load_valid_bank(good_bank, docs), out)
    assert again.written == [] and len(again.unchanged) == 3
    shutil.copy(good_bank / "demo" / "basics.yaml", good_bank / "demo" / "second.yaml")
    text = (good_bank / "demo" / "second.yaml").read_text(encoding="utf-8")
    (good_bank / "demo" / "second.yaml").write_text(text.replace("demo-", "dem2-").replace("prefix: demo", "prefix: dem2"),
                                                    encoding="utf-8")
    third = write_pages(load_valid_bank(good_bank, docs), out)
    assert {p.name for p in third.written} == {"index.md", "second.md", "bank.js"}
    (good_bank / "demo" / "second.yaml").unlink()
    fourth = write_pages(load_valid_bank(good_bank, docs), out)
    assert [p.name for p in fourth.removed] == ["second.md"]
    assert not (out / "demo" / "second.md").exists()


def test_question_blocks_are_raw_html_without_blank_lines(hostile_bank):
    bank = load_valid_bank(hostile_bank, hostile_bank.parent / "docs")
    for q in bank.questions:
        block = question_html(q, 1)
        lines = block.splitlines()
        assert all(line.startswith("<") for line in lines), q.id
        assert "" not in lines


def test_hostile_text_is_escaped_in_generated_markdown(hostile_bank):
    docs = hostile_bank.parent / "docs"
    write_pages(load_valid_bank(hostile_bank, docs), docs / "practice")
    html = site_markdown((docs / "practice" / "demo" / "hostile.md").read_text(encoding="utf-8"))
    assert_inert(html)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=" in html
    assert "[点我](javascript:window.__pwned=3)" in html and "**不是粗体**" in html
    index = site_markdown((docs / "practice" / "index.md").read_text(encoding="utf-8"))
    assert "<script" not in index and "危险&lt;script&gt;" in index
    front = (docs / "practice" / "demo" / "hostile.md").read_text(encoding="utf-8").split("---")[1]
    assert "<" not in front  # MkDocs puts the front matter title into <title> unescaped


def test_js_data_cannot_close_a_script():
    text = js_data({"a": "</script><!-- \u2028\u2029 & >"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><!-- \u2028\u2029 & >"}


def test_md_text_neutralises_markdown():
    html = markdown.markdown(md_text("[x](javascript:alert(1)) **b** <i>i</i> `c` ![p](q)"))
    assert "<a" not in html and "<strong>" not in html and "<i>" not in html and "<code>" not in html and "<img" not in html
    assert "[x](javascript:alert(1)) **b** &lt;i&gt;i&lt;/i&gt; `c` ![p](q)" in html


def test_cli_pages_writes_practice_folder(good_bank, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["--bank", str(good_bank), "pages", "--out", str(out), "--no-papers"])
    assert result.exit_code == 0, result.output
    assert "已生成 1 个主题、5 道题的练习页面" in result.output
    assert (out / "demo" / "basics.md").is_file() and (out / "bank.js").is_file()


def test_cli_pages_reports_bank_errors_in_chinese(good_bank):
    (good_bank / "demo" / "basics.yaml").write_text("title: x\nprefix: demo\nquestions: []\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--bank", str(good_bank), "pages", "--no-papers"])
    assert result.exit_code == 1
    assert "basics.yaml" in result.output and "至少应有" in result.output


def test_blueprints_reach_the_browser_data(good_bank):
    (good_bank / "blueprints").mkdir()
    (good_bank / "blueprints" / "small.yaml").write_text(
        "title: 小测\ntime_limit: 5\nscoring: {multiple: all_or_nothing}\nsections:\n"
        "  - {type: single, count: 1, points: 3}\n  - {type: judge, count: 2, points: 1}\n", encoding="utf-8")
    docs = good_bank.parent / "docs"
    write_pages(load_valid_bank(good_bank, docs), docs / "practice")
    js = (docs / "practice" / "bank.js").read_text(encoding="utf-8")
    (bp,) = json.loads(js[js.index("=") + 1:].strip().rstrip(";"))["blueprints"]
    assert bp["name"] == "small" and bp["scoring"] == {"multiple": "all_or_nothing", "per_option": None}
    assert [s["heading"] for s in bp["sections"]] == ["一、单项选择题", "二、判断题"]
    assert bp["problems"] and "缺 1 道" in bp["problems"][0]  # the bank has one judge question


def test_printable_papers_page(good_bank):
    (good_bank / "blueprints").mkdir()
    (good_bank / "blueprints" / "small.yaml").write_text(
        "title: 小测\ntime_limit: 5\nsections:\n  - {type: single, count: 1, points: 3}\n"
        "  - {type: multiple, count: 1, points: 2}\n", encoding="utf-8")
    (good_bank / "blueprints" / "big.yaml").write_text(
        "title: 大卷\ntime_limit: 5\nsections:\n  - {type: single, count: 9, points: 3}\n", encoding="utf-8")
    docs = good_bank.parent / "docs"
    bank = load_valid_bank(good_bank, docs)
    assert write_papers(bank, docs, formats=("html",)) == "试卷 2 套"
    page = (docs / "exam" / "papers.md").read_text(encoding="utf-8")
    assert "[网页](papers/small-s1-A-paper.html)" in page and "[网页](papers/small-s2-A-key.html)" in page
    assert "大卷（big）" in page and "以下蓝图暂未生成试卷" in page
    assert (docs / "exam" / "papers" / "small-s1-A-paper.html").is_file()
    assert write_papers(bank, docs, formats=("html",)) == "试卷未变"


def test_hook_turns_bank_errors_into_a_plugin_error(good_bank, monkeypatch):
    from mkdocs.exceptions import PluginError

    from generator import mkdocs_hook

    (good_bank / "demo" / "basics.yaml").write_text("title: x\nprefix: demo\nquestions:\n  - id: 1\n", encoding="utf-8")
    monkeypatch.setenv("CWEXAM_BANK", str(good_bank))
    config = types.SimpleNamespace(docs_dir=str(good_bank.parent / "docs"), config_file_path="mkdocs.yml")
    with pytest.raises(PluginError) as err:
        mkdocs_hook.on_pre_build(config)
    message = str(err.value)
    assert message.startswith("题库有错误，无法生成练习页面") and "basics.yaml:4" in message


def test_hook_build_failure_is_a_clear_message_not_a_traceback(tmp_path):
    config = make_project(tmp_path / "proj")
    bad = tmp_path / "proj" / "questions" / "demo" / "basics.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("answer: B", "answer: Z"), encoding="utf-8")
    result = build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "题库有错误，无法生成练习页面" in result.stderr and "答案应为大写字母" in result.stderr
    assert "Traceback" not in result.stderr


def test_hook_replaces_the_cdn_shim_of_the_offline_plugin():
    from generator import mkdocs_hook

    config = types.SimpleNamespace(extra={"polyfills": ["https://unpkg.com/iframe-worker/shim", "x.js"]})
    mkdocs_hook.on_config(config)
    assert config.extra["polyfills"] == ["assets/vendor/iframe-worker-shim.js", "x.js"]
    assert (ROOT / "docs" / "assets" / "vendor" / "iframe-worker-shim.js").is_file()


def study_pages():
    return sorted(p for area in AREAS for p in (ROOT / "docs" / area).glob("*.md"))


def test_every_study_page_links_to_its_practice_questions():
    pages = study_pages()
    assert pages, "no study pages found"
    link = re.compile(r"\]\((?:\.\./)+practice/([\w-]+)/([\w-]+)\.md\)")
    missing, unknown = [], []
    for page in pages:
        found = link.findall(page.read_text(encoding="utf-8"))
        if not found:
            missing.append(str(page.relative_to(ROOT)))
        for area, topic in found:
            if not (ROOT / "questions" / area / f"{topic}.yaml").is_file():
                unknown.append(f"{page.relative_to(ROOT)} → practice/{area}/{topic}.md")
    assert not missing, "这些学习页面没有链接到练习页面：\n" + "\n".join(missing)
    assert not unknown, "这些练习链接没有对应的题库文件：\n" + "\n".join(unknown)


def test_generated_folders_are_git_ignored():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "/docs/practice/" in ignored and "/docs/exam/papers/" in ignored and "/docs/exam/papers.md" in ignored
