"""The question-bank format: pydantic models, the single definition of what a bank file holds.

The JSON Schema written by `cwexam schema` is generated from these models.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StrictBool, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Letter = Annotated[str, StringConstraints(pattern=r"^[A-H]$")]
QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]{1,11}-[0-9]{4}$")]
Prefix = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]{1,11}$")]
SourceRef = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_./-]*\.md(#[\w-]+)?$")]
Difficulty = Annotated[int, Field(ge=1, le=3, strict=True)]
Options = Annotated[list[Text], Field(min_length=2, max_length=8)]

TYPE_NAMES = {
    "single": "单项选择题",
    "multiple": "多项选择题",
    "judge": "判断题",
    "case": "案例分析题",
    "writing": "公文写作题",
    "short": "简答题",
}
LETTERS = "ABCDEFGH"
QUESTION_TYPES = ("single", "multiple", "judge", "case", "writing")  # in exam order
DIFFICULTY_NAMES = {1: "易", 2: "中", 3: "难"}
PLACEHOLDER = "（待填写）"  # written by `cwexam new`; a question still holding it is an error


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RubricItem(Strict):
    """One 评分要点 with its points."""

    point: Text = Field(description="评分要点")
    score: Annotated[int, Field(gt=0, le=100, strict=True)] = Field(description="分值（正整数）")


# ---- parts of a case question -------------------------------------------------------------

class _Part(Strict):
    stem: Text = Field(description="小题题干")


class _ChoicePart(_Part):
    explanation: Text = Field(description="解析")
    points: Annotated[int, Field(gt=0, le=100, strict=True)] = Field(2, description="本小题分值")


class SinglePart(_ChoicePart):
    type: Literal["single"]
    options: Options
    answer: Letter


class MultiplePart(_ChoicePart):
    type: Literal["multiple"]
    options: Options
    answer: Annotated[list[Letter], Field(min_length=2)]


class JudgePart(_ChoicePart):
    type: Literal["judge"]
    answer: StrictBool


class ShortPart(_Part):
    type: Literal["short"]
    reference: Text = Field(description="参考答案")
    rubric: Annotated[list[RubricItem], Field(min_length=1)] = Field(description="评分要点")

    @property
    def points(self) -> int:
        return sum(item.score for item in self.rubric)


Part = Annotated[Union[SinglePart, MultiplePart, JudgePart, ShortPart], Field(discriminator="type")]


# ---- questions ----------------------------------------------------------------------------

class _Question(Strict):
    id: QuestionId = Field(description="全库唯一的题目编号，如 comm-0001；一经使用不再复用")
    difficulty: Difficulty = Field(description="难度：1 易，2 中，3 难")
    stem: Text = Field(description="题干")
    explanation: Text = Field(description="解析：为什么答案正确、其他选项为什么错误")
    source: SourceRef = Field(description="讲授该知识点的学习页面（相对 docs/，可带 #锚点）")
    tags: list[Text] = Field(default_factory=list, description="标签")
    refs: list[Text] = Field(default_factory=list, description="法律依据，如《城市居民委员会组织法》（2025年修订）第三条")

    _topic: str = PrivateAttr(default="")
    _area: str = PrivateAttr(default="")

    @property
    def topic(self) -> str:
        """Topic key `<area>/<name>` of the file the question came from."""
        return self._topic

    @property
    def area(self) -> str:
        return self._area


class SingleQuestion(_Question):
    type: Literal["single"]
    options: Options
    answer: Letter = Field(description="正确选项字母（按书写顺序，A 为第一个选项）")


class MultipleQuestion(_Question):
    type: Literal["multiple"]
    options: Options
    answer: Annotated[list[Letter], Field(min_length=2)] = Field(description="正确选项字母列表，至少两个")


class JudgeQuestion(_Question):
    type: Literal["judge"]
    answer: StrictBool = Field(description="true 表示正确，false 表示错误")


class CaseQuestion(_Question):
    type: Literal["case"]
    material: Text = Field(description="案例材料")
    parts: Annotated[list[Part], Field(min_length=1, max_length=10)] = Field(description="小题")

    @property
    def points(self) -> int:
        return sum(part.points for part in self.parts)


class WritingQuestion(_Question):
    type: Literal["writing"]
    material: Text | None = Field(None, description="背景材料（可选）")
    requirements: Annotated[list[Text], Field(min_length=1)] = Field(description="写作要求")
    model_answer: Text = Field(description="范文")
    rubric: Annotated[list[RubricItem], Field(min_length=1)] = Field(description="评分要点")

    @property
    def points(self) -> int:
        return sum(item.score for item in self.rubric)


Question = Annotated[
    Union[SingleQuestion, MultipleQuestion, JudgeQuestion, CaseQuestion, WritingQuestion],
    Field(discriminator="type"),
]
CHOICE_TYPES = ("single", "multiple", "judge")


class QuestionFile(Strict):
    """One topic file: `questions/<area>/<topic>.yaml`."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="社区工作者题库：主题文件",
        json_schema_extra={"description": "questions/<领域>/<主题>.yaml：一个主题一个文件。"},
    )

    title: Text = Field(description="主题名称，显示在练习页面上")
    prefix: Prefix = Field(description="本文件题目编号的前缀，如 comm")
    questions: Annotated[list[Question], Field(min_length=1)] = Field(description="题目列表")


def answer_letters(q) -> list[str]:
    """The key of a choice question as letters (authored order)."""
    return [q.answer] if isinstance(q.answer, str) else list(q.answer)
