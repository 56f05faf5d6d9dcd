"""MkDocs adapter: hand the generated pages to MkDocs; `live` keeps a preview up with the author."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from generator.deck import ASSETS as DECK_ASSETS
from generator.edition import edition, leak, trainer_only
from generator.loader import Layout, Parsed, load_course
from generator.navigation import showing
from generator.plugin import live
from generator.preview import Compiled
from generator.problems import ContentError
from generator.project import (
    EXTENSIONS,
    STYLESHEET,
    additions,
    polyfills,
    theme_language,
    theme_problem,
)
from generator.render import THEME, Rendered, Site, render_site
from generator.writer import languages_in

if TYPE_CHECKING:
    from collections.abc import Mapping

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

    from generator.edition import Audience
    from generator.models import Course


log = logging.getLogger("mkdocs.plugins.coursewright")


class CoursePluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the course pages off without removing the plugin."""
    content_dir = c.Type(str, default="content")
    """Folder with `course.yml`, `lessons/` and `scenarios/`, relative to mkdocs.yml."""
    quizzes_dir = c.Type(str, default="quizzes")
    """Folder with the quiz files, relative to mkdocs.yml."""
    edition = c.Choice(("learner", "trainer"), default="learner")
    """Who the site is for: learners, or the trainer (notes, agendas and answers included)."""


class _CoursePage(File):
    """A generated page that a dirty preview rebuild may skip when its Markdown is unchanged."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class CoursePlugin(BasePlugin[CoursePluginConfig]):
    """Generate the course's pages from YAML on every build.

    Under `mkdocs serve --dirty` the plugin lives across rebuilds and remembers the Markdown
    it produced, so only pages whose Markdown changed are rebuilt; a change to the navigation,
    the theme overrides or mkdocs.yml rebuilds every page.
    """

    previous: Mapping[str, str] = MappingProxyType({})
    """Each page's Markdown from the last build, by path."""
    previous_layout: object = None
    dirty = False
    serving = False
    server: LiveReloadServer | None = None
    """The preview's server, when serving."""
    later = False
    """Whether the last build left large changed pages for the next one."""
    secrets: frozenset[str] = frozenset()
    """The trainer-only texts every page was last checked against."""
    edited: set[str]
    """The pages whose Markdown differs from the last build's."""
    gone: list[File] = []
    """The pages the last build no longer had, which a preview forgets."""
    course: Course | None = None
    """The course as it last loaded, which a preview keeps showing while a file is broken."""

    def __init__(self) -> None:
        super().__init__()
        self.compiled = Compiled()
        self.listed: dict[object, list[str]] = {}  # the theme's files, by theme folders
        self.parsed: Parsed = {}  # the course files as loaded, for the next preview rebuild
        self.rendered: Rendered = {}  # and the pages rendered from them

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty
        self.serving = command == "serve"

    @event_priority(50)  # before the search plugin reads the theme's words for its language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path).resolve().parent
        self.settings = live.settings_stamp(config)
        live.keep_theme(config, self.compiled, self.listed, self.settings)
        layout = Layout(self.config.content_dir, self.config.quizzes_dir)
        problem = ""
        try:
            course = load_course(self.root, layout, self.parsed, reviewed=False)
        except ContentError as error:
            course, problem = self._last_good(error), str(error)
        self.course = course
        audience = cast("Audience", self.config.edition)
        self.site: Site = render_site(edition(course, audience), audience, self.rendered)
        self.edited = {p.path for p in self.site.pages if self.previous.get(p.path) != p.markdown}
        if audience == "learner":
            self._guard(course)
        content = (self.root / self.config.content_dir).resolve()
        self.published = {(content / name).resolve() for name in course.published()}
        adds = additions(course, self.site)
        if config.nav is None:
            config.nav = adds.nav
        _use_course_theme(config)
        _speak(config, course.syllabus.language)
        config.mdx_configs["toc"].setdefault("permalink_title", adds.permalink_title)
        if not config.site_name.strip():
            config.site_name = adds.site_name
        if not config.site_description:
            config.site_description = adds.site_description
        if not config.copyright:  # the course's own credit in the footer
            config.copyright = adds.copyright
        config.extra["coursewright"] = {**adds.words, **({"problem": problem} if problem else {})}
        return config

    def _last_good(self, error: ContentError) -> Course:
        """In a preview, the course as it last loaded: its pages stay served while the author
        mends a file (MkDocs would hold every request until a build succeeds), and the problem is
        reported again on each rebuild. A build, or a preview's first, has nothing to fall back
        on."""
        if self.server is None or self.course is None:
            start = f"\n{live.UNSTARTED}" if self.serving else ""
            raise PluginError(f"{error}{start}") from None
        log.error("%s\n%s", error, live.KEPT)
        return self.course

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        docs_dir = Path(config.docs_dir).resolve()
        sources = [self.root / self.config.content_dir, self.root / self.config.quizzes_dir]
        kept = Files([f for f in files if not _held_back(f.abs_src_path, sources, self.published)])
        if self.config.edition == "learner":  # the presenter slides are the trainer's
            kept = Files([f for f in kept if not f.src_uri.startswith(f"{DECK_ASSETS}/")])
        words = config.extra["coursewright"]  # on every page, like the problem in a preview
        shown = (config.site_name, config.site_description, config.copyright, words.get("problem"))
        layout = (self.site.nav, (self.settings, shown, config.theme.get("language")))
        changed = self._changed(config, layout)
        later = live.later(changed, self.site.pages) if self.server is not None else set()
        _refuse_shadowing(config, self.config.content_dir, self.published, self.root)
        for page in self.site.pages:
            if kept.get_file_from_path(page.path) is not None:
                raise PluginError(
                    f"{config.docs_dir}/{page.path}: the course generates this page; rename or "
                    "remove the hand-written file"
                )
            generated = cast(
                "_CoursePage", _CoursePage.generated(config, page.path, content=page.markdown)
            )
            generated.changed = page.path in changed - later
            if page.source is not None:
                generated.edit_uri = Path(
                    os.path.relpath(self.root / page.source, docs_dir)
                ).as_posix()
            kept.append(generated)
        now = {page.path for page in self.site.pages}
        self.gone = [
            File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
            for path in sorted(self.previous.keys() - now)
        ]
        self.previous = {  # a page left for later is still due: keep its old Markdown
            page.path: self.previous.get(page.path, "") if page.path in later else page.markdown
            for page in self.site.pages
        }
        self.previous_layout = layout
        self.later = bool(later)
        return kept

    def _guard(self, course: Course) -> None:
        """No page may hold a trainer-only text. While the trainer-only texts stay the same,
        only pages whose Markdown changed since the last build need a look."""
        secrets = frozenset(trainer_only(course))
        pages = self.site.pages
        if secrets == self.secrets:
            pages = [page for page in pages if page.path in self.edited]
        problem = leak(((page.path, page.markdown) for page in pages), course)
        if problem:
            raise PluginError(problem)
        self.secrets = secrets

    def _changed(self, config: MkDocsConfig, layout: tuple[Any, ...]) -> set[str]:
        """The pages to build: in a preview, those whose Markdown changed and those whose
        navigation shows a title that changed; otherwise, and after a change to the settings,
        the theme or what every page shows (the site's name, description, footer), every page."""
        pages = self.site.pages
        previous = self.previous_layout
        if not self.dirty or not isinstance(previous, tuple) or previous[1] != layout[1]:
            return {page.path for page in pages}
        shown: set[str] | None = set()
        if previous[0] != layout[0]:
            features = config.theme.get("features") or []
            pruned = "navigation.prune" in features and "navigation.expand" not in features
            footer = "navigation.footer" in features
            shown = showing(previous[0], layout[0], footer=footer) if pruned else None
        if shown is None:
            return {page.path for page in pages}
        return shown | self.edited

    @event_priority(50)  # before the search plugin merges its index with the last one
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.server is None:
            return
        live.forget_gone(config, self.gone)
        if self.later:
            live.ask_rebuild(self.server)  # the large pages, once the author's page is served

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> None:
        if not self.config.enabled:
            return
        folders = [self.root / self.config.content_dir, self.root / self.config.quizzes_dir]
        if getattr(server, "_rebuild_cond", None) is None:  # our watcher cannot ask: MkDocs' own
            for folder in folders:
                server.watch(str(folder))
        server.build_delay = min(server.build_delay, live.SETTLE)
        watcher = threading.Thread(target=live.watch, args=(server, folders), daemon=True)
        watcher.start()
        self.server = server


def _use_course_theme(config: MkDocsConfig) -> None:
    """Put the course templates and assets under the site's own overrides, and add the Markdown
    extensions and stylesheet the pages need. Course pages are made for the Material theme."""
    problem = theme_problem(config.theme.name)
    if problem:
        raise PluginError(problem)
    dirs = config.theme.dirs
    if str(THEME) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    for name, options in EXTENSIONS.items():
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
        if options:
            config.mdx_configs.setdefault(name, dict(options))
    if STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, STYLESHEET)
    if any(name.endswith("offline") for name in config.plugins):  # search from a folder
        config.extra["polyfills"] = polyfills(list(config.extra.get("polyfills") or []))


def _speak(config: MkDocsConfig, language: str) -> None:
    """The theme's own words in the course's language too, where the theme has them."""
    code = theme_language(language, languages_in([Path(d) for d in config.theme.dirs]))
    if code:
        config.theme["language"] = code


def _refuse_shadowing(config: MkDocsConfig, content: str, published: set[Path], root: Path) -> None:
    """A listed file may not take the place of one of the site's own (the quiz script...)."""
    for path in sorted(published):
        rel = path.relative_to((root / content).resolve()).as_posix()
        for folder in config.theme.dirs:
            if (Path(folder) / rel).exists():
                raise PluginError(
                    f"{content}/{rel}: the site has a file of its own at {rel}; rename yours"
                )


def _held_back(source: str | None, folders: list[Path], published: set[Path]) -> bool:
    """Files in the course's folders are inputs: only those listed under `files:` in
    course.yml are published, as they are. Generated pages and theme files are not there."""
    if not source:
        return False
    inside = any(Path(source).absolute().is_relative_to(f.absolute()) for f in folders)
    return inside and Path(source).resolve() not in published
