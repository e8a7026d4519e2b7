"""Scoring rules: pure functions from (key, response, points) to a score.

The site's practice pages mirror these in JavaScript, so the rule names and their meaning are
part of the project's interface (documented in CONTRIBUTING.md, 试卷蓝图):

- single, judge: the response equals the key -> full points, else 0.
- multiple, rule `all_or_nothing` (全部选对才得分): exactly the key -> full points, else 0.
- multiple, rule `partial` (全部选对得满分、少选按选对项给分、错选不得分):
    exactly the key                           -> full points;
    a non-empty strict subset of the key      -> per_option x (options chosen), capped at the
                                                 question's points; without per_option (or when
                                                 per_option is not below the points, as for a
                                                 small case part) each chosen option is worth
                                                 points / len(key);
    any wrong option chosen, or nothing       -> 0.
- case `short` parts and writing questions are marked by hand against the rubric: no function.

Scores are rounded to 2 decimals.
"""

from __future__ import annotations

from typing import Iterable

RULES = ("partial", "all_or_nothing")


def _round(x: float) -> float:
    return round(x + 0.0, 2)


def score_single(key: str, response: str | None, points: float) -> float:
    return _round(points) if response is not None and response == key else 0.0


def score_judge(key: bool, response: bool | None, points: float) -> float:
    return _round(points) if response is not None and response is key else 0.0


def score_multiple(key: Iterable[str], response: Iterable[str] | None, points: float,
                   rule: str = "partial", per_option: float | None = None) -> float:
    if rule not in RULES:
        raise ValueError(f"unknown scoring rule {rule!r}")
    key_set, chosen = set(key), set(response or ())
    if not chosen or not chosen <= key_set:
        return 0.0
    if chosen == key_set:
        return _round(points)
    if rule == "all_or_nothing":
        return 0.0
    each = per_option if per_option is not None and per_option < points else points / len(key_set)
    return _round(min(each * len(chosen), points))


def score_choice(qtype: str, key, response, points: float, rule: str = "partial",
                 per_option: float | None = None) -> float:
    """Score any choice question or case part: `key`/`response` as the JSON paper writes them
    (letters list for single/multiple, a bool for judge)."""
    if qtype == "judge":
        return score_judge(key, response, points)
    if qtype == "single":
        key_letter = key[0] if isinstance(key, (list, tuple)) else key
        resp = response[0] if isinstance(response, (list, tuple)) and len(response) == 1 else response
        return score_single(key_letter, resp if isinstance(resp, str) else None, points)
    if qtype == "multiple":
        return score_multiple(key, response, points, rule, per_option)
    raise ValueError(f"{qtype!r} is not scored automatically")


def describe_multiple(points: float, rule: str, per_option: float | None) -> str:
    """The rule in words, printed under the multiple-choice heading of a paper."""
    p = fmt_points(points)
    if rule == "all_or_nothing":
        return f"全部选对得 {p} 分；少选、错选或不选均不得分。"
    if per_option is not None and per_option < points:
        return f"全部选对得 {p} 分；少选且所选选项均正确的，每选对一项得 {fmt_points(per_option)} 分；错选或不选不得分。"
    return f"全部选对得 {p} 分；少选且所选选项均正确的，按选对项数占正确选项数的比例给分；错选或不选不得分。"


def fmt_points(x: float) -> str:
    """1.0 -> "1", 1.5 -> "1.5", 0.25 -> "0.25"."""
    return f"{x:.2f}".rstrip("0").rstrip(".")
