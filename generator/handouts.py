"""PDF handouts from the built sites: the learner handout, and the trainer's answer key,
scenario cards, debrief sheet, run-sheets and exercise sheets. Chromium prints them through
Playwright: the same engine and print styles the pages are tested with, where WeasyPrint
would need styles of its own and runs no script. Only the command line uses this module."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from generator.catalog import Catalog, page

if TYPE_CHECKING:
    from pathlib import Path

    from generator.models import Course

OFFLINE = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    "--proxy-server=http://127.0.0.1:9",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
]
"""Chromium's flags: no window, and no request leaves the machine."""
FOOTER = (
    '<div style="font: 8px sans-serif; width: 100%; margin: 0 10mm; display: flex; '
    'justify-content: space-between"><span class="title"></span>'
    '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
)
"""Each printed page's foot: the page's title (with the course's) and its number."""


def printed(course: Course) -> list[tuple[str, str, str]]:
    """(edition, page, PDF name) of every handout, in the order a trainer prints them."""
    jobs = [("learner", page("handout"), "handout.pdf")]
    jobs += [("trainer", page("key"), "answer-key.pdf")]
    if Catalog(course).practised:
        jobs += [("trainer", page("cards"), "scenario-cards.pdf")]
        jobs += [("trainer", page("debrief"), "debrief-sheet.pdf")]
    for form in course.syllabus.formats:
        jobs.append(("trainer", page("runsheet", form.id), f"run-sheet-{form.id}.pdf"))
        jobs.append(("trainer", page("sheet", form.id), f"exercise-sheet-{form.id}.pdf"))
    return jobs


def built(site: Path, markdown_path: str) -> Path | None:
    """The HTML file of a page in a built site, with or without directory URLs."""
    stem = markdown_path.removesuffix(".md")
    for candidate in (
        f"{stem}.html",
        f"{stem}/index.html",
        f"{stem.removesuffix('index')}index.html",
    ):
        if (site / candidate).is_file():
            return site / candidate
    return None


def chromium() -> str | None:
    """Debian's Chromium, or whichever `chromium` is on the PATH; None for Playwright's own."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


def print_pdfs(jobs: list[tuple[Path, Path]], executable: str | None) -> None:
    """Print each HTML file to its PDF, A4, with the page's print styles and backgrounds."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only this command needs it

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=OFFLINE)
        try:
            for source, target in jobs:
                tab = browser.new_page()
                tab.goto(source.resolve().as_uri(), wait_until="load")
                tab.emulate_media(media="print")
                tab.pdf(
                    path=str(target),
                    format="A4",
                    print_background=True,
                    outline=True,
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=FOOTER,
                    margin={"top": "10mm", "bottom": "14mm", "left": "10mm", "right": "10mm"},
                )
                tab.close()
        finally:
            browser.close()
