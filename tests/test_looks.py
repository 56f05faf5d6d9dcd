"""How course pages look and read in each state: axe-core in both palettes on desktop and phone,
with search and the navigation drawer open, and quiz pages printed as worksheets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal, cast

import pytest
from browser import QUIZ, SCENARIO, answer, axe_violations, item
from playwright.sync_api import Browser, Page, ViewportSize, expect

PHONE: ViewportSize = {"width": 375, "height": 740}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
Scheme = Literal["light", "dark"]


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest) -> Scheme:
    return cast("Scheme", request.param)


@pytest.fixture
def styled(browser: Browser, base_url: str, scheme: Scheme) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, color_scheme=scheme, viewport=DESKTOP)
    context.set_default_timeout(5000)
    yield context.new_page()
    context.close()


def test_axe_finds_nothing_in_any_quiz_state(styled: Page) -> None:
    page, states = styled, {}
    page.goto(QUIZ)
    states["unanswered"] = axe_violations(page)
    answer(page, "mild-or-smoky", 1)
    states["wrong"] = axe_violations(page)
    answer(page, "mild-or-smoky", 0)
    states["right"] = axe_violations(page)
    answer(page, "what-to-offer", 0)
    answer(page, "smoky-popular", 1)
    answer(page, "late-guests-pot", 1)
    states["acceptable and summary"] = axe_violations(page)
    page.goto(SCENARIO)
    answer(page, "scenario:late-guests", 2)
    states["scenario, poor"] = axe_violations(page)
    page.goto("progress.html")
    states["progress"] = axe_violations(page)
    assert states == {state: [] for state in states}


def test_axe_finds_nothing_with_search_open(styled: Page) -> None:
    styled.goto("index.html")
    styled.get_by_role("textbox", name="Search").click()
    styled.keyboard.type("tea")  # the theme searches on key presses
    expect(styled.locator(".md-search-result__item").first).to_be_visible()
    expect(styled.get_by_role("dialog", name="Search")).to_be_visible()  # named for screen readers
    expect(styled.locator(".md-search__output")).to_have_css("opacity", "1")  # faded in
    assert axe_violations(styled) == []
    styled.goto(QUIZ + "?h=smoky")  # a search result opened: its terms are highlighted
    expect(styled.locator("article mark").first).to_be_visible()
    assert axe_violations(styled) == []


def test_axe_finds_nothing_in_the_phone_drawer(
    browser: Browser, base_url: str, scheme: Scheme
) -> None:
    context = browser.new_context(base_url=base_url, color_scheme=scheme, viewport=PHONE)
    page = context.new_page()
    page.goto(QUIZ)
    page.get_by_role("button", name="Navigation").click()
    drawer = page.locator("nav.md-nav--primary")
    expect(drawer).to_be_in_viewport()
    # The drawer opens on the current page's section, under its title.
    expect(drawer.locator(".md-nav__title", has_text="Lesson 1")).to_be_in_viewport()
    link = drawer.get_by_role("link", name="Choosing tea and water")
    expect(link).to_be_in_viewport()
    # Laid out once the drawer opens, though the closed drawer's links are skipped.
    expect(link).to_be_visible()
    assert (link.bounding_box() or {"width": 0})["width"] > 100
    assert axe_violations(page) == []
    context.close()


def test_a_printed_quiz_is_a_worksheet_with_a_separate_key(styled: Page) -> None:
    page = styled
    page.goto(QUIZ)
    box = answer(page, "mild-or-smoky", 1)
    box.locator("input").first.focus()
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Check")).to_have_count(0)
    expect(box.locator(".cw-result")).to_be_hidden()
    expect(box.locator(".cw-mark")).to_have_count(2)
    for mark in box.locator(".cw-mark, .cw-why").all():
        expect(mark).to_be_hidden()
    expect(page.locator(".cw-summary")).to_be_hidden()
    for key in page.locator("details.cw-key").all():  # answered or not, no key by its question
        expect(key).to_be_hidden()
    key = page.locator(".cw-print-key")
    expect(key).to_be_visible()
    expect(key.locator("li")).to_have_text(
        [
            "Question 1: A",
            "Question 2: A, B",
            "Question 3: B",
            "Question 4: A best; B acceptable; C poor",
        ]
    )
    assert key.evaluate("e => getComputedStyle(e).breakBefore") == "page"
    choice = box.locator(".cw-choice").first
    assert choice.evaluate("e => getComputedStyle(e).outlineStyle") == "none", "no focus ring"
    styles = {
        c.evaluate("e => getComputedStyle(e).borderColor") for c in box.locator(".cw-choice").all()
    }
    assert len(styles) == 1, "printed choices carry no right or wrong marks"


def test_a_printed_scenario_hides_buttons_and_keeps_the_options(styled: Page) -> None:
    page = styled
    page.goto(SCENARIO)
    page.emulate_media(media="print")
    box = item(page, "scenario:late-guests")
    expect(box.locator(".cw-choice")).to_have_count(3)
    expect(box.locator(".cw-choice").first).to_be_visible()
    expect(box.locator(".cw-actions")).to_be_hidden()
    expect(box.get_by_text("Graded options")).to_be_visible()


def _luminance(rgb: str) -> float:
    values = [float(v) / 255 for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_tone_stands_out_from_the_page(styled: Page) -> None:
    page = styled
    page.goto(QUIZ)
    answer(page, "mild-or-smoky", 1)  # wrong, and the right answer marked
    answer(page, "late-guests-pot", 1)  # acceptable
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    for tone in ["good", "part", "bad"]:
        border = page.locator(f".cw-choice.cw-{tone}").first.evaluate(
            "e => getComputedStyle(e).borderTopColor"
        )
        lighter, darker = sorted([_luminance(border), _luminance(background)], reverse=True)
        ratio = (lighter + 0.05) / (darker + 0.05)
        assert ratio >= 3, f"{tone} border {border} on {background}: {ratio:.2f}:1"


def test_the_closed_phone_drawer_is_out_of_the_tab_order(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, viewport=PHONE)
    page = context.new_page()
    page.goto(QUIZ)
    first = item(page, "mild-or-smoky").locator("input").first
    presses = 0
    while not first.evaluate("e => e === document.activeElement"):
        presses += 1
        assert presses < 15, "too many presses to reach the first answer"
        page.keyboard.press("Tab")
        assert not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    context.close()


def test_dark_pages_print_in_light_colours(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, color_scheme="dark")
    page = context.new_page()
    page.goto(QUIZ)
    page.emulate_media(media="print", color_scheme="dark")
    scheme = (
        item(page, "mild-or-smoky")
        .locator("input")
        .first.evaluate("e => getComputedStyle(e).colorScheme")
    )
    assert scheme == "light", "unchecked radio buttons would print filled in"
    context.close()


def test_a_title_that_just_fits_a_phone_takes_one_line(browser: Browser, base_url: str) -> None:
    """The page's title has no blank line under it when it fills the width of the screen."""
    context = browser.new_context(base_url=base_url, viewport=PHONE)
    page = context.new_page()
    page.goto(QUIZ)
    title = page.locator("article h1")
    words = "h => { const r = document.createRange(); r.selectNodeContents(h.firstChild); "
    words += "return r.getBoundingClientRect().width; }"
    spare = title.evaluate("h => h.clientWidth") - title.evaluate(words)
    page.set_viewport_size({"width": round(PHONE["width"] - spare + 3), "height": PHONE["height"]})
    line = float(title.evaluate("h => getComputedStyle(h).lineHeight").removesuffix("px"))
    box = title.bounding_box()
    assert box is not None
    assert box["height"] < 1.5 * line, "the title took a second line"
    context.close()


def test_closed_search_results_are_no_tab_stop(browser: Browser, base_url: str) -> None:
    """Backwards from the page to the header, Tab passes the closed search's results, which
    are out of sight, and stops on the search field."""
    context = browser.new_context(base_url=base_url, viewport=DESKTOP)
    page = context.new_page()
    page.goto("index.html")
    page.locator(".md-sidebar--primary").get_by_role("link", name="Home").focus()
    field = page.get_by_role("textbox", name="Search")
    for _ in range(5):
        page.keyboard.press("Shift+Tab")
        assert not page.evaluate("document.activeElement.matches('.md-search__scrollwrap')")
        if field.evaluate("e => e === document.activeElement"):
            break
    expect(field).to_be_focused()
    context.close()
