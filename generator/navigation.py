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
    """The navigation, in the course's order (each lesson with its practice, then the final
    quizzes), so that Previous and Next walk the course; its own words translated by `_`. The
    author's own pages go where they say; the trainer edition ends with the trainer's pack."""
    sections: dict[str, list[NavItem]] = {}
    rest: list[NavItem] = []
    for step in catalog.course_order:
        entry: NavItem = {catalog.title(step.kind, step.ident): page(step.kind, step.ident)}
        if step.lesson is None:
            rest.append(entry)
        else:
            sections.setdefault(step.lesson, []).append(entry)
    heading = _("Lesson %(num)d: %(title)s")  # a folded section shows its lesson's title too
    lessons: list[NavItem] = [
        {heading % {"num": n, "title": catalog.title("lesson", ident)}: items}
        for n, (ident, items) in enumerate(sections.items(), 1)
    ]
    places: dict[str, list[NavItem]] = {
        "home": [{_("Home"): page("course")}],
        "lessons": [*chunked(_("Lessons"), lessons), *rest],
        "scenarios": [{_("All scenarios"): page("scenarios")}] if catalog.practised else [],
        "quizzes": [{_("Your progress"): page("progress")}, {_("Course record"): page("record")}],
    }
    nav: list[NavItem] = []
    for place, items in places.items():
        nav += items
        nav += [
            {own.title: page("own", own.id)} for own in course.syllabus.pages if own.after == place
        ]
    if course.syllabus.glossary:
        nav.append({_("Glossary"): page("glossary")})
    if course.syllabus.sources:
        nav.append({_("Sources"): page("sources")})
    nav.append({_("Printable handout"): page("handout")})
    nav += [{own.title: page("own", own.id)} for own in course.syllabus.pages if own.after == "end"]
    if trainer:
        nav.append({_("For the trainer"): _pack(course, catalog, _)})
    return nav


def _pack(course: Course, catalog: Catalog, _: Callable[[str], str]) -> list[NavItem]:
    """The trainer's pages: run-sheets, notes, activities, slides, keys, cards and sheets."""
    formats = course.syllabus.formats
    pack: list[NavItem] = [{f.name: page("runsheet", f.id)} for f in formats]
    pack += [{_("All notes"): page("notes")}]
    if course.syllabus.activities:
        pack.append({_("Activities"): page("activities")})
    pack += [{_("Presenter slides"): page("slides")}, {_("Answer key"): page("key")}]
    if catalog.practised:
        pack += [{_("Scenario cards"): page("cards")}, {_("Debrief sheet"): page("debrief")}]
    sheets: list[NavItem] = [{f.name: page("sheet", f.id)} for f in formats if catalog.exercises(f)]
    if sheets:
        pack.append({_("Exercise sheets"): sheets})
    return pack


def chunked(name: str, items: list[NavItem]) -> list[NavItem]:
    """Long lists become numbered groups, so no page carries hundreds of navigation links."""
    if len(items) <= NAV_GROUP_LIMIT:
        return list(items)
    size = NAV_GROUP_SIZE
    return [
        {f"{name} {i + 1}–{min(i + size, len(items))}": items[i : i + size]}
        for i in range(0, len(items), size)
    ]


Entry = tuple[tuple[str, ...], str, str]
"""A page of the navigation: the titles of the sections it is in, its title, its path."""


def entries(nav: list[NavItem], sections: tuple[str, ...] = ()) -> list[Entry]:
    """The navigation's pages in order, each with the sections it is in."""
    flat: list[Entry] = []
    for item in nav:
        if isinstance(item, str):
            flat.append((sections, "", item))
            continue
        for title, value in item.items():
            if isinstance(value, str):
                flat.append((sections, title, value))
            else:
                flat += entries(value, (*sections, title))
    return flat


def showing(old: list[NavItem], new: list[NavItem], *, footer: bool) -> set[str] | None:
    """The pages whose pruned navigation shows a page title that differs between `old` and
    `new`: each page in the same section as a renamed one (a pruned navigation shows the pages
    of the current section only), and, with the footer, the pages before and after it, whose
    Previous and Next name it. None when anything else changed, which every page shows."""
    before, after = entries(old), entries(new)
    if [(s, p) for s, _, p in before] != [(s, p) for s, _, p in after]:
        return None
    pages: set[str] = set()
    for index, (sections, title, _path) in enumerate(after):
        if title == before[index][1]:
            continue
        if not sections:
            return None
        pages |= {p for s, _, p in after if s[: len(sections)] == sections}
        if footer:
            pages |= {after[i][2] for i in (index - 1, index + 1) if 0 <= i < len(after)}
    return pages
