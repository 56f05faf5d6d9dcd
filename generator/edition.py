"""Editions: what each audience may see of a course, applied between loading and rendering, so
trainer-only text never reaches a template of the learner edition."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Literal

from generator.questions import ScenarioQuestion, Unmarked

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from generator.models import Course, Lesson
    from generator.questions import Question, Quiz
    from generator.syllabus import AgendaItem, DeliveryFormat

Audience = Literal["learner", "trainer"]


def edition(course: Course, audience: Audience) -> Course:
    """What `audience` may see of the course: trainers see everything; learners see the course
    without the trainer-only text listed by `trainer_only`."""
    return course if audience == "trainer" else for_learners(course)


def for_learners(course: Course) -> Course:
    """The course without facilitator notes, talk-tracks, trainer notes, agenda notes, format
    descriptions, or the answers of a quiz whose answers are the trainer's."""
    syllabus = course.syllabus.model_copy(
        update={
            "formats": [_without_notes(form) for form in course.syllabus.formats],
            "activities": [
                a.model_copy(update={"trainer_notes": []}) for a in course.syllabus.activities
            ],
        }
    )
    return dataclasses.replace(
        course,
        syllabus=syllabus,
        lessons={slug: _lesson(lesson) for slug, lesson in course.lessons.items()},
        scenarios={
            slug: s.model_copy(update={"trainer_notes": []}) for slug, s in course.scenarios.items()
        },
        quizzes={slug: _quiz(quiz, course) for slug, quiz in course.quizzes.items()},
    )


def _lesson(lesson: Lesson) -> Lesson:
    guidelines = [g.model_copy(update={"talk": []}) for g in lesson.guidelines]
    return lesson.model_copy(update={"facilitator_notes": [], "guidelines": guidelines})


def _without_notes(form: DeliveryFormat) -> DeliveryFormat:
    def clear(items: list[AgendaItem]) -> list[AgendaItem]:
        return [item.model_copy(update={"notes": None}) for item in items]

    days = [day.model_copy(update={"agenda": clear(day.agenda)}) for day in form.days]
    return form.model_copy(update={"description": None, "agenda": clear(form.agenda), "days": days})


def _quiz(quiz: Quiz, course: Course) -> Quiz:
    if quiz.answers == "learners":
        return quiz
    return quiz.model_copy(update={"questions": [_unmarked(q, course) for q in quiz.questions]})


def _unmarked(question: Question, course: Course) -> Unmarked:
    scenario = course.scenarios.get(getattr(question, "scenario", ""))
    prompt = getattr(question, "prompt", None) or (scenario.question if scenario else "")
    texts = [answer.text for answer in question.answers(course.scenarios)]
    return Unmarked(
        id=question.id,
        objective=question.objective,
        type="unmarked",
        shown=question.type,
        prompt=prompt,
        texts=texts,
    )


def trainer_only(course: Course) -> Iterator[str]:
    """Every piece of trainer-only text in the course, for tests and for a check of a build."""
    for lesson in course.lessons.values():
        yield from lesson.facilitator_notes
        for guideline in lesson.guidelines:
            yield from guideline.talk
    for scenario in course.scenarios.values():
        yield from scenario.trainer_notes
    for activity in course.syllabus.activities:
        yield from activity.trainer_notes
    for form in course.syllabus.formats:
        if form.description:
            yield form.description
        items = [*form.agenda, *(item for day in form.days for item in day.agenda)]
        yield from (item.notes for item in items if item.notes)
    yield from _trainer_keys(course)


def _trainer_keys(course: Course) -> Iterator[str]:
    """The feedback of quizzes whose answers are the trainer's (a scenario's is public)."""
    for quiz in course.quizzes.values():
        if quiz.answers == "trainer":
            for question in quiz.questions:
                if not isinstance(question, ScenarioQuestion):
                    yield from (a.feedback for a in question.answers(course.scenarios))


def leak(pages: Iterable[tuple[str, str]], course: Course) -> str | None:
    """The last guard of the learner edition: a message for the first page (path, Markdown)
    that holds a trainer-only text of `course` (the whole course, before `edition`)."""
    pages = list(pages)
    for text in trainer_only(course):
        folded = " ".join(text.split())
        for path, markdown in pages:
            if folded in markdown:
                return (
                    f"{path}: a trainer-only text would reach the learner edition "
                    f"({folded[:60]}...); write it in the learners' words instead"
                )
    return None
