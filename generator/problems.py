"""Problems in a course, worded for its authors: where they are and what to do about them."""

from __future__ import annotations

import difflib
import re
import typing
from dataclasses import dataclass
from typing import Any, Protocol

if typing.TYPE_CHECKING:
    from collections.abc import Iterable

from pydantic import BaseModel, ValidationError

from generator.models import CONTROL_CHARACTERS, ID_PATTERN, MAX_TITLE

Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, worded for the course author."""

    path: str
    line: int | None
    column: int | None
    field: str
    message: str

    @classmethod
    def about(cls, path: str, message: str) -> Problem:
        """A problem with a file as a whole, such as its name."""
        return cls(path, None, None, "", message)

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}:{self.column}"
        text = (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )
        return printable(text)


def printable(text: str) -> str:
    """Text safe to print on a terminal: control and text-direction characters, which could
    move the cursor or rewrite what was printed, are shown as `\\u001B`."""
    return UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04X}", text)


UNPRINTABLE = re.compile(f"{CONTROL_CHARACTERS.pattern}|[\\t\\n\\r]")
"""What a one-line message must not print as it is: line breaks and tabs too."""


class ContentError(Exception):
    """The course has problems; `problems` lists every one, sorted by file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(
            set(problems), key=lambda p: (p.path, p.line or 0, p.column or 0, p.field, p.message)
        )
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the course:"
        super().__init__("\n".join([heading, *map(str, self.problems)]))


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`did you mean `x`? ` for the closest candidate, or nothing. Only candidates of a similar
    length are compared, which keeps hundreds of misspellings among hundreds of ids fast."""
    close = closest(word, candidates)
    return f"did you mean `{close}`? " if close else ""


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to `word`, if one is close enough; only candidates of a similar
    length are compared."""
    near = [c for c in candidates if abs(len(c) - len(word)) <= max(3, len(word) // 3)]
    close = difflib.get_close_matches(word, near, n=1)
    return close[0] if close else None


def field_name(loc: Loc) -> str:
    """Spell a location the way an author would look for it: `questions[2].choices[0].text`."""
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else f".{part}" if name else part
    return name


class Located(Protocol):
    """A parsed file that can say where a value is."""

    path: str
    data: Any

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]: ...


EXPECTED = {
    "model_type": "`key: value` lines",
    "dict_type": "`key: value` lines",
    "list_type": "a list (one `- item` per line, or `[a, b]`)",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "`true` or `false`",
    "bool_parsing": "`true` or `false`",
    "string_type": "text",
}
"""What to say for pydantic's type errors, in an author's words."""
LIMITS = {
    "string_too_long": "{length} characters, more than the {limit} allowed",
    "too_long": "{length} entries, more than the {limit} allowed",
}
TITLE_HINT = "; a title shows on every page: keep it short and put the rest in the summary"


def kind_of(value: Any) -> str:
    """How to name what an author wrote: a list, plain text, a single value."""
    if isinstance(value, list):
        return "a list"
    return "plain text" if isinstance(value, str) else f"a single value ({value!r})"


def explain(document: Located, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    """Turn pydantic's errors into author-facing problems with line, column and a hint."""
    problems = []
    items = error.errors(include_url=False)
    misspelt = _misspelt(items)
    for item in items:
        raw: Loc = tuple(item["loc"])
        if item["type"] == "missing" and raw in misspelt:
            continue  # reported with the unknown key that was meant to be it
        if item["type"] in ("union_tag_invalid", "union_tag_not_found"):
            raw = (*raw, item["ctx"]["discriminator"].strip("'"))
        loc = _data_loc(document.data, raw)
        at_key = item["type"] == "extra_forbidden"
        line, column = document.position(loc, key=at_key)
        message = _message(item, model, raw, loc)
        problems.append(Problem(document.path, line, column, field_name(loc), message))
    return problems


def _misspelt(items: list[Any]) -> set[Loc]:
    """Required fields that are missing because an unknown key next to them is a misspelling."""
    missing = {tuple(i["loc"]) for i in items if i["type"] == "missing"}
    found: set[Loc] = set()
    for item in items:
        *parent, name = item["loc"]
        if item["type"] == "extra_forbidden":
            names = [loc[-1] for loc in missing if list(loc[:-1]) == parent]
            if (close := closest(name, names)) is not None:
                found.add((*parent, close))
    return found


def _data_loc(data: Any, raw: Loc) -> Loc:
    """Drop pydantic's union tags from a location, keeping only keys and indexes in the data."""
    loc: list[str | int] = []
    for i, part in enumerate(raw):
        last = i == len(raw) - 1
        if isinstance(data, dict) and not last and (part not in data or part == data.get("type")):
            continue  # a union's tag, such as a question's type, is not a key in the data
        loc.append(part)
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
    return tuple(loc)


@dataclass(frozen=True)
class _Error:
    """One of pydantic's errors, with what the message builders need to word it."""

    item: Any
    model: type[BaseModel]
    raw: Loc
    """pydantic's location (union tags included)."""
    name: str
    """The field the error is about."""

    @property
    def owner(self) -> type[BaseModel] | None:
        return _model_at(self.model, self.raw[:-1])


def _missing(error: _Error) -> str | None:
    owner = error.owner
    if owner is None:
        return None
    field = owner.model_fields.get(error.name)
    described = field.description if field else None
    return f"required field is missing; add `{error.name}:`" + (
        f" ({described})" if described else ""
    )


def _unknown_field(error: _Error) -> str | None:
    if (owner := error.owner) is None:
        return None
    valid = list(owner.model_fields)
    hint = did_you_mean(error.name, valid)
    return f"unknown field `{error.name}`; {hint}valid fields: {', '.join(valid)}"


def _pattern(error: _Error) -> str | None:
    given = error.item["input"]
    if error.item["ctx"]["pattern"] == ID_PATTERN:
        return f"`{given}` is not an id: use lowercase words joined by hyphens, e.g. `first-lesson`"
    raw = error.raw
    in_list = len(raw) > 1 and isinstance(raw[-1], int)  # an item of a list of text
    holder = _model_at(error.model, raw[:-2]) if in_list else error.owner
    field = str(raw[-2]) if in_list else error.name
    if holder is None or field not in holder.model_fields:
        return None
    return f"`{given}` is not allowed here; expected: {holder.model_fields[field].description}"


def _union_tag(error: _Error) -> str:
    tags = _tags(error.model, error.raw[:-1], error.name)
    given = error.item["ctx"].get("tag")
    if given is None:
        return f"required field is missing; add `{error.name}:` with one of: {', '.join(tags)}"
    hint = did_you_mean(given, tags)
    return f"`{given}` is not a known {error.name}; {hint}use one of: {', '.join(tags)}"


def _too_long(error: _Error) -> str:
    limit = error.item["ctx"]["max_length"]
    message = LIMITS[error.item["type"]].format(
        length=len(error.item["input"]), limit=limit, name=error.name
    )
    return message + (TITLE_HINT if limit == MAX_TITLE else "")


def _too_short(error: _Error) -> str | None:
    context = error.item["ctx"]
    if "min_length" not in context or not isinstance(error.item["input"], list):
        return None
    found = len(error.item["input"])
    return (
        f"needs at least {context['min_length']} items (one `- item` per line); "
        f"it has {found if found else 'none'}"
    )


def _expected(error: _Error) -> str:
    return f"expected {EXPECTED[error.item['type']]}, found {kind_of(error.item['input'])}"


_BUILDERS: dict[str, typing.Callable[[_Error], str | None]] = {
    "missing": _missing,
    "extra_forbidden": _unknown_field,
    "string_pattern_mismatch": _pattern,
    "union_tag_invalid": _union_tag,
    "union_tag_not_found": _union_tag,
    "too_short": _too_short,
    **dict.fromkeys(LIMITS, _too_long),
    **dict.fromkeys(EXPECTED, _expected),
}
"""A message builder for each kind of pydantic error that needs wording of its own; a builder
that returns None leaves the error to pydantic's own words."""


def _message(item: Any, model: type[BaseModel], raw: Loc, loc: Loc) -> str:
    kind, text = item["type"], item["msg"].removeprefix("Value error, ")
    builder = _BUILDERS.get(kind)
    message = builder(_Error(item, model, raw, str(loc[-1]) if loc else "")) if builder else None
    if message is not None:
        return message
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"{text} (found {kind_of(item['input'])})"
    return str(text)


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """Find the model class that validates the mapping at `loc` (pydantic's raw location)."""
    candidates = _candidates(model, loc)
    return candidates[0] if len(candidates) == 1 else None


def _tags(model: type[BaseModel], loc: Loc, name: str) -> list[str]:
    """The values that pick a kind of item at `loc`, e.g. the question types."""
    return [
        str(tag)
        for kind in _candidates(model, loc)
        for tag in typing.get_args(_annotation(kind, name))
    ]


def _candidates(model: type[BaseModel], loc: Loc) -> list[type[BaseModel]]:
    """The model classes that may validate the mapping at `loc`: several for a union."""
    candidates: list[type[BaseModel]] = [model]
    for part in loc:
        if isinstance(part, int):
            continue
        tagged = [m for m in candidates if part in typing.get_args(_annotation(m, "type"))]
        if len(candidates) > 1 and tagged:
            candidates = tagged
        elif candidates and part in candidates[0].model_fields:
            candidates = _models_in(candidates[0].model_fields[part].annotation)
        else:
            return []
    return candidates


def _annotation(model: type[BaseModel], name: str) -> Any:
    info = model.model_fields.get(name)
    return info.annotation if info else None


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [found for arg in typing.get_args(annotation) for found in _models_in(arg)]
