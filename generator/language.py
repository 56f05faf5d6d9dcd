"""The words coursewright adds to a course's pages, in the course's language: gettext
catalogues under `locale/<language>/LC_MESSAGES/`, read with Babel (plural rules included).
`coursewright.po` holds the pages' words, `quiz.po` the quiz script's. English is the source
language and needs no catalogue; a language without one gets the English words."""

from __future__ import annotations

import functools
import gettext
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

LOCALES = Path(__file__).parent / "locale"
SAMPLES = [*range(0, 200), 0.5, 1.5, 2.5]
"""Numbers that show each plural category of a language, scores with halves included."""


def languages() -> list[str]:
    """The languages with a catalogue, English first."""
    return ["en", *sorted(p.name for p in LOCALES.iterdir() if _path(p.name, "quiz").is_file())]


def _path(code: str, domain: str) -> Path:
    return LOCALES / code / "LC_MESSAGES" / f"{domain}.po"


def _catalog(language: str, domain: str) -> Catalog | None:
    """The catalogue for `language`: `de-CH` takes `de_CH`, else `de`; None for English."""
    for code in (language.replace("-", "_"), language.split("-")[0]):
        if _path(code, domain).is_file():
            with _path(code, domain).open("rb") as source:
                return read_po(source, locale=code)
    return None


@functools.cache
def translations(language: str, domain: str = "coursewright") -> gettext.NullTranslations:
    """The words of `domain` in `language` as gettext translations: the pages' words
    (`coursewright`), or the text of a new course (`starter`)."""
    catalog = _catalog(language, domain)
    if catalog is None:
        return gettext.NullTranslations()
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@functools.cache
def script_words(language: str) -> str:
    """The quiz script's words in `language` as JSON for the page, "" for English. A text
    with a number maps each plural category of the language (`one`, `other`...) to its form,
    for the browser's own plural rules (`Intl.PluralRules`)."""
    catalog = _catalog(language, "quiz")
    if catalog is None or catalog.locale is None:
        return ""
    rules, index = Locale.parse(catalog.locale).plural_form, gettext.c2py(catalog.plural_expr)
    # Whole numbers come last, so they decide: gettext has no forms of its own for halves.
    categories = {rules(n): index(int(n)) for n in reversed(SAMPLES)}
    words: dict[str, str | dict[str, str]] = {}
    for message in catalog:
        if not message.id or not message.string:
            continue
        if isinstance(message.id, tuple):
            forms = message.string
            words[message.id[0]] = {c: forms[i] for c, i in sorted(categories.items()) if forms[i]}
        else:
            words[str(message.id)] = str(message.string)
    text = json.dumps(words, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
