"""Benchmark of the study site: what the bank's pages cost.

Prints, measured in the same run on a copy of the project (real docs and bank):
- `mkdocs build` with the hook (generator/mkdocs_hook.py, which regenerates docs/practice/ and the
  printable papers) relative to the same docs without the hook (the generated pages already in
  place, `hooks:` removed from mkdocs.yml) — best of --repeat runs each, taking turns; the hook's
  first (cold) run, which also renders the PDF papers, is reported separately;
- the bytes a browser transfers for a practice page relative to a plain study page (and for the
  mock-exam page, which loads the whole bank as bank.js), each in a fresh browser context with an
  empty cache, counted by Playwright over Debian's Chromium.

    .venv/bin/python benchmarks/site_bench.py [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


def copy_project(dest: Path) -> None:
    for name in ("docs", "questions", "config", "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "generator").symlink_to(ROOT / "generator", target_is_directory=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    out, skip = [], False
    for line in lines:
        if line.startswith("hooks:"):
            skip = True
            continue
        if skip and (line.startswith(" ") or line.startswith("-") or not line.strip()):
            if line.strip():
                continue
            skip = False
        out.append(line)
    (dest / "mkdocs-nohook.yml").write_text("".join(out), encoding="utf-8")
    assert "mkdocs_hook" not in (dest / "mkdocs-nohook.yml").read_text(encoding="utf-8")


def build(project: Path, config: str, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("CWEXAM_BANK", None)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"构建失败（{config}）：\n{result.stderr[-3000:]}")
    return elapsed


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def page_weight(browser, url: str, ready: str | None = None) -> tuple[int, int, int]:
    """(bytes, gzip-compressed bytes, requests) a fresh browser context transfers to show `url`
    (the search index included, which Material's search worker fetches on every first visit)."""
    import gzip

    context = browser.new_context()
    responses = []
    page = context.new_page()
    page.on("requestfinished", lambda r: responses.append(r))
    page.goto(url, wait_until="load")
    if ready:
        page.wait_for_selector(ready)
    page.wait_for_timeout(1000)
    raw = packed = 0
    for r in responses:
        body = r.response().body()
        raw += len(body)
        packed += len(gzip.compress(body, 6))
    context.close()
    return raw, packed, len(responses)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="keep the project copy in this folder")
    args, _ = parser.parse_known_args()

    tmp = Path(tempfile.mkdtemp(prefix="cw-site-bench-"))
    project = args.keep or tmp / "project"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    try:
        copy_project(project)
        for generated in ("docs/practice", "docs/exam/papers", "docs/exam/papers.md"):
            path = project / generated
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
        cold = build(project, "mkdocs.yml", tmp / "site-cold")
        times: dict[str, list[float]] = {"hook": [], "nohook": []}
        for _ in range(args.repeat):
            times["hook"].append(build(project, "mkdocs.yml", tmp / "site-hook"))
            times["nohook"].append(build(project, "mkdocs-nohook.yml", tmp / "site-nohook"))
        hook, nohook = min(times["hook"]), min(times["nohook"])
        questions = sum(1 for _ in (project / "questions").rglob("*.yaml"))
        print(f"站点构建（{questions} 个 YAML 文件，best of {args.repeat}）：")
        print(f"  带钩子（重新生成练习页面，试卷未变）  {hook:6.2f} s")
        print(f"  不带钩子（同样的页面已生成）          {nohook:6.2f} s")
        print(f"  比值                                  {hook / nohook:6.2f}×  （钩子开销 {hook - nohook:+.2f} s）")
        print(f"  首次构建（钩子生成全部页面与 PDF 试卷） {cold:6.2f} s")

        site = tmp / "site-hook"
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_port}"
        from playwright.sync_api import sync_playwright

        practice = sorted((site / "practice").glob("*/*/index.html"))
        topic = "competencies/communication" if (site / "practice/competencies/communication").is_dir() \
            else practice[0].parent.relative_to(site / "practice").as_posix()
        study = topic if (site / topic / "index.html").is_file() else "competencies/communication"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            plain, plain_gz, n_plain = page_weight(browser, f"{base}/{study}/")
            prac, prac_gz, n_prac = page_weight(browser, f"{base}/practice/{topic}/", ".cw-q")
            exam, exam_gz, n_exam = page_weight(browser, f"{base}/exam/", ".cw-setup")
            browser.close()
        httpd.shutdown()
        index = (site / "search" / "search_index.json").stat().st_size
        print("页面传输量（空缓存，含全部资源与搜索索引；括号内为 gzip 压缩后）：")
        print(f"  学习页面 /{study}/: {plain / 1024:.0f} KiB（{plain_gz / 1024:.0f} KiB），{n_plain} 个请求")
        print(f"  练习页面 /practice/{topic}/: {prac / 1024:.0f} KiB（{prac_gz / 1024:.0f} KiB），{n_prac} 个请求"
              f" = 学习页面的 {prac / plain:.2f}×（压缩后 {prac_gz / plain_gz:.2f}×）")
        print(f"  模拟考试 /exam/（含 bank.js）: {exam / 1024:.0f} KiB（{exam_gz / 1024:.0f} KiB），{n_exam} 个请求"
              f" = 学习页面的 {exam / plain:.2f}×（压缩后 {exam_gz / plain_gz:.2f}×）")
        print(f"  其中搜索索引 search_index.json: {index / 1024:.0f} KiB（练习题不进索引）")
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
