"""The source texts a course draws on, read for `coursewright compare`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

SOURCE_SUFFIXES = (".txt", ".md")


class SourceError(Exception):
    """A source text that cannot be read; the message says which and why, on one line."""


def read_sources(given: Sequence[str]) -> dict[str, str]:
    """The texts a course draws on, read as UTF-8, by path: each file given, and each `.txt`
    and `.md` file in a folder given (not in its subfolders), in order of their names."""
    if not given:
        raise SourceError("no sources given; name a text file or a folder of them")
    texts: dict[str, str] = {}
    for name in given:
        path = Path(name)
        if not path.exists():
            raise SourceError(f"{name}: no such file or folder")
        if not path.is_dir() and not path.is_file():  # a pipe would never end
            raise SourceError(f"{name}: not a plain file or a folder")
        try:
            files = sorted(p for p in path.iterdir() if _source(p)) if path.is_dir() else [path]
            texts |= {file.as_posix(): _read_source(file) for file in files}
        except OSError as error:
            problem = error.strerror or str(error)
            raise SourceError(f"{error.filename or name}: cannot be read: {problem}") from None
        if not files:
            raise SourceError(f"{name}: no .txt or .md files in this folder")
    return texts


def _source(path: Path) -> bool:
    return path.suffix.lower() in SOURCE_SUFFIXES and path.is_file() and path.name[:1] != "."


def _read_source(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(f"{file}: not UTF-8 text; save it as UTF-8") from None
