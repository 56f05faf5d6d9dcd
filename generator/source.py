"""Course source files: YAML parsed into plain data, with the position of every value at hand."""

from __future__ import annotations

import functools
import re
import typing
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.models import CONTROL_CHARACTERS
from generator.problems import Loc, Problem, field_name, kind_of

if typing.TYPE_CHECKING:
    from pathlib import Path

try:  # libyaml parses about ten times faster; fall back to pure Python where it is missing.
    from yaml import CBaseLoader as BaseLoader
except ImportError:  # pragma: no cover
    from yaml import BaseLoader  # type: ignore[assignment]

_DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class Composer(BaseLoader):
    """Composes YAML into nodes and leaves typing scalars to `_scalar`: the loader would
    otherwise call a Python resolver for every node."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_BYTES = 1_000_000
"""Bounds on nesting, values built and file size, so no file can exhaust memory or time."""


@dataclass(eq=False)
class Document:
    """A parsed YAML file: plain data, and the YAML nodes that tell where each value came from."""

    path: str
    text: str = ""
    data: Any = None
    _keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(default_factory=dict)
    """Each mapping's keys, indexed once when a position is first asked for in it."""

    @functools.cached_property
    def root(self) -> yaml.Node | None:
        """The YAML nodes, composed again only when a problem needs a position: keeping them
        for every file would make each garbage collection walk them all."""
        loader = Composer(self.text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The line and column of `loc` (of its key with `key=True`; of `key:` for a list or
        mapping), or of its nearest enclosing value that exists."""
        node, key_node = self.root, None
        for part in loc:
            child = self._child(node, part)
            if child is None:
                break
            key_node, node = child
        if node is None:
            return (1, 1)
        mark = (key_node if key_node and (key or _is_collection(node)) else node).start_mark
        return (mark.line + 1, mark.column + 1)

    def _child(
        self, node: yaml.Node | None, part: str | int
    ) -> tuple[yaml.Node | None, yaml.Node] | None:
        if isinstance(node, yaml.MappingNode):
            if id(node) not in self._keys:
                index = {k.value: (k, v) for k, v in reversed(node.value)}  # the first one wins
                self._keys[id(node)] = index
            return self._keys[id(node)].get(part) if isinstance(part, str) else None
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            return None, node.value[part]
        return None


def _is_collection(node: yaml.Node) -> bool:
    return isinstance(node, yaml.CollectionNode)


def read(root: Path, rel: str, problems: list[Problem]) -> Document | None:
    """Parse `root/rel`; on failure add its problems and return None."""
    try:
        return _parse(rel, _text(root, root / rel), problems)
    except _Unreadable as error:
        problems.append(Problem(rel, error.line, error.column, "", str(error)))
        return None


def read_text(root: Path, rel: str, problems: list[Problem]) -> str | None:
    """A text file of the course (a page of the author's own) as text; on failure add its
    problem and return None."""
    try:
        text = _text(root, root / rel)
    except _Unreadable as error:
        problems.append(Problem(rel, error.line, error.column, "", str(error)))
        return None
    if found := CONTROL_CHARACTERS.search(text):
        before = text[: found.start()]
        line, column = before.count("\n") + 1, found.start() - before.rfind("\n")
        problems.append(
            Problem(
                rel, line, column, "", f"character U+{ord(found[0]):04X} has no place in a page"
            )
        )
        return None
    return text


SAFE = yaml.constructor.SafeConstructor()
"""PyYAML's safe constructor, for merge keys (`<<: *defaults`)."""
MERGE_TAG = "tag:yaml.org,2002:merge"
NULLS = {"", "~", "null", "Null", "NULL"}


def _scalar(node: yaml.ScalarNode) -> str | None:
    """A scalar's value exactly as the author wrote it: YAML 1.1 would read `12:30` as 750,
    `0755` as 493 and `no` as false. The models turn text into numbers or true/false only
    where a field asks for one. A plain empty value or `null` is no value."""
    if not node.style and node.value in NULLS:  # libyaml marks plain scalars with ""
        return None
    return str(node.value)


class _Unreadable(Exception):
    """The file cannot be turned into a mapping at all."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line, self.column = line, column

    @classmethod
    def at(cls, message: str, mark: Any) -> _Unreadable:
        """At a libyaml or PyYAML mark (both have `line` and `column`), if there is one."""
        return cls(message, mark.line + 1, mark.column + 1) if mark else cls(message)


def _text(root: Path, path: Path) -> str:
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: Python before 3.13 on a link loop
        raise _Unreadable("is a link that leads back to itself; replace it with the file") from None
    if not resolved.is_relative_to(root.resolve()):
        raise _Unreadable(
            f"links to {resolved}, outside the course; copy the file into the course instead"
        )
    if not path.is_file():
        kind = "a folder" if path.is_dir() else "not a regular file (a pipe, device or socket)"
        raise _Unreadable(f"is {kind}; course files are plain text files")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _Unreadable(
            f"is {size:,} bytes; a course file may have at most {MAX_BYTES:,} (split it up)"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _Unreadable(f"cannot be read: {error.strerror}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and b"\x00" in data[:2]):
        raise _Unreadable("is saved as UTF-16; save it with the UTF-8 encoding", 1, 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = error.object[: error.start]
        line, column = before.count(b"\n") + 1, error.start - before.rfind(b"\n")
        byte = error.object[error.start]
        raise _Unreadable(
            f"byte 0x{byte:02x} is not UTF-8 text; save the file with the UTF-8 encoding",
            line,
            column,
        ) from None


_MAYBE_DEEP = re.compile(rf"^[ \-?:]{{{MAX_DEPTH},}}", re.MULTILINE)
"""A line whose indentation and compact `- ` markers alone could nest past the limit."""


def _check_depth(text: str) -> None:
    """Refuse nesting past MAX_DEPTH before composing: libyaml's composer recurses once per
    level in C, so tens of thousands of `[` end the process before any limit of ours is seen.
    Reading events does not recurse; it runs only where the text could nest that deep."""
    if text.count("[") + text.count("{") <= MAX_DEPTH and not _MAYBE_DEEP.search(text):
        return
    loader, depth = Composer(text), 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _Unreadable.at(
                        f"nested more than {MAX_DEPTH} levels deep", event.start_mark
                    )
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        # libyaml looks ahead past a possible key and has its own cap on nesting (PyYAML
        # 6.0.4 on): the same fault, found further along the line.
        if "nesting depth" not in str(error.problem) or error.problem_mark is None:
            raise
        raise _Unreadable.at(
            f"nested more than {MAX_DEPTH} levels deep", error.problem_mark
        ) from None
    finally:
        loader.dispose()


def _parse(rel: str, text: str, problems: list[Problem]) -> Document:
    document = Document(rel, text)
    loader = Composer(text)
    try:
        _check_depth(text)
        node = loader.get_single_node()
        if node is None:
            raise _Unreadable("the file is empty; it needs `key: value` lines", 1, 1)
        builder = _Builder(loader, document, problems)
        builder.merges = "<<" in text and _mark_merges(node, set())
        document.data = builder.build(node, ())
    except yaml.MarkedYAMLError as error:
        raise _Unreadable.at(_yaml_message(error, text), _reported(error)) from None
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
        found = kind_of(document.data)
        raise _Unreadable(f"expected `key: value` lines at the top level, found {found}", 1, 1)
    return document


def _mark_merges(node: yaml.Node, seen: set[int]) -> bool:
    """Tag plain `<<` keys as merge keys (the base loader does not); say whether any exist."""
    if id(node) in seen or not isinstance(node, yaml.CollectionNode):
        return False
    seen.add(id(node))
    found = False
    for item in node.value:
        for child in item if isinstance(node, yaml.MappingNode) else (item,):
            found |= _mark_merges(child, seen)
        if isinstance(node, yaml.MappingNode) and item[0].value == "<<" and not item[0].style:
            item[0].tag, found = MERGE_TAG, True
    return found


class _Builder:
    """Turn a YAML node graph into plain data, recording where each key and value came from."""

    def __init__(self, loader: Any, document: Document, problems: list[Problem]) -> None:
        self.loader, self.document, self.problems = loader, document, problems
        self.count = 0
        self.merges = False
        """Whether the file uses merge keys, which must be applied before reading a mapping."""
        self.open: set[int] = set()
        """The collections being built, to catch one that contains itself through an alias."""

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Unreadable.at(
                f"more than {MAX_NODES} values (aliases repeated too often?)", node.start_mark
            )
        if isinstance(node, yaml.ScalarNode):
            value = _scalar(node)
            if value is not None and (bad := CONTROL_CHARACTERS.search(value)):
                self._control_character(node, loc, bad.group())
            if value and node.style in ("|", ">") and (stray := STRAY_KEY.search(value)):
                self._stray_key(node, loc, stray.group(1))
            return value
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

    def _control_character(self, node: yaml.Node, loc: Loc, character: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(
                self.document.path,
                mark.line + 1,
                mark.column + 1,
                field_name(loc),
                f"character U+{ord(character):04X} is not allowed in course text (a control or "
                "text-direction character, perhaps written as an escape such as `\\e`); remove it",
            )
        )

    def _stray_key(self, node: yaml.Node, loc: Loc, key: str) -> None:
        """A key indented too far inside a `|` or `>` text became a line of that text."""
        lines = self.document.text.splitlines()[node.start_mark.line + 1 : node.end_mark.line]
        at = next((i for i, line in enumerate(lines) if line.lstrip().startswith(key + ":")), 0)
        line = lines[at] if lines else ""
        owner = [part for part in loc if isinstance(part, str)][-1:]  # a list's item: its list
        field = f"as far as `{owner[0]}:`" if owner else "as the key before it"
        self.problems.append(
            Problem(
                self.document.path,
                node.start_mark.line + 2 + at,
                len(line) - len(line.lstrip()) + 1,
                field_name(loc),
                f"`{key}:` is a line of this text, not a field: a line indented as far as the text "
                f"belongs to it; to set `{key}`, indent it {field}",
            )
        )

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        lines: dict[str, int] = {}
        for key_node, _ in node.value:  # the mapping's own keys; merged ones may be overridden
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Unreadable.at(
                    "a key must be plain text, not a list or mapping", key_node.start_mark
                )
            if key_node.tag == MERGE_TAG:
                continue
            if bad := CONTROL_CHARACTERS.search(key_node.value):
                self._control_character(key_node, loc, bad.group())
            mark = key_node.start_mark
            if key_node.value in lines:
                self.problems.append(
                    Problem(
                        self.document.path,
                        mark.line + 1,
                        mark.column + 1,
                        field_name((*loc, key_node.value)),
                        f"duplicate key: also set on line {lines[key_node.value]}; keep one",
                    )
                )
            lines[key_node.value] = mark.line + 1
        if self.merges:
            SAFE.flatten_mapping(node)
        return {k.value: self.build(v, (*loc, k.value)) for k, v in node.value}


STRAY_KEY = re.compile(r"^[ \t]*([a-z][a-z_]*):(?: |$)", re.MULTILINE)
"""A line of a `|` or `>` text that reads as a field, as `sources: [a, b]` or `why:`."""

CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"
"""Quotes a word processor types; YAML quotes only with straight ones."""


def _yaml_message(error: yaml.MarkedYAMLError, text: str) -> str:
    """The parser's words, with a plain hint for the common causes."""
    message = "YAML syntax: " + " ".join(part for part in (error.context, error.problem) if part)
    message += _hint(error, text.splitlines())
    mark, start = _reported(error), error.context_mark
    if start and mark and start.line != mark.line:
        thing = error.context.split(" ", 2)[-1] if error.context else ""
        message += f" ({THINGS.get(thing, 'it')} began on line {start.line + 1})"
    return message


THINGS = {
    "a quoted scalar": "the quoted text",
    "a flow sequence": "the [ list",
    "a flow mapping": "the { mapping",
    "a block collection": "the list",
    "a block mapping": "the mapping",
    "a simple key": "the key",
}
"""What the parser was reading, in plain words."""


def _reported(error: yaml.MarkedYAMLError) -> Any:
    """Where the problem is: for a line without `- ` in a list, that line, not the next."""
    if "could not find expected ':'" in (error.problem or "") and error.context_mark:
        return error.context_mark
    return error.problem_mark or error.context_mark


def _hint(error: yaml.MarkedYAMLError, lines: list[str]) -> str:
    mark, problem, context = error.problem_mark, error.problem or "", error.context or ""
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if mark and line[mark.column : mark.column + 1] == "\t":
        return " (a tab: indent with spaces)"
    if "mapping values are not allowed" in problem and mark:
        if any(quote in line for quote in CURLY_QUOTES):
            return (
                ' (curly quotes do not quote text in YAML: type straight quotes, "like this", '
                "or turn off smart quotes in your editor)"
            )
        if ": " in line[: mark.column]:
            return ' (the text holds ": "; put the whole text in straight quotes: key: "text")'
        return " (is this line indented more than the keys beside it?)"
    if "expected ':'" in problem and _colon_missing(error, lines):
        return " (a key ends with a colon, as in `minutes: 12`: is the colon missing?)"
    if "expected ':'" in problem or ("block collection" in context and "expected" in problem):
        return (
            " (each item of a list starts with `- `, and its keys line up under its first key:"
            " is a dash missing, or a line indented too little?)"
        )
    return ""


def _colon_missing(error: yaml.MarkedYAMLError, lines: list[str]) -> bool:
    """Whether the line the parser stopped on sits among keys, not list items, and has no
    colon: a key that lost its colon (`minutes 12`), not an item that lost its dash."""
    start = error.context_mark
    line = lines[start.line] if start and start.line < len(lines) else ":"
    indent = len(line) - len(line.lstrip())
    if ":" in line:
        return False
    for before in reversed(lines[: start.line] if start else []):
        depth = len(before) - len(before.lstrip())
        if not before.strip() or before.lstrip().startswith("#") or depth > indent:
            continue
        return depth == indent and not before.lstrip().startswith("-")
    return False
