"""A real browser for the tests: Debian's Chromium driven by Playwright, kept on loopback."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page

from generator.handouts import OFFLINE

AXE = Path(str(__import__("axe_playwright_python").__file__)).parent / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]
QUIZ = "quizzes/choosing-check.html"
SCENARIO = "scenarios/late-guests.html"

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = OFFLINE


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass


@contextmanager
def serve(folder: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a port the OS picks; yield the base URL."""
    handler_class = type("Handler", (_QuietHandler,), {"extra_headers": headers or {}})
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class Watch:
    """What a page did that a learner must never see: errors, and requests off the site."""

    def __init__(self, page: Page, base: str) -> None:
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", self._request(base))

    def _request(self, base: str) -> Any:
        def record(request: Any) -> None:
            self.requests.append(request.url)
            if not request.url.startswith((base, "data:", "blob:", "file:")):
                self.outside.append(request.url)

        return record


def item(page: Page, qid: str) -> Locator:
    """The box holding one question: its form, its buttons and its answer key."""
    return page.locator(f".cw-item[data-id='{qid}']")


def answer(page: Page, qid: str, *choices: int) -> Locator:
    """Pick the answers with these positions in question `qid`, press Check; the box."""
    box = item(page, qid)
    for choice in choices:
        box.locator("input").nth(choice).check()
    box.get_by_role("button", name="Check").click()
    return box


def axe_violations(page: Page) -> list[str]:
    """axe-core's findings on the page as it is now, as `rule: targets`."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' ')))",
        AXE_TAGS,
    )
    return list(found)
