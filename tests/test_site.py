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
