"""The files of a new course: a lesson, a scenario, a quiz, the site's settings and a README,
that pass `check` and build as they are. `coursewright init` writes them."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from string import Template

from generator.loader import Layout, schema_files

STARTER = Path(__file__).parent / "starter"
LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")
"""A language tag as the theme takes it, e.g. `en`, `de`, `pt-BR`."""


def slug(title: str) -> str:
    """An id from a title: `First aid at work` gives `first-aid-at-work`."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", folded.lower())
    return "-".join(words)[:60].strip("-") or "my-course"


def starter_files(title: str, summary: str, language: str) -> dict[str, str]:
    """Each file of a new course, by its path in the course folder."""
    values = {
        "id": slug(title),
        "title": json.dumps(title, ensure_ascii=False),  # a JSON string is a YAML string
        "summary": json.dumps(summary, ensure_ascii=False),
        "language": language,
        "plain_title": " ".join(title.split()),
    }
    files = {}
    for path in sorted(STARTER.rglob("*")):
        if path.is_file():
            text = Template(path.read_text(encoding="utf-8")).safe_substitute(values)
            files[path.relative_to(STARTER).as_posix()] = text
    return {**files, **schema_files(Layout())}
