"""The learner's way through the sample course in Chromium, by keyboard: from the home page's
Start button, each page's "Next" leads through the course in its order (each lesson, its
self-check and scenarios, the rest), the theme's own Next link agrees, and all of it works
without JavaScript too. With JavaScript, the learner sees where they stand: marks in the
navigation and the outline, a progress bar, Continue in place of Start, lessons done, and at
the finish line a course record that prints on one page."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Literal

import pytest
from browser import axe_violations, serve
from conftest import ROOT, mkdocs_build
from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader

if TYPE_CHECKING:
    from collections.abc import Iterator

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
            expect(nearby).to_contain_text("This is the last step of the course.")
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


def nav_mark(page: Page, title: str) -> Locator:
    """The mark beside a step in the navigation."""
    return page.locator(".md-nav--primary a.md-nav__link", has_text=title).locator(".cw-state")


def press(page: Page, target: Locator, key: str = "Enter") -> None:
    target.focus()
    page.keyboard.press(key)


def follow_next(page: Page, title: str) -> None:
    """Press Enter on the "Next" link at the end of the page, and arrive."""
    press(page, page.get_by_role("navigation", name="What to do next").get_by_role("link"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)


def answer_every_question(page: Page, *, right: bool = True) -> None:
    """Pick the right (or best) answers of every question on the page by keyboard, or the
    first wrong one, then press Enter, which checks it."""
    expect(page.locator(".cw-item[data-ready]").first).to_be_visible()
    for box in page.locator(".cw-item").all():
        inputs = box.locator("input")
        marks = [inputs.nth(i).get_attribute("data-mark") for i in range(inputs.count())]
        good = [i for i, m in enumerate(marks) if m in ("right", "best")]
        picks = good if right else [next(i for i in range(len(marks)) if i not in good)]
        for i in picks:
            press(page, inputs.nth(i), "Space")
        page.keyboard.press("Enter")
        expect(box.locator(".cw-result")).to_be_visible()


def read_to_the_end(page: Page, *, keyboard: bool = False) -> None:
    """Bring the end of the lesson into view: by the End key for the learner at the keyboard
    (on a page they have already used by keyboard, so it has the focus), else by scrolling."""
    end = page.get_by_role("navigation", name="What to do next")
    expect(page.locator("nav.cw-next[data-ready]")).to_be_attached()
    if keyboard:
        page.keyboard.press("End")
    else:
        end.scroll_into_view_if_needed()
    expect(end).to_be_in_viewport()


def test_a_learner_sees_where_they_stand_from_start_to_finish(page: Page) -> None:
    """Start, a lesson, its practice, Continue after a reload, the finish line: by keyboard."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("index.html")
    expect(page.locator(".cw-course-progress")).to_be_hidden()  # nothing begun: no bar yet
    expect(page.locator(".md-nav--primary .cw-bar")).to_contain_text("0 of 5 done")
    expect(page.locator(".cw-outline .cw-state--new").first).to_be_visible()
    press(page, page.get_by_role("link", name="Start the course"))
    page.set_viewport_size({"width": 375, "height": 800})  # headings in the phone's menu: no marks
    expect(page.locator(".md-nav--primary a[href^='#'] .cw-state")).to_have_count(0)
    page.set_viewport_size({"width": 1280, "height": 800})

    expect(nav_mark(page, "Choosing tea and water")).to_have_class(re.compile("cw-state--started"))
    done = page.get_by_label("I have finished this lesson")
    expect(done).not_to_be_checked()
    read_to_the_end(page, keyboard=True)
    expect(done).to_be_checked()
    said = page.locator(".cw-progress-live")
    expect(said).to_have_text("Lesson done: Choosing tea and water. Course progress: 1 of 5 done.")
    expect(nav_mark(page, "Choosing tea and water")).to_have_class(re.compile("cw-state--done"))
    press(page, done, "Space")  # the learner's own say: not done after all
    expect(nav_mark(page, "Choosing tea and water")).to_have_class(re.compile("cw-state--started"))
    press(page, done, "Space")
    expect(page.locator(".md-nav--primary .cw-bar")).to_contain_text("1 of 5 done")

    follow_next(page, "Check your tea choices")
    answer_every_question(page)
    expect(nav_mark(page, "Check your tea choices")).to_contain_text("4/4")
    page.reload()
    expect(page.locator(".cw-summary .cw-score")).to_be_visible()
    expect(said).to_have_count(0)  # nothing is read out again on a page load

    page.goto("index.html")
    expect(page.locator(".cw-course-progress")).to_contain_text("Course progress: 2 of 5 done")
    expect(page.locator(".cw-course-progress progress")).to_be_visible()
    expect(page.locator(".cw-outline .cw-state--done")).to_have_count(2)
    press(page, page.get_by_role("link", name="Continue: Serving on time"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Serving on time")
    read_to_the_end(
        page, keyboard=True
    )  # the last lesson: this course asks for its lessons, not a final
    expect(said).to_have_text(
        "Lesson done: Serving on time. "
        "You have completed the course. Your course record is ready to print."
    )
    for title in ("Late guests", "Tea too strong"):
        follow_next(page, title)
        answer_every_question(page)
    expect(page.locator(".md-nav--primary .cw-bar")).to_contain_text("5 of 5 done")

    ending = page.get_by_role("navigation", name="What to do next")
    expect(ending).to_contain_text("This is the last step of the course.")
    press(page, ending.get_by_role("link", name="Your course record"))
    expect(page.get_by_text(re.compile(r"^Completed on \w+ \d+, \d{4}\.$"))).to_be_visible()
    expect(page.get_by_role("row", name="Lessons 2 of 2 done")).to_be_visible()
    expect(page.get_by_role("button", name="Print this record")).to_be_visible()
    assert axe_violations(page) == []
    page.goto("index.html")
    expect(page.get_by_role("link", name="See your course record")).to_be_visible()


def test_the_course_record_prints_on_one_page(page: Page) -> None:
    page.goto("lessons/choosing.html")
    read_to_the_end(page)
    page.goto("record.html")
    expect(page.get_by_text("Not complete yet. Still to do:")).to_be_visible()
    expect(page.get_by_role("link", name="Serving on time", exact=True)).to_be_visible()
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "Brewing tea for a crowd" in text
    assert "Name:" in text
    assert "Print this record" not in text
    assert "Glossary" not in text


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 375])
def test_progress_is_axe_clean_in_both_palettes_on_phone_and_desktop(
    browser: Browser, base_url: str, scheme: Literal["light", "dark"], width: int
) -> None:
    context = browser.new_context(
        base_url=base_url, color_scheme=scheme, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.goto("lessons/choosing.html")
    read_to_the_end(page)
    page.goto("quizzes/choosing-check.html")
    answer_every_question(page, right=False)
    for path in ("index.html", "lessons/serving.html", "progress.html", "record.html"):
        page.goto(path)
        expect(page.locator(".cw-state, .cw-bar, .cw-record-status").first).to_be_attached()
        assert axe_violations(page) == [], (path, scheme, width)
    page.goto("index.html")
    button = page.locator("a.cw-start")
    expect(button).to_have_text("Continue: Serving on time")
    box = button.bounding_box()
    assert box is not None
    assert box["x"] + box["width"] <= width, "the button fits the screen"
    context.close()


def test_without_javascript_progress_says_what_it_needs(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("index.html")
    expect(page.locator(".cw-state")).to_have_count(0)
    expect(page.get_by_role("link", name="Start the course")).to_be_visible()
    page.goto("progress.html")
    expect(page.get_by_text("Your progress and scores need JavaScript")).to_be_visible()
    expect(page.get_by_role("link", name="Serving on time", exact=True)).to_be_visible()
    page.goto("record.html")
    expect(page.get_by_text("Your course record needs JavaScript")).to_be_visible()
    expect(page.get_by_role("button", name="Print this record")).to_be_hidden()
    context.close()


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The course this project ships: lessons done by self-check, a final at 80%."""
    site = tmp_path_factory.mktemp("shipped") / "site"
    result = mkdocs_build(ROOT, "--quiet", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url


def test_the_shipped_course_is_complete_only_by_its_own_rule(
    browser: Browser, shipped: str
) -> None:
    """A lesson is done once read with its self-check passed; the final assessment counts
    its first attempt, so a learner who failed it starts it afresh to pass."""
    context = browser.new_context(base_url=shipped)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("index.html")
    lessons = page.locator(".cw-outline a[href^='lessons/']")
    paths = [str(lessons.nth(i).get_attribute("href")) for i in range(lessons.count())]
    assert len(paths) == 6
    for path in paths:
        page.goto(path)
        rule = page.get_by_text("This lesson is done once you have read it to the end")
        expect(rule).to_be_visible()
        expect(page.get_by_label("I have finished this lesson")).to_have_count(0)
        read_to_the_end(page)
        check = page.locator(".md-nav--primary a.md-nav__link", has_text="Self-check")
        check.first.click()
        answer_every_question(page)
        page.go_back()
        expect(page.get_by_text("This lesson is done.")).to_be_visible()
    page.goto("quizzes/final-assessment.html")
    answer_every_question(page, right=False)
    not_passed = "Not passed: the pass mark is 80% on the first attempt."
    verdict = page.get_by_role("status").filter(has_text=not_passed)
    expect(verdict).to_be_visible()
    tops = [
        (box or {"y": -1.0})["y"]
        for box in [
            page.locator(".cw-summary .cw-latest").bounding_box(),
            verdict.bounding_box(),
            page.locator(".cw-summary .cw-review").bounding_box(),
        ]
    ]
    assert tops == sorted(tops), "the verdict comes under the score, before the list to review"
    final = page.locator(".md-nav--primary a[href$='final-assessment.html'] .cw-state")
    expect(final).to_contain_text("(Not passed: ")  # not done: the navigation says so
    expect(final).to_have_class(re.compile("cw-state--started"))
    page.goto("record.html")
    failed = re.compile(r"your first attempt scored \d+%; the pass mark is 80%")
    expect(page.get_by_text(failed)).to_be_visible()
    page.goto("quizzes/final-assessment.html")
    page.get_by_role("button", name="Start afresh").click()
    answer_every_question(page)
    expect(page.locator(".cw-progress-live")).to_contain_text("You have completed the course.")
    passed = page.get_by_role("status").filter(has_text="Passed: your first attempt reached")
    expect(passed).to_be_visible()
    page.goto("record.html")
    expect(page.get_by_text(re.compile(r"^Completed on "))).to_be_visible()
    page.goto("index.html")  # scenarios left to practise do not hide the finish line
    expect(page.get_by_role("link", name="See your course record")).to_be_visible()
    context.close()
