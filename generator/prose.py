"""The prose of a course: every text a learner or trainer reads, with the file, line and field
it is in. Found by walking the loaded models, so a new field of text is found without a word
here: what is left out is decided by type (ids, paths, web addresses, times of day, grades and
other fixed choices, numbers and switches) and by the few names below."""

from __future__ import annotations

import typing
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel

from generator.models import COURSE_FILE
from generator.problems import field_name
from generator.syllabus import Source

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from generator.models import Course, FileKey
    from generator.problems import Loc

UNREAD = frozenset({"allow"})
"""Fields of text that neither learners nor trainers read: `allow:` holds the author's reasons
for the item-writing review."""
QUOTED: tuple[type[BaseModel], ...] = (Source,)
"""Models whose text is quoted from elsewhere on purpose: a source's title as published."""


def prose(course: Course) -> Iterator[tuple[FileKey, Loc, str]]:
    """Every text of the course's YAML files that a learner or trainer reads, each with its
    file (kind and id, as in `Course.files`) and its place in that file, file by file."""
    yield from _walk(course.syllabus, COURSE_FILE, ())
    for kind, items in (
        ("lesson", course.lessons),
        ("scenario", course.scenarios),
        ("quiz", course.quizzes),
    ):
        for slug, model in items.items():
            yield from _walk(model, (kind, slug), ())


def _walk(value: Any, file: FileKey, loc: Loc) -> Iterator[tuple[FileKey, Loc, str]]:
    if isinstance(value, QUOTED):
        return
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            if name not in UNREAD and _readable(info.annotation, info.metadata):
                yield from _walk(getattr(value, name), file, (*loc, info.alias or name))
    elif isinstance(value, str):
        yield file, loc, value
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _walk(item, file, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, file, (*loc, str(key)))


def _readable(annotation: Any, metadata: list[Any]) -> bool:
    """Whether a field of this type may hold prose: text with no pattern to match (an id, a
    path, a web address and a time of day have one), a model, or a list or mapping of those."""
    if any(getattr(constraint, "pattern", None) for constraint in metadata):
        return False
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        base, *more = typing.get_args(annotation)
        return _readable(base, more)
    if origin is Literal:
        return False
    if origin is dict:
        return _readable(typing.get_args(annotation)[1], [])
    if origin is not None:  # a list, or one of several types
        return any(_readable(arg, []) for arg in typing.get_args(annotation))
    return annotation is str or (isinstance(annotation, type) and issubclass(annotation, BaseModel))


def placed(
    course: Course, content_dir: str, position: Callable[[FileKey, Loc], tuple[int, int]]
) -> list[tuple[str, str]]:
    """Every text a learner or trainer reads, with where it is, `path:line:col: field`, in the
    order of files and lines: the texts of the YAML files, placed by `position` (the loader's,
    from the files it parsed), and the paragraphs of the author's own pages."""
    places: list[tuple[str, int, int, str, str]] = []
    for file, loc, text in prose(course):
        line, column = position(file, loc)
        places.append((course.files[file], line, column, field_name(loc), text))
    for page, markdown in course.texts.items():
        path = f"{content_dir}/pages/{page}.md"
        places += [(path, line, 1, "", text) for line, text in _paragraphs(markdown)]
    return [(_where(*place[:4]), place[4]) for place in sorted(places)]


def _where(path: str, line: int, column: int, field: str) -> str:
    """A place as problems name it: `path:line:col: field`, without what is not known."""
    where = f"{path}:{line}:{column}" if line else path
    return f"{where}: {field}" if field else where


def _paragraphs(markdown: str) -> Iterator[tuple[int, str]]:
    """The paragraphs of a page of the author's own, each with the line it starts on."""
    start, lines = 0, []
    for number, line in enumerate([*markdown.splitlines(), ""], start=1):
        if line.strip():
            start = start or number
            lines.append(line)
        elif lines:
            yield start, "\n".join(lines)
            start, lines = 0, []
