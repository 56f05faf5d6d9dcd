"""Bad input: each mistake an author can make gets one exact line with file, line and column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import TEA, edit

from generator.loader import load_course
from generator.models import COURSE_FILE
from generator.problems import ContentError


def problems(project: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_course(project)
    return [str(problem) for problem in caught.value.problems]


def test_the_sample_course_loads_in_order() -> None:
    course = load_course(TEA)
    assert list(course.lessons) == ["choosing", "serving"]
    assert list(course.scenarios) == ["late-guests", "strong-tea"]
    assert course.files[("lesson", "choosing")] == "content/lessons/choosing.yml"
    assert course.files[COURSE_FILE] == "content/course.yml"


@pytest.mark.parametrize(
    ("rel", "old", "new", "expected"),
    [
        pytest.param(
            "content/lessons/serving.yml",
            "minutes: 15",
            "minutes: [15",
            "content/lessons/serving.yml:4:11: YAML syntax: while parsing a flow sequence did not "
            "find expected ',' or ']' (it started on line 3)",
            id="yaml-syntax",
        ),
        pytest.param(
            "content/lessons/serving.yml",
            "  - id: time-brew",
            "\t- id: time-brew",
            "content/lessons/serving.yml:5:1: YAML syntax: while scanning for the next token "
            "found character that cannot start any token (a tab: indent with spaces)",
            id="tab",
        ),
        pytest.param(
            "content/lessons/serving.yml",
            "summary:",
            "sumary:",
            "content/lessons/serving.yml:2:1: sumary: unknown field `sumary`; did you mean "
            "`summary`? valid fields: title, summary, minutes, objectives, introduction, terms, "
            "guidelines, key_points, discussion, facilitator_notes",
            id="unknown-key",
        ),
        pytest.param(
            "content/lessons/serving.yml",
            "minutes: 15",
            "minutes: fifteen",
            "content/lessons/serving.yml:3:10: minutes: expected a whole number, found plain text",
            id="wrong-type",
        ),
        pytest.param(
            "content/lessons/serving.yml",
            "    why: Tea left too long turns bitter.\n",
            "",
            "content/lessons/serving.yml:8:5: guidelines[0].why: required field is missing; "
            "add `why:` (The reason behind the guideline.)",
            id="missing-field",
        ),
        pytest.param(
            "content/scenarios/late-guests.yml",
            "guidelines: [batch-brew]",
            "guidelines: [batch-bru]",
            "content/scenarios/late-guests.yml:16:14: guidelines[0]: no guideline with id "
            "`batch-bru`; did you mean `batch-brew`? guideline ids are: batch-brew, mild-tea",
            id="dangling-reference",
        ),
        pytest.param(
            "content/lessons/serving.yml",
            "minutes: 15",
            "minutes: 15\nminutes: 20",
            "content/lessons/serving.yml:4:1: minutes: duplicate key: also set on line 3; keep one",
            id="duplicate-key",
        ),
        pytest.param(
            "quizzes/choosing-check.yml",
            "        feedback: Few people like smoky tea.",
            "        correct: true\n        feedback: Few people like smoky tea.",
            "quizzes/choosing-check.yml:8:5: questions[0].choices: 2 choices are marked "
            "`correct: true`; a single-choice question needs exactly one (use `type: multiple` "
            "for more)",
            id="single-choice-two-correct",
        ),
        pytest.param(
            "quizzes/choosing-check.yml",
            "    type: single",
            "    type: singel",
            "quizzes/choosing-check.yml:5:11: questions[0].type: `singel` is not a known type; "
            "did you mean `single`? use one of: single, multiple, true_false, scenario",
            id="question-type",
        ),
        pytest.param(
            "quizzes/choosing-check.yml",
            "        feedback: Most people enjoy it.\n",
            "",
            "quizzes/choosing-check.yml:9:9: questions[0].choices[0].feedback: required field is "
            "missing; add `feedback:` (Why this answer is right or wrong.)",
            id="choice-without-feedback",
        ),
        pytest.param(
            "content/scenarios/strong-tea.yml",
            "    grade: best",
            "    grade: acceptable",
            "content/scenarios/strong-tea.yml:5:1: options: no option is graded `best`; grade "
            "the one you recommend `best`",
            id="scenario-without-best",
        ),
        pytest.param(
            "content/course.yml",
            "        minutes: 5",
            "        minutes: 10",
            "content/course.yml:14:14: formats[0].minutes: the agenda takes 35 minutes, more than "
            "the 30 this format has; shorten or drop a slot",
            id="agenda-too-long",
        ),
        pytest.param(
            "content/course.yml",
            "  - serving\n",
            "",
            "content/lessons/serving.yml:1:1: this lesson is missing from `lessons:` in the "
            "course file; add its id where it belongs in the teaching order",
            id="lesson-not-listed",
        ),
        pytest.param(
            "quizzes/choosing-check.yml",
            "objective: pick-tea",
            "objective: pick-teas",
            "quizzes/choosing-check.yml:6:16: questions[0].objective: no objective with id "
            "`pick-teas`; did you mean `pick-tea`? objective ids are: pick-tea, time-brew",
            id="unknown-objective",
        ),
        pytest.param(
            "content/scenarios/late-guests.yml",
            "perspective: host",
            "perspective: Host view",
            "content/scenarios/late-guests.yml:2:14: perspective: `Host view` is not an id: use "
            "lowercase words joined by hyphens, e.g. `first-contact`",
            id="bad-id",
        ),
    ],
)
def test_each_mistake_gets_one_exact_line(
    course: Path, rel: str, old: str, new: str, expected: str
) -> None:
    edit(course, rel, old, new)
    assert problems(course) == [expected]


def test_a_duplicate_id_is_reported_where_it_breaks_references_too(course: Path) -> None:
    edit(course, "content/lessons/serving.yml", "id: batch-brew", "id: mild-tea")
    assert problems(course) == [
        "content/lessons/serving.yml:8:9: guidelines[0].id: duplicate guideline id `mild-tea`; "
        "ids must be unique in the course (first used at content/lessons/choosing.yml:13)",
        "content/scenarios/late-guests.yml:16:14: guidelines[0]: no guideline with id "
        "`batch-brew`; guideline ids are: mild-tea",
    ]


def test_every_problem_is_reported_at_once(course: Path) -> None:
    edit(course, "content/lessons/serving.yml", "summary:", "sumary:")
    edit(course, "quizzes/choosing-check.yml", "answer: false", "answer: maybe")
    found = problems(course)
    assert len(found) == 2
    assert found[0].startswith("content/lessons/serving.yml:2:1: sumary: unknown field")
    assert found[1] == (
        "quizzes/choosing-check.yml:31:13: questions[2].answer: expected `true` or `false`, "
        "found plain text"
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(
            b"",
            "content/lessons/serving.yml:1:1: the file is empty; it needs `key: value` lines",
            id="empty",
        ),
        pytest.param(
            b"- a\n- b\n",
            "content/lessons/serving.yml:1:1: expected `key: value` lines "
            "at the top level, found a list",
            id="list",
        ),
        pytest.param(
            b"title: caf\xe9\n",
            "content/lessons/serving.yml:1:11: byte 0xe9 is not UTF-8 "
            "text; save the file with the UTF-8 encoding",
            id="not-utf8",
        ),
        pytest.param(
            b"a: &a [*a]\n",
            "content/lessons/serving.yml:1:4: an alias (`*name`) refers to a value that "
            "contains it",
            id="self-alias",
        ),
    ],
)
def test_a_file_that_is_not_a_mapping(course: Path, content: bytes, expected: str) -> None:
    (course / "content/lessons/serving.yml").write_bytes(content)
    assert problems(course) == [expected]


def test_a_yaml_file_in_the_wrong_place_is_not_ignored(course: Path) -> None:
    (course / "content/notes.yml").write_text("title: x\n", encoding="utf-8")
    assert problems(course) == [
        "content/notes.yml: not part of the course: only `content/course.yml` belongs here; put "
        "lessons in `content/lessons/` and scenarios in `content/scenarios/`"
    ]


def test_a_bad_file_name(course: Path) -> None:
    (course / "content/lessons/serving.yml").rename(course / "content/lessons/Serving Tea.yml")
    assert problems(course)[0] == (
        "content/lessons/Serving Tea.yml: rename the file: its name is its id, in lowercase words "
        "joined by hyphens, e.g. `first-contact.yml` (and not `index`)"
    )


def test_a_missing_course_file(tmp_path: Path) -> None:
    assert problems(tmp_path) == [
        "content/course.yml: missing: every course needs this file, with at least `id`, `title`, "
        "`summary`, `audience`, `outcomes` and `lessons`"
    ]


def test_every_objective_needs_a_question(course: Path) -> None:
    edit(course, "quizzes/choosing-check.yml", "objective: time-brew", "objective: pick-tea")
    assert problems(course) == [
        "content/lessons/serving.yml:5:9: objectives[0].id: no quiz question assesses this "
        "objective; add one with `objective: time-brew`"
    ]


def test_yaml_conveniences_still_work(course: Path) -> None:
    edit(
        course,
        "quizzes/choosing-check.yml",
        "      - text: A mild black tea.\n        correct: true\n",
        "      - &mild\n        text: A mild black tea.\n        correct: yes\n",
    )
    edit(
        course,
        "quizzes/choosing-check.yml",
        "      - text: A smoky tea.\n",
        "      - <<: *mild\n        correct: false\n        text: A smoky tea.\n",
    )
    edit(course, "content/lessons/serving.yml", "minutes: 15", "minutes: 015")  # not octal
    edit(course, "content/lessons/serving.yml", "title: Serving on time", "title: '2024'")
    loaded = load_course(course)
    first, second = loaded.quizzes["choosing-check"].questions[0].choices  # type: ignore[union-attr]
    assert (first.correct, second.correct, second.text) == (True, False, "A smoky tea.")
    assert loaded.lessons["serving"].minutes == 15
    assert loaded.lessons["serving"].title == "2024"


def test_text_keeps_exactly_what_the_author_typed(course: Path) -> None:
    """YAML 1.1 would read these as 750, 493, 1.1, false and 493."""
    edit(course, "content/lessons/serving.yml", "title: Serving on time", "title: 12:30")
    edit(course, "content/lessons/choosing.yml", "title: Choosing tea and water", "title: 0755")
    edit(course, "content/scenarios/late-guests.yml", "title: Late guests", "title: 1.10")
    edit(course, "content/lessons/choosing.yml", "id: mild-tea", "id: no")
    edit(course, "content/scenarios/late-guests.yml", "[batch-brew]", "[batch-brew, no]")
    (course / "content/lessons/choosing.yml").rename(course / "content/lessons/0755.yml")
    edit(course, "content/course.yml", "  - choosing\n", "  - 0755\n")
    edit(course, "content/course.yml", "lesson: choosing", "lesson: 0755")
    edit(course, "quizzes/choosing-check.yml", "lesson: choosing", "lesson: 0755")
    loaded = load_course(course)
    assert loaded.lessons["serving"].title == "12:30"
    assert loaded.lessons["0755"].title == "0755"
    assert loaded.scenarios["late-guests"].title == "1.10"
    assert loaded.lessons["0755"].guidelines[0].id == "no"


@pytest.mark.parametrize("value", ["yes", "1:30", "15 minutes", "1.5"])
def test_a_number_field_takes_whole_numbers_only(course: Path, value: str) -> None:
    edit(course, "content/lessons/serving.yml", "minutes: 15", f"minutes: {value}")
    assert problems(course) == [
        "content/lessons/serving.yml:3:10: minutes: expected a whole number, found plain text"
    ]


def test_an_unreadable_folder_is_a_problem_not_a_traceback(
    course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Path.iterdir

    def refuse(self: Path) -> Any:
        if self.name == "scenarios":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    assert "content/scenarios: cannot be read: Permission denied" in problems(course)
