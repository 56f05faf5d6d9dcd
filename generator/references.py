"""Checks across files: ids are unique, every reference resolves, agendas fit their time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.models import Course, ScenarioQuestion
from generator.problems import did_you_mean

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

Loc = tuple[str | int, ...]
Place = tuple[str, Loc]
"""A page (e.g. `lessons/intro`, `index` for course.yml) and a location in its file."""


@dataclass(frozen=True)
class Finding:
    """A cross-file problem; the loader turns the page and location into file and line."""

    page: str
    loc: Loc
    message: str
    also: Place | None = None


def check_references(course: Course) -> list[Finding]:
    """Return every broken reference, duplicate id and overfull agenda in the course."""
    registry: dict[str, dict[str, Place]] = {}
    findings = list(_register(_definitions(course), registry))
    findings += _resolve(_references(course), registry)
    findings += _lesson_order(course)
    findings += _agendas(course)
    findings += _unassessed(course)
    return findings


def _definitions(course: Course) -> Iterator[tuple[str, str, Place]]:
    """Yield (kind, id, place) for everything that has an id."""
    syllabus = course.syllabus
    for kind, key, ids in (
        ("source", "sources", [item.id for item in syllabus.sources]),
        ("term", "glossary", [item.id for item in syllabus.glossary]),
        ("perspective", "perspectives", [item.id for item in syllabus.perspectives]),
        ("format", "formats", [item.id for item in syllabus.formats]),
    ):
        for i, ident in enumerate(ids):
            yield kind, ident, ("index", (key, i, "id"))
    for slug in course.lessons:
        yield "lesson", slug, (f"lessons/{slug}", ())
    for slug in course.scenarios:
        yield "scenario", slug, (f"scenarios/{slug}", ())
    for slug, lesson in course.lessons.items():
        for i, objective in enumerate(lesson.objectives):
            yield "objective", objective.id, (f"lessons/{slug}", ("objectives", i, "id"))
        for i, guideline in enumerate(lesson.guidelines):
            yield "guideline", guideline.id, (f"lessons/{slug}", ("guidelines", i, "id"))
    for slug, quiz in course.quizzes.items():
        for i, question in enumerate(quiz.questions):
            yield "question", question.id, (f"quizzes/{slug}", ("questions", i, "id"))


def _register(
    definitions: Iterable[tuple[str, str, Place]], registry: dict[str, dict[str, Place]]
) -> Iterator[Finding]:
    for kind, ident, place in definitions:
        known = registry.setdefault(kind, {})
        if ident in known:
            yield Finding(
                *place,
                f"duplicate {kind} id `{ident}`; ids must be unique in the course",
                also=known[ident],
            )
        else:
            known[ident] = place


def _references(course: Course) -> Iterator[tuple[str, str, Place]]:
    """Yield (kind, id, place) for every reference an author wrote."""
    yield from _syllabus_references(course)
    yield from _lesson_references(course)
    yield from _scenario_references(course)
    yield from _quiz_references(course)


def _syllabus_references(course: Course) -> Iterator[tuple[str, str, Place]]:
    syllabus = course.syllabus
    for i, term in enumerate(syllabus.glossary):
        for j, ref in enumerate(term.sources):
            yield "source", ref, ("index", ("glossary", i, "sources", j))
    for i, form in enumerate(syllabus.formats):
        for j, item in enumerate(form.agenda):
            if item.lesson:
                yield "lesson", item.lesson, ("index", ("formats", i, "agenda", j, "lesson"))
    for i, ref in enumerate(syllabus.lessons):
        yield "lesson", ref, ("index", ("lessons", i))


def _lesson_references(course: Course) -> Iterator[tuple[str, str, Place]]:
    for slug, lesson in course.lessons.items():
        page = f"lessons/{slug}"
        for i, ref in enumerate(lesson.terms):
            yield "term", ref, (page, ("terms", i))
        for i, guideline in enumerate(lesson.guidelines):
            for j, ref in enumerate(guideline.sources):
                yield "source", ref, (page, ("guidelines", i, "sources", j))


def _scenario_references(course: Course) -> Iterator[tuple[str, str, Place]]:
    for slug, scenario in course.scenarios.items():
        page = f"scenarios/{slug}"
        if scenario.perspective:
            yield "perspective", scenario.perspective, (page, ("perspective",))
        for i, ref in enumerate(scenario.guidelines):
            yield "guideline", ref, (page, ("guidelines", i))
        for i, ref in enumerate(scenario.sources):
            yield "source", ref, (page, ("sources", i))


def _quiz_references(course: Course) -> Iterator[tuple[str, str, Place]]:
    for slug, quiz in course.quizzes.items():
        page = f"quizzes/{slug}"
        if quiz.lesson:
            yield "lesson", quiz.lesson, (page, ("lesson",))
        for i, question in enumerate(quiz.questions):
            yield "objective", question.objective, (page, ("questions", i, "objective"))
            if isinstance(question, ScenarioQuestion):
                yield "scenario", question.scenario, (page, ("questions", i, "scenario"))


MAX_HINTS = 10
"""Did-you-mean hints per kind of id; a course with more broken references than this gets
the hint for the first ten only, so checking stays fast."""


def _resolve(
    references: Iterable[tuple[str, str, Place]], registry: dict[str, dict[str, Place]]
) -> Iterator[Finding]:
    listings: dict[str, str] = {}
    hints: dict[str, int] = {}
    for kind, ref, place in references:
        known = registry.get(kind, {})
        if ref in known:
            continue
        hints[kind] = hints.get(kind, 0) + 1
        hint = did_you_mean(ref, known) if hints[kind] <= MAX_HINTS else ""
        if kind not in listings:
            ids = sorted(known)
            listing = ", ".join(ids[:12]) + (", …" if len(ids) > 12 else "")
            listings[kind] = (
                f"{kind} ids are: {listing}" if known else f"the course defines no {kind}s yet"
            )
        yield Finding(*place, f"no {kind} with id `{ref}`; {hint}{listings[kind]}")


def _lesson_order(course: Course) -> Iterator[Finding]:
    listed = course.syllabus.lessons
    for i, slug in enumerate(listed):
        if slug in listed[:i]:
            yield Finding("index", ("lessons", i), f"lesson `{slug}` is listed twice")
    for slug in course.lessons:
        if slug not in listed:
            yield Finding(
                f"lessons/{slug}",
                (),
                "this lesson is missing from `lessons:` in the "
                "course file; add its id where it belongs in the teaching order",
            )


def _agendas(course: Course) -> Iterator[Finding]:
    for i, form in enumerate(course.syllabus.formats):
        total = 0
        for item in form.agenda:
            lesson = course.lessons.get(item.lesson or "")
            total += item.minutes or (lesson.minutes if lesson else 0)
        if total > form.minutes:
            yield Finding(
                "index",
                ("formats", i, "minutes"),
                f"the agenda takes {total} minutes, "
                f"more than the {form.minutes} this format has; shorten or drop a slot",
            )


def _unassessed(course: Course) -> Iterator[Finding]:
    assessed = {q.objective for quiz in course.quizzes.values() for q in quiz.questions}
    for slug, lesson in course.lessons.items():
        for i, objective in enumerate(lesson.objectives):
            if objective.id not in assessed:
                yield Finding(
                    f"lessons/{slug}",
                    ("objectives", i, "id"),
                    "no quiz question "
                    f"assesses this objective; add one with `objective: {objective.id}`",
                )
