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


def _refold(text: str, fixed_values: dict) -> str:
    """Rewrite folded (>) and multi-line plain scalars whose value changed as one line per paragraph.

    Their source lines are not the value's lines, so they cannot be fixed line by line.
    """
    import yaml

    from generator.yamlsource import Loader

    nodes = []

    def walk(node, column):  # column: where the owning key or "-" starts
        if isinstance(node, yaml.ScalarNode):
            if node.value in fixed_values and (node.style == ">" or
                                                (node.style is None and node.start_mark.line != node.end_mark.line)):
                nodes.append((node, column))
        elif isinstance(node, yaml.SequenceNode):
            for child in node.value:
                walk(child, node.start_mark.column)
        elif isinstance(node, yaml.MappingNode):
            for key, child in node.value:
                walk(child, key.start_mark.column)

    walk(yaml.compose(text, Loader=Loader), 0)
    for node, column in sorted(nodes, key=lambda n: n[0].start_mark.index, reverse=True):
        start, end = node.start_mark.index, node.end_mark.index
        indent = " " * (column + 2)
        body = ("\n\n").join(indent + para for para in fixed_values[node.value].split("\n"))
        span = text[start:end]
        trailing = "\n" * max(1, len(span) - len(span.rstrip("\n"))) if node.style == ">" else ""
        text = text[:start] + ">-\n" + body + trailing + text[end:]
    return text


def fix_file(path: Path) -> bool:
    """Apply autocorrect's fixes in place; YAML files inside values only. True if changed."""
    import autocorrect_py

    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        fixed = autocorrect_py.format_for(text, str(path))
    else:
        import yaml

        from generator.yamlsource import read_yaml

        values = {}
        for _, value in _strings(read_yaml(path).data):
            new = "\n".join(autocorrect_py.format(line) for line in value.split("\n"))
            if new != value:
                values[value] = new
        fixed = _refold(text, values)
        for old, new in values.items():  # literal blocks and single-line scalars: line by line
            for a, b in zip(old.split("\n"), new.split("\n")):
                if a != b:
                    fixed = fixed.replace(a, b)
        if not isinstance(yaml.safe_load(fixed), (dict, list)):  # never write a broken file
            return False
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")
        return True
    return False
