"""Bad input: each mistake an author can make gets one exact line with file, line and column."""

from __future__ import annotations

import gc
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
            "    why: Tea left too long turns bitter.\n",
            "",
            "content/lessons/serving.yml:8:5: guidelines[0].why: required field is missing; "
            "add `why:` (The reason behind the guideline.)",
            id="missing-field",
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
            "quizzes/choosing-check.yml",
            "      - text: A smoky tea.\n        feedback: Few people like smoky tea.\n",
            "",
            "quizzes/choosing-check.yml:8:5: questions[0].choices: needs at least 2 items "
            "(one `- item` per line); it has 1",
            id="too-few-choices",
        ),
        pytest.param(
            "content/lessons/serving.yml",
            "    why: Tea left too long turns bitter.\n",
            "    why: >-\n      Tea left too long turns bitter.\n        sources: [tea-guide]\n",
            "content/lessons/serving.yml:14:9: guidelines[0].why: `sources:` is a line of this "
            "text, not a field: a line indented as far as the text belongs to it; to set "
            "`sources`, indent it as far as `why:`",
            id="key-inside-a-text",
        ),
        pytest.param(
            "content/lessons/serving.yml",
            "      - Start the first pot ten minutes before the meeting.\n",
            "      - >-\n        Start the first pot ten minutes before the meeting.\n"
            "          sources: [tea-guide]\n",
            "content/lessons/serving.yml:13:11: guidelines[0].do[0]: `sources:` is a line of "
            "this text, not a field: a line indented as far as the text belongs to it; to set "
            "`sources`, indent it as far as `do:`",
            id="key-inside-a-list-items-text",
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


def test_a_broken_file_does_not_hide_problems_between_the_others(course: Path) -> None:
    """References among the files that loaded are checked in the same run; references into
    the broken file (its lesson id, its objectives) are not reported as missing."""
    edit(course, "content/lessons/serving.yml", "summary:", "sumary:")
    edit(course, "quizzes/choosing-check.yml", "scenario: late-guests", "scenario: late-guest")
    edit(course, "content/scenarios/strong-tea.yml", "sources: [tea-guide]", "sources: [tea-guid]")
    found = problems(course)
    assert [line.split(": ")[0] for line in found] == [
        "content/lessons/serving.yml:2:1",
        "content/scenarios/strong-tea.yml:16:11",
        "quizzes/choosing-check.yml:37:15",
    ]
    assert "no source with id `tea-guid`; did you mean `tea-guide`?" in found[1]
    assert "no scenario with id `late-guest`; did you mean `late-guests`?" in found[2]


def test_a_broken_course_file_does_not_hide_problems_between_the_others(course: Path) -> None:
    edit(course, "content/course.yml", "title:", "titel:")
    edit(course, "quizzes/choosing-check.yml", "lesson: choosing", "lesson: chosing")
    found = problems(course)
    assert found[0].startswith("content/course.yml:")
    assert "unknown field `titel`" in found[0]
    assert found[1:] == [
        "quizzes/choosing-check.yml:2:9: lesson: no lesson with id `chosing`; did you mean "
        "`choosing`? lesson ids are: choosing, serving"
    ]


def test_a_file_named_against_the_rules_hides_only_references_to_its_kind(course: Path) -> None:
    (course / "content/lessons/serving.yml").rename(course / "content/lessons/Serving Tea.yml")
    edit(course, "quizzes/choosing-check.yml", "scenario: late-guests", "scenario: late")
    found = problems(course)
    assert len(found) == 2, found
    assert found[0].startswith("content/lessons/Serving Tea.yml: rename the file")
    assert found[1].startswith("quizzes/choosing-check.yml:37:15: questions[3].scenario: no ")


@pytest.mark.parametrize(
    ("old", "new", "hint"),
    [
        pytest.param(
            "title: Serving on time",
            "title: \u201cServing: on time\u201d",
            'curly quotes do not quote text in YAML: type straight quotes, "like this"',
            id="curly-quotes",
        ),
        pytest.param(
            "title: Serving on time",
            "title: Serving: on time",
            'the text holds ": "; put the whole text in straight quotes: key: "text"',
            id="unquoted-colon",
        ),
        pytest.param(
            "  - id: time-brew\n    text: Time the brewing",
            "  - id: time-brew\n  text: Time the brewing",
            "each item of a list starts with `- `, and its keys line up under its first key",
            id="missing-dash",
        ),
        pytest.param(
            "    why: Tea left too long turns bitter.",
            "    why: Tea left too long turns bitter.\n    do:\n      - Brew early\n"
            "      Serve hot",
            "each item of a list starts with `- `",
            id="missing-dash-on-a-line-of-text",
        ),
        pytest.param(
            "minutes: 15",
            "minutes 15",
            "a key ends with a colon, as in `minutes: 12`: is the colon missing?",
            id="missing-colon",
        ),
    ],
)
def test_a_yaml_slip_gets_a_hint_in_plain_words(
    course: Path, old: str, new: str, hint: str
) -> None:
    rel = "content/lessons/serving.yml"
    edit(course, rel, old, new)
    found = problems(course)
    assert len(found) == 1, found
    assert found[0].startswith(f"{rel}:")
    assert "YAML syntax: " in found[0]
    assert f"({hint}" in found[0]


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
    syllabus = course / "content/course.yml"  # every agenda that names the lesson
    syllabus.write_text(syllabus.read_text("utf-8").replace("lesson: choosing", "lesson: 0755"))
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


def test_loading_leaves_the_garbage_collector_as_it_was(course: Path) -> None:
    """The loader collects garbage less often while it reads (about 16 % faster for 1,000
    lessons) and restores the process's own settings afterwards, after a failure too."""
    before = gc.get_threshold()
    load_course(course)
    assert gc.get_threshold() == before
    edit(course, "content/lessons/serving.yml", "summary:", "sumary:")
    problems(course)
    assert gc.get_threshold() == before


def test_a_link_by_id_is_checked_where_it_is_written(course: Path) -> None:
    edit(
        course,
        "content/lessons/serving.yml",
        "    why: Tea left too long turns bitter.",
        "    why: Tea left too long turns bitter; see [late guests](scenario:late-guest).",
    )
    assert problems(course) == [
        "content/lessons/serving.yml:12:10: guidelines[0].why: no scenario with id `late-guest`; "
        "did you mean `late-guests`? scenario ids are: late-guests, strong-tea"
    ]


def test_a_picture_needs_its_file_and_words_for_who_cannot_see_it(course: Path) -> None:
    with (course / "content/scenarios/late-guests.yml").open("a", encoding="utf-8") as scenario:
        scenario.write("picture:\n  file: images/pot.png\n")
    with (course / "content/scenarios/strong-tea.yml").open("a", encoding="utf-8") as scenario:
        scenario.write("picture:\n  file: images/cup.png\n  alt: A cup.\n")
    found = problems(course)
    assert len(found) == 2, found
    assert found[0].startswith("content/scenarios/late-guests.yml:")
    assert "picture.alt: required field is missing; add `alt:` (What the picture shows" in found[0]
    assert found[1].startswith("content/scenarios/strong-tea.yml:")
    assert found[1].endswith("picture.file: no file `content/images/cup.png`; check the path")
    (course / "content/images").mkdir()
    (course / "content/images/cup.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert len(problems(course)) == 1, "a picture shown is part of the course, not a stray"


def test_a_page_of_ones_own_needs_its_file_and_a_place_in_the_course(course: Path) -> None:
    with (course / "content/course.yml").open("a", encoding="utf-8") as syllabus:
        syllabus.write("pages:\n  - id: about\n    title: About\n")
    (course / "content/pages").mkdir()
    (course / "content/pages/extra.md").write_text("Hello\n", encoding="utf-8")
    found = problems(course)
    assert len(found) == 2, found
    assert "pages[0].id: no file `content/pages/about.md`; write the page there" in found[0]
    assert found[1].startswith("content/pages/extra.md: a Markdown page is published only as")


def test_a_preview_reads_again_only_the_files_that_changed(course: Path) -> None:
    from generator.loader import Parsed

    parsed: Parsed = {}
    first = load_course(course, parsed=parsed)
    assert "content/lessons/serving.yml" in parsed
    edit(course, "content/lessons/serving.yml", "title: Serving on time", "title: Serving hot")
    second = load_course(course, parsed=parsed)
    assert second.lessons["serving"].title == "Serving hot"
    assert second.lessons["choosing"] is first.lessons["choosing"]  # not read again
    edit(course, "content/lessons/serving.yml", "summary:", "sumary:")
    with pytest.raises(ContentError):
        load_course(course, parsed=parsed)  # a broken file is read, and reported, every time
