"""The live previews (`make serve` runs `mkdocs serve --dirty`; `coursewright serve --builder
zensical` runs Zensical's): an edit reaches every page that shows it, even though unchanged
pages are not rebuilt."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest
from conftest import SEARCH_INDEXES, edit


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float = 30.0) -> None:
    wait_until(lambda: text in fetch(url), f"{url} never showed {text!r}", limit)


def wait_until(done: Callable[[], bool], what: str, limit: float = 30.0) -> None:
    deadline = time.monotonic() + limit
    while not done():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


@dataclass
class Preview:
    """A running preview: its address, and what it has said so far."""

    base: str
    said: list[str] = field(default_factory=list)

    def listen(self, stream: IO[str]) -> None:
        for line in stream:
            self.said.append(line)

    def count(self, text: str) -> int:
        return sum(text in line for line in list(self.said))


COMMANDS = {
    "mkdocs": [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a"],
    "zensical": [sys.executable, "-m", "generator", "serve", "--builder", "zensical", "--port"],
}
"""The preview as `make serve` runs it, and the one `coursewright serve --builder zensical`
runs; the address (or port) follows."""


@pytest.fixture(params=COMMANDS)
def preview(course: Path, request: pytest.FixtureRequest) -> Iterator[Preview]:
    with socket.socket() as probe:  # a port the OS picks, on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"127.0.0.1:{port}" if request.param == "mkdocs" else str(port)
    server = subprocess.Popen(
        [*COMMANDS[request.param], address],
        cwd=course,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    running = Preview(f"http://127.0.0.1:{port}")
    readers = [
        threading.Thread(target=running.listen, args=(stream,), daemon=True)
        for stream in (server.stdout, server.stderr)
    ]
    for reader in readers:
        reader.start()
    try:
        wait_for(f"{running.base}/lessons/serving.html", "Brew in batches")
        yield running
    finally:
        server.terminate()
        server.wait(timeout=20)
        for reader in readers:
            reader.join(timeout=5)
    said = "".join(running.said)
    assert "Traceback" not in said
    folders = re.findall(r"Serving (\S+)/site on", said)  # Zensical's own line
    assert folders or request.param == "mkdocs"
    assert all(not Path(folder).exists() for folder in folders), "the preview's folder is left"


def test_a_changed_guideline_reaches_every_page_that_shows_it(
    course: Path, preview: Preview
) -> None:
    edit(course, "content/lessons/serving.yml", "title: Brew in batches", "title: Brew in rounds")
    wait_for(f"{preview.base}/lessons/serving.html", "Brew in rounds")
    wait_for(f"{preview.base}/scenarios/late-guests.html", "Brew in rounds")
    assert "Brew in rounds" not in fetch(f"{preview.base}/scenarios/strong-tea.html")


def test_a_changed_title_reaches_the_navigation_of_other_pages(
    course: Path, preview: Preview
) -> None:
    edit(course, "content/lessons/serving.yml", "title: Serving on time", "title: Serving hot")
    wait_for(f"{preview.base}/quizzes/choosing-check.html", "Serving hot")  # its Next, two ways
    wait_for(f"{preview.base}/index.html", "Serving hot")


def test_broken_content_keeps_the_preview_running(course: Path, preview: Preview) -> None:
    """While a course file is broken the pages stay served as they last loaded, and each save
    says what is wrong; once it is mended, the pages show the edits made meanwhile."""
    page = f"{preview.base}/lessons/serving.html"
    edit(course, "content/lessons/serving.yml", "summary:", "<i>sumary</i>:")
    wait_until(lambda: preview.count("sumary") >= 1, "the broken file was never reported")
    # Every page says so, with the problem, its markup escaped.
    wait_for(page, "The course does not load, so this preview shows it as it last loaded.")
    html = fetch(page)
    assert "Brew in batches" in html, "the page was not served while the file was broken"
    assert "&lt;i&gt;sumary" in html
    assert "<i>sumary" not in html
    wait_for(f"{preview.base}/index.html", "this preview shows it as it last loaded")
    edit(course, "content/lessons/serving.yml", "title: Brew in batches", "title: Brew again")
    wait_until(lambda: preview.count("sumary") >= 2, "a second save was not reported")
    assert "Brew in batches" in fetch(page)
    edit(course, "content/lessons/serving.yml", "<i>sumary</i>:", "summary:")
    wait_for(page, "Brew again")
    assert "does not load" not in fetch(page)
    assert 'class="md-banner' not in fetch(f"{preview.base}/index.html")


def test_a_new_course_title_reaches_every_page(course: Path, preview: Preview) -> None:
    """The course's title is the site's name, in every page's header and <title>."""
    edit(course, "content/course.yml", "title: Brewing tea for a crowd", "title: Tea for many")
    wait_for(f"{preview.base}/lessons/choosing.html", "Tea for many")
    wait_for(f"{preview.base}/scenarios/strong-tea.html", "Tea for many")


def search_entries(base: str) -> list[dict[str, str]]:
    """The preview's search index: MkDocs' (`docs`) or Zensical's (`items`)."""
    for path, key in SEARCH_INDEXES.items():
        text = fetch(f"{base}/{path}")
        if text:
            return list(json.loads(text)[key])
    raise AssertionError(f"{base} serves no search index")


def test_search_holds_each_page_once_after_edits(course: Path, preview: Preview) -> None:
    """An edit that rebuilds several pages leaves each in the search index once, as it is now."""
    summary = "so the tea is hot when guests arrive"
    for old, new in ((summary, "so the tea is HOTONE"), ("HOTONE", "HOTTWO")):
        edit(course, "content/lessons/serving.yml", old, new)
        wait_for(f"{preview.base}/index.html", new.split()[-1])  # the lesson and the home page
    entries = search_entries(preview.base)
    locations = [entry["location"] for entry in entries]
    assert sorted(set(locations)) == sorted(locations), "a page is in the index twice"
    words = json.dumps(entries)
    assert "HOTTWO" in words
    assert "HOTONE" not in words
    assert summary not in words


def test_a_deleted_page_leaves_the_preview(course: Path, preview: Preview) -> None:
    """A scenario whose file is deleted is gone from the pages, the navigation and search."""
    page = f"{preview.base}/scenarios/strong-tea.html"
    assert "Tea too strong" in fetch(page)
    (course / "content/scenarios/strong-tea.yml").unlink()
    wait_until(lambda: fetch(page) == "", "the deleted scenario was still served")
    wait_until(
        lambda: "Tea too strong" not in fetch(f"{preview.base}/index.html"),
        "the navigation still listed the deleted scenario",
    )

    def searched() -> list[str]:  # Zensical serves no index while it writes a new one
        try:
            return [entry["location"] for entry in search_entries(preview.base)]
        except AssertionError:
            return ["scenarios/strong-tea.html"]

    wait_until(
        lambda: not [place for place in searched() if place.startswith("scenarios/strong-tea")],
        "search still found the deleted scenario",
    )
    assert any(place.startswith("scenarios/late-guests") for place in searched())


def test_a_preview_of_a_broken_course_says_what_to_do(course: Path) -> None:
    """With nothing loaded to keep showing, the MkDocs preview stops, and says how to go on."""
    edit(course, "content/lessons/serving.yml", "summary:", "sumary:")
    stopped = subprocess.run(
        [*COMMANDS["mkdocs"], "127.0.0.1:0"],
        cwd=course,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert stopped.returncode != 0
    assert "serving.yml" in stopped.stderr
    assert "mend the file, then start it again" in stopped.stderr
    assert "Traceback" not in stopped.stderr
