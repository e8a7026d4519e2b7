"""The study material meets the quality bar of the training-material issue."""

import re
from pathlib import Path

import pytest

from generator.loader import load_bank

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PILLARS = ("competencies", "ethics", "writing")
SECTIONS = PILLARS + ("work", "law", "career")
HAN = re.compile(r"[\u4e00-\u9fff]")


def study_pages(areas=SECTIONS, with_index=False):
    pages = [p for a in areas for p in sorted((DOCS / a).glob("*.md"))]
    return [p for p in pages if with_index or p.name != "index.md"]


def han_count(text: str) -> int:
    return len(HAN.findall(text))


def test_enough_pages_per_pillar():
    assert len(study_pages(("competencies",))) >= 6
    assert len(study_pages(("ethics",))) >= 4
    assert len(study_pages(("writing",))) >= 12


def test_total_chinese_characters():
    total = sum(han_count(p.read_text(encoding="utf-8")) for p in DOCS.rglob("*.md")
                if "practice" not in p.parts)
    assert total >= 100_000, total


@pytest.mark.parametrize("page", study_pages(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_study_page_structure(page):
    text = page.read_text(encoding="utf-8")
    rel = page.relative_to(DOCS)
    assert '!!! abstract "学习目标"' in text.split("\n## ", 1)[0], f"{rel}: 学习目标 should open the page"
    assert re.search(r'^!!! (tip|note|warning|info) "要点', text, re.M), f"{rel}: no 要点 admonition"
    assert re.search(r'^[!?]{3}\+? example "案例', text, re.M), f"{rel}: no worked 案例"
    assert re.search(r"\]\((\.\./)+practice/[a-z-]+/[a-z-]+\.md\)", text), f"{rel}: no link to its practice page"
    if rel.parts[0] in PILLARS:
        assert han_count(text) >= 1500, f"{rel}: {han_count(text)} Chinese characters"


def test_every_topic_has_enough_questions_at_every_difficulty():
    bank, _ = load_bank(ROOT / "questions", check=False)
    for topic in bank.topics:
        assert len(topic.questions) >= 15, topic.key
        assert {q.difficulty for q in topic.questions} == {1, 2, 3}, topic.key


def test_bank_size_and_spread():
    from collections import Counter

    bank, _ = load_bank(ROOT / "questions", check=False)
    types = Counter(q.type for q in bank.questions)
    assert len(bank.questions) >= 600
    assert types["single"] >= 250 and types["multiple"] >= 120 and types["judge"] >= 120
    assert types["case"] >= 20 and types["writing"] >= 15


def test_every_study_page_is_taught_to_by_some_question_or_links_practice():
    """Each practice link on a study page points at a topic that exists in the bank."""
    bank, _ = load_bank(ROOT / "questions", check=False)
    topics = {t.key for t in bank.topics}
    for page in study_pages():
        for area, name in re.findall(r"practice/([a-z-]+)/([a-z-]+)\.md", page.read_text(encoding="utf-8")):
            assert f"{area}/{name}" in topics, f"{page.relative_to(DOCS)} links a missing topic {area}/{name}"


def test_law_questions_name_their_version():
    """Questions on the residents' committee law cite the 2025 revision, never the superseded text."""
    bank, _ = load_bank(ROOT / "questions", check=False)
    for q in bank.questions:
        law_refs = [r for r in q.refs if "城市居民委员会组织法" in r]
        for ref in law_refs:
            assert "2025" in ref or "2018" in ref, f"{q.id}: {ref} names no version"
        if law_refs and "2018" not in q.stem:  # history questions name the old text in the stem
            assert any("2025" in r for r in law_refs), f"{q.id}: cites only the superseded text"
        text = q.model_dump_json()
        assert "一百户至七百户" not in text or "2018" in text, q.id
