import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "tests" / "fixtures" / "good"


@pytest.fixture
def good_bank(tmp_path) -> Path:
    """A copy of the small valid bank (questions/ + docs/) in a temp folder; returns questions/."""
    shutil.copytree(GOOD, tmp_path, dirs_exist_ok=True)
    return tmp_path / "questions"
