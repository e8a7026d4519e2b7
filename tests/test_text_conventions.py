"""Chinese copywriting conventions over docs/ and questions/, checked by a real linter (autocorrect),
plus the look-alike characters that text pasted from official PDFs carries."""

import re
from pathlib import Path

import autocorrect_py
import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ("docs/practice/", "docs/exam/papers/")


def text_files():
    files = sorted(ROOT.glob("docs/**/*.md")) + sorted(ROOT.glob("questions/**/*.yaml"))
    return [f for f in files if not str(f.relative_to(ROOT)).startswith(GENERATED)]


# Kangxi radicals, CJK radicals supplement, full-width digits and Latin letters.
LOOKALIKE = re.compile(r"[\u2E80-\u2EFF\u2F00-\u2FDF\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]")


def test_there_is_text_to_check():
    assert len(text_files()) > 10


def test_no_lookalike_characters():
    problems = []
    for path in text_files():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in LOOKALIKE.finditer(line):
                problems.append(f"{path.relative_to(ROOT)}:{n}: 形近字或全角字符 {m.group()!r}（U+{ord(m.group()):04X}）")
    assert not problems, "\n".join(problems[:50])


def test_autocorrect_finds_nothing_to_fix():
    """Run `make fix-text` (autocorrect --fix) to correct spacing and punctuation."""
    problems = []
    for path in text_files():
        result = autocorrect_py.lint_for(path.read_text(encoding="utf-8"), str(path))
        for line in result.lines:
            if str(line.severity).endswith("Error"):
                problems.append(f"{path.relative_to(ROOT)}:{line.line}: {line.old.strip()[:60]} → {line.new.strip()[:60]}")
    assert not problems, f"{len(problems)} 处排版问题：\n" + "\n".join(problems[:40])
