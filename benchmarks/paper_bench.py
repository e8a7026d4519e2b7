"""Benchmark of `cwexam paper` on a synthetic 10,000-question bank.

Prints, measured in the same run (best of --repeat runs, each a fresh process as a user would run it):
- `cwexam paper` (1 version, html+md+json) relative to a bare `yaml.load(..., CSafeLoader)` of the
  same bank files in a fresh Python process (goal ≤ 1.5×);
- 100 versions relative to 1 version (goal ≤ 2×).

    .venv/bin/python benchmarks/paper_bench.py [--questions 10000] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from exam_bank import write_bank  # noqa: E402  (the tests' synthetic-bank writer)

BASELINE = """
import sys, yaml
from pathlib import Path
Loader = yaml.CSafeLoader
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    if "blueprints" in path.parts:
        continue
    yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
"""


def timed(cmd: list[str], env=None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def best_of(commands: dict, repeat: int, env=None) -> dict:
    """Best time of each command; the commands take turns, so a busy spell of the machine
    weighs on all of them alike."""
    times: dict = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            times[name].append(timed(cmd, env))
    return {name: min(t) for name, t in times.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="build the bank here and keep it")
    args = ap.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="cwexam-bench-"))
    n = args.questions
    counts = {"single": n * 40 // 100, "multiple": n * 25 // 100, "judge": n * 25 // 100,
              "case": n * 6 // 100, "writing": n - n * 96 // 100}
    t0 = time.perf_counter()
    questions = write_bank(work, counts, topics_per_area=4)
    shutil.copytree(ROOT / "questions" / "blueprints", questions / "blueprints", dirs_exist_ok=True)
    files = [p for p in questions.rglob("*.yaml") if "blueprints" not in p.parts]
    size = sum(p.stat().st_size for p in files)
    print(f"合成题库：{sum(counts.values())} 道题，{len(files)} 个文件，{size / 1e6:.1f} MB"
          f"（生成用时 {time.perf_counter() - t0:.1f} 秒）")

    python = sys.executable
    cwexam = [python, "-m", "generator", "--bank", str(questions), "paper", "-b", "mock-exam", "--seed", "1",
              "--format", "html,md,json"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    try:
        t = best_of({"base": [python, "-c", BASELINE, str(questions)],
                     "one": cwexam + ["--out", str(work / "out1")],
                     "hundred": cwexam + ["--versions", "100", "--out", str(work / "out100")]}, args.repeat, env)
        base, one, hundred = t["base"], t["one"], t["hundred"]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    r1, r2 = one / base, hundred / one
    print(f"yaml.load(CSafeLoader) 基线：{base:.2f} 秒")
    print(f"cwexam paper（1 套）：{one:.2f} 秒 = 基线的 {r1:.2f} 倍（目标 ≤ 1.5）{'✓' if r1 <= 1.5 else '✗'}")
    print(f"cwexam paper（100 套）：{hundred:.2f} 秒 = 1 套的 {r2:.2f} 倍（目标 ≤ 2）{'✓' if r2 <= 2 else '✗'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
