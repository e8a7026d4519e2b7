"""Loading the bank: every topic file parsed, checked against the model, and gathered in a Bank.

This is the one loader: the validator, the paper generator, the exporters and the site pages
all read the bank through `load_bank`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from generator.errors import BankError, Diagnostic, display_path
from generator.model import QuestionFile, TYPE_NAMES
from generator.yamlsource import YamlFile, read_yaml

BLUEPRINT_DIR = "blueprints"


@dataclass
class Topic:
    key: str  # "<area>/<name>"
    area: str
    name: str
    title: str
    prefix: str
    file: YamlFile
    questions: list = field(default_factory=list)


@dataclass
class Bank:
    root: Path
    topics: list[Topic]

    @property
    def questions(self) -> list:
        return [q for t in self.topics for q in t.questions]

    def topic(self, key: str) -> Topic:
        return next(t for t in self.topics if t.key == key)


def default_bank_dir() -> Path:
    """`questions/` in the working directory, else the one beside the installed package."""
    here = Path.cwd() / "questions"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parent.parent / "questions"


def docs_dir_for(bank_root: Path) -> Path:
    return bank_root.resolve().parent / "docs"


def question_files(root: Path) -> tuple[list[Path], list[Diagnostic]]:
    """The topic files under `root`, sorted, plus diagnostics for misplaced files."""
    if not root.exists():
        raise BankError(Diagnostic(display_path(root), 0, "题库目录不存在"))
    if not root.is_dir():
        raise BankError(Diagnostic(display_path(root), 0, "题库路径不是目录"))
    files, diags = [], []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_dir() or rel.parts[0] == BLUEPRINT_DIR or rel.name.startswith("."):
            continue
        if path.suffix == ".yml":
            diags.append(Diagnostic(display_path(path), 0, "扩展名应为 .yaml（本文件未被读取）"))
        elif path.suffix == ".yaml":
            if len(rel.parts) != 2:
                diags.append(Diagnostic(display_path(path), 0,
                                        "题目文件应放在 questions/<领域>/<主题>.yaml（本文件未被读取）"))
            else:
                files.append(path)
    return files, diags


# ---- pydantic errors in Chinese -----------------------------------------------------------

FIELD_NAMES = {
    "title": "主题名称 title", "prefix": "编号前缀 prefix", "questions": "题目列表 questions",
    "id": "编号 id", "type": "题型 type", "difficulty": "难度 difficulty", "stem": "题干 stem",
    "options": "选项 options", "answer": "答案 answer", "explanation": "解析 explanation",
    "source": "出处 source", "tags": "标签 tags", "refs": "依据 refs", "material": "材料 material",
    "parts": "小题 parts", "reference": "参考答案 reference", "rubric": "评分要点 rubric",
    "point": "要点 point", "score": "分值 score", "points": "分值 points",
    "requirements": "写作要求 requirements", "model_answer": "范文 model_answer",
}
PATTERN_HINTS = {
    "id": "编号格式应为“前缀-四位数字”，如 comm-0001（前缀为小写字母或数字）",
    "prefix": "前缀应为 2–12 个小写字母或数字，以字母开头，如 comm",
    "answer": "答案应为大写字母 A–H（A 表示第一个选项）",
    "source": "出处应为 docs/ 下的 .md 路径，可带 #锚点，如 competencies/communication.md#倾听",
}
_TAGS = set(TYPE_NAMES)


def _clean_loc(loc: tuple) -> tuple:
    """Drop the discriminator tags pydantic inserts after a list index."""
    out: list = []
    for item in loc:
        if isinstance(item, str) and item in _TAGS and out and isinstance(out[-1], int):
            continue
        out.append(item)
    return tuple(out)


def _field_label(loc: tuple, labels: dict | None = None) -> str:
    names = [x for x in loc if isinstance(x, str)]
    if not names:
        return "内容"
    label = (labels or FIELD_NAMES).get(names[-1], names[-1])
    if loc and isinstance(loc[-1], int):
        label += f" 第 {loc[-1] + 1} 项"
    return label


def _error_message(err: dict, loc: tuple, labels: dict | None = None) -> str:
    kind, ctx = err["type"], err.get("ctx", {})
    label = _field_label(loc, labels)
    names = [x for x in loc if isinstance(x, str)]
    last = names[-1] if names else ""
    if kind == "missing":
        return f"缺少必填字段 {label}"
    if kind == "extra_forbidden":
        return f"未知字段“{loc[-1]}”（是否拼写错误？允许的字段见 CONTRIBUTING.md）"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        allowed = "、".join(f"{k}（{v}）" for k, v in TYPE_NAMES.items() if k != "short")
        if "parts" in names:
            allowed = "single、multiple、judge、short"
        return f"题型 type 缺失或无效，应为 {allowed} 之一"
    if kind == "string_pattern_mismatch":
        return PATTERN_HINTS.get(last, f"{label} 格式不正确，应匹配 {ctx.get('pattern')}")
    if kind == "string_too_short":
        return f"{label} 不能为空"
    if kind == "string_type":
        if last == "answer":
            return "答案 answer 应为单个字母（单选题），多选题请用列表 [A, C]"
        return f"{label} 应为文本"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{label} 应为整数"
    if kind in ("float_type", "float_parsing", "finite_number"):
        return f"{label} 应为数字"
    if kind == "multiple_of":
        return f"{label} 应为 {ctx.get('multiple_of')} 的整数倍"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        if last == "difficulty":
            return "难度 difficulty 应为 1、2 或 3"
        if last in ("score", "points"):
            return f"{label} 应为正整数（1–100）"
        return f"{label} 超出允许范围"
    if kind in ("bool_type", "bool_parsing"):
        return "判断题答案 answer 应为 true 或 false"
    if kind == "list_type":
        if last == "answer":
            return "多选题答案 answer 应为列表，如 [A, C]"
        return f"{label} 应为列表"
    if kind == "too_short":
        if last == "answer":
            return "多选题至少应有两个正确选项；只有一个正确选项请改为单选题（single）"
        if last == "options":
            return "选项 options 至少应有 2 个"
        return f"{label} 至少应有 {ctx.get('min_length', 1)} 项"
    if kind == "too_long":
        return f"{label} 最多 {ctx.get('max_length')} 项"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if not loc:
            return "文件顶层应为映射（包含 title、prefix、questions）；如果只写了题目列表，请放到 questions: 之下"
        return f"{label} 应为映射（键: 值）"
    if kind == "literal_error":
        return f"{label} 取值无效，应为 {ctx.get('expected')}"
    return f"{label} 无效（{err.get('msg')}）"


def pydantic_diagnostics(exc: ValidationError, file: YamlFile, labels: dict | None = None) -> list[Diagnostic]:
    """Chinese diagnostics for a model's validation errors; `labels` names the fields (default:
    the bank's FIELD_NAMES)."""
    diags = []
    data = file.data
    for err in exc.errors(include_url=False):
        loc = _clean_loc(err["loc"])
        if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc += ("type",)
        prefix = ""
        if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
            qid = None
            try:
                qid = data["questions"][loc[1]].get("id")
            except (KeyError, IndexError, TypeError, AttributeError):
                pass
            prefix = f"第 {loc[1] + 1} 题" + (f"（{qid}）" if isinstance(qid, str) else "") + "："
            if len(loc) >= 4 and loc[2] == "parts" and isinstance(loc[3], int):
                prefix = prefix[:-1] + f"第 {loc[3] + 1} 小题："
        diags.append(Diagnostic(file.shown, file.line_of(*loc), prefix + _error_message(err, loc, labels)))
    return diags


# ---- loading ------------------------------------------------------------------------------

PARALLEL_BYTES = 2 * 1024 * 1024  # banks larger than this are parsed by several processes


def _parse_files(paths: list[Path]) -> list:
    """Worker: parse files; each result is a YamlFile's (text, data) or the file's diagnostics."""
    out = []
    for path in paths:
        try:
            file = read_yaml(path)
            out.append((file.text, file.data))
        except BankError as exc:
            out.append(exc.diagnostics)
    return out


def _parse_all(paths: list[Path]) -> list:
    """Parse every file: in this process for ordinary banks, spread over the CPUs for big ones
    (YAML parsing is most of the time a large bank takes to load)."""
    import os

    workers = min(os.cpu_count() or 1, 8)
    try:
        total = sum(p.stat().st_size for p in paths)
    except OSError:
        total = 0
    if workers < 2 or total < PARALLEL_BYTES or len(paths) < 2:
        return _parse_files(paths)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    groups: list[list[Path]] = [[] for _ in range(workers)]
    sizes = [0] * workers
    order = {p: i for i, p in enumerate(paths)}
    for path in sorted(paths, key=lambda p: -p.stat().st_size):  # balance bytes per worker
        i = sizes.index(min(sizes))
        groups[i].append(path)
        sizes[i] += path.stat().st_size
    groups = [g for g in groups if g]
    results: dict[Path, object] = {}
    with ProcessPoolExecutor(len(groups), mp_context=multiprocessing.get_context("fork")) as pool:
        for group, parsed in zip(groups, pool.map(_parse_files, groups)):
            results.update(zip(group, parsed))
    return [results[p] for p in sorted(results, key=order.get)]


def load_topic(path: Path, root: Path, raw: bytes | None = None, parsed=None) -> Topic:
    """Parse and model-check one topic file (or `raw` content for it, or an already `parsed`
    (text, data) pair). Raises BankError with every problem in the file."""
    file = YamlFile(path, *parsed) if parsed is not None else read_yaml(path, raw)
    try:
        parsed = QuestionFile.model_validate(file.data)
    except ValidationError as exc:
        raise BankError(pydantic_diagnostics(exc, file)) from None
    rel = path.relative_to(root)
    area, name = rel.parts[0], path.stem
    topic = Topic(f"{area}/{name}", area, name, parsed.title, parsed.prefix, file, list(parsed.questions))
    for q in topic.questions:
        q._topic, q._area = topic.key, area
    return topic


def load_bank(root: Path | None = None, *, check: bool = True, similarity: bool = False,
              docs_dir: Path | None = None) -> tuple[Bank, list[Diagnostic]]:
    """Load every topic file; returns the bank and all diagnostics (errors and warnings).

    Files with errors are left out of the bank; their diagnostics are returned.
    """
    root = Path(root) if root is not None else default_bank_dir()
    paths, diags = question_files(root)
    topics = []
    for path, parsed in zip(paths, _parse_all(paths)):
        if isinstance(parsed, list):
            diags.extend(parsed)
            continue
        try:
            topics.append(load_topic(path, root, parsed=parsed))
        except BankError as exc:
            diags.extend(exc.diagnostics)
    if not paths and not diags:
        diags.append(Diagnostic(display_path(root), 0, "题库中没有任何题目文件（questions/<领域>/<主题>.yaml）"))
    bank = Bank(root, topics)
    if check:
        from generator.checks import check_bank

        diags.extend(check_bank(bank, docs_dir or docs_dir_for(root), similarity=similarity))
    return bank, sorted(set(diags), key=lambda d: (d.path, d.line, d.message))


def load_valid_bank(root: Path | None = None, docs_dir: Path | None = None) -> Bank:
    """The bank for generating output: any error stops everything (warnings are ignored).
    Sources are checked against `docs_dir` (default: `docs/` beside the bank)."""
    bank, diags = load_bank(root, docs_dir=docs_dir)
    errors = [d for d in diags if d.level == "error"]
    if errors:
        raise BankError(errors)
    return bank
