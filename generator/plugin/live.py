"""The preview side of the MkDocs adapter: asking MkDocs for a rebuild as soon as a course file
is saved, keeping the theme's templates across rebuilds, and mending the search index a rebuild
of several pages leaves behind."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from generator.preview import Compiled, ThemeFiles, stamps

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import File
    from mkdocs.theme import Theme

    from generator.render import Page


UNSTARTED = "The preview starts once the course loads: mend the file, then start it again."
"""What a preview says when the course does not load as it starts."""
KEPT = (
    "The preview keeps showing the course as it last loaded; save the file again once it is mended."
)
"""What a preview says after a course problem, below the problem itself."""
WATCH_EVERY = 0.05
"""Seconds between looks at the course folders while serving; MkDocs itself looks every 0.5 s."""
SETTLE = 0.02
"""Seconds the preview waits after a request to rebuild for more saves to come, where MkDocs
waits 0.1 s: the watcher asks once per look, so the saves of one look come as one."""


LARGE = 64_000
"""Characters of Markdown from which a changed page waits for the next preview rebuild when
smaller pages changed too (the printable handout of a long course): the page being edited
shows first, and the large one follows in a rebuild of its own."""


def later(changed: set[str], pages: list[Page]) -> set[str]:
    large = {page.path for page in pages if page.path in changed and len(page.markdown) > LARGE}
    return large if changed - large else set()


def watch(server: LiveReloadServer, folders: list[Path]) -> None:
    """Ask for a rebuild as soon as a course file is saved (MkDocs looks every 0.5 s)."""
    seen = stamps(folders)
    while not getattr(server, "_shutdown", True):
        time.sleep(WATCH_EVERY)
        now = stamps(folders)
        if now != seen:
            seen = now
            ask_rebuild(server)


def ask_rebuild(server: LiveReloadServer) -> None:
    """MkDocs 1.6's server takes a rebuild request through its rebuild condition; without
    one, its own watch of the files still rebuilds, only later."""
    condition = getattr(server, "_rebuild_cond", None)
    if condition is not None:
        with condition:
            server._want_rebuild = True
            condition.notify_all()


def forget_gone(config: MkDocsConfig, gone: list[File]) -> None:
    """A page the course no longer has (its file deleted or renamed) leaves the preview: a
    dirty rebuild would keep serving its last HTML, and the search index its entries."""
    for file in gone:
        Path(file.abs_dest_path).unlink(missing_ok=True)
    forget_rebuilt(config, frozenset(file.url for file in gone))


def forget_rebuilt(config: MkDocsConfig, gone: frozenset[str]) -> None:
    """Material's search keeps a preview's index across rebuilds and, assuming one page per
    rebuild, replaces the old entries of the first page rebuilt only; a rebuild here may redo
    several pages, whose old entries would stay beside the new ones. So the old entries of
    every rebuilt page go first, and those of pages that are `gone`."""
    for plugin in config.plugins.values():
        now, last = (
            getattr(plugin, "search_index", None),
            getattr(plugin, "search_index_prev", None),
        )
        if now is None or last is None:
            continue
        rebuilt = {entry["location"].split("#")[0] for entry in now.entries} | gone
        last.entries = [e for e in last.entries if e["location"].split("#")[0] not in rebuilt]


def settings_stamp(config: MkDocsConfig) -> frozenset[tuple[str, int, int]]:
    """mkdocs.yml and the files of the theme overrides, with when each last changed: every
    page shows them, and a file added to the overrides must be listed."""
    custom = config.theme.custom_dir
    return stamps([Path(config.config_file_path), *([Path(custom)] if custom else [])])


def keep_theme(
    config: MkDocsConfig, compiled: Compiled, listed: dict[object, list[str]], stamp: object
) -> None:
    """Every template environment of the theme keeps its compiled templates and its list of
    files across a preview's rebuilds: MkDocs makes a new environment for each build (and the
    search plugin one more), which would compile the templates again and list the theme's files
    again, 14,525 of them with Material's icons."""
    theme: Theme = config.theme
    make = theme.get_env

    def get_env() -> Environment:
        env = make()
        env.loader = ThemeFiles(theme.dirs, listed, stamp)
        env.bytecode_cache = compiled
        return env

    theme.get_env = get_env  # type: ignore[method-assign]
