"""Checks across files: ids are unique, every reference resolves, agendas fit their time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel

from generator.catalog import sessions
from generator.markup import COURSE_LINK
from generator.models import COURSE_FILE, Course, FileKey
from generator.problems import did_you_mean
from generator.questions import ScenarioQuestion

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Iterator

    from generator.syllabus import AgendaItem, DeliveryFormat

Loc = tuple[str | int, ...]
Place = tuple[FileKey, Loc]
"""A course file (e.g. `("lesson", "intro")`) and a location in it."""


@dataclass(frozen=True)
class Finding:
    """A cross-file problem; the loader turns the file and location into path and line."""

    file: FileKey
    loc: Loc
    message: str
    also: Place | None = None
    warning: bool = False
    """Worth a look, but the course still builds."""
    rule: str | None = None
    """The item-writing review's rule the finding is about, if it is one."""


UNKNOWABLE = {
    "course": {"source", "term", "perspective", "format"},
    "lesson": {"objective", "guideline"},
}
"""Kinds of id a file of each kind defines inside it: unknown while such a file is broken."""


def check_references(course: Course, broken: Collection[FileKey] = ()) -> list[Finding]:
    """Return every broken reference, duplicate id and overfull agenda in the course.

    `broken` names the files that exist but did not load; `course` holds the rest. Lessons and
    scenarios are known by their file names all the same (an empty name: a file whose name is
    not an id), and a reference to a kind of id that a broken file may define is not
    reported: that file's own problems come first."""
    registry: dict[str, dict[str, Place]] = {}
    for kind, slug in broken:
        if kind in ("lesson", "scenario", "quiz"):
            registry.setdefault(kind, {})[slug] = ((kind, slug), ())
    unknown = {ident for kind, _ in broken for ident in UNKNOWABLE.get(kind, ())}
    unknown |= {kind for kind, slug in broken if not slug}  # a file whose name is not an id
    findings = list(_register(_definitions(course), registry))
    findings += _resolve((r for r in _references(course) if r[0] not in unknown), registry)
    findings += _lesson_order(course)
    findings += _agendas(course)
    if not any(kind == "quiz" for kind, _ in broken):  # a broken quiz may assess any objective
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
        ("activity", "activities", [item.id for item in syllabus.activities]),
    ):
        for i, ident in enumerate(ids):
            yield kind, ident, (COURSE_FILE, (key, i, "id"))
    for kind, items in (
        ("lesson", course.lessons),
        ("scenario", course.scenarios),
        ("quiz", course.quizzes),
    ):
        yield from ((kind, slug, ((kind, slug), ())) for slug in items)
    for slug, lesson in course.lessons.items():
        for i, objective in enumerate(lesson.objectives):
            yield "objective", objective.id, (("lesson", slug), ("objectives", i, "id"))
        for i, guideline in enumerate(lesson.guidelines):
            yield "guideline", guideline.id, (("lesson", slug), ("guidelines", i, "id"))
    for slug, quiz in course.quizzes.items():
        for i, question in enumerate(quiz.questions):
            yield "question", question.id, (("quiz", slug), ("questions", i, "id"))


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
    yield from _links(course)


def _syllabus_references(course: Course) -> Iterator[tuple[str, str, Place]]:
    syllabus = course.syllabus
    for i, term in enumerate(syllabus.glossary):
        for j, ref in enumerate(term.sources):
            yield "source", ref, (COURSE_FILE, ("glossary", i, "sources", j))
    for i, form in enumerate(syllabus.formats):
        for item, loc in slots_of(form, ("formats", i)):
            for kind in ("lesson", "activity", "quiz"):
                if getattr(item, kind):
                    yield kind, getattr(item, kind), (COURSE_FILE, (*loc, kind))
    for i, activity in enumerate(syllabus.activities):
        for j, ref in enumerate(activity.scenarios):
            yield "scenario", ref, (COURSE_FILE, ("activities", i, "scenarios", j))
    for i, ref in enumerate(syllabus.lessons):
        yield "lesson", ref, (COURSE_FILE, ("lessons", i))


def _lesson_references(course: Course) -> Iterator[tuple[str, str, Place]]:
    for slug, lesson in course.lessons.items():
        file = ("lesson", slug)
        for i, ref in enumerate(lesson.terms):
            yield "term", ref, (file, ("terms", i))
        for i, guideline in enumerate(lesson.guidelines):
            for j, ref in enumerate(guideline.sources):
                yield "source", ref, (file, ("guidelines", i, "sources", j))


def _scenario_references(course: Course) -> Iterator[tuple[str, str, Place]]:
    for slug, scenario in course.scenarios.items():
        file = ("scenario", slug)
        if scenario.perspective:
            yield "perspective", scenario.perspective, (file, ("perspective",))
        for i, ref in enumerate(scenario.guidelines):
            yield "guideline", ref, (file, ("guidelines", i))
        for i, ref in enumerate(scenario.sources):
            yield "source", ref, (file, ("sources", i))


def _quiz_references(course: Course) -> Iterator[tuple[str, str, Place]]:
    for slug, quiz in course.quizzes.items():
        file = ("quiz", slug)
        if quiz.lesson:
            yield "lesson", quiz.lesson, (file, ("lesson",))
        for i, question in enumerate(quiz.questions):
            yield "objective", question.objective, (file, ("questions", i, "objective"))
            if isinstance(question, ScenarioQuestion):
                yield "scenario", question.scenario, (file, ("questions", i, "scenario"))


def _links(course: Course) -> Iterator[tuple[str, str, Place]]:
    """Links by id in any text, e.g. `[the first lesson](lesson:first-lesson)`."""
    files: list[tuple[FileKey, BaseModel]] = [(COURSE_FILE, course.syllabus)]
    files += [(("lesson", slug), lesson) for slug, lesson in course.lessons.items()]
    files += [(("scenario", slug), scenario) for slug, scenario in course.scenarios.items()]
    files += [(("quiz", slug), quiz) for slug, quiz in course.quizzes.items()]
    for key, model in files:
        for kind, ident, loc in _links_in(model, ()):
            yield kind, ident, (key, loc)


def _links_in(value: object, loc: Loc) -> Iterator[tuple[str, str, Loc]]:
    if isinstance(value, str):
        if "](" in value:
            yield from ((m[1], m[2], loc) for m in COURSE_LINK.finditer(value))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _links_in(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _links_in(item, (*loc, i))


PLURALS = {"quiz": "quizzes"}
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
                f"{kind} ids are: {listing}"
                if known
                else f"the course defines no {PLURALS.get(kind, kind + 's')} yet"
            )
        yield Finding(*place, f"no {kind} with id `{ref}`; {hint}{listings[kind]}")


def _lesson_order(course: Course) -> Iterator[Finding]:
    listed = course.syllabus.lessons
    for i, slug in enumerate(listed):
        if slug in listed[:i]:
            yield Finding(COURSE_FILE, ("lessons", i), f"lesson `{slug}` is listed twice")
    for slug in course.lessons:
        if slug not in listed:
            yield Finding(
                ("lesson", slug),
                (),
                "this lesson is missing from `lessons:` in the "
                "course file; add its id where it belongs in the teaching order",
            )


def slots_of(form: DeliveryFormat, loc: Loc) -> Iterator[tuple[AgendaItem, Loc]]:
    """Every agenda item of a format, day after day, with its place in course.yml."""
    for j, item in enumerate(form.agenda):
        yield item, (*loc, "agenda", j)
    for d, day in enumerate(form.days):
        for j, item in enumerate(day.agenda):
            yield item, (*loc, "days", d, "agenda", j)


def _agendas(course: Course) -> Iterator[Finding]:
    for i, form in enumerate(course.syllabus.formats):
        days = sessions(course, form)
        for day in days:
            total = sum(slot.minutes for slot in day.slots)
            if total > form.minutes:
                which = f"day {day.number}'s agenda" if len(days) > 1 else "the agenda"
                yield Finding(
                    COURSE_FILE,
                    ("formats", i, "minutes"),
                    f"{which} takes {total} minutes, breaks included, more than the "
                    f"{form.minutes} this format has; shorten or drop a slot",
                )
        yield from _left_out(course, form, i)


def _left_out(course: Course, form: DeliveryFormat, i: int) -> Iterator[Finding]:
    """A quiz taken in a format that assesses a lesson the format leaves out."""
    taught = {item.lesson for item, _ in slots_of(form, ())}
    lesson_of = {o.id: slug for slug, lesson in course.lessons.items() for o in lesson.objectives}
    for item, loc in slots_of(form, ("formats", i)):
        quiz = course.quizzes.get(item.quiz or "")
        if quiz is None:
            continue
        missing = {lesson_of.get(q.objective) for q in quiz.questions} - taught - {None}
        for slug in sorted(m for m in missing if m):
            yield Finding(
                COURSE_FILE,
                (*loc, "quiz"),
                f"quiz `{item.quiz}` assesses lesson `{slug}`, which this format leaves out; "
                "teach the lesson, or take a quiz that fits",
                warning=True,
            )


def _unassessed(course: Course) -> Iterator[Finding]:
    assessed = {q.objective for quiz in course.quizzes.values() for q in quiz.questions}
    for slug, lesson in course.lessons.items():
        for i, objective in enumerate(lesson.objectives):
            if objective.id not in assessed:
                yield Finding(
                    ("lesson", slug),
                    ("objectives", i, "id"),
                    "no quiz question "
                    f"assesses this objective; add one with `objective: {objective.id}`",
                )
