"""The learner's way through the sample course in Chromium, by keyboard: from the home page's
Start button, each page's "Next" leads through the course in its order (each lesson, its
self-check and scenarios, the rest), the theme's own Next link agrees, and all of it works
without JavaScript too."""

from __future__ import annotations

import re

import pytest
from browser import axe_violations
from playwright.sync_api import Browser, Page, expect

WAY = [
    ("lessons/choosing.html", "Choosing tea and water"),
    ("quizzes/choosing-check.html", "Check your tea choices"),
    ("lessons/serving.html", "Serving on time"),
    ("scenarios/late-guests.html", "Late guests"),
    ("scenarios/strong-tea.html", "Tea too strong"),
]


def walk(page: Page) -> None:
    """Start on the home page and follow "Next" to the end of the course, by keyboard."""
    page.goto("index.html")
    total = "About 35 minutes: 25 minutes of lessons and 10 minutes of practice."
    expect(page.get_by_text(total)).to_be_visible()
    start = page.get_by_role("link", name="Start the course")
    expect(start).to_be_visible()
    start.focus()
    page.keyboard.press("Enter")
    for i, (path, title) in enumerate(WAY):
        expect(page).to_have_url(re.compile(f"/{re.escape(path)}$"))
        expect(page.get_by_role("heading", level=1)).to_contain_text(title)
        nearby = page.get_by_role("navigation", name="What to do next")
        expect(nearby).to_be_visible()
        if i + 1 == len(WAY):
            expect(nearby).to_contain_text("You have reached the end of the course.")
            break
        onward = nearby.get_by_role("link", name=WAY[i + 1][1])
        expect(onward).to_be_visible()
        # The theme's own footer link goes the same way.
        expect(page.locator(".md-footer__link--next")).to_contain_text(WAY[i + 1][1])
        onward.focus()
        page.keyboard.press("Enter")


def test_a_learner_walks_the_course_in_its_order_by_keyboard(page: Page) -> None:
    walk(page)
    assert axe_violations(page) == []


def test_without_javascript_the_course_is_the_same_path(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    walk(context.new_page())
    context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_the_outline_reads_on_every_width(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("index.html")
    summary = page.locator("article").get_by_text("Pick a tea most guests enjoy")
    expect(summary).to_be_visible()
    box = summary.bounding_box()
    assert box is not None
    assert box["width"] >= min(width - 80, 500), box  # no column squeezes the text


def test_a_missing_page_says_so_and_leads_home(page: Page) -> None:
    page.goto("404.html")  # what a host serves for a missing page
    expect(page.get_by_role("heading", name="This page is not part of the course")).to_be_visible()
    page.get_by_role("link", name="Go to the home page").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Brewing tea for a crowd")
