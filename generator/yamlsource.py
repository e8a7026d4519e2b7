"""Reading one YAML file safely, and finding the line of any value in it.

Parsing uses libyaml (CSafeLoader) when available. Line numbers are looked up lazily, by composing
the node tree only when a diagnostic needs one, so the fast path stays a bare `yaml.load`.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from generator.errors import BankError, Diagnostic, display_path

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 5 * 1024 * 1024

# Messages of the YAML parser, in Chinese. Keys are fragments of libyaml/PyYAML problems.
_YAML_PROBLEMS = {
    "while scanning a quoted scalar": "引号未闭合（从本行开始的引号没有配对）",
    "mapping values are not allowed": "此处不允许出现“键: 值”（冒号后的文本含“: ”时请给整段加引号）",
    "could not find expected ':'": "缺少冒号“:”",
    "did not find expected key": "缩进不一致或缺少键（检查本行与上一行的缩进）",
    "did not find expected '-' indicator": "列表项缩进不一致（缺少“- ”）",
    "found character that cannot start any token": "出现了不能作为 YAML 开头的字符（如制表符或 @、`，请加引号）",
    "found undefined alias": "使用了未定义的别名（*）",
    "found unexpected end of stream": "文件意外结束（引号或括号未闭合）",
    "found unknown escape character": "双引号字符串中有无效的转义字符（\\ 后的字符）",
    "did not find expected node content": "缺少内容（列表或映射写法不完整）",
    "expected <block end>, but found": "缩进错误：块结构未正确结束",
    "found duplicate anchor": "重复的锚点（&）",
    "expected a single document": "一个文件只能包含一个 YAML 文档（不要使用 ---）",
    "but found another document": "一个文件只能包含一个 YAML 文档（不要使用 ---）",
    "control characters are not allowed": "文件包含不允许的控制字符",
    "found a tab character": "使用了制表符（Tab）缩进，请改用空格",
    "could not determine a constructor": "不支持的 YAML 标签（!!python 等）",
}


def _translate_problem(problem: str) -> str:
    for fragment, zh in _YAML_PROBLEMS.items():
        if fragment in problem:
            return zh
    return f"YAML 语法错误（{problem}）"


class YamlFile:
    """One parsed YAML file: its data, and a lazy map from value paths to line numbers."""

    def __init__(self, path: Path, text: str, data: Any):
        self.path = path
        self.text = text
        self.data = data

    @property
    def shown(self) -> str:
        return display_path(self.path)

    @cached_property
    def _root(self) -> yaml.Node | None:
        try:
            return yaml.compose(self.text, Loader=Loader)
        except yaml.YAMLError:
            return None

    def line_of(self, *keys: Any) -> int:
        """1-based line of the value at `keys` (mapping keys / list indices); the deepest found."""
        node = self._root
        line = node.start_mark.line + 1 if node is not None else 1
        for key in keys:
            child = None
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                        child = v if not isinstance(v, yaml.ScalarNode) or v.value != "" else k
                        line = k.start_mark.line + 1
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                if 0 <= key < len(node.value):
                    child = node.value[key]
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line

    def diag(self, keys: tuple, message: str, level: str = "error") -> Diagnostic:
        return Diagnostic(self.shown, self.line_of(*keys), message, level)


def _fail(path: Path, line: int, message: str) -> BankError:
    return BankError(Diagnostic(display_path(path), line, message))


def _first_alias_line(text: str) -> int | None:
    try:
        for token in yaml.scan(text, Loader=Loader):
            if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
                return token.start_mark.line + 1
    except yaml.YAMLError:
        return None
    return None


def read_yaml(path: Path, raw: bytes | None = None) -> YamlFile:
    """Read and parse one file (or `raw`, the content it is about to get); every failure becomes
    a BankError naming the file and line."""
    try:
        raw = path.read_bytes() if raw is None else raw
    except FileNotFoundError:
        raise _fail(path, 0, "文件不存在") from None
    except IsADirectoryError:
        raise _fail(path, 0, "这是一个目录，不是文件") from None
    except OSError as exc:
        raise _fail(path, 0, f"无法读取文件（{exc.strerror or exc}）") from None
    if len(raw) > MAX_BYTES:
        raise _fail(path, 0, f"文件过大（超过 {MAX_BYTES // 1024 // 1024} MB），请拆分为多个题目文件")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(path, line, "文件不是 UTF-8 编码，请另存为 UTF-8（无 BOM）") from None
    tab = re.search(r"\t", text)
    if tab:
        raise _fail(path, text[: tab.start()].count("\n") + 1, "文件包含制表符（Tab），请改用空格缩进")
    if ("&" in text or "*" in text):
        alias_line = _first_alias_line(text)
        if alias_line:
            raise _fail(path, alias_line, "题库文件不允许使用 YAML 锚点或别名（& 与 *），请直接写出内容")
    try:
        data = yaml.load(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and "quoted scalar" in (exc.context or ""):
            mark = exc.context_mark  # where the unclosed quote opens, not where the file ends
        line = mark.line + 1 if mark else 0
        raise _fail(path, line, _translate_problem(f"{exc.context or ''} {exc.problem or ''}")) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "position", None)
        line = text[:mark].count("\n") + 1 if isinstance(mark, int) else 0
        raise _fail(path, line, _translate_problem(str(exc))) from None
    except RecursionError:
        raise _fail(path, 0, "YAML 嵌套层级过深") from None
    if data is None:
        raise _fail(path, 1, "文件为空（没有任何题目）")
    return YamlFile(path, text, data)
