"""Chinese copywriting conventions over docs/ and questions/, checked by a real linter (autocorrect),
plus the look-alike characters that text pasted from official PDFs carries."""

from pathlib import Path

from generator.typography import content_files, fix_file, lookalike_issues, spacing_issues

ROOT = Path(__file__).resolve().parent.parent


def _report(check) -> list[str]:
    return [f"{p.relative_to(ROOT)}:{n}: {msg}" for p in content_files(ROOT) for n, msg in check(p)]


def test_there_is_text_to_check():
    assert len(content_files(ROOT)) > 10


def test_no_lookalike_characters():
    problems = _report(lookalike_issues)
    assert not problems, "\n".join(problems[:50])


def test_autocorrect_finds_nothing_to_fix():
    """`make fix-text` applies these fixes."""
    problems = _report(spacing_issues)
    assert not problems, f"{len(problems)} 处排版问题（运行 make fix-text 修正）：\n" + "\n".join(problems[:40])


def test_checks_catch_and_fix_bad_text(tmp_path):
    md = tmp_path / "page.md"
    md.write_text("# 标题\n\n社区在2026年施行新法,⼈人有责。\n", encoding="utf-8")
    assert spacing_issues(md) and lookalike_issues(md)
    yml = tmp_path / "t.yaml"
    yml.write_text("title: 主题\ntags: [甲, 乙]\nstem: 依据GB/T 9704规定\n", encoding="utf-8")
    issues = spacing_issues(yml)
    assert [n for n, _ in issues] == [3]  # YAML's own [a, b] syntax is not flagged
    assert fix_file(yml) and "依据 GB/T 9704 规定" in yml.read_text(encoding="utf-8")


def test_fix_joins_folded_lines_without_stray_spaces(tmp_path):
    yml = tmp_path / "t.yaml"
    yml.write_text("title: 主题\nquestions:\n  - explanation: >-\n      第一句，所以选 D。\n      A 错误。\n    id: x\n",
                   encoding="utf-8")
    assert spacing_issues(yml)  # folding turns the line break into "。 A"
    assert fix_file(yml)
    import yaml

    data = yaml.safe_load(yml.read_text(encoding="utf-8"))
    assert data["questions"][0] == {"explanation": "第一句，所以选 D。A 错误。", "id": "x"}
    assert not spacing_issues(yml)
