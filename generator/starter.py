"""The files of a new course: a lesson, a scenario, a quiz, the site's settings and a README,
that pass `check` and build as they are, their text in the course's language where the
`starter` catalogue has it. `coursewright init` writes them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.language import translations
from generator.loader import Layout, schema_files
from generator.models import LANGUAGE_PATTERN

LANGUAGE = re.compile(LANGUAGE_PATTERN)

STARTER = Path(__file__).parent / "starter"


def slug(title: str) -> str:
    """An id from a title: `First aid at work` gives `first-aid-at-work`."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", folded.lower())
    return "-".join(words)[:60].strip("-") or "my-course"


def yaml_text(text: str) -> str:
    """`text` as a YAML scalar on one line: plain where YAML reads it as text, else quoted."""
    dumped = yaml.safe_dump(text, allow_unicode=True, width=10_000, default_flow_style=True)
    return dumped.removesuffix("\n").removesuffix("\n...")


def starter_files(title: str, summary: str, language: str) -> dict[str, str]:
    """Each file of a new course, by its path in the course folder."""
    words = translations(language, "starter")
    env = Environment(
        loader=FileSystemLoader(STARTER),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # YAML and Markdown; each text goes through `yaml` or is an id
    )
    env.filters["yaml"] = yaml_text
    env.globals["t"] = lambda text: yaml_text(words.gettext(text))
    values = {"id": slug(title), "title": title, "summary": summary, "language": language}
    files = {}
    for path in sorted(STARTER.rglob("*")):
        rel = path.relative_to(STARTER).as_posix()
        if rel.endswith(".jinja"):
            files[rel.removesuffix(".jinja")] = env.get_template(rel).render(values)
        elif path.is_file():
            files[rel] = path.read_text(encoding="utf-8")
    return {**files, **schema_files(Layout())}
