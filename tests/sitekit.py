"""A small, self-contained copy of the study site for tests: the real mkdocs.yml, theme overrides,
site assets and app pages, with the small fixture bank plus a hostile topic and a test blueprint.

It does not depend on the content writers' pages or bank, so the browser tests see a known bank.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "tests" / "fixtures" / "good"

# Every way bank text could try to become markup or script. Loaded pages must show these as text.
PWN_STEM = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">居民委员会的性质是（  ）。'
PWN_OPTIONS = [
    "[点我](javascript:window.__pwned=3)",
    '<a href="javascript:window.__pwned=4">链接</a>',
    '"><svg onload="window.__pwned=5">',
    "基层群众性自治组织",
]
PWN_TITLE = "危险<script>window.__pwned=9</script>标题"

HOSTILE_YAML = f"""\
title: {json.dumps(PWN_TITLE, ensure_ascii=False)}
prefix: pwn
questions:
  - id: pwn-0001
    type: single
    difficulty: 1
    stem: {json.dumps(PWN_STEM, ensure_ascii=False)}
    options: {json.dumps(PWN_OPTIONS, ensure_ascii=False)}
    answer: D
    explanation: '<img src=x onerror="window.__pwned=6">解析：[链接](javascript:window.__pwned=7)'
    source: demo/page.md#居民委员会的性质
  - id: pwn-0002
    type: writing
    difficulty: 2
    stem: '写一份请示</div><script>window.__pwned=8</script>'
    material: |
      材料第一段 <b>不加粗</b>

      ```
      不是代码块
      ```
    requirements: ['<i>不是斜体</i>', '**不是粗体**']
    model_answer: |
      关于申请经费的请示
      </div><script>window.__pwned=10</script>
    rubric:
      - {{point: '<u>标题</u>', score: 3}}
      - {{point: 结语, score: 2}}
    explanation: 'javascript:alert(1)'
    source: demo/page.md#请示的写法
"""

BLUEPRINT_YAML = """\
title: 测试模拟卷
subtitle: 供自动测试使用
time_limit: 10
instructions: [测试用。]
scoring:
  multiple: partial
sections:
  - {type: single, count: 2, points: 2}
  - {type: multiple, count: 1, points: 4}
  - {type: judge, count: 1, points: 1}
  - {type: case, count: 1}
  - {type: writing, count: 1, points: 5}
"""

NAV = """\
nav:
  - 首页: index.md
  - 示例: demo/page.md
  - 练习与考试:
      - 题库练习: practice/index.md
      - 模拟考试: exam/index.md
      - 打印试卷: exam/papers.md
      - 错题本: mistakes.md
      - 离线版: offline.md
"""


def make_project(root: Path) -> Path:
    """Lay out the test project in `root` (created); returns the path of its mkdocs.yml."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "base.yml")
    (root / "mkdocs.yml").write_text("INHERIT: base.yml\n" + NAV, encoding="utf-8")
    for name in ("config", "overrides"):
        shutil.copytree(ROOT / name, root / name, dirs_exist_ok=True)
    (root / "generator").symlink_to(ROOT / "generator", target_is_directory=True)
    docs = root / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
    shutil.copytree(GOOD / "docs", docs, dirs_exist_ok=True)
    (docs / "exam").mkdir(parents=True, exist_ok=True)
    for page in ("exam/index.md", "mistakes.md", "offline.md"):
        shutil.copy(ROOT / "docs" / page, docs / page)
    (docs / "exam" / "guide.md").write_text("# 考试指南\n\n测试用的占位页面。\n", encoding="utf-8")
    (docs / "index.md").write_text(textwrap.dedent("""\
        # 测试首页

        [示例页面](demo/page.md)　[题库练习](practice/index.md)　[模拟考试](exam/index.md)
        """), encoding="utf-8")
    bank = root / "questions"
    shutil.copytree(GOOD / "questions", bank, dirs_exist_ok=True)
    (bank / "demo" / "hostile.yaml").write_text(HOSTILE_YAML, encoding="utf-8")
    (bank / "blueprints").mkdir(exist_ok=True)
    (bank / "blueprints" / "test-exam.yaml").write_text(BLUEPRINT_YAML, encoding="utf-8")
    return root / "mkdocs.yml"


def build(config: Path, site: Path, *, offline: bool = False, extra_env: dict | None = None):
    """`mkdocs build --strict` of a project; returns the CompletedProcess."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CWEXAM_PAPER_FORMATS="html")
    env.pop("CWEXAM_BANK", None)
    if offline:
        env["OFFLINE"] = "true"
    env.update(extra_env or {})
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
                          cwd=config.parent, env=env, capture_output=True, text=True)
