"""Presenter decks: each lesson as reveal.js slides (objectives, one slide per guideline, the
lesson's scenarios as room votes, key points), with the facilitator notes and the talk-track
as speaker notes; and one deck of every scenario for a room vote. Pure: the decks are HTML
text, written from the course by templates whose every value is escaped for HTML."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import markdown
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from generator import markup
from generator.catalog import page
from generator.language import translations
from generator.widgets import LETTERS

if TYPE_CHECKING:
    from generator.catalog import Catalog
    from generator.models import Course

ASSETS = "assets/deck"
"""Where the vendored reveal.js and the deck's own script and styles are published."""
_COURSE_LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\(coursewright:[a-z]+/[a-z0-9-]+\)")


def decks(course: Course, catalog: Catalog) -> list[tuple[str, str]]:
    """(path, HTML) of each deck: one per lesson, and one of all scenarios."""
    env = _environment(course.syllabus.language)
    found = []
    for slug, lesson in course.lessons.items():
        path = page("deck", slug)
        html = env.get_template("deck/lesson.html.jinja").render(
            course=course,
            catalog=catalog,
            lesson=lesson,
            slug=slug,
            scenarios=catalog.scenarios_for(slug),
            assets=_up(path) + ASSETS,
            deck=slug,
        )
        found.append((path, html))
    if course.scenarios:
        path = page("votes")
        html = env.get_template("deck/scenarios.html.jinja").render(
            course=course,
            catalog=catalog,
            scenarios=list(course.scenarios.items()),
            assets=_up(path) + ASSETS,
            deck="scenarios",
        )
        found.append((path, html))
    return found


def _up(path: str) -> str:
    return "../" * path.count("/")


def rich(text: str) -> Markup:
    """Author text as HTML: only the Markdown `markup.inline` leaves active (emphasis, code,
    web links); links to pages of the course show as their text, since a slide has no site."""
    line = _COURSE_LINK.sub(r"\1", markup.inline(text))
    html = markdown.markdown(line, output_format="html")
    return Markup(html.removeprefix("<p>").removesuffix("</p>"))  # noqa: S704 - escaped above


@functools.cache
def _environment(language: str) -> Environment:
    env = Environment(
        extensions=["jinja2.ext.i18n"],
        loader=PackageLoader("generator"),
        autoescape=select_autoescape(["html.jinja"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(rich=rich)
    env.globals.update(letters=LETTERS)
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    return env
