"""A preview keeps the pages it rendered: a page taken from that store must be, byte for byte,
the page a fresh rendering gives, after an edit to any field of any course file."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import pytest
from conftest import ROOT, TEA
from jinja2 import UndefinedError
from pydantic import BaseModel

from generator.edition import edition
from generator.loader import load_course
from generator.render import Rendered, render_site

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from generator.edition import Audience
    from generator.models import Course

Path_ = tuple[str | int, ...]


def leaves(value: object, at: Path_ = ()) -> Iterator[tuple[Path_, object]]:
    """Every text, number, flag and list in a course, with where it is."""
    if isinstance(value, (str, bool, int)):
        yield at, value
    elif isinstance(value, list):
        if value:
            yield at, value
        for index, item in enumerate(value):
            yield from leaves(item, (*at, index))
    else:
        for name, item in parts(value):
            yield from leaves(item, (*at, name))


def parts(value: object) -> list[tuple[str, object]]:
    if isinstance(value, BaseModel):
        return [(name, getattr(value, name)) for name in type(value).model_fields]
    if isinstance(value, dict):
        return list(value.items())
    if dataclasses.is_dataclass(value):  # the course
        names = ("syllabus", "lessons", "scenarios", "quizzes", "texts")
        return [(name, getattr(value, name)) for name in names]
    return []


def changed(value: object) -> object:
    """Another value of the same kind: a text with more words, a flag turned, a number one up, a
    list one shorter."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return f"{value} changed" if " " in value else f"{value}x"
    assert isinstance(value, list)
    return value[:-1]


def replaced(value: Any, at: Path_, new: object) -> Any:
    if not at:
        return new
    head, rest = at[0], at[1:]
    if isinstance(value, BaseModel):
        return value.model_copy(update={str(head): replaced(getattr(value, str(head)), rest, new)})
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value, **{str(head): replaced(getattr(value, str(head)), rest, new)}
        )
    if isinstance(value, dict):
        return {**value, head: replaced(value[head], rest, new)}
    assert isinstance(value, list)
    assert isinstance(head, int)
    return [*value[:head], replaced(value[head], rest, new), *value[head + 1 :]]


def pattern(at: Path_) -> tuple[str, ...]:
    """Where a value is, with the lesson, scenario or quiz and the list positions left out: one
    edit per pattern covers every field the course uses."""
    kinds = ("lessons", "scenarios", "quizzes", "texts")
    return tuple(
        "*" if isinstance(part, int) or (i == 1 and at[0] in kinds) else str(part)
        for i, part in enumerate(at)
    )


def edits(course: Course) -> Iterator[tuple[Path_, object]]:
    seen: dict[tuple[str, ...], int] = {}
    for at, value in leaves(course):
        key = (*pattern(at), type(value).__name__)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] == 1:
            yield at, changed(value)


def pages(course: Course, audience: Audience, store: Rendered | None = None) -> dict[str, str]:
    site = render_site(edition(course, audience), audience, store)
    return {page.path: page.markdown for page in site.pages}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("folder", "audience"),
    [(TEA, "learner"), (TEA, "trainer"), (ROOT, "learner")],
    ids=["tea-learner", "tea-trainer", "shipped-learner"],
)
def test_a_kept_page_is_the_page_a_fresh_rendering_gives(folder: Path, audience: Audience) -> None:
    course = load_course(folder, reviewed=False)
    store: Rendered = {}
    first = pages(course, audience, store)
    tried = kept = 0
    for at, new in edits(course):
        edited = replaced(course, at, new)
        try:
            fresh = pages(edited, audience)
        except (LookupError, ValueError, TypeError, AttributeError, UndefinedError):
            # an edit the loader would refuse (an id that names nothing, a kind that is none)
            continue
        again = dict(store)
        assert pages(edited, audience, again) == fresh, f"stale page after editing {at}"
        tried += 1
        kept += sum(1 for path in fresh if path in first and again.get(path) is store.get(path))
    assert tried > 60
    assert kept > tried  # the store is used: most edits leave most pages to it


def test_an_edit_renders_again_only_the_pages_and_parts_that_show_it() -> None:
    course = load_course(TEA, reviewed=False)
    store: Rendered = {}
    pages(course, "learner", store)
    before = dict(store)
    slug = next(iter(course.lessons))
    lesson = course.lessons[slug]
    summary = replaced(course, ("lessons", slug, "summary"), f"{lesson.summary} More.")
    pages(summary, "learner", store)
    again = {key for key in store if store[key] is not before.get(key)}
    assert again == {f"lessons/{slug}.md", f"handout.md|handout-lesson|{slug}"}
