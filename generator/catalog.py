"""The course as its pages see it: where each page and item lives, what links to what, and the
facts derived from the course (agendas, practice per lesson). Plain Python with no template
engine, so every output (pages, editions, exports) shares one view of the course."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from generator.models import Course, DeliveryFormat, Guideline, Objective, Scenario
    from generator.questions import Quiz

PAGES = {
    "course": "index.md",
    "lesson": "lessons/{}.md",
    "scenarios": "scenarios/index.md",
    "scenario": "scenarios/{}.md",
    "quiz": "quizzes/{}.md",
    "progress": "progress.md",
    "glossary": "glossary.md",
    "sources": "sources.md",
    "own": "pages/{}.md",
    "notes": "trainer/notes.md",
    "key": "trainer/answer-key.md",
}
"""The path of each kind of page; `{}` stands for the id of a lesson, scenario or quiz."""


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
    """One line of an agenda."""

    start: int
    minutes: int
    title: str
    target: str | None
    notes: str | None
    lesson: str | None = None


def agenda(course: Course, form: DeliveryFormat) -> list[Slot]:
    """The format's slots with their start times and links; a slot's minutes default to its
    lesson's. A lesson the course does not have takes no time (the check reports it)."""
    slots, start = [], 0
    for item in form.agenda:
        lesson = course.lessons.get(item.lesson) if item.lesson else None
        minutes = item.minutes or (lesson.minutes if lesson else 0)
        title = lesson.title if lesson else item.activity or ""
        target = page("lesson", item.lesson) if item.lesson else None
        slots.append(Slot(start, minutes, title, target, item.notes, item.lesson))
        start += minutes
    return slots


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

    def agenda(self, form: DeliveryFormat) -> list[Slot]:
        return agenda(self.course, form)

    def scenario_groups(self, other: str) -> list[tuple[str, list[tuple[str, Scenario]]]]:
        """Scenarios grouped under their perspective's title, in course order; those with no
        perspective come last, under `other` if there are perspectives."""
        views = self.course.syllabus.perspectives
        groups = [
            (v.title, [(s, x) for s, x in self.course.scenarios.items() if x.perspective == v.id])
            for v in views
        ]
        rest = [(s, x) for s, x in self.course.scenarios.items() if x.perspective is None]
        groups.append((other if views else "", rest))
        return [(title, items) for title, items in groups if items]

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
        for slug, scenario in self.course.scenarios.items():
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
            "scenario": self.course.scenarios,
            "quiz": self.course.quizzes,
        }
        return page(kind, ident) if ident in known.get(kind, {}) else None

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
            for s, x in self.course.scenarios.items()
            if source_id in x.sources
        ]
        return cited
