"""The live previews (`make serve` runs `mkdocs serve --dirty`; `coursewright serve --builder
zensical` runs Zensical's): an edit reaches every page that shows it, even though unchanged
pages are not rebuilt."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import edit


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float = 30.0) -> None:
    deadline = time.monotonic() + limit
    while text not in fetch(url):
        assert time.monotonic() < deadline, f"{url} never showed {text!r}"
        time.sleep(0.05)


COMMANDS = {
    "mkdocs": [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a"],
    "zensical": [sys.executable, "-m", "generator", "serve", "--builder", "zensical", "--port"],
}
"""The preview as `make serve` runs it, and the one `coursewright serve --builder zensical`
runs; the address (or port) follows."""


@pytest.fixture(params=COMMANDS)
def preview(course: Path, request: pytest.FixtureRequest) -> Iterator[str]:
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
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/lessons/serving.html", "Brew in batches")
        yield base
    finally:
        server.terminate()
        said, errors = server.communicate(timeout=20)
        assert "Traceback" not in errors
    folders = re.findall(r"Serving (\S+)/site on", said + errors)  # Zensical's own line
    assert folders or request.param == "mkdocs"
    assert all(not Path(folder).exists() for folder in folders), "the preview's folder is left"


def test_a_changed_guideline_reaches_every_page_that_shows_it(course: Path, preview: str) -> None:
    edit(course, "content/lessons/serving.yml", "title: Brew in batches", "title: Brew in rounds")
    wait_for(f"{preview}/lessons/serving.html", "Brew in rounds")
    wait_for(f"{preview}/scenarios/late-guests.html", "Brew in rounds")
    assert "Brew in rounds" not in fetch(f"{preview}/scenarios/strong-tea.html")


def test_a_changed_title_reaches_the_navigation_of_other_pages(course: Path, preview: str) -> None:
    edit(course, "content/lessons/serving.yml", "title: Serving on time", "title: Serving hot")
    wait_for(f"{preview}/quizzes/choosing-check.html", "Serving hot")  # its Next, two ways
    wait_for(f"{preview}/index.html", "Serving hot")


def test_broken_content_keeps_the_preview_running(course: Path, preview: str) -> None:
    edit(course, "content/lessons/serving.yml", "summary:", "sumary:")
    time.sleep(1.5)
    edit(course, "content/lessons/serving.yml", "sumary:", "summary:")
    edit(course, "content/lessons/serving.yml", "title: Brew in batches", "title: Brew again")
    wait_for(f"{preview}/lessons/serving.html", "Brew again")


def test_a_new_course_title_reaches_every_page(course: Path, preview: str) -> None:
    """The course's title is the site's name, in every page's header and <title>."""
    edit(course, "content/course.yml", "title: Brewing tea for a crowd", "title: Tea for many")
    wait_for(f"{preview}/lessons/choosing.html", "Tea for many")
    wait_for(f"{preview}/scenarios/strong-tea.html", "Tea for many")
