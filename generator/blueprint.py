"""Exam blueprints: `questions/blueprints/<name>.yaml`, what a paper is made of.

A blueprint names the paper (title, time limit, instructions), the multiple-choice scoring rule,
and its sections: question type, count, points per question, topic quotas and weights, and the
difficulty mix. The format is documented in CONTRIBUTING.md (试卷蓝图).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from generator.errors import BankError, Diagnostic, display_path
from generator.model import CHOICE_TYPES, TYPE_NAMES
from generator.yamlsource import YamlFile, read_yaml

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Scope = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^/\s]+(/[^/\s]+)?$")]
Points = Annotated[float, Field(gt=0, le=100, multiple_of=0.5, strict=True)]
SectionType = Literal["single", "multiple", "judge", "case", "writing"]

LABELS = {
    "title": "标题 title", "subtitle": "副标题 subtitle", "time_limit": "考试时间 time_limit",
    "instructions": "考生须知 instructions", "scoring": "计分规则 scoring", "sections": "部分 sections",
    "multiple": "多选题计分 multiple", "per_option": "每选对一项的分值 per_option",
    "type": "题型 type", "count": "题数 count", "points": "每题分值 points", "note": "说明 note",
    "quotas": "配额 quotas", "weights": "权重 weights", "difficulty": "难度比例 difficulty",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Scoring(_Strict):
    """How multiple-choice answers are scored; the rule names are those of generator.scoring."""

    multiple: Literal["partial", "all_or_nothing"] = Field(
        "partial", description="多选题计分：partial 少选按选对项给分，all_or_nothing 全部选对才得分")
    per_option: Points | None = Field(
        None, description="partial 规则下每选对一项的分值；不写则按选对项数占正确项数的比例给分")


class Section(_Strict):
    type: SectionType = Field(description="题型")
    count: Annotated[int, Field(ge=1, le=500, strict=True)] = Field(description="题数")
    title: Text | None = Field(None, description="部分标题（默认为题型名称）")
    note: Text | None = Field(None, description="本部分说明（默认按题型生成）")
    points: Points | None = Field(
        None, description="选择题：每题分值（必填）；案例分析与公文写作：只抽取题库总分等于该值的题（可选）")
    quotas: dict[Scope, Annotated[int, Field(ge=1, strict=True)]] = Field(
        default_factory=dict, description="配额：从这些领域或主题（law 或 law/civil-code）各抽取的题数")
    weights: dict[Scope, Annotated[float, Field(gt=0, strict=True)]] = Field(
        default_factory=dict, description="权重：配额以外的题按权重分配到这些领域或主题")
    difficulty: dict[int, Annotated[float, Field(ge=0, strict=True)]] = Field(
        default_factory=dict, description="难度比例，如 {1: 3, 2: 5, 3: 2}")

    @property
    def type_name(self) -> str:
        return TYPE_NAMES[self.type]


class BlueprintModel(_Strict):
    title: Text = Field(description="试卷标题")
    subtitle: Text | None = Field(None, description="副标题")
    time_limit: Annotated[int, Field(ge=1, le=600, strict=True)] = Field(description="考试时间（分钟）")
    instructions: list[Text] = Field(default_factory=list, description="考生须知")
    scoring: Scoring = Field(default_factory=Scoring, description="计分规则")
    sections: Annotated[list[Section], Field(min_length=1, max_length=20)] = Field(description="试卷各部分")


@dataclass(frozen=True)
class Blueprint:
    """A checked blueprint with where it came from (for file:line messages)."""

    name: str
    model: BlueprintModel
    file: YamlFile

    @property
    def title(self) -> str:
        return self.model.title

    @property
    def sections(self) -> list[Section]:
        return self.model.sections

    @property
    def scoring(self) -> Scoring:
        return self.model.scoring

    def diag(self, keys: tuple, message: str, level: str = "error") -> Diagnostic:
        return self.file.diag(keys, f"蓝图 {self.name}：{message}", level)

    def section_label(self, index: int) -> str:
        section = self.sections[index]
        return f"第 {index + 1} 部分（{section.title or section.type_name}）"


def blueprint_dir(bank_root: Path) -> Path:
    from generator.loader import BLUEPRINT_DIR

    return Path(bank_root) / BLUEPRINT_DIR


def available(bank_root: Path) -> list[str]:
    folder = blueprint_dir(bank_root)
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def resolve(spec: str, bank_root: Path) -> Path:
    """`--blueprint`: a path to a YAML file, or a name in `<bank>/blueprints/`."""
    path = Path(spec)
    if path.suffix in (".yaml", ".yml") or path.is_file() or len(path.parts) > 1:
        return path
    candidate = blueprint_dir(bank_root) / f"{spec}.yaml"
    if candidate.is_file():
        return candidate
    names = available(bank_root)
    hint = f"可用的蓝图：{'、'.join(names)}" if names else f"{display_path(blueprint_dir(bank_root))} 中没有蓝图"
    raise BankError(Diagnostic(spec, 0, f"找不到蓝图“{spec}”；{hint}（也可以给出蓝图文件的路径）"))


def _check(bp: Blueprint) -> list[Diagnostic]:
    """Rules across fields that the model cannot express."""
    out = []
    per_option = bp.scoring.per_option
    for i, s in enumerate(bp.sections):
        keys = ("sections", i)
        where = bp.section_label(i)
        if s.type in CHOICE_TYPES and s.points is None:
            out.append(bp.diag(keys + ("type",), f"{where}：选择题部分必须写每题分值 points"))
        if s.type == "multiple" and bp.scoring.multiple == "partial" and per_option is not None \
                and s.points is not None and per_option >= s.points:
            out.append(bp.diag(("scoring", "per_option"),
                               f"每选对一项的分值 per_option（{per_option:g}）应小于{where}的每题分值（{s.points:g}）"))
        quota_total = sum(s.quotas.values())
        if quota_total > s.count:
            out.append(bp.diag(keys + ("quotas",), f"{where}：配额合计 {quota_total} 道，超过本部分题数 {s.count}"))
        for field in ("quotas", "weights"):
            scopes = sorted(getattr(s, field))
            for a in scopes:
                for b in scopes:
                    if b.startswith(a + "/"):
                        out.append(bp.diag(keys + (field, b), f"{where}：{field} 中的 {b} 包含在 {a} 之内，"
                                                              f"同一范围只能写一次"))
        if s.weights and quota_total == s.count:
            out.append(bp.diag(keys + ("weights",), f"{where}：配额已占满全部题数，权重 weights 不起作用，请删除",
                               "warning"))
        bad = [d for d in s.difficulty if d not in (1, 2, 3)]
        if bad:
            out.append(bp.diag(keys + ("difficulty",), f"{where}：难度比例的键应为 1、2、3（现为 {bad[0]}）"))
        elif s.difficulty and not any(s.difficulty.values()):
            out.append(bp.diag(keys + ("difficulty",), f"{where}：难度比例不能全为 0"))
    return out


def load_blueprint(path: Path) -> Blueprint:
    """Read and check one blueprint file; every problem becomes a BankError with file:line."""
    path = Path(path)
    file = read_yaml(path)
    if not isinstance(file.data, dict):
        raise BankError(file.diag((), "蓝图文件顶层应为映射（包含 title、time_limit、sections）"))
    try:
        model = BlueprintModel.model_validate(file.data)
    except ValidationError as exc:
        from generator.loader import pydantic_diagnostics

        raise BankError([Diagnostic(d.path, d.line, f"蓝图 {path.stem}：{d.message}", d.level)
                         for d in pydantic_diagnostics(exc, file, LABELS)]) from None
    bp = Blueprint(path.stem, model, file)
    diags = _check(bp)
    if any(d.level == "error" for d in diags):
        raise BankError(diags)
    return bp




def check_blueprints(bank) -> list[Diagnostic]:
    """For `cwexam validate`: every blueprint in the bank's blueprints/ folder is checked (errors),
    and whether the bank can fill it (warnings: the bank may be growing towards it)."""
    from generator.select import make_papers

    out: list[Diagnostic] = []
    folder = blueprint_dir(bank.root)
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.yaml")):
        try:
            bp = load_blueprint(path)
        except BankError as exc:
            out += exc.diagnostics
            continue
        out += [d for d in _check(bp) if d.level == "warning"]
        try:
            make_papers(bank, bp, seed=0, versions=1)
        except BankError as exc:
            out += [Diagnostic(d.path, d.line, d.message + "（题库暂时无法按此蓝图组卷）", "warning")
                    for d in exc.diagnostics]
    return out
