"""What a course adds to its site's settings, and the configuration of the project that
`build --out` writes for another builder: `zensical.toml` for Zensical, or a `mkdocs.yml`
without the coursewright plugin. The MkDocs plugin applies the same additions to a live
configuration, so each has its one home here. Pure: settings in, text out."""

from __future__ import annotations

import copy
import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import tomli_w
import yaml
from markupsafe import escape

from generator.language import translations
from generator.settings import PythonName, theme_settings

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from generator.models import Course
    from generator.render import NavItem, Site

BUILDERS = {"zensical": "zensical.toml", "mkdocs": "mkdocs.yml"}
"""Each builder `build --out --for` writes a project for, and the name of its configuration."""
DOCS = "docs"
OVERRIDES = "overrides"
"""The project's folders: the pages, and the theme files (the course's, then the site's own)."""
EXTENSIONS: dict[str, dict[str, Any]] = {
    "admonition": {},
    "attr_list": {},
    "md_in_html": {},
    "tables": {},
    "toc": {"permalink": True},
    "pymdownx.details": {},
    "pymdownx.superfences": {},
    "pymdownx.tabbed": {"alternate_style": True},
}
"""The Markdown extensions the generated pages are written for, with their settings; each one
a site does not list is added, so no page shows raw `!!! success` or `{#id}`."""
STYLESHEET = "assets/coursewright.css"
SHIM = "assets/iframe-worker-shim.js"
"""A local copy of the web-worker shim the offline plugin would fetch from another site."""
DROPPED = ("docs_dir", "site_dir", "exclude_docs", "hooks", "watch", "dev_addr", "INHERIT")
"""Settings about the course's own folders, which the written project replaces."""
THEME_NAME = "material"


@dataclass(frozen=True)
class Additions:
    """What a course adds to its site's settings, as markup the theme may print unescaped."""

    site_name: str
    site_description: str
    copyright: str
    permalink_title: str
    words: dict[str, str]
    """The words of the course's own templates (the 404 page), as `extra.coursewright`."""
    nav: list[NavItem]


def additions(course: Course, site: Site, *, live: bool = True) -> Additions:
    """The course's additions in its own language. The theme prints the site's name,
    description, copyright and navigation titles as they are, so each is escaped: as markup
    objects for a `live` configuration (which the theme's own `| e` leaves alone), else as text
    that keeps apostrophes, which are safe where the theme prints these and which its `| e`
    would escape a second time."""
    _ = translations(course.syllabus.language).gettext
    safe = escape if live else _text
    title = " ".join(course.syllabus.title.split())
    return Additions(
        site_name=safe(title),
        site_description=safe(" ".join(course.syllabus.summary.split())),
        copyright=safe(_("%(course)s: a course made with coursewright") % {"course": title}),
        permalink_title=_("Permanent link"),
        words={
            "not_found": safe(_("This page is not part of the course")),
            "not_found_help": safe(
                _("It may have moved. The home page lists every lesson, scenario and quiz.")
            ),
            "home": safe(_("Go to the home page")),
        },
        nav=escaped(site.nav, safe),
    )


def _text(text: str) -> str:
    """Safe in text and in a double-quoted attribute, the places the theme prints it."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def escaped(nav: list[NavItem], safe: Callable[[str], str] = escape) -> list[NavItem]:
    """Navigation titles as HTML-safe markup."""
    items: list[NavItem] = []
    for item in nav:
        if isinstance(item, dict):
            items.append(
                {safe(t): v if isinstance(v, str) else escaped(v, safe) for t, v in item.items()}
            )
        else:
            items.append(item)
    return items


def theme_language(language: str, available: Iterable[str]) -> str | None:
    """The theme's own words in the course's language (`de-CH` takes `de`), where it has them."""
    have = set(available)
    return next((code for code in (language, language.split("-")[0]) if code in have), None)


def polyfills(given: list[str]) -> list[str]:
    """The offline plugin's polyfills with the local shim in place of the one it fetches."""
    kept = [url for url in given if "unpkg.com/iframe-worker" not in url]
    return kept if any("iframe-worker" in url for url in kept) else [*kept, SHIM]


def theme_problem(name: object) -> str | None:
    """Why a theme cannot show course pages, or None for the Material theme."""
    if name == THEME_NAME:
        return None
    return (
        f"theme: course pages need the Material theme, not `{name}`; in mkdocs.yml write "
        f"`theme:` and under it `  name: {THEME_NAME}`"
    )


def configuration(
    own: Mapping[str, Any], course: Course, site: Site, builder: str, languages: Iterable[str]
) -> str:
    """The text of the project's configuration for `builder`: the site's own settings, with
    the course's additions where the site leaves them open, for pages in `docs/` and the
    theme files in `overrides/`. `languages` are those the builder's theme has words in."""
    settings = _settings(own, additions(course, site, live=False), builder)
    language = theme_language(course.syllabus.language, languages)
    if language:
        settings["theme"]["language"] = language
    if builder == "zensical":
        return ZENSICAL_HEADER + tomli_w.dumps({"project": _data(settings)})  # names as text
    settings["plugins"] = [{k: v} if v else k for k, v in settings["plugins"].items()]
    settings["markdown_extensions"] = [
        {k: v} if v else k for k, v in settings["markdown_extensions"].items()
    ]
    text = yaml.dump(_data(settings), Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    return MKDOCS_HEADER + text


ZENSICAL_HEADER = """\
# Written by `coursewright build --out`: build it with `zensical build` in this folder.
# The course's additions (names, navigation, extensions, the offline search shim) are in
# place; change the course's YAML and write the project again rather than editing here.

"""
MKDOCS_HEADER = """\
# Written by `coursewright build --out --for mkdocs`: build it with `mkdocs build` in this
# folder; it needs no coursewright plugin. Change the course's YAML and write it again rather
# than editing here.

"""


def _settings(own: Mapping[str, Any], add: Additions, builder: str) -> dict[str, Any]:
    settings = {k: copy.deepcopy(v) for k, v in own.items() if k not in DROPPED}
    settings |= {"docs_dir": DOCS, "site_dir": "site"}
    settings.setdefault("use_directory_urls", False)  # as a new course has it: opens from a folder
    for key in ("site_name", "site_description", "copyright"):
        if not str(settings.get(key) or "").strip():
            settings[key] = getattr(add, key)
    if not settings.get("nav"):
        settings["nav"] = add.nav
    theme = theme_settings(settings)
    theme |= {"name": theme.get("name", THEME_NAME), "custom_dir": OVERRIDES}
    if builder == "zensical":
        theme.setdefault("variant", "classic")  # the look of the Material theme
    settings["theme"] = theme
    plugins = _named(settings.get("plugins", ["search"]))
    plugins.pop("coursewright", None)
    settings["plugins"] = plugins
    extensions = _named(settings.get("markdown_extensions", []))
    for name, options in EXTENSIONS.items():
        extensions[name] = {**options, **(extensions.get(name) or {})}
    extensions["toc"].setdefault("permalink_title", add.permalink_title)
    settings["markdown_extensions"] = extensions
    css = list(settings.get("extra_css") or [])
    settings["extra_css"] = css if STYLESHEET in css else [STYLESHEET, *css]
    extra = dict(settings.get("extra") or {})
    extra["coursewright"] = add.words
    if "offline" in plugins:
        extra["polyfills"] = polyfills(list(extra.get("polyfills") or []))
    settings["extra"] = extra
    return settings


def _named(items: object) -> dict[str, Any]:
    """Plugins or extensions, listed as MkDocs takes them (`name` or `{name: options}`) or
    as a table, by name."""
    if isinstance(items, dict):
        return {str(k): v or {} for k, v in items.items()}
    named: dict[str, Any] = {}
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            named |= {str(k): v or {} for k, v in item.items()}
        else:
            named[str(item)] = {}
    return named


def _data(value: Any) -> Any:
    """Plain data for a writer: escaped markup as text, and an unset setting left out (TOML
    has no null). A Python name stays one, for the YAML writer to tag."""
    if isinstance(value, dict):
        return {str(k): _data(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_data(v) for v in value if v is not None]
    if isinstance(value, str) and not isinstance(value, PythonName):
        return str(value)
    return value


class _Dumper(yaml.SafeDumper):
    """Writes a Python name with the tag MkDocs reads it by."""


def _python_name(dumper: yaml.SafeDumper, name: PythonName) -> yaml.Node:
    return dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{name}", "")


_Dumper.add_representer(PythonName, _python_name)
