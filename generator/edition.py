"""Editions: what each audience may see of a course, applied between loading and rendering, so
trainer-only text never reaches a template of the learner edition."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Iterator

    from generator.models import Course, DeliveryFormat

Audience = Literal["learner", "trainer"]


def edition(course: Course, audience: Audience) -> Course:
    """What `audience` may see of the course: trainers see everything; learners see the course
    without the trainer-only text listed by `trainer_only`."""
    return course if audience == "trainer" else for_learners(course)


def for_learners(course: Course) -> Course:
    """The course without facilitator notes, agenda notes or format descriptions."""
    lessons = {
        slug: lesson.model_copy(update={"facilitator_notes": []})
        for slug, lesson in course.lessons.items()
    }
    formats = [_without_notes(form) for form in course.syllabus.formats]
    syllabus = course.syllabus.model_copy(update={"formats": formats})
    return dataclasses.replace(course, syllabus=syllabus, lessons=lessons)


def _without_notes(form: DeliveryFormat) -> DeliveryFormat:
    agenda = [item.model_copy(update={"notes": None}) for item in form.agenda]
    return form.model_copy(update={"description": None, "agenda": agenda})


def trainer_only(course: Course) -> Iterator[str]:
    """Every piece of trainer-only text in the course, for tests and for a check of a build."""
    for lesson in course.lessons.values():
        yield from lesson.facilitator_notes
    for form in course.syllabus.formats:
        if form.description:
            yield form.description
        yield from (item.notes for item in form.agenda if item.notes)
