"""Course source files: parse YAML keeping each value's position, and word problems for authors."""

from __future__ import annotations

import difflib
import functools
import typing
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from generator.models import ID_PATTERN

if typing.TYPE_CHECKING:
    from pathlib import Path

try:  # libyaml parses about ten times faster; fall back to pure Python where it is missing.
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # type: ignore[assignment]

Loc = tuple[str | int, ...]
MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_BYTES = 1_000_000
"""Bounds on nesting, values built and file size, so no file can exhaust memory or time."""


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
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class ContentError(Exception):
    """The course has problems; `problems` lists every one, sorted by file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(
            set(problems), key=lambda p: (p.path, p.line or 0, p.column or 0, p.field, p.message)
        )
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the course:"
        super().__init__("\n".join([heading, *map(str, self.problems)]))


@dataclass(eq=False)
class Document:
    """A parsed YAML file: plain data, and the YAML nodes that tell where each value came from."""

    path: str
    text: str = ""
    data: Any = None

    @functools.cached_property
    def root(self) -> yaml.Node | None:
        """The YAML nodes, composed again only when a problem needs a position: keeping them
        for every file would make each garbage collection walk them all."""
        loader = SafeLoader(self.text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The line and column of `loc` (of its key with `key=True`; of `key:` for a list or
        mapping), or of its nearest enclosing value that exists."""
        node, key_node = self.root, None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            key_node, node = child
        if node is None:
            return (1, 1)
        mark = (key_node if key_node and (key or _is_collection(node)) else node).start_mark
        return (mark.line + 1, mark.column + 1)


def _is_collection(node: yaml.Node) -> bool:
    return isinstance(node, yaml.CollectionNode)


def _child(node: yaml.Node | None, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == part:
                return key_node, value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return None, node.value[part]
    return None


def field_name(loc: Loc) -> str:
    """Spell a location the way an author would look for it: `questions[2].choices[0].text`."""
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else f".{part}" if name else part
    return name


def read(root: Path, rel: str, problems: list[Problem]) -> Document | None:
    """Parse `root/rel`; on failure add its problems and return None."""
    try:
        return _parse(rel, _text(root, root / rel), problems)
    except _Unreadable as error:
        problems.append(Problem(rel, error.line, error.column, "", str(error)))
        return None


TEXT_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}
"""Scalars taken as the text they are; a shortcut past PyYAML's slower generic constructor."""

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


class _Unreadable(Exception):
    """The file cannot be turned into a mapping at all."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line, self.column = line, column

    @classmethod
    def at(cls, message: str, mark: yaml.Mark | None) -> _Unreadable:
        return cls(message, mark.line + 1, mark.column + 1) if mark else cls(message)


def _text(root: Path, path: Path) -> str:
    if not path.resolve().is_relative_to(root.resolve()):
        raise _Unreadable(
            f"links to {path.resolve()}, outside the course; copy the file into the course instead"
        )
    if not path.is_file():
        raise _Unreadable("is not a file; course files are plain text files")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _Unreadable(
            f"is {size:,} bytes; a course file may have at most {MAX_BYTES:,} (split it up)"
        )
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = error.object[: error.start]
        line, column = before.count(b"\n") + 1, error.start - before.rfind(b"\n")
        byte = error.object[error.start]
        raise _Unreadable(
            f"byte 0x{byte:02x} is not UTF-8 text; save the file with the UTF-8 encoding",
            line,
            column,
        ) from None
    except OSError as error:
        raise _Unreadable(f"cannot be read: {error.strerror}") from None


def _parse(rel: str, text: str, problems: list[Problem]) -> Document:
    document = Document(rel, text)
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise _Unreadable("the file is empty; it needs `key: value` lines", 1, 1)
        document.data = _Builder(loader, document, problems).build(node, ())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise _Unreadable.at(_yaml_message(error, text), mark) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, such as NUL
        before = text[: error.position]
        line, column = before.count("\n") + 1, error.position - before.rfind("\n")
        code = error.character if isinstance(error.character, int) else ord(error.character)
        raise _Unreadable(
            f"character U+{code:04X} is not allowed in YAML; remove it", line, column
        ) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML's remaining kinds
        raise _Unreadable(f"YAML syntax: {error}") from None
    finally:
        loader.dispose()
    if not isinstance(document.data, dict):
        found = _kind(document.data)
        raise _Unreadable(f"expected `key: value` lines at the top level, found {found}", 1, 1)
    return document


class _Builder:
    """Turn a YAML node graph into plain data, recording where each key and value came from."""

    def __init__(self, loader: Any, document: Document, problems: list[Problem]) -> None:
        self.loader, self.document, self.problems = loader, document, problems
        self.count = 0
        self.open: set[int] = set()
        """The collections being built, to catch one that contains itself through an alias."""

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Unreadable.at(
                f"more than {MAX_NODES} values (aliases repeated too often?)", node.start_mark
            )
        if node.tag in TEXT_TAGS:
            return node.value  # text, and dates kept as the author wrote them
        if not isinstance(node, yaml.CollectionNode):
            return self.loader.construct_object(node)
        if len(loc) >= MAX_DEPTH:
            raise _Unreadable.at(f"nested more than {MAX_DEPTH} levels deep", node.start_mark)
        if id(node) in self.open:
            raise _Unreadable.at(
                "an alias (`*name`) refers to a value that contains it", node.start_mark
            )
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, loc)
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        self.loader.flatten_mapping(node)  # resolve `<<:` merge keys
        result: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag in TEXT_TAGS:
                key = key_node.value
            else:
                key = key_node.value = str(self.loader.construct_object(key_node))
            line = key_node.start_mark.line + 1
            if key in lines:
                self.problems.append(
                    Problem(
                        self.document.path,
                        line,
                        key_node.start_mark.column + 1,
                        field_name((*loc, key)),
                        f"duplicate key: also set on line {lines[key]}; keep one",
                    )
                )
            lines[key] = line
            result[key] = self.build(value_node, (*loc, key))
        return result


def _yaml_message(error: yaml.MarkedYAMLError, text: str) -> str:
    message = "YAML syntax: " + " ".join(part for part in (error.context, error.problem) if part)
    mark = error.problem_mark
    lines = text.splitlines()
    if mark and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
        message += " (a tab: indent with spaces)"
    start = error.context_mark
    if start and mark and start.line != mark.line:
        message += f" (it started on line {start.line + 1})"
    return message


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    return "plain text" if isinstance(value, str) else f"a single value ({value!r})"


def explain(document: Document, model: type[BaseModel], error: ValidationError) -> list[Problem]:
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
            found.update((*parent, close) for close in difflib.get_close_matches(name, names, n=1))
    return found


def _data_loc(data: Any, raw: Loc) -> Loc:
    """Drop pydantic's union tags from a location, keeping only keys and indexes in the data."""
    loc: list[str | int] = []
    for i, part in enumerate(raw):
        last = i == len(raw) - 1
        if isinstance(data, dict) and part not in data and not last:
            continue
        loc.append(part)
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
    return tuple(loc)


def _message(item: Any, model: type[BaseModel], raw: Loc, loc: Loc) -> str:
    kind, text = item["type"], item["msg"].removeprefix("Value error, ")
    owner = _model_at(model, raw[:-1])
    name = str(loc[-1]) if loc else ""
    if kind == "missing" and owner is not None:
        described = owner.model_fields[name].description if name in owner.model_fields else None
        return f"required field is missing; add `{name}:`" + (
            f" ({described})" if described else ""
        )
    if kind == "extra_forbidden" and owner is not None:
        valid = list(owner.model_fields)
        close = difflib.get_close_matches(name, valid, n=1)
        hint = f"did you mean `{close[0]}`? " if close else ""
        return f"unknown field `{name}`; {hint}valid fields: {', '.join(valid)}"
    if kind == "string_pattern_mismatch" and item["ctx"]["pattern"] == ID_PATTERN:
        return (
            f"`{item['input']}` is not an id: use lowercase words joined by hyphens, "
            "e.g. `first-contact`"
        )
    if kind == "string_pattern_mismatch" and owner is not None and name in owner.model_fields:
        expected = owner.model_fields[name].description
        return f"`{item['input']}` is not allowed here; expected: {expected}"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        tags = [tag.strip("' ") for tag in item["ctx"]["expected_tags"].split(",")]
        given = item["ctx"].get("tag")
        if given is None:
            return f"required field is missing; add `{name}:` with one of: {', '.join(tags)}"
        close = difflib.get_close_matches(given, tags, n=1)
        hint = f"did you mean `{close[0]}`? " if close else ""
        return f"`{given}` is not a known {name}; {hint}use one of: {', '.join(tags)}"
    if kind in EXPECTED:
        return f"expected {EXPECTED[kind]}, found {_kind(item['input'])}"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"{text} (found {_kind(item['input'])})"
    return str(text)


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """Find the model class that validates the mapping at `loc` (pydantic's raw location)."""
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
            return None
    return candidates[0] if len(candidates) == 1 else None


def _annotation(model: type[BaseModel], name: str) -> Any:
    info = model.model_fields.get(name)
    return info.annotation if info else None


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [found for arg in typing.get_args(annotation) for found in _models_in(arg)]
