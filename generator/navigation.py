"""The site's navigation tree, in MkDocs' shape, from the course and its catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from generator.catalog import page

if TYPE_CHECKING:
    from collections.abc import Callable

    from generator.catalog import Catalog
    from generator.models import Course

NavItem: TypeAlias = 'str | dict[str, str | list["NavItem"]]'
"""A page path, or `{title: path}`, or `{title: [items]}`."""

NAV_GROUP_LIMIT = 30
NAV_GROUP_SIZE = 25
"""Sections longer than the limit are split into numbered groups of this size."""


def navigation(
    course: Course, catalog: Catalog, _: Callable[[str], str], trainer: bool = False
) -> list[NavItem]:
    """The navigation, its own words translated by `_`; the trainer edition ends with the
    trainer's pack."""
    lessons: list[NavItem] = [
        {lesson.title: page("lesson", slug)} for slug, lesson in course.lessons.items()
    ]
    nav: list[NavItem] = [
        {_("Home"): page("course")},
        {_("Lessons"): chunked(_("Lessons"), lessons)},
    ]
    if course.scenarios:
        items: list[NavItem] = [{_("Overview"): page("scenarios")}]
        for title, group in catalog.scenario_groups(_("Other situations")):
            entries: list[NavItem] = [{s.title: page("scenario", slug)} for slug, s in group]
            items += (
                [{title: chunked(title, entries)}] if title else chunked(_("Scenarios"), entries)
            )
        nav.append({_("Scenarios"): items})
    if course.quizzes:
        quizzes: list[NavItem] = [
            {quiz.title: page("quiz", slug)} for slug, quiz in course.quizzes.items()
        ]
        progress: NavItem = {_("Your progress"): page("progress")}
        nav.append({_("Quizzes"): [*chunked(_("Quizzes"), quizzes), progress]})
    if course.syllabus.glossary:
        nav.append({_("Glossary"): page("glossary")})
    if course.syllabus.sources:
        nav.append({_("Sources"): page("sources")})
    nav.append({_("Printable handout"): page("handout")})
    if trainer:
        nav.append({_("For the trainer"): _pack(course, catalog, _)})
    return _with_own_pages(course, nav, _)


def _pack(course: Course, catalog: Catalog, _: Callable[[str], str]) -> list[NavItem]:
    """The trainer's pages: run-sheets, notes, activities, slides, keys, cards and sheets."""
    formats = course.syllabus.formats
    pack: list[NavItem] = [{f.name: page("runsheet", f.id)} for f in formats]
    pack += [{_("All notes"): page("notes")}]
    if course.syllabus.activities:
        pack.append({_("Activities"): page("activities")})
    pack += [{_("Presenter slides"): page("slides")}, {_("Answer key"): page("key")}]
    if course.scenarios:
        pack += [{_("Scenario cards"): page("cards")}, {_("Debrief sheet"): page("debrief")}]
    sheets: list[NavItem] = [{f.name: page("sheet", f.id)} for f in formats if catalog.exercises(f)]
    if sheets:
        pack.append({_("Exercise sheets"): sheets})
    return pack


def _with_own_pages(course: Course, nav: list[NavItem], _: Callable[[str], str]) -> list[NavItem]:
    """The author's own pages, in their order, each after the section it names (at the end
    when the site has no such section)."""
    sections = {_("Home"): "home", _("Lessons"): "lessons", _("Scenarios"): "scenarios"}
    sections[_("Quizzes")] = "quizzes"
    placed: list[NavItem] = []
    shown = set()
    for item in nav:
        placed.append(item)
        title = next(iter(item)) if isinstance(item, dict) else item
        if (section := sections.get(title)) is not None:
            shown.add(section)
            placed += [
                {own.title: page("own", own.id)}
                for own in course.syllabus.pages
                if own.after == section
            ]
    placed += [
        {own.title: page("own", own.id)} for own in course.syllabus.pages if own.after not in shown
    ]
    return placed


def chunked(name: str, items: list[NavItem]) -> list[NavItem]:
    """Long lists become numbered groups, so no page carries hundreds of navigation links."""
    if len(items) <= NAV_GROUP_LIMIT:
        return list(items)
    size = NAV_GROUP_SIZE
    return [
        {f"{name} {i + 1}–{min(i + size, len(items))}": items[i : i + size]}
        for i in range(0, len(items), size)
    ]
