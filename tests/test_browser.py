"""Quizzes and scenarios as learners use them: in Chromium, by mouse and keyboard, with and
without JavaScript, checked by axe-core in every state and both palettes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import serve
from conftest import ROOT, copy_project, mkdocs_build
from playwright.sync_api import Browser, Page, expect

AXE = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]
QUIZ = "quizzes/choosing-check.html"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("browser") / "project")
    result = mkdocs_build(project, "--quiet")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


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


@pytest.fixture
def watched(browser: Browser, base_url: str) -> Iterator[tuple[Page, Watch]]:
    context = browser.new_context(base_url=base_url, accept_downloads=True)
    context.set_default_timeout(5000)
    page = context.new_page()
    watch = Watch(page, base_url)
    yield page, watch
    context.close()
    assert watch.outside == [], "requests left 127.0.0.1"
    assert watch.errors == [], "console errors"


@pytest.fixture
def page(watched: tuple[Page, Watch]) -> Page:
    return watched[0]


def question(page: Page, qid: str) -> Any:
    return page.locator(f"form[data-id='{qid}']")


def axe_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' ')))",
        AXE_TAGS,
    )
    return list(found)


def test_answer_wrong_then_right(page: Page) -> None:
    page.goto(QUIZ)
    form = question(page, "mild-or-smoky")
    form.get_by_label("B. A smoky tea.").check()
    form.get_by_role("button", name="Check").click()
    result = form.locator(".cw-result")
    expect(result).to_have_text("Not quite. See which answers are right below.")
    expect(result).to_be_focused()
    expect(form.locator(".cw-bad")).to_contain_text("Your choice: wrong")
    expect(form.locator(".cw-good")).to_contain_text("Right answer")
    expect(page.locator("details", has_text="Few people like smoky tea.").first).to_be_visible()
    form.get_by_label("A. A mild black tea.").check()
    expect(result).to_be_hidden()
    form.get_by_role("button", name="Check").click()
    expect(result).to_have_text("Correct.")
    expect(page.locator(".cw-live")).to_have_text("Correct.")


def test_a_multiple_choice_needs_every_right_answer(page: Page) -> None:
    page.goto(QUIZ)
    form = question(page, "what-to-offer")
    form.get_by_label("A. A black tea.").check()
    form.get_by_role("button", name="Check").click()
    expect(form.locator(".cw-result")).to_contain_text("Not quite")
    form.get_by_label("B. A herbal tea.").check()
    form.get_by_role("button", name="Check").click()
    expect(form.locator(".cw-result")).to_have_text("Correct.")


def test_check_without_an_answer_asks_for_one(page: Page) -> None:
    page.goto(QUIZ)
    form = question(page, "smoky-popular")
    form.get_by_role("button", name="Check").click()
    expect(form.locator(".cw-result")).to_have_text("Choose an answer first.")


def test_keyboard_only_walk_through_a_quiz(page: Page) -> None:
    page.goto(QUIZ)
    form = question(page, "mild-or-smoky")
    form.locator("input").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # moves the choice; must not submit anything
    expect(form.locator("input").nth(1)).to_be_checked()
    expect(form.locator(".cw-result")).to_be_hidden()
    page.keyboard.press("Tab")
    expect(form.get_by_role("button", name="Check")).to_be_focused()
    page.keyboard.press("Enter")
    expect(form.locator(".cw-result")).to_be_focused()
    expect(form.locator(".cw-result")).to_contain_text("Not quite")


def test_keyboard_only_walk_through_a_scenario(page: Page) -> None:
    page.goto("scenarios/late-guests.html")
    form = page.locator("form.cw-question")
    form.locator("input").first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    result = form.locator(".cw-result")
    expect(result).to_be_focused()
    expect(result).to_have_text("You chose B: acceptable.")
    expect(page.get_by_text("Serve who is there; brew again for who comes later.")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(form.get_by_role("button", name="Try again")).to_be_focused()
    page.keyboard.press("Enter")
    expect(form.locator("input").first).to_be_focused()
    expect(form.locator("input:checked")).to_have_count(0)
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(result).to_have_text("You chose A: best.")


def answer_all(page: Page) -> None:
    page.goto(QUIZ)
    picks = [
        ("mild-or-smoky", 0),
        ("what-to-offer", 2),
        ("smoky-popular", 1),
        ("late-guests-pot", 0),
    ]
    for qid, index in picks:
        form = question(page, qid)
        form.locator("input").nth(index).check()
        form.get_by_role("button", name="Check").click()


def test_the_summary_scores_and_links_to_the_lesson(page: Page) -> None:
    answer_all(page)
    summary = page.locator(".cw-summary")
    expect(summary.locator(".cw-score")).to_have_text("3 of 4 right.")
    review = summary.get_by_role("link", name="Choosing tea and water")
    expect(review).to_have_attribute("href", "../lessons/choosing.html")
    expect(summary.get_by_role("link", name="Question 2")).to_have_attribute(
        "href", "#what-to-offer"
    )
    summary.get_by_role("button", name="Try this quiz again").click()
    expect(summary.locator(".cw-score")).to_have_text("0 of 4 right; 4 still to answer.")
    expect(page.locator("form.cw-question input:checked")).to_have_count(0)


def test_reload_keeps_answers_and_the_progress_page_shows_them(page: Page) -> None:
    answer_all(page)
    page.reload()
    expect(question(page, "what-to-offer").locator("input").nth(2)).to_be_checked()
    expect(question(page, "what-to-offer").locator(".cw-result")).to_contain_text("Not quite")
    page.goto("progress.html")
    expect(page.locator(".cw-status")).to_have_text("Done: 3 of 4 right")


def test_a_changed_question_drops_only_its_own_answer(page: Page) -> None:
    answer_all(page)
    key = "coursewright:1:brewing-tea-for-a-crowd"
    page.evaluate(
        "key => { const d = JSON.parse(localStorage.getItem(key));"
        " d.answers['mild-or-smoky'].key = 'old'; localStorage.setItem(key, JSON.stringify(d)); }",
        key,
    )
    page.reload()
    expect(question(page, "mild-or-smoky").locator("input:checked")).to_have_count(0)
    expect(question(page, "smoky-popular").locator("input").nth(1)).to_be_checked()


def test_reset_all_clears_answers(page: Page) -> None:
    answer_all(page)
    page.goto("progress.html")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset all answers").click()
    expect(page.locator(".cw-status")).to_have_text("Not started")
    page.goto(QUIZ)
    expect(page.locator("form.cw-question input:checked")).to_have_count(0)


def test_export_then_import_restores_answers(page: Page, tmp_path: Path) -> None:
    answer_all(page)
    page.goto("progress.html")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "coursewright-progress"
    assert data["answers"]["what-to-offer"]["picked"] == [2]
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset all answers").click()
    expect(page.locator(".cw-status")).to_have_text("Not started")
    page.get_by_label("Import progress").set_input_files(str(exported))
    expect(page.locator(".cw-status")).to_have_text("Done: 3 of 4 right")


def test_a_foreign_file_is_refused_on_import(page: Page, tmp_path: Path) -> None:
    bogus = tmp_path / "x.json"
    bogus.write_text('{"format": "something else"}', encoding="utf-8")
    page.goto("progress.html")
    page.get_by_label("Import progress").set_input_files(str(bogus))
    expect(page.locator(".cw-live")).to_have_text(
        "That file is not a progress export of this course."
    )


def test_without_storage_answers_still_work_with_a_notice(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url)
    context.add_init_script(  # as in private browsing when storage is full
        "Storage.prototype.setItem = () => {"
        " throw new DOMException('full', 'QuotaExceededError'); };"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(QUIZ)
    expect(page.locator(".cw-notice")).to_contain_text("not saving your answers")
    form = question(page, "mild-or-smoky")
    form.locator("input").first.check()
    form.get_by_role("button", name="Check").click()
    expect(form.locator(".cw-result")).to_have_text("Correct.")
    assert errors == []
    context.close()


def test_without_javascript_the_feedback_is_still_there(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(QUIZ)
    expect(page.get_by_role("button", name="Check")).to_have_count(0)
    form = question(page, "mild-or-smoky")
    expect(form.get_by_role("group")).to_contain_text("Which tea suits a mixed group best?")
    form.get_by_label("B. A smoky tea.").check()
    page.locator("summary", has_text="Answer and feedback").first.click()
    expect(page.get_by_text("Few people like smoky tea.").first).to_be_visible()
    context.close()


def test_pages_without_questions_load_no_quiz_assets(watched: tuple[Page, Watch]) -> None:
    page, watch = watched
    for path in ["index.html", "lessons/choosing.html", "glossary.html", "sources.html"]:
        page.goto(path)
    assert not [url for url in watch.requests if "quiz." in url]
    page.goto(QUIZ)
    assert [url for url in watch.requests if url.endswith("assets/quiz.js")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_any_state(page: Page, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    states = {}
    page.goto(QUIZ)
    states["unanswered"] = axe_violations(page)
    form = question(page, "mild-or-smoky")
    form.locator("input").nth(1).check()
    form.get_by_role("button", name="Check").click()
    states["wrong"] = axe_violations(page)
    form.locator("input").nth(0).check()
    form.get_by_role("button", name="Check").click()
    states["right"] = axe_violations(page)
    answer_all(page)
    states["summary"] = axe_violations(page)
    page.goto("scenarios/late-guests.html")
    page.locator("form.cw-question input").nth(2).check()
    page.get_by_role("button", name="Check").click()
    states["scenario"] = axe_violations(page)
    page.goto("progress.html")
    states["progress"] = axe_violations(page)
    assert states == {state: [] for state in states}


def test_the_site_works_from_a_folder(browser: Browser, site: Path) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / QUIZ).as_uri())
    form = question(page, "mild-or-smoky")
    form.locator("input").first.check()
    form.get_by_role("button", name="Check").click()
    expect(form.locator(".cw-result")).to_have_text("Correct.")
    page.reload()
    expect(form.locator("input").first).to_be_checked()
    # The theme's search cannot load its index from a folder; that error is the theme's own.
    assert [e for e in errors if "search_index" not in e] == []
    page.close()


def test_the_quiz_works_under_a_strict_content_security_policy(
    browser: Browser, site: Path
) -> None:
    with serve(site, {"Content-Security-Policy": "script-src 'self'"}) as url:
        page = browser.new_page(base_url=url)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(QUIZ)
        form = question(page, "mild-or-smoky")
        form.locator("input").first.check()
        form.get_by_role("button", name="Check").click()
        expect(form.locator(".cw-result")).to_have_text("Correct.")
        page.close()
    # The theme's own inline scripts are blocked under this policy, and its bundle then misses
    # one helper; nothing else may fail.
    theirs = ("Executing inline script violates", "__md_get is not defined")
    assert [e for e in errors if not e.startswith(theirs)] == []


def test_the_quiz_starts_after_instant_navigation(browser: Browser, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "site").mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  features:\n", "  features:\n    - navigation.instant\n")
    with serve(project / "site") as url:  # instant navigation needs site_url to match
        (project / "mkdocs.yml").write_text(f"{config}site_url: {url}/\n", encoding="utf-8")
        assert mkdocs_build(project, "--quiet", "--dirty", strict=False).returncode == 0
        page = browser.new_page(base_url=url)
        page.goto("lessons/choosing.html")
        page.evaluate("window.stillTheSameDocument = true")
        page.get_by_role("link", name="Check your tea choices").first.click()
        page.wait_for_url("**/quizzes/choosing-check.html")
        assert page.evaluate("window.stillTheSameDocument === true"), "not an instant navigation"
        form = question(page, "mild-or-smoky")
        form.locator("input").first.check()
        form.get_by_role("button", name="Check").click()
        expect(form.locator(".cw-result")).to_have_text("Correct.")
        page.get_by_role("link", name="Late guests").first.click()
        page.wait_for_url("**/scenarios/late-guests.html")
        assert page.evaluate("window.stillTheSameDocument === true"), "not an instant navigation"
        scenario = page.locator("form.cw-question")
        scenario.locator("input").first.check()
        scenario.get_by_role("button", name="Check").click()
        expect(scenario.locator(".cw-result")).to_have_text("You chose A: best.")
        page.close()
