"""Turn a course (one edition of it) into Markdown pages and a navigation tree; pure and
deterministic. The view of the course comes from `catalog`, the question widgets from
`widgets`, the navigation from `navigation`; this module holds the page list and the Jinja
environment that fills the templates."""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined

from generator import markup, widgets
from generator.catalog import Catalog, anchor, page
from generator.deck import decks
from generator.journey import MAP, course_map
from generator.language import script_words, translations
from generator.navigation import NavItem, navigation

if TYPE_CHECKING:
    import re
    from collections.abc import Callable

    from generator.edition import Audience
    from generator.models import Course

__all__ = ["THEME", "NavItem", "Page", "Site", "render_site"]

HANDED_OUT = ("sheet", "cards")
"""Trainer pages printed for the room, without the trainer edition's notice."""
THEME = Path(__file__).parent / "theme"
"""The page templates and assets of course pages, reveal.js for the slides among them; the
plugin puts them under a site's own `custom_dir`, and `build --out` copies the slides' part."""


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


def render_site(
    course: Course, audience: Audience = "learner", rendered: Rendered | None = None
) -> Site:
    """Render every page of the course, as seen by `audience`: pass the course through
    `edition.edition` first, which removes what that audience may not see. With `rendered`
    (a preview keeps it across rebuilds), a page or part that would read the same as before
    is taken from it; the pages are the same either way."""
    renderer = _Renderer(course, Catalog(course), audience, rendered)
    pages = [
        Page(
            page(kind, ident), renderer.page(kind, ident, context), course.files.get((kind, ident))
        )
        for kind, ident, context in _pages(course, audience == "trainer")
    ]
    pages.append(Page(MAP, course_map(course, renderer.catalog), None))
    if audience == "trainer":
        pages += [Page(path, html, None) for path, html in decks(course, renderer.catalog)]
    _ = translations(course.syllabus.language).gettext
    return Site(pages, navigation(course, renderer.catalog, _, audience == "trainer"))


@dataclass(frozen=True)
class _Renderer:
    """Fills the templates for one edition of a course."""

    course: Course
    catalog: Catalog
    audience: Audience
    rendered: Rendered | None

    def page(self, kind: str, ident: str, context: dict[str, Any]) -> str:
        """A page's Markdown. A page of one item reads the rest of the course through the
        catalog alone, and may be kept; a page that gathers the course has it all, and keeps
        its parts (`part()` in its template)."""
        path = page(kind, ident)

        def fill(catalog: Catalog) -> str:
            whole = {} if kind in ITEMS else {"course": self.course, "part": self.part(path)}
            template = self.env.get_template(f"{kind}.md.jinja")
            text = template.render(page=path, **self.common(catalog), **whole, **context)
            if self.audience == "trainer":
                _ = translations(self.course.syllabus.language).gettext
                text = _marked_for_trainers(text, _, kind in HANDED_OUT)
            while "\n\n\n" in text:  # templates leave blank lines where optional parts are absent
                text = text.replace("\n\n\n", "\n\n")
            return _linked(text.strip("\n") + "\n", catalog, path)

        return self.kept(path, context, fill) if kind in ITEMS else fill(self.catalog)

    def part(self, path: str) -> Callable[..., str]:
        """Renders a part of the page at `path` from `parts/<name>.md.jinja`: one item of
        the course (a lesson of the handout), reading the rest through the catalog alone."""

        def part(name: str, **context: Any) -> str:
            def fill(catalog: Catalog) -> str:
                template = self.env.get_template(f"parts/{name}.md.jinja")
                return template.render(page=path, **self.common(catalog), **context)

            return self.kept(f"{path}|{name}|{context.get('slug')}", context, fill)

        return part

    def common(self, catalog: Catalog) -> dict[str, Any]:
        trainer = self.audience == "trainer"
        return {"syllabus": self.course.syllabus, "catalog": catalog, "trainer": trainer}

    @property
    def env(self) -> Environment:
        return _environment(self.course.syllabus.language)

    def kept(self, key: str, context: dict[str, Any], fill: Callable[[Catalog], str]) -> str:
        """`fill`'s text, or the text kept under `key` if it was filled for the same audience,
        course settings and `context`, and every read of the catalog gives the same now."""
        inputs = (self.audience, self.course.syllabus, list(context.items()))
        known = (self.rendered or {}).get(key)
        if known and known[0] == inputs and _reads_same(self.catalog, known[1]):
            return known[2]
        reads = _Reads(self.catalog)
        text = fill(cast("Catalog", reads))
        if self.rendered is not None:
            self.rendered[key] = (inputs, reads.log, text)
        return text


ITEMS = ("lesson", "scenario", "quiz", "own")
"""Pages of one item each, which read the rest of the course through the catalog alone. Every
other page gathers the whole course, and is rendered on every build."""

Read = tuple[str, "tuple[Any, ...] | None", object]
"""What a page read of the catalog: a method, its arguments and its result; or an attribute
(no arguments) and its value."""

Rendered = dict[str, tuple[object, list[Read], str]]
"""Pages of one item, and parts of other pages, rendered before, by path: what they were
rendered for (the audience, the course settings, the item), what they read of the catalog, and
their Markdown."""


class _Reads:
    """A catalog that notes what a page reads of it, and answers as the catalog does."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.log: list[Read] = []

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.catalog, name)
        if not callable(value):
            self.log.append((name, None, value))
            return value

        def read(*args: Any) -> Any:
            result = value(*args)
            self.log.append((name, args, result))
            return result

        return read


def _reads_same(catalog: Catalog, log: list[Read]) -> bool:
    """Whether every read in `log` gives the same result from `catalog`."""
    for name, args, result in log:
        try:
            value = getattr(catalog, name)
            if (value if args is None else value(*args)) != result:
                return False
        except (LookupError, ValueError):  # what was read is gone from the course
            return False
    return True


def _marked_for_trainers(text: str, _: Callable[[str], str], handed_out: bool) -> str:
    """A notice under the page's title: this page is the trainer's. Pages printed for the
    room (exercise sheets, scenario cards) print without it."""
    title = text.index("\n# ")
    end = text.index("\n", title + 1)
    notice = _("This site holds notes and answers for the trainer only; do not share it.")
    classes = "cw-edition cw-screen-only" if handed_out else "cw-edition"
    banner = f'\n\n!!! warning {classes} "{_("Trainer edition")}"\n\n    {notice}\n'
    return text[:end] + banner + text[end:]


def _linked(text: str, catalog: Catalog, path: str) -> str:
    """Links to parts of the course by id, addressed from the page at `path`."""

    def address(match: re.Match[str]) -> str:
        target = catalog.target(match[1], match[2])
        return f"]({markup.href(target, path)})" if target else "](#)"

    return markup.PLACEHOLDER.sub(address, text) if "](coursewright:" in text else text


def _pages(course: Course, trainer: bool) -> list[tuple[str, str, dict[str, Any]]]:
    """(kind, id, template context) of every page, in navigation order; the trainer's pack
    (all notes, the answer key) in the trainer edition only."""
    pages: list[tuple[str, str, dict[str, Any]]] = [("course", "", {})]
    pages += [(kind, slug, {"slug": slug, kind: item}) for kind, slug, item in _items(course)]
    if Catalog(course).practised:
        pages.insert(1 + len(course.lessons), ("scenarios", "", {}))
    pages += [("progress", "", {}), ("record", "", {})]
    if course.syllabus.glossary:
        pages.append(("glossary", "", {}))
    if course.syllabus.sources:
        pages.append(("sources", "", {}))
    pages += [
        ("own", own.id, {"own": own, "text": course.texts.get(own.id, "")})
        for own in course.syllabus.pages
    ]
    pages.append(("handout", "", {}))
    if trainer:
        forms = course.syllabus.formats
        catalog = Catalog(course)
        pages += [("runsheet", form.id, {"form": form}) for form in forms]
        pages += [("notes", "", {})]
        pages += [("activities", "", {})] if course.syllabus.activities else []
        pages += [("slides", "", {}), ("key", "", {})]
        pages += [("cards", "", {}), ("debrief", "", {})] if catalog.practised else []
        pages += [("sheet", form.id, {"form": form}) for form in forms if catalog.exercises(form)]
    return pages


def _items(course: Course) -> list[tuple[str, str, Any]]:
    return [
        *(("lesson", slug, lesson) for slug, lesson in course.lessons.items()),
        *(
            ("scenario", s, scenario)
            for s, scenario in course.scenarios.items()
            if scenario.practice
        ),
        *(("quiz", slug, quiz) for slug, quiz in course.quizzes.items()),
    ]


def _template_cache() -> FileSystemBytecodeCache | None:
    """Jinja's own cache of compiled templates, in the system's temporary folder: a build then
    spends no 35 ms compiling them again. Jinja recompiles when a template changes."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no writable temporary folder: compile every time
        return None


@functools.cache
def _environment(language: str) -> Environment:
    """The Jinja environment for a language, made once per process: compiling the templates is
    the costly part. Templates are named after the kind of page (`lesson.md.jinja`); each kind
    of question has its partial in `kinds/`. Every word they add goes through `_()` or
    `ngettext()`, from the language's catalogue."""
    env = Environment(
        extensions=["jinja2.ext.i18n"],
        loader=PackageLoader("generator"),
        bytecode_cache=_template_cache(),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # the output is Markdown; author text goes through `inline`/`blocks`
    )
    env.filters.update(inline=markup.inline, blocks=markup.blocks, literal=markup.literal)
    env.filters.update(document=markup.document)
    env.filters.update(url=markup.url, href=markup.href, clock=markup.clock)
    env.filters.update(attribute=functools.partial(html.escape, quote=True))
    env.filters.update(fingerprint=widgets.fingerprint, marked=widgets.marked)
    env.globals.update(front_matter=markup.front_matter, links=markup.links)
    env.globals.update(letters=widgets.LETTERS)
    env.globals.update(form=widgets.form, item=widgets.item, key_line=widgets.key_line)
    env.globals.update(path=page, anchor=anchor, words=script_words(language))
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    return env
