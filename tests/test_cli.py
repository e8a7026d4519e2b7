"""The CLI commands, driven through Click's runner on a small bank."""

import json
from pathlib import Path

import jsonschema
import yaml
from click.testing import CliRunner

from generator import __version__
from generator.cli import cli
from generator.loader import load_bank


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_help_and_version_are_chinese():
    result = run("--help")
    assert result.exit_code == 0 and "用法：" in result.output and "校验整个题库" in result.output
    assert __version__ in run("--version").output


def test_bad_option_gives_chinese_message_and_nonzero_exit():
    result = run("validate", "--bogus")
    assert result.exit_code == 2
    assert "没有选项" in result.output and "Traceback" not in result.output


def test_validate_good_bank(good_bank):
    result = run("--bank", str(good_bank), "validate")
    assert result.exit_code == 0, result.output
    assert "校验通过" in result.output and "5 道题" in result.output


def test_validate_takes_directory_argument(good_bank):
    assert run("validate", str(good_bank)).exit_code == 0


def test_stats_counts(good_bank):
    result = run("--bank", str(good_bank), "stats")
    assert result.exit_code == 0
    total = [l for l in result.output.splitlines() if l.startswith("全部")][0].split()
    assert total[1:7] == ["5", "1", "1", "1", "1", "1"]


def test_new_with_flags_appends_next_id(good_bank):
    result = run("--bank", str(good_bank), "new", "--topic", "demo/basics", "--type", "multiple",
                 "--difficulty", "2", "--stem", "居民委员会下设的委员会包括（  ）。",
                 "--option", "人民调解委员会", "--option", "治安保卫委员会", "--option", "业主委员会",
                 "--answer", "A,B", "--explanation", "业主委员会由业主大会选举产生，不是居委会的下属委员会。",
                 "--source", "demo/page.md")
    assert result.exit_code == 0, result.output
    assert "demo-0006" in result.output
    bank, diags = load_bank(good_bank)
    assert not [d for d in diags if d.level == "error"]
    added = [q for q in bank.questions if q.id == "demo-0006"][0]
    assert added.answer == ["A", "B"] and added.options[2] == "业主委员会"


def test_new_by_prompts_creates_topic_file(good_bank):
    answers = "\n".join(["demo/new-topic", "新主题", "newt", "judge", "1", "请示应当一文一事。", "true",
                         "条例如此规定。", "demo/page.md#请示的写法"]) + "\n"
    result = run("--bank", str(good_bank), "new", input=answers)
    assert result.exit_code == 0, result.output
    text = (good_bank / "demo" / "new-topic.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema.json")
    assert yaml.safe_load(text)["questions"][0]["id"] == "newt-0001"


def test_new_rejects_bad_answer_without_writing(good_bank):
    before = (good_bank / "demo" / "basics.yaml").read_bytes()
    result = run("--bank", str(good_bank), "new", "--topic", "demo/basics", "--type", "single",
                 "--difficulty", "1", "--stem", "题干", "--option", "甲", "--option", "乙", "--answer", "D",
                 "--explanation", "解析", "--source", "demo/page.md")
    assert result.exit_code == 1
    assert "超出选项范围" in result.output
    assert (good_bank / "demo" / "basics.yaml").read_bytes() == before


def test_schema_validates_bank_files(good_bank, tmp_path):
    out = tmp_path / "schema.json"
    assert run("--bank", str(good_bank), "schema", "-o", str(out),
               "--blueprint-output", str(tmp_path / "bp.json")).exit_code == 0
    bp_schema = json.loads((tmp_path / "bp.json").read_text(encoding="utf-8"))
    for blueprint in (Path(__file__).resolve().parent.parent / "questions" / "blueprints").glob("*.yaml"):
        jsonschema.validate(yaml.safe_load(blueprint.read_text(encoding="utf-8")), bp_schema)
    schema = json.loads(out.read_text(encoding="utf-8"))
    data = yaml.safe_load((good_bank / "demo" / "basics.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    data["questions"][0]["stme"] = "typo"
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("schema accepted an unknown field")


def test_export_json(good_bank, tmp_path):
    out = tmp_path / "bank.json"
    result = run("--bank", str(good_bank), "export", "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    questions = json.loads(out.read_text(encoding="utf-8"))["questions"]
    assert len(questions) == 5
    single = questions[0]
    for key in ("id", "type", "topic", "stem", "difficulty", "explanation", "source", "options", "answer"):
        assert key in single
    assert single["options"][1] == "基层群众性自治组织" and single["answer"] == ["B"]


def test_export_of_invalid_bank_writes_nothing(good_bank, tmp_path):
    path = good_bank / "demo" / "basics.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("answer: B", "answer: H"), encoding="utf-8")
    out = tmp_path / "bank.json"
    result = run("--bank", str(good_bank), "export", "-o", str(out))
    assert result.exit_code == 1 and "超出选项范围" in result.output
    assert not out.exists()


def test_committed_schemas_are_current_and_every_bank_file_names_one():
    """The committed schemas are what `cwexam schema` writes (run it after changing a model), and
    every bank file starts with the line that points editors at its schema."""
    from generator.blueprint import BlueprintModel
    from generator.model import QuestionFile

    bank = Path(__file__).resolve().parent.parent / "questions"
    assert json.loads((bank / "schema.json").read_text(encoding="utf-8")) == QuestionFile.model_json_schema()
    assert json.loads((bank / "blueprints" / "schema.json").read_text(encoding="utf-8")) == \
        BlueprintModel.model_json_schema()
    files = sorted(bank.glob("*/*.yaml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# yaml-language-server: $schema="), path


def test_cli_type_choice_matches_the_model():
    from generator.cli import TYPE_CHOICE
    from generator.model import QUESTION_TYPES

    assert tuple(TYPE_CHOICE.choices) == QUESTION_TYPES
