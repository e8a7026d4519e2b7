"""The real site build: `mkdocs build --strict` over the real docs and bank."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-4000:]
    return out


def test_strict_build_produces_chinese_site(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'lang="zh"' in html
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_every_question_source_anchor_exists_in_the_built_page(built_site):
    """The validator's anchor check agrees with what MkDocs really renders."""
    import html as htmllib
    import re
    from urllib.parse import unquote

    from generator.loader import load_bank

    bank, _ = load_bank(ROOT / "questions", check=False)
    missing = []
    ids_cache: dict[str, set] = {}
    for q in bank.questions:
        page, _, anchor = q.source.partition("#")
        if not anchor:
            continue
        target = built_site / page.removesuffix(".md") / "index.html"
        if page.endswith("index.md"):
            target = built_site / page.removesuffix("index.md") / "index.html"
        if str(target) not in ids_cache:
            text = target.read_text(encoding="utf-8")
            ids_cache[str(target)] = {htmllib.unescape(unquote(i)) for i in re.findall(r'id="([^"]+)"', text)}
        if anchor not in ids_cache[str(target)]:
            missing.append(f"{q.id}: {q.source}")
    assert not missing, "\n".join(missing[:20])


# ---- the study site (issue: mkdocs-material in Chinese, practice, exam, 错题本) ------------------

def _html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "exam/papers/" not in p.as_posix())


def test_search_index_is_segmented_with_the_domain_dictionary(built_site):
    import json
    import re

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh"] and "\\u200b" in index["config"]["separator"]
    separator = re.compile(index["config"]["separator"])
    tokens = set()
    for doc in index["docs"]:
        tokens.update(separator.split(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])))
    # whole domain terms from config/jieba_user_dict.txt, which jieba alone would cut in two
    for term in ("社区工作者", "网格员", "居民委员会"):
        assert term in tokens, term
    assert "社区" in tokens and "\u200b" in index["docs"][0]["text"]


def test_headings_have_readable_chinese_anchors(built_site):
    import re

    ids = []
    for page in _html_files(built_site):
        ids += re.findall(r'<h[2-4] id="([^"]+)"', page.read_text(encoding="utf-8"))
    assert ids
    assert not [i for i in ids if re.fullmatch(r"_\d+", i)], "headings with anchors like #_2"
    assert sum(bool(re.search(r"[\u4e00-\u9fff]", i)) for i in ids) > len(ids) * 0.8


def test_theme_palette_tabs_edit_links_print_css_and_site_scripts(built_site):
    html = (built_site / "competencies" / "communication" / "index.html").read_text(encoding="utf-8")
    assert 'data-md-color-scheme="default"' in html and 'data-md-color-scheme="slate"' in html
    assert 'class="md-tabs"' in html and "md-nav--primary" in html
    assert "/edit/main/docs/competencies/communication.md" in html
    for asset in ("assets/print.css", "assets/cw.css", "assets/cw.js"):
        assert f'{asset}"' in html, asset
    practice = (built_site / "practice" / "competencies" / "communication" / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/questions/competencies/communication.yaml" in practice  # generated page: edit the YAML


def test_no_external_asset_anywhere(built_site):
    import re

    external = re.compile(r'<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc="(?:https?:)?//'
                          r'|<link\b(?=[^>]*\brel="(?:stylesheet|preload|modulepreload|preconnect|icon|manifest)")'
                          r'[^>]*\bhref="(?:https?:)?//')
    problems = [str(p.relative_to(built_site)) for p in _html_files(built_site)
                if external.search(p.read_text(encoding="utf-8"))]
    assert not problems, problems[:10]
    for css in built_site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import\s+['\"]?(?:url\()?['\"]?(?:https?:)?//",
                             css.read_text(encoding="utf-8")), css
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="source"' not in home  # would ask the GitHub API for stars and forks


def test_practice_pages_for_every_topic(built_site):
    import re

    from generator.loader import load_bank

    bank, _ = load_bank(ROOT / "questions", check=False)
    index = (built_site / "practice" / "index.html").read_text(encoding="utf-8")
    for topic in bank.topics:
        page = built_site / "practice" / topic.area / topic.name / "index.html"
        text = page.read_text(encoding="utf-8")
        assert len(re.findall(r'<div class="cw-q" id=', text)) == len(topic.questions), topic.key
        assert text.count('class="cw-src"') == len(topic.questions), topic.key
        assert re.search(rf'href="{topic.area}/{topic.name}/">[^<]+</a></td>\s*<td[^>]*>{len(topic.questions)}</td>',
                         index), topic.key
    data = (built_site / "practice" / "bank.js").read_text(encoding="utf-8")
    assert data.count('"id":') >= len(bank.questions)


def test_printable_papers_page_links_existing_files(built_site):
    import re

    page = (built_site / "exam" / "papers" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([\w.-]+\.(?:pdf|html))"', page)
    assert any(link.endswith(".pdf") for link in links) and any(link.endswith("-key.html") for link in links)
    for link in links:
        assert (built_site / "exam" / "papers" / link).is_file(), link
