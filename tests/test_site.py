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
