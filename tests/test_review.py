"""The item-writing review of `coursewright check`: each rule found in a small quiz that breaks
it, and not in one written well; silenced only with a reason; errors under `--strict`."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING, get_args

import pytest
import yaml

from generator.loader import load_course
from generator.models import ReviewRule
from generator.review import RULES

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path


def choice(text: str, correct: bool = False) -> dict[str, object]:
    return {"text": text, "correct": correct, "feedback": f"Because {text.lower()} is how it is."}


def single(n: int, options: list[str], right: int, prompt: str = "") -> dict[str, object]:
    return {
        "id": f"q-{n}",
        "type": "single",
        "objective": "pick-tea",
        "prompt": prompt or f"Question number {n}?",
        "choices": [choice(text, i == right) for i, text in enumerate(options)],
    }


def multiple(n: int, options: list[str], right: set[int]) -> dict[str, object]:
    return {**single(n, options, 0), "type": "multiple",
            "choices": [choice(text, i in right) for i, text in enumerate(options)]}  # fmt: skip


def found(
    course: Path, questions: Sequence[Mapping[str, object]], lesson: str | None = "choosing"
) -> set[str]:
    """The rules the review finds in a quiz of these questions."""
    quiz = {
        "title": "Probe",
        "questions": [dict(q) for q in questions],
        **({"lesson": lesson} if lesson else {}),
    }
    (course / "quizzes" / "probe.yml").write_text(yaml.safe_dump(quiz), encoding="utf-8")
    loaded = load_course(course)
    return {line.rsplit("[", 1)[1].rstrip("]") for line in loaded.review if "probe.yml" in line}


EVEN = ["Black tea, mild", "Green tea, light", "Herbal tea, sweet"]
"""Options of the same length and form."""

CASES: dict[str, tuple[list[dict[str, object]], list[dict[str, object]]]] = {
    "longest-right": (
        [single(n, ["Tea", "Coffee", "A mild black tea for all"], 2) for n in range(3)],
        [single(n, EVEN, n) for n in range(3)],
    ),
    "right-positions": (
        [single(n, EVEN, 0) for n in range(4)],
        [single(n, EVEN, n % 3) for n in range(4)],
    ),
    "right-counts": (
        [multiple(n, EVEN, {0, 1}) for n in range(2)],
        [multiple(0, EVEN, {0, 1}), multiple(1, EVEN, {2})],
    ),
    "absolutes": (
        [single(0, ["Guests can like it", "Guests always hate it"], 0),
         single(1, ["It may help", "It never helps", "Only tea works"], 0)],
        [single(0, ["Guests like it", "Guests hate it"], 0),
         single(1, ["It helps", "It does not help", "Tea works"], 0)],
    ),
    "above": (
        [single(0, ["Black tea", "Green tea", "All of the above"], 2)],
        [single(0, ["Black tea", "Green tea", "Both, in two pots"], 2)],
    ),
    "repeated-option": (
        [single(0, ["Black tea", "Green tea"], 0), single(1, ["Black tea", "Herbal tea"], 1)],
        [single(0, ["Black tea", "Green tea"], 0), single(1, ["Rooibos", "Herbal tea"], 1)],
    ),
    "prompt-gives-answer": (
        [single(0, ["mild black tea", "smoky tea"], 0, "Why is a mild black tea the safe pick?")],
        [single(0, ["It suits most guests", "It is cheap"], 0, "Why is black tea safe?")],
    ),
    "thin-feedback": (
        [{**single(0, EVEN, 1), "choices": [{"text": t, "feedback": "No."} for t in EVEN[:2]]
          + [{"text": EVEN[2], "correct": True, "feedback": "Yes."}]}],
        [single(0, EVEN, 1)],
    ),
}  # fmt: skip


@pytest.mark.parametrize("rule", sorted(CASES))
def test_each_rule_finds_what_it_is_about_and_nothing_in_good_items(
    course: Path, rule: str
) -> None:
    broken, fine = CASES[rule]
    assert rule in found(course, broken)
    assert rule not in found(course, fine)


def test_a_rule_is_silenced_only_where_the_author_gives_a_reason(course: Path) -> None:
    broken = CASES["above"][0]
    allowed = [{**broken[0], "allow": {"above": "The room votes on both pots at once."}}]
    assert "above" not in found(course, allowed)
    empty = [{**broken[0], "allow": {"above": ""}}]
    with pytest.raises(Exception, match="allow"):
        found(course, empty)


def test_a_final_may_not_ask_a_scenario_learners_practised(course: Path) -> None:
    asked = [
        {"id": "final-1", "type": "scenario", "objective": "time-brew", "scenario": "late-guests"}
    ]
    assert "reused-scenario" in found(course, asked, lesson=None)
    scenario = course / "content" / "scenarios" / "late-guests.yml"
    scenario.write_text(
        scenario.read_text(encoding="utf-8") + "practice: false\n", encoding="utf-8"
    )
    assert "reused-scenario" not in found(course, asked, lesson=None)
    # kept off the practice pages: only the quiz shows it
    from generator.render import render_site

    paths = {page.path for page in render_site(load_course(course)).pages}
    assert "scenarios/late-guests.md" not in paths
    assert "quizzes/probe.md" in paths


def test_a_judgement_objective_wants_a_scenario_question(course: Path) -> None:
    lesson = course / "content" / "lessons" / "choosing.yml"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("  - id: pick-tea\n", "  - id: pick-tea\n    judgement: true\n"))
    rules = {line.rsplit("[", 1)[1].rstrip("]") for line in load_course(course).review}
    assert "recall-only" in rules
    asked = [
        {"id": "probe-1", "type": "scenario", "objective": "pick-tea", "scenario": "late-guests"}
    ]
    found(course, asked)
    rules = {line.rsplit("[", 1)[1].rstrip("]") for line in load_course(course).review}
    assert "recall-only" not in rules


def test_every_rule_is_documented_and_named_in_the_schema() -> None:
    assert set(RULES) == set(get_args(ReviewRule))
    readme = (__import__("conftest").ROOT / "README.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"`{rule}`" in readme, rule


def test_the_sample_course_passes_its_review_and_strict_fails_on_a_finding(course: Path) -> None:
    def check(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "generator", "check", *extra],
            cwd=course, capture_output=True, text=True, check=False,
        )  # fmt: skip

    assert load_course(course).review == ()
    assert check("--strict").returncode == 0
    found(course, CASES["above"][0])
    lenient, strict = check(), check("--strict")
    assert lenient.returncode == 0
    assert strict.returncode == 1
    assert "quizzes/probe.yml:" in strict.stderr
    assert "[above]" in strict.stderr
    assert "review (errors with --strict): 1 finding" in strict.stderr
