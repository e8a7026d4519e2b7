"""Scoring rules (generator/scoring.py): the site's JavaScript mirrors these."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.scoring import describe_multiple, score_choice, score_multiple


def test_single_and_judge():
    assert score_choice("single", ["B"], ["B"], 1) == 1
    assert score_choice("single", "B", "C", 1) == 0
    assert score_choice("single", "B", None, 1) == 0
    assert score_choice("judge", True, True, 0.5) == 0.5
    assert score_choice("judge", True, False, 0.5) == 0
    assert score_choice("judge", False, None, 0.5) == 0


def test_partial_rule_per_option():
    key = ["A", "B", "D"]
    assert score_multiple(key, ["A", "B", "D"], 2, "partial", 0.5) == 2
    assert score_multiple(key, ["A", "D"], 2, "partial", 0.5) == 1
    assert score_multiple(key, ["B"], 2, "partial", 0.5) == 0.5
    assert score_multiple(key, ["A", "C"], 2, "partial", 0.5) == 0  # 错选不得分
    assert score_multiple(key, [], 2, "partial", 0.5) == 0
    # capped at the question's points
    assert score_multiple(list("ABCDE"), list("ABCD"), 1.5, "partial", 0.5) == 1.5


def test_partial_rule_proportional_without_per_option():
    assert score_multiple(["A", "B", "C"], ["A"], 3, "partial") == 1
    assert score_multiple(["A", "B", "C", "D"], ["A", "B", "C"], 2, "partial") == 1.5
    # per_option not below the points (a small case part): proportional instead
    assert score_multiple(["A", "B"], ["A"], 1, "partial", 1) == 0.5


def test_all_or_nothing():
    assert score_multiple(["A", "C"], ["C", "A"], 2, "all_or_nothing") == 2
    assert score_multiple(["A", "C"], ["A"], 2, "all_or_nothing") == 0
    with pytest.raises(ValueError):
        score_multiple(["A", "C"], ["A"], 2, "lenient")


@given(st.sets(st.sampled_from("ABCDEFGH"), min_size=2), st.sets(st.sampled_from("ABCDEFGH")),
       st.sampled_from([1, 1.5, 2, 3]), st.sampled_from(["partial", "all_or_nothing"]))
def test_scores_never_exceed_points_and_wrong_choice_gets_zero(key, response, points, rule):
    score = score_multiple(key, response, points, rule, 0.5)
    assert 0 <= score <= points
    if response - key or not response:
        assert score == 0
    if response == key:
        assert score == points
    elif score:
        assert rule == "partial" and score <= points


def test_rules_described_in_chinese():
    assert "每选对一项得 0.5 分" in describe_multiple(2, "partial", 0.5)
    assert "均不得分" in describe_multiple(2, "all_or_nothing", None)
