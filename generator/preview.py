"""The live previews. With Zensical: the course's project is written to a folder of its own,
Zensical serves it, and every change to the course files, the site settings or the theme
overrides is written into that folder, page by changed page, for Zensical to rebuild. With
MkDocs, the plugin watches the course files with the same stamps, and keeps the theme's
compiled templates and its list of files across rebuilds."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import tomli_w
import tomllib
from jinja2 import BytecodeCache, FileSystemLoader

from generator.problems import ContentError
from generator.project import BUILDERS
from generator.settings import CONFIG, read_settings, theme_settings
from generator.writer import project, sync

if TYPE_CHECKING:
    from collections.abc import Iterable

    from jinja2.bccache import Bucket

    from generator.loader import Layout, Parsed
    from generator.render import Rendered
    from generator.writer import Files

POLL = 0.1
"""Seconds between looks at the course files: a saved edit is seen within this time."""


def serve(root: Path, layout: Layout, port: int) -> int:
    """Serve the course on 127.0.0.1:`port` until Zensical stops or Ctrl+C; return its status."""
    kept: tuple[Parsed, Rendered] = ({}, {})  # the course files and pages, for the next update
    files = project(root, layout, "learner", "zensical", kept)
    folder = Path(tempfile.mkdtemp(prefix="coursewright-preview-"))
    sync(files, folder, {})
    command = [sys.executable, "-m", "zensical", "serve", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=folder)
    for stop in (signal.SIGTERM, signal.SIGHUP):  # stopped, or its terminal closed: clean up
        signal.signal(stop, _stop)
    try:
        places = _watched(root, layout)
        stamp, broken = stamps(places), False
        while server.poll() is None:
            time.sleep(POLL)
            now = stamps(places)
            if now != stamp:
                files, broken = _update(root, (layout, kept), folder, files, broken)
                watched = _watched(root, layout)  # mkdocs.yml may name other overrides now
                stamp = now if watched == places else stamps(watched)
                places = watched
        return server.returncode
    except KeyboardInterrupt:  # Ctrl+C: the way to stop a preview
        return 0
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(folder, ignore_errors=True)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _update(
    root: Path,
    course: tuple[Layout, tuple[Parsed, Rendered]],
    folder: Path,
    files: Files,
    broken: bool,
) -> tuple[Files, bool]:
    """Write what changed, and whether the course is broken now: on a problem, say so and keep
    the pages as they were; once it is fixed, say that too."""
    try:
        new = project(root, course[0], "learner", "zensical", course[1])
    except ContentError as error:
        print(f"{error}\n(the preview shows the last good version)", file=sys.stderr)
        flagged = _flagged(files, str(error))
        sync(flagged, folder, files)
        return flagged, True
    sync(new, folder, files)
    if broken:
        print("the course loads again: the preview shows it as it is now", file=sys.stderr)
    return new, False


def _flagged(files: Files, problem: str) -> Files:
    """The project as it last loaded, with the problem in its settings for every page to show
    (`extra.coursewright.problem`, as the MkDocs plugin gives it)."""
    name = BUILDERS["zensical"]
    text = str(files[name])
    settings = tomllib.loads(text)
    settings["project"]["extra"]["coursewright"]["problem"] = problem
    header = text[: text.index("[project")]
    return {**files, name: header + tomli_w.dumps(settings)}


def stamps(places: Iterable[Path]) -> frozenset[tuple[str, int, int]]:
    """Each file at or below `places` with its modification time and size: a change to any
    of them changes the stamps. Both previews watch the course files with it."""
    files = (f for p in places for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())
    return frozenset((str(f), s.st_mtime_ns, s.st_size) for f in files for s in [f.stat()])


def _watched(root: Path, layout: Layout) -> list[Path]:
    """The site's settings, the course's folders and the site's own theme overrides."""
    custom = _custom_dir(root)
    return [
        root / CONFIG,
        root / layout.content_dir,
        root / layout.quizzes_dir,
        *([root / custom] if custom else []),
    ]


def _custom_dir(root: Path) -> str | None:
    """The site's own theme overrides, if its settings name them and can be read."""
    try:
        custom = theme_settings(read_settings(root)).get("custom_dir")
    except ContentError:
        return None
    return custom if isinstance(custom, str) else None


class Compiled(BytecodeCache):
    """Compiled templates in memory, for as long as the plugin lives."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


class ThemeFiles(FileSystemLoader):
    """The theme's folders, listed once for as long as the overrides keep the same files. Files
    in hidden folders (the icons) are left out of the list: MkDocs never copies them, and pages
    include them by name."""

    def __init__(self, dirs: list[str], listed: dict[object, list[str]], stamp: object) -> None:
        super().__init__(dirs)
        self.listed = listed
        self.key = (tuple(dirs), stamp)

    def list_templates(self) -> list[str]:
        if self.key not in self.listed:
            self.listed.clear()
            names = super().list_templates()
            self.listed[self.key] = [n for n in names if not _hidden(n)]
        return list(self.listed[self.key])


def _hidden(name: str) -> bool:
    return any(part.startswith(".") for part in name.split("/"))
