"""Chinese copywriting conventions for docs/ and questions/: autocorrect (spacing between CJK and
Latin/digits, full-width punctuation) and look-alike characters pasted from official PDFs.

YAML files are checked value by value (autocorrect would misread YAML's own `[a, b]` syntax).
"""

from __future__ import annotations

import re
from pathlib import Path

# Kangxi radicals, CJK radicals supplement, full-width digits and Latin letters.
LOOKALIKE = re.compile(r"[\u2E80-\u2EFF\u2F00-\u2FDF\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]")
GENERATED = ("docs/practice/", "docs/exam/papers/")


def content_files(root: Path) -> list[Path]:
    files = sorted(root.glob("docs/**/*.md")) + sorted((root / "questions").glob("*/*.yaml"))
    return [f for f in files if not str(f.relative_to(root)).startswith(GENERATED)]


def _strings(value, keys=()):
    if isinstance(value, str):
        yield keys, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, keys + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, keys + (i,))


def lookalike_issues(path: Path) -> list[tuple[int, str]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for m in LOOKALIKE.finditer(line):
            out.append((n, f"形近字或全角字符 {m.group()!r}（U+{ord(m.group()):04X}）"))
    return out


def spacing_issues(path: Path) -> list[tuple[int, str]]:
    """(line, 'old → new') for every place autocorrect would change."""
    import autocorrect_py

    if path.suffix == ".md":
        result = autocorrect_py.lint_for(path.read_text(encoding="utf-8"), str(path))
        return [(l.line, f"{l.old.strip()[:50]} → {l.new.strip()[:50]}") for l in result.lines]
    from generator.yamlsource import read_yaml

    file = read_yaml(path)
    out = []
    for keys, text in _strings(file.data):
        for line in text.splitlines():
            fixed = autocorrect_py.format(line)
            if fixed != line:
                out.append((file.line_of(*keys), f"{line.strip()[:50]} → {fixed.strip()[:50]}"))
    return out


def fix_file(path: Path) -> bool:
    """Apply autocorrect's fixes in place; YAML files line by line inside values. True if changed."""
    import autocorrect_py

    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        fixed = autocorrect_py.format_for(text, str(path))
    else:
        import yaml

        from generator.yamlsource import read_yaml

        fixed = text
        for _, value in _strings(read_yaml(path).data):
            for line in value.splitlines():
                new = autocorrect_py.format(line)
                if new != line:
                    fixed = fixed.replace(line, new)
        if yaml.safe_load(fixed) is None:  # never write a broken file
            return False
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")
        return True
    return False
