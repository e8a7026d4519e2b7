"""Every kind of bad bank file gives a Chinese message naming the file and the line."""

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.errors import BankError
from generator.loader import load_bank

BAD = Path(__file__).parent / "bad_bank"
CASES = sorted(BAD.glob("*.yaml"))


def expectation(path: Path) -> tuple[int, str]:
    first = path.read_bytes().split(b"\n", 1)[0].decode("utf-8")
    m = re.match(r"# expect: (\d+) (.+)$", first)
    assert m, f"{path.name} lacks an '# expect: LINE TEXT' header"
    return int(m.group(1)), m.group(2)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_file_is_reported_with_file_and_line(case, good_bank):
    line, fragment = expectation(case)
    target = good_bank / "demo" / "basics.yaml"
    shutil.copy(case, target)
    result = CliRunner().invoke(cli, ["--bank", str(good_bank), "validate"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    matching = [l for l in result.output.splitlines() if fragment in l]
    assert matching, result.output
    assert any(l.startswith(f"{target}:{line}: ") or f"basics.yaml:{line}: " in l for l in matching), result.output


def test_corpus_covers_the_error_kinds():
    names = {c.stem for c in CASES}
    for kind in ["syntax", "tab", "non-utf8", "empty", "top-list", "scalar", "alias-bomb",
                 "unknown-field", "wrong-key", "duplicate-id", "missing-source", "rubric-score"]:
        assert kind in names


def test_every_problem_is_reported_at_once(good_bank):
    (good_bank / "demo" / "second.yaml").write_text(
        (BAD / "wrong-key.yaml").read_text(encoding="utf-8").replace("demo-0001", "demo-0101"), encoding="utf-8")
    shutil.copy(BAD / "unknown-field.yaml", good_bank / "demo" / "third.yaml")
    (good_bank / "demo" / "third.yaml").write_text(
        (good_bank / "demo" / "third.yaml").read_text(encoding="utf-8").replace("demo-0001", "demo-0201"),
        encoding="utf-8")
    _, diags = load_bank(good_bank)
    errors = [d for d in diags if d.level == "error"]
    assert {Path(d.path).name for d in errors} == {"second.yaml", "third.yaml"}
    assert len(errors) >= 3


def test_duplicate_id_across_files_names_both(good_bank):
    text = (good_bank / "demo" / "basics.yaml").read_text(encoding="utf-8")
    other = good_bank / "other"
    other.mkdir()
    (other / "copy.yaml").write_text(text.replace("demo-0002", "demo-0902"), encoding="utf-8")
    _, diags = load_bank(good_bank)
    dup = [d for d in diags if "demo-0001 重复" in d.message]
    assert dup and "basics.yaml:" in dup[0].message


def test_near_duplicate_stems_warn_with_both_ids(good_bank):
    path = good_bank / "demo" / "basics.yaml"
    text = path.read_text(encoding="utf-8")
    extra = text.split("questions:\n", 1)[1].split("  - id: demo-0002")[0]
    extra = extra.replace("demo-0001", "demo-0099").replace("的性质是", "的性质为")
    path.write_text(text + extra, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--bank", str(good_bank), "validate"])
    assert result.exit_code == 0, result.output  # warnings alone do not fail
    assert "警告" in result.output and "demo-0099" in result.output and "demo-0001" in result.output


def test_missing_directory(tmp_path):
    result = CliRunner().invoke(cli, ["--bank", str(tmp_path / "nope"), "validate"])
    assert result.exit_code != 0
    assert "题库目录不存在" in result.output


def test_bank_error_is_the_only_exception(good_bank):
    (good_bank / "demo" / "basics.yaml").write_bytes(b"\xff\xfe\x00")
    bank, diags = load_bank(good_bank)
    assert diags and diags[0].line >= 1
    with pytest.raises(BankError):
        from generator.loader import load_valid_bank

        load_valid_bank(good_bank)
