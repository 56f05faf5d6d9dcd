"""The site's own settings, read from its mkdocs.yml (and the file that one INHERITs), for the
project `build --out` writes for another builder. Reads the file as MkDocs would, tolerating
the tags MkDocs adds to YAML (`!ENV`, `!relative`, `!!python/name:`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from generator.problems import ContentError, Problem

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

CONFIG = "mkdocs.yml"


class PythonName(str):
    """A `!!python/name:module.thing` value, kept as its name: Zensical takes the name as text,
    and a mkdocs.yml that is written again gets the tag back."""


class _Loader(yaml.SafeLoader):
    """A safe loader that keeps a tagged value as its plain value (an `!ENV` one as its
    default, a `!!python/name:` one as a PythonName)."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return None


def _plain(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


def _python(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    kind, _, name = suffix.partition(":")
    if kind == "name" and name:
        return PythonName(name)
    return _plain(loader, suffix, node)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", _plain)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _python)


def theme_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the `theme:` settings as a mapping: `theme: material` is `{name: material}`."""
    theme = settings.get("theme") or {}
    return dict(theme) if isinstance(theme, dict) else {"name": theme}


def read_settings(root: Path, name: str = CONFIG) -> dict[str, Any]:
    """The settings in `root/name`, merged over those of the file it INHERITs, as MkDocs
    merges them."""
    path = root / name
    seen: list[Path] = []
    settings: dict[str, Any] = {}
    while True:
        if path.resolve() in seen:
            raise ContentError([Problem.about(name, f"INHERIT: {path.name} inherits itself")])
        seen.append(path.resolve())
        own = _read(path, root)
        parent = own.pop("INHERIT", None)
        settings = _merged(settings, own)  # what was read first (the child) wins
        if not isinstance(parent, str):
            return settings
        path = path.parent / parent


def _read(path: Path, root: Path) -> dict[str, Any]:
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ContentError([Problem.about(rel, "not found; start a course with `init`")]) from None
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError([Problem(rel, line, column, "", f"YAML syntax: {problem}")]) from None
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError([Problem.about(rel, "expected settings (`key: value` lines)")])
    return data


def _merged(child: dict[str, Any], parent: dict[str, Any]) -> dict[str, Any]:
    """`child` over `parent`, mappings merged key by key, as MkDocs' INHERIT does."""
    merged = dict(parent)
    for key, value in child.items():
        old = merged.get(key)
        merged[key] = (
            _merged(value, old) if isinstance(value, dict) and isinstance(old, dict) else value
        )
    return merged
