"""Turn a loaded course into Markdown pages and a navigation tree; pure and deterministic."""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined

from generator.markup import blocks, inline, literal, url
from generator.models import Scenario, ScenarioQuestion, TrueFalse

if TYPE_CHECKING:
    from collections.abc import Sequence, Sized

    from generator.models import Course, DeliveryFormat, Guideline, Objective, Question, Quiz

NavItem: TypeAlias = 'str | dict[str, str | list["NavItem"]]'
"""MkDocs' navigation shape: a page path, or `{title: path}`, or `{title: [items]}`."""

NAV_GROUP_LIMIT = 30
NAV_GROUP_SIZE = 25
"""Sections longer than the limit are split into numbered groups of this size."""
GRADE_LABELS = {"best": "Best", "acceptable": "Acceptable", "poor": "Poor"}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Page:
    """A generated Markdown page and the YAML file it comes from (None if from several)."""

    path: str
    markdown: str
    source: str | None


@dataclass(frozen=True)
class Site:
    """Every generated page, in navigation order, and the navigation itself."""

    pages: list[Page]
    nav: list[NavItem] = field(default_factory=list)


def render_site(course: Course) -> Site:
    """Render every page of the course."""
    catalog = Catalog(course)
    env = _environment()
    pages: list[tuple[str, str, dict[str, Any]]] = [("index.md", "home", {})]
    pages += [
        (f"lessons/{slug}.md", "lesson", {"slug": slug, "lesson": lesson})
        for slug, lesson in course.lessons.items()
    ]
    if course.scenarios:
        pages.append(("scenarios/index.md", "scenarios", {}))
        pages += [
            (f"scenarios/{slug}.md", "scenario", {"slug": slug, "scenario": scenario})
            for slug, scenario in course.scenarios.items()
        ]
    pages += [
        (f"quizzes/{slug}.md", "quiz", {"slug": slug, "quiz": quiz})
        for slug, quiz in course.quizzes.items()
    ]
    if course.quizzes:
        pages.append(("progress.md", "progress", {}))
    if course.syllabus.glossary:
        pages.append(("glossary.md", "glossary", {}))
    if course.syllabus.sources:
        pages.append(("sources.md", "sources", {}))
    rendered = []
    for path, template, context in pages:
        text = env.get_template(f"{template}.md.jinja").render(
            page=path, course=course, syllabus=course.syllabus, catalog=catalog, **context
        )
        while "\n\n\n" in text:  # templates leave blank lines where optional parts are absent
            text = text.replace("\n\n\n", "\n\n")
        text = text.strip("\n") + "\n"
        rendered.append(Page(path, text, course.files.get(path.removesuffix(".md"))))
    return Site(rendered, _nav(course, catalog))


def _nav(course: Course, catalog: Catalog) -> list[NavItem]:
    lessons: list[NavItem] = [
        {lesson.title: f"lessons/{slug}.md"} for slug, lesson in course.lessons.items()
    ]
    nav: list[NavItem] = [{"Home": "index.md"}, {"Lessons": _chunked("Lessons", lessons)}]
    if course.scenarios:
        items: list[NavItem] = [{"Overview": "scenarios/index.md"}]
        for title, group in catalog.scenario_groups():
            entries: list[NavItem] = [{s.title: f"scenarios/{slug}.md"} for slug, s in group]
            items += (
                [{title: _chunked(title, entries)}] if title else _chunked("Scenarios", entries)
            )
        nav.append({"Scenarios": items})
    if course.quizzes:
        quizzes: list[NavItem] = [
            {quiz.title: f"quizzes/{slug}.md"} for slug, quiz in course.quizzes.items()
        ]
        nav.append({"Quizzes": [*_chunked("Quizzes", quizzes), {"Your progress": "progress.md"}]})
    if course.syllabus.glossary:
        nav.append({"Glossary": "glossary.md"})
    if course.syllabus.sources:
        nav.append({"Sources": "sources.md"})
    return nav


def _chunked(name: str, items: list[NavItem]) -> list[NavItem]:
    """Long lists become numbered groups, so no page carries hundreds of navigation links."""
    if len(items) <= NAV_GROUP_LIMIT:
        return list(items)
    size = NAV_GROUP_SIZE
    return [
        {f"{name} {i + 1}–{min(i + size, len(items))}": items[i : i + size]}
        for i in range(0, len(items), size)
    ]


@dataclass(frozen=True)
class Answer:
    """One answer a learner can pick, with its mark: right/wrong, or a scenario grade."""

    text: str
    mark: str


@dataclass(frozen=True)
class Slot:
    """One line of an agenda."""

    start: int
    minutes: int
    title: str
    target: str | None
    notes: str | None


class Catalog:
    """Look-ups the templates need: where each id lives and what links to it."""

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

    def choices(self, item: Question | Scenario) -> list[Answer]:
        """The answers of a question or scenario, in the order the author wrote them."""
        if isinstance(item, ScenarioQuestion):
            item = self.course.scenarios[item.scenario]
        if isinstance(item, Scenario):
            return [Answer(option.text, option.grade) for option in item.options]
        if isinstance(item, TrueFalse):
            return [
                Answer(text, "right" if item.answer is value else "wrong")
                for text, value in (("True", True), ("False", False))
            ]
        return [Answer(c.text, "right" if c.correct else "wrong") for c in item.choices]

    def scenario_groups(self) -> list[tuple[str, list[tuple[str, Scenario]]]]:
        """Scenarios grouped under their perspective's title, in course order."""
        views = self.course.syllabus.perspectives
        groups = [
            (v.title, [(s, x) for s, x in self.course.scenarios.items() if x.perspective == v.id])
            for v in views
        ]
        rest = [(s, x) for s, x in self.course.scenarios.items() if x.perspective is None]
        groups.append(("Other situations" if views else "", rest))
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
            (lesson.title, f"lessons/{s}.md")
            for s, lesson in self.course.lessons.items()
            if term_id in lesson.terms
        ]

    def agenda(self, form: DeliveryFormat) -> list[Slot]:
        """The format's slots with their start times and links."""
        slots, start = [], 0
        for item in form.agenda:
            lesson = self.course.lessons[item.lesson] if item.lesson else None
            minutes = item.minutes or (lesson.minutes if lesson else 0)
            title = lesson.title if lesson else item.activity or ""
            target = f"lessons/{item.lesson}.md" if item.lesson else None
            slots.append(Slot(start, minutes, title, target, item.notes))
            start += minutes
        return slots

    def source_links(self, ids: Sequence[str]) -> list[tuple[str, str]]:
        return [(self.sources[i].title, f"sources.md#{i}") for i in ids]

    def term_links(self, ids: Sequence[str]) -> list[tuple[str, str]]:
        return [(self.terms[i].term, f"glossary.md#{i}") for i in ids]

    def guideline_links(self, ids: Sequence[str]) -> list[tuple[str, str]]:
        return [
            (self.guidelines[i][1].title, f"lessons/{self.guidelines[i][0]}.md#{i}") for i in ids
        ]

    def citing(self, source_id: str) -> list[tuple[str, str]]:
        """(title, page#anchor) of every guideline and scenario that credits the source."""
        cited = [
            (g.title, f"lessons/{slug}.md#{g.id}")
            for g_id, (slug, g) in self.guidelines.items()
            if source_id in g.sources
        ]
        cited += [
            (x.title, f"scenarios/{s}.md")
            for s, x in self.course.scenarios.items()
            if source_id in x.sources
        ]
        return cited


def _template_cache() -> FileSystemBytecodeCache | None:
    """Jinja's own cache of compiled templates, in the system's temporary folder: a build then
    spends no 35 ms compiling them again. Jinja recompiles when a template changes."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no writable temporary folder: compile every time
        return None


@functools.cache
def _environment() -> Environment:
    """The Jinja environment, made once per process: compiling the templates is the costly part."""
    env = Environment(
        loader=PackageLoader("generator"),
        bytecode_cache=_template_cache(),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # the output is Markdown; author text goes through `inline`/`blocks`
    )
    env.filters.update(inline=inline, blocks=blocks, href=href, clock=clock)
    env.filters.update(literal=literal, url=url)
    env.filters.update(count=count, lettered=lettered, fingerprint=fingerprint)
    env.globals.update(letters=LETTERS, grades=GRADE_LABELS, front_matter=front_matter, links=links)
    env.globals.update(form=form, item=item, anchor=anchor, key_line=key_line)
    return env


def href(target: str, page: str) -> str:
    """A link to `target` (a page path, optionally with #anchor) from the page `page`."""
    path, _, anchor = target.partition("#")
    here, there = page.split("/")[:-1], path.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    relative = "/".join([".."] * (len(here) - common) + there[common:])
    return f"{relative}#{anchor}" if anchor else relative


def clock(minutes: int) -> str:
    """Minutes from the start as h:mm, for agendas."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def front_matter(**fields: str | None) -> str:
    """A YAML front matter block; values are JSON strings, which YAML reads as they are. Text
    outside ASCII stays as it is: JSON's surrogate escapes for an emoji are not YAML."""
    lines = [
        f"{key}: {json.dumps(' '.join(value.split()), ensure_ascii=False)}"
        for key, value in fields.items()
        if value
    ]
    return "\n".join(["---", *lines, "---"]) + "\n"


def links(items: Sequence[tuple[str, str]], page: str) -> str:
    """Comma-separated Markdown links from `page` to each (title, target)."""
    return ", ".join(f"[{literal(title)}]({href(target, page)})" for title, target in items)


def count(items: Sized | int, noun: str, plural: str | None = None) -> str:
    """`3 questions`, `1 question`; give `plural` where adding an s is wrong."""
    number = items if isinstance(items, int) else len(items)
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def lettered(items: Sequence[Any], attribute: str, value: object = True) -> str:
    """The letters of the items whose `attribute` equals `value`, e.g. `A, C`."""
    return ", ".join(
        LETTERS[i] for i, item in enumerate(items) if getattr(item, attribute) == value
    )


def item(question_id: str, kind: str, answers: Sequence[Answer], course: str) -> str:
    """Opens the element that holds one question's form and its answer key; the template
    closes it. The quiz script finds both inside it. Ids are validated, so they are safe in
    attributes."""
    return (
        f'<div class="cw-item" data-id="{question_id}" data-kind="{kind}" '
        f'data-key="{fingerprint(answers)}" data-course="{course}" markdown="block">'
    )


def form(question_id: str, kind: str, legend: str, answers: Sequence[Answer]) -> str:
    """A question as a native form of radio buttons or checkboxes, in Markdown with HTML:
    it works without JavaScript, and the quiz script enhances it. Author text goes through
    `inline`."""
    control = "checkbox" if kind == "multiple" else "radio"
    hint = ' <span class="cw-hint">Choose every answer that applies.</span>' * (kind == "multiple")
    choices = "".join(
        f'<label class="cw-choice"><input type="{control}" name="{question_id}" value="{i}" '
        f'data-mark="{answer.mark}"> <span class="cw-text">**{LETTERS[i]}.** '
        f"{inline(answer.text)}</span></label>\n"
        for i, answer in enumerate(answers)
    )
    return (
        f'<form class="cw-question" markdown="block">\n<fieldset markdown="block">\n'
        f'<legend markdown="span">{inline(legend)}{hint}</legend>\n\n'
        f"{choices}\n</fieldset>\n</form>"
    )


def key_line(answers: Sequence[Answer]) -> str:
    """A question's answers in one line for a printed key: `A, C`, or `A best; B poor`."""
    if all(answer.mark in GRADE_LABELS for answer in answers):
        return "; ".join(f"{LETTERS[i]} {answer.mark}" for i, answer in enumerate(answers))
    return ", ".join(LETTERS[i] for i, answer in enumerate(answers) if answer.mark == "right")


def anchor(kind: str, ident: str) -> str:
    """The anchor of an item on its page; guidelines keep their bare id."""
    return ident if kind == "guideline" else f"{kind}-{ident}"


def fingerprint(answers: Sequence[Answer]) -> str:
    """A short hash of the answers; saved progress for a question whose answers changed is void."""
    text = "\n".join(f"{answer.mark}|{answer.text}" for answer in answers)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
