"""The course as its pages see it: where each page and item lives, what links to what, and the
facts derived from the course (agendas, practice per lesson). Plain Python with no template
engine, so every output (pages, editions, exports) shares one view of the course."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.syllabus import Day

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from generator.models import Answer, Course, Guideline, Objective, Scenario
    from generator.questions import Question, Quiz
    from generator.syllabus import Activity, AgendaItem, DeliveryFormat

PAGES = {
    "course": "index.md",
    "lesson": "lessons/{}.md",
    "scenarios": "scenarios/index.md",
    "scenario": "scenarios/{}.md",
    "quiz": "quizzes/{}.md",
    "progress": "progress.md",
    "record": "record.md",
    "glossary": "glossary.md",
    "sources": "sources.md",
    "own": "pages/{}.md",
    "notes": "trainer/notes.md",
    "key": "trainer/answer-key.md",
    "runsheet": "trainer/run-sheets/{}.md",
    "activities": "trainer/activities.md",
    "cards": "trainer/scenario-cards.md",
    "debrief": "trainer/debrief.md",
    "sheet": "trainer/exercise-sheets/{}.md",
    "handout": "handout.md",
    "slides": "trainer/slides/index.md",
    "deck": "trainer/slides/{}.html",
    "votes": "trainer/room-vote.html",
}
"""The path of each kind of page; `{}` stands for the id of a lesson, scenario or quiz."""


SCENARIO_MINUTES = 3
QUESTION_MINUTES = 1
"""What practice takes, on average, to estimate a course's total time."""


def page(kind: str, ident: str = "", anchor: str = "") -> str:
    """The path of a page, e.g. `page("lesson", "intro")` is `lessons/intro.md`, with an
    optional `#anchor`. The one place that knows where pages go."""
    path = PAGES[kind].format(ident)
    return f"{path}#{anchor}" if anchor else path


def anchor(kind: str, ident: str) -> str:
    """The anchor of an item on its page; guidelines and sources keep their bare id."""
    return ident if kind in ("guideline", "source", "term") else f"{kind}-{ident}"


@dataclass(frozen=True)
class Slot:
    """One line of a run-sheet: what runs, from when (minutes after midnight), for how long."""

    start: int
    minutes: int
    kind: str
    """`lesson`, `activity`, `quiz`, `break` or `slot` (a one-off)."""
    ident: str | None
    title: str
    """The lesson's, activity's or quiz's title, the one-off slot's own; empty for a break."""
    target: str | None
    notes: str | None

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class Step:
    """A page on the learner's way through the course, and the lesson it belongs to."""

    kind: str
    ident: str
    lesson: str | None


@dataclass(frozen=True)
class Session:
    """One day of a format: its slots, breaks placed, with clock times."""

    number: int
    slots: list[Slot]


def minutes_of(clock: str) -> int:
    """`09:30` as minutes after midnight."""
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def sessions(course: Course, form: DeliveryFormat) -> list[Session]:
    """The format's days, each with its slots at their clock times and its breaks: those
    written as `break:` slots, and those its `breaks:` rule places before a slot that would
    run past the most minutes allowed without one. A slot's minutes default to its lesson's or
    activity's; a lesson, activity or quiz the course lacks takes no time (the check says so)."""
    start = minutes_of(form.start or course.syllabus.start)
    days = form.days or [Day(start=None, agenda=form.agenda)]
    return [
        Session(n, _timed(course, form, day.agenda, minutes_of(day.start) if day.start else start))
        for n, day in enumerate(days, 1)
    ]


def _timed(course: Course, form: DeliveryFormat, items: list[AgendaItem], clock: int) -> list[Slot]:
    slots: list[Slot] = []
    taught = 0
    for item in items:
        slot = _slot(course, item, clock)
        rule = form.breaks
        if rule and slot.kind != "break" and taught and taught + slot.minutes > rule.after:
            slots.append(Slot(clock, rule.minutes, "break", None, "", None, None))
            clock, taught = clock + rule.minutes, 0
            slot = _slot(course, item, clock)
        slots.append(slot)
        clock += slot.minutes
        taught = 0 if slot.kind == "break" else taught + slot.minutes
    return slots


def _slot(course: Course, item: AgendaItem, clock: int) -> Slot:
    if item.pause is not None:
        return Slot(clock, item.pause, "break", None, "", None, item.notes)
    if item.slot is not None:
        return Slot(clock, item.minutes or 0, "slot", None, item.slot, None, item.notes)
    known: dict[str, Mapping[str, Any]] = {
        "lesson": course.lessons,
        "activity": {a.id: a for a in course.syllabus.activities},
        "quiz": course.quizzes,
    }
    kind, ident = next((k, getattr(item, k)) for k in known if getattr(item, k) is not None)
    found = known[kind].get(ident)
    title = found.title if found else ident
    minutes = item.minutes or (found.minutes if found and kind != "quiz" else 0)
    target = page(kind, ident) if found and kind in ("lesson", "quiz") else None
    return Slot(clock, minutes, kind, ident, title, target, item.notes)


def agenda(course: Course, form: DeliveryFormat) -> list[Slot]:
    """Every slot of the format, day after day."""
    return [slot for day in sessions(course, form) for slot in day.slots]


class Catalog:
    """Look-ups the pages need: where each id lives and what links to it."""

    def __init__(self, course: Course) -> None:
        self.course = course
        self.guidelines: dict[str, tuple[str, Guideline]] = {}
        self.objectives: dict[str, tuple[str, Objective]] = {}
        for slug, lesson in course.lessons.items():
            self.guidelines.update({g.id: (slug, g) for g in lesson.guidelines})
            self.objectives.update({o.id: (slug, o) for o in lesson.objectives})
        self.sources = {source.id: source for source in course.syllabus.sources}
        self.terms = {term.id: term for term in course.syllabus.glossary}
        self.course_id = course.syllabus.id
        """Names this course's saved progress, so two courses on one site keep theirs apart."""
        self.practised = {s: x for s, x in course.scenarios.items() if x.practice}
        """The scenarios with a page of their own; the rest only a quiz asks."""

    def agenda(self, form: DeliveryFormat) -> list[Slot]:
        return agenda(self.course, form)

    def sessions(self, form: DeliveryFormat) -> list[Session]:
        return sessions(self.course, form)

    def slot_notes(self, slot: Slot) -> list[str]:
        """The trainer's notes for a block: the agenda's, then the lesson's facilitator notes
        or the activity's trainer notes."""
        notes = [slot.notes] if slot.notes else []
        if slot.kind == "lesson" and slot.ident in self.course.lessons:
            notes += self.course.lessons[slot.ident].facilitator_notes
        if slot.kind == "activity" and slot.ident in self.activity_ids:
            notes += self.activity(slot.ident).trainer_notes
        return notes

    @functools.cached_property
    def activity_ids(self) -> set[str]:
        return {a.id for a in self.course.syllabus.activities}

    def exercises(self, form: DeliveryFormat) -> list[Slot]:
        """The slots of a format that learners work on paper, in agenda order: activities with
        steps or scenarios, and quizzes."""
        known = {a.id: a for a in self.course.syllabus.activities}
        return [
            s
            for s in agenda(self.course, form)
            if (s.kind == "quiz" and s.ident in self.course.quizzes)
            or (s.kind == "activity" and s.ident in known)
            and bool(known[s.ident].steps or known[s.ident].scenarios)
        ]

    def activities_in_order(self) -> list[Activity]:
        """The activities in the order the formats first run them; those no format runs last."""
        used = [s.ident for f in self.course.syllabus.formats for s in agenda(self.course, f)]
        rank = {ident: i for i, ident in reversed(list(enumerate(used)))}
        activities = self.course.syllabus.activities
        return sorted(activities, key=lambda a: rank.get(a.id, len(used)))

    def formats_using(self, ident: str) -> list[str]:
        """The names of the formats that run an activity."""
        return [
            f.name
            for f in self.course.syllabus.formats
            if any(s.kind == "activity" and s.ident == ident for s in agenda(self.course, f))
        ]

    def activity(self, ident: str) -> Activity:
        return next(a for a in self.course.syllabus.activities if a.id == ident)

    def materials(self, form: DeliveryFormat) -> list[str]:
        """What the room needs for the format: its activities' materials, each once."""
        known = {a.id: a for a in self.course.syllabus.activities}
        found = [
            m
            for s in agenda(self.course, form)
            if s.ident in known and s.kind == "activity"
            for m in known[s.ident].materials
        ]
        return list(dict.fromkeys(found))

    def scenario_groups(self, other: str) -> list[tuple[str, list[tuple[str, Scenario]]]]:
        """Scenarios grouped under their perspective's title, in course order; those with no
        perspective come last, under `other` if there are perspectives."""
        views = self.course.syllabus.perspectives
        groups = [
            (v.title, [(s, x) for s, x in self.practised.items() if x.perspective == v.id])
            for v in views
        ]
        rest = [(s, x) for s, x in self.practised.items() if x.perspective is None]
        groups.append((other if views else "", rest))
        return [(title, items) for title, items in groups if items]

    @functools.cached_property
    def course_order(self) -> list[Step]:
        """Every page a learner works through, in the course's order: each lesson, then its
        practice (the scenarios that first apply it, then its self-checks); then the quizzes
        of no lesson (a final assessment), then scenarios of no lesson. The navigation and
        every "next" follow it."""
        order: list[Step] = []
        placed: set[str] = set()
        for slug in self.course.lessons:
            order.append(Step("lesson", slug, slug))
            fresh = [s for s, _ in self.scenarios_for(slug) if s not in placed]
            placed.update(fresh)
            order += [Step("scenario", s, slug) for s in fresh]
            order += [Step("quiz", q, slug) for q, _ in self.quizzes_for(slug)]
        order += [Step("quiz", q, None) for q, _ in self.quizzes_for("")]
        order += [Step("scenario", s, None) for s in self.practised if s not in placed]
        return order

    def lesson_number(self, slug: str) -> int:
        return list(self.course.lessons).index(slug) + 1

    @property
    def lesson_minutes(self) -> int:
        return sum(lesson.minutes for lesson in self.course.lessons.values())

    @property
    def practice_minutes(self) -> int:
        """An estimate of the time practice takes: a few minutes per scenario to read and
        decide, a minute per quiz question."""
        questions = sum(len(quiz.questions) for quiz in self.course.quizzes.values())
        return SCENARIO_MINUTES * len(self.practised) + QUESTION_MINUTES * questions

    @property
    def total_minutes(self) -> int:
        return self.lesson_minutes + self.practice_minutes

    def title(self, kind: str, ident: str) -> str:
        """The title of a lesson, scenario or quiz."""
        known: dict[str, Mapping[str, Any]] = {
            "lesson": self.course.lessons,
            "scenario": self.course.scenarios,
            "quiz": self.course.quizzes,
        }
        return str(known[kind][ident].title)

    def after(self, kind: str, ident: str) -> Step | None:
        """What comes next in the course's order, if anything."""
        keys = [(step.kind, step.ident) for step in self.course_order]
        here = keys.index((kind, ident))
        return self.course_order[here + 1] if here + 1 < len(keys) else None

    def scenarios_for(self, slug: str) -> list[tuple[str, Scenario]]:
        """Scenarios that apply at least one guideline of the lesson `slug`."""
        return self._practice[0].get(slug, [])

    def quizzes_for(self, slug: str) -> list[tuple[str, Quiz]]:
        return self._practice[1].get(slug, [])

    @functools.cached_property
    def _practice(
        self,
    ) -> tuple[dict[str, list[tuple[str, Scenario]]], dict[str, list[tuple[str, Quiz]]]]:
        """Scenarios and quizzes by the lesson they practise, in course order."""
        rank = {slug: i for i, slug in enumerate(self.course.lessons)}
        scenarios: dict[str, list[tuple[str, Scenario]]] = {}
        for slug, scenario in self.practised.items():
            lessons = {self.guidelines[g][0] for g in scenario.guidelines}
            for lesson in sorted(lessons, key=rank.__getitem__):
                scenarios.setdefault(lesson, []).append((slug, scenario))
        quizzes: dict[str, list[tuple[str, Quiz]]] = {}
        for slug, quiz in self.course.quizzes.items():
            quizzes.setdefault(quiz.lesson or "", []).append((slug, quiz))
        return scenarios, quizzes

    def lessons_using(self, term_id: str) -> list[tuple[str, str]]:
        """(title, page) of every lesson that lists the glossary term."""
        return [
            (lesson.title, page("lesson", s))
            for s, lesson in self.course.lessons.items()
            if term_id in lesson.terms
        ]

    def source_links(self, ids: Sequence[str]) -> list[tuple[str, str]]:
        return [(self.sources[i].title, page("sources", "", anchor("source", i))) for i in ids]

    def term_links(self, ids: Sequence[str]) -> list[tuple[str, str]]:
        return [(self.terms[i].term, page("glossary", "", anchor("term", i))) for i in ids]

    def guideline_links(self, ids: Sequence[str]) -> list[tuple[str, str]]:
        return [(self.guidelines[i][1].title, self.guideline_page(i)) for i in ids]

    def guideline_page(self, ident: str) -> str:
        return page("lesson", self.guidelines[ident][0], anchor("guideline", ident))

    def target(self, kind: str, ident: str) -> str | None:
        """Where a link to a lesson, guideline, scenario or quiz by its id goes."""
        if kind == "guideline":
            return self.guideline_page(ident) if ident in self.guidelines else None
        known: Mapping[str, Mapping[str, object]] = {
            "lesson": self.course.lessons,
            "scenario": self.practised,
            "quiz": self.course.quizzes,
        }
        return page(kind, ident) if ident in known.get(kind, {}) else None

    def objective(self, ident: str) -> tuple[str, Objective]:
        """The lesson that teaches an objective, and the objective."""
        return self.objectives[ident]

    def scenario(self, ident: str) -> Scenario:
        return self.course.scenarios[ident]

    def answers(self, question: Question) -> list[Answer]:
        """A question's answers; a scenario question's come from its scenario."""
        return question.answers(self.course.scenarios)

    def objective_page(self, ident: str) -> str:
        return page("lesson", self.objectives[ident][0], anchor("objective", ident))

    def citing(self, source_id: str) -> list[tuple[str, str]]:
        """(title, page#anchor) of every guideline and scenario that credits the source."""
        cited = [
            (g.title, self.guideline_page(g_id))
            for g_id, (_, g) in self.guidelines.items()
            if source_id in g.sources
        ]
        cited += [
            (x.title, page("scenario", s))
            for s, x in self.practised.items()
            if source_id in x.sources
        ]
        return cited
