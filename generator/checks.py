"""Checks of meaning that the schema cannot express: keys, duplicates, sources, similarity."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from generator.errors import Diagnostic
from generator.headings import page_info
from generator.model import LETTERS, PLACEHOLDER, answer_letters

SIMILARITY_THRESHOLD = 90  # percent, rapidfuzz ratio of normalised stem + options
_LETTER_PREFIX = re.compile(r"^\s*[（(]?[A-Ha-h][)）.．、:：]\s*")
_SHORTCUTS = ("以上都", "以上皆", "以上均", "以上选项都", "以上说法都", "以上各项")


_NOT_LETTER_OR_NUMBER = re.compile(r"[\W_]+")  # for str patterns: exactly the categories other than L* and N*


def normalise(text: str) -> str:
    """Text reduced for comparison: NFKC, lower case, no punctuation, spaces or blanks （  ）."""
    return _NOT_LETTER_OR_NUMBER.sub("", unicodedata.normalize("NFKC", text).lower())


def _check_choice(item, file, keys: tuple, label: str) -> list[Diagnostic]:
    out = []
    if item.type == "judge":
        return out
    letters = answer_letters(item)
    n = len(item.options)
    for letter in letters:
        if LETTERS.index(letter) >= n:
            out.append(file.diag(keys + ("answer",),
                                 f"{label}答案 {letter} 超出选项范围（只有 {n} 个选项：A–{LETTERS[n - 1]}）"))
    if len(set(letters)) != len(letters):
        out.append(file.diag(keys + ("answer",), f"{label}答案中有重复的字母"))
    seen: dict[str, int] = {}
    for i, option in enumerate(item.options):
        norm = normalise(option)
        if norm in seen:
            out.append(file.diag(keys + ("options", i),
                                 f"{label}选项 {LETTERS[i]} 与选项 {LETTERS[seen[norm]]} 重复"))
        seen.setdefault(norm, i)
        if _LETTER_PREFIX.match(option):
            out.append(file.diag(keys + ("options", i),
                                 f"{label}选项 {LETTERS[i]} 不要以字母编号开头（编号由系统生成）"))
        if any(s in option for s in _SHORTCUTS):
            out.append(file.diag(keys + ("options", i),
                                 f"{label}选项 {LETTERS[i]} 使用了“以上都……”类选项，打乱顺序后会失去意义", "warning"))
    return out


@lru_cache(maxsize=None)
def _page_path(docs: Path, page: str) -> Path | None:
    """The page file under docs/, or None when it is missing or outside docs/ (cached: a bank
    names the same pages many times)."""
    path = (docs / page).resolve()
    return path if path.is_relative_to(docs.resolve()) and path.is_file() else None


def _check_source(q, file, keys: tuple, docs: Path) -> list[Diagnostic]:
    page, _, anchor = q.source.partition("#")
    path = _page_path(docs, page)
    if path is None:
        return [file.diag(keys + ("source",), f"出处页面 docs/{page} 不存在")]
    if anchor and anchor not in page_info(path)[1]:
        return [file.diag(keys + ("source",), f"出处页面 docs/{page} 中没有标题锚点 #{anchor}")]
    return []


def check_bank(bank, docs: Path, *, similarity: bool = False) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    first_seen: dict[str, tuple] = {}
    _page_path.cache_clear()  # pages may have been added or removed since the last check
    for topic in bank.topics:
        file = topic.file
        may_hold_placeholder = PLACEHOLDER in file.text
        for i, q in enumerate(topic.questions):
            keys = ("questions", i)
            if q.id in first_seen:
                other_file, other_i = first_seen[q.id]
                diags.append(file.diag(keys + ("id",),
                                       f"题目编号 {q.id} 重复（已在 {other_file.shown}:"
                                       f"{other_file.line_of('questions', other_i, 'id')} 使用）"))
            else:
                first_seen[q.id] = (file, i)
            if not q.id.startswith(topic.prefix + "-"):
                diags.append(file.diag(keys + ("id",), f"题目编号 {q.id} 应以本文件前缀 {topic.prefix}- 开头"))
            if q.type in ("single", "multiple"):
                diags.extend(_check_choice(q, file, keys, f"{q.id}："))
            if q.type == "case":
                for j, part in enumerate(q.parts):
                    if part.type != "short":
                        diags.extend(_check_choice(part, file, keys + ("parts", j), f"{q.id} 第 {j + 1} 小题："))
            diags.extend(_check_source(q, file, keys, docs))
            if may_hold_placeholder and PLACEHOLDER in repr(q.model_dump()):
                diags.append(file.diag(keys, f"{q.id}：还有“{PLACEHOLDER}”的占位内容，请补全"))
    if similarity:
        diags.extend(similar_questions(bank))
    return diags


def comparable_text(q) -> str:
    parts = [q.stem, getattr(q, "material", None) or ""]
    parts += sorted(getattr(q, "options", None) or [])
    return normalise("".join(parts))


def similar_questions(bank, threshold: int = SIMILARITY_THRESHOLD) -> list[Diagnostic]:
    """Warn on pairs of questions whose normalised text is at least `threshold` % similar."""
    from rapidfuzz import fuzz, process

    entries = [(t, i, q) for t in bank.topics for i, q in enumerate(t.questions)]
    texts = [comparable_text(q) for _, _, q in entries]
    out = []
    chunk = 500
    for start in range(0, len(texts), chunk):
        scores = process.cdist(texts[start:start + chunk], texts, scorer=fuzz.ratio,
                               score_cutoff=threshold, workers=-1)
        rows, cols = scores.nonzero()
        for r, c in zip(rows.tolist(), cols.tolist()):
            a, b = start + r, c
            if b <= a:
                continue
            (ta, ia, qa), (tb, ib, qb) = entries[a], entries[b]
            out.append(tb.file.diag(
                ("questions", ib, "stem"),
                f"题目 {qb.id} 与 {qa.id}（{ta.file.shown}:{ta.file.line_of('questions', ia, 'stem')}）"
                f"高度相似（{int(scores[r, c])}%），请确认不是重复题", "warning"))
    return out
