"""Quizzes and scenarios as learners use them, in Chromium, by mouse and keyboard, with and
without JavaScript. Assertions are about what is on screen and what can be reached: visibility,
focus and computed styles, not attributes."""

from __future__ import annotations

import re
from pathlib import Path

from browser import QUIZ, SCENARIO, Watch, answer, item, serve
from conftest import ROOT, copy_project, mkdocs_build
from playwright.sync_api import Browser, Locator, Page, Route, expect


def test_no_answer_key_is_in_sight_or_reach_before_check(page: Page) -> None:
    page.goto(QUIZ)
    expect(page.locator(".cw-item")).to_have_count(4)
    expect(page.locator("details.cw-key > summary")).to_have_text(["Answer and feedback"] * 4)
    for key in page.locator("details.cw-key").all():
        expect(key).to_be_hidden()
    expect(page.locator(".cw-retry")).to_have_count(4)
    for retry in page.locator(".cw-retry").all():
        expect(retry).to_be_hidden()
    # Hidden from assistive technology too: no role query finds them.
    expect(page.get_by_role("button", name="Try again")).to_have_count(0)
    expect(page.get_by_role("group", name="Answer and feedback")).to_have_count(0)
    expect(page.get_by_text("Few people like smoky tea.")).to_be_hidden()
    expect(page.get_by_role("heading", name="Your score")).to_have_count(0)
    expect(page.get_by_role("button", name="Try this quiz again")).to_have_count(0)
    # Out of reach: tabbing through the whole page never lands in a key.
    reached = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("!!document.activeElement.closest('details')"))
    assert reached == {False}


def test_the_key_shows_after_check_and_hides_again_on_retry(page: Page) -> None:
    page.goto(QUIZ)
    box = answer(page, "mild-or-smoky", 1)
    key = box.locator("details.cw-key")
    expect(key).to_be_visible()
    expect(key.get_by_text("Few people like smoky tea.")).to_be_visible()
    box.get_by_role("button", name="Try again").click()
    expect(key).to_be_hidden()
    expect(box.get_by_role("button", name="Try again")).to_be_hidden()
    expect(box.locator("input").first).to_be_focused()


def test_a_scenario_page_hides_its_graded_options_until_check(page: Page) -> None:
    page.goto(SCENARIO)
    expect(page.get_by_text("Graded options")).to_be_hidden()
    expect(page.get_by_text("Serve who is there; brew again for who comes later.")).to_be_hidden()
    answer(page, "scenario:late-guests", 2)
    expect(page.get_by_text("Graded options")).to_be_visible()
    expect(page.get_by_text("Serve who is there; brew again for who comes later.")).to_be_visible()


def test_answer_wrong_then_right(page: Page) -> None:
    page.goto(QUIZ)
    box = answer(page, "mild-or-smoky", 1)
    result = box.locator(".cw-result")
    expect(result).to_have_text(
        "Not quite. The right answer is marked, with the reason for your choice."
    )
    expect(result).to_be_focused()
    expect(box.locator(".cw-choice.cw-bad")).to_contain_text("Your choice: wrong")
    expect(box.locator(".cw-choice.cw-good")).to_contain_text("Right answer")
    box.get_by_label("A. A mild black tea.").check()
    expect(result).to_be_hidden()
    box.get_by_role("button", name="Check").click()
    expect(result).to_have_text("Correct.")
    expect(result).to_be_focused()  # read out once, as the focused text, not again by a live region
    expect(page.locator(".cw-live")).to_have_text("")


def test_the_reason_for_a_choice_shows_right_under_it(page: Page) -> None:
    page.goto(QUIZ)
    box = answer(page, "mild-or-smoky", 1)
    choice = box.locator(".cw-choice").nth(1)
    why = box.locator(".cw-why")
    expect(why).to_have_count(1)
    expect(why).to_have_text("Few people like smoky tea.")
    expect(why).to_be_visible()
    below, above = why.bounding_box(), choice.bounding_box()
    assert below
    assert above
    assert 0 <= below["y"] - (above["y"] + above["height"]) < 20, "the reason sits under the choice"


def test_scenario_grades_have_three_tones(page: Page) -> None:
    page.goto(SCENARIO)
    qid = "scenario:late-guests"
    box = answer(page, qid, 1)  # acceptable
    result = box.locator(".cw-result")
    expect(result).to_have_text("You chose B: acceptable. The best option is marked.")
    expect(box.locator(".cw-choice").nth(1)).to_contain_text("Your choice: acceptable")
    symbol = box.locator(".cw-mark.cw-part").evaluate(
        "e => getComputedStyle(e, '::before').content"
    )
    assert "½" in symbol, symbol
    expect(box.locator(".cw-choice").nth(0)).to_contain_text("Best option")
    expect(box.locator(".cw-why")).to_have_text("It stays hot, but it will taste stewed.")
    acceptable = _border(box.locator(".cw-choice").nth(1))
    best = _border(box.locator(".cw-choice").nth(0))
    box.get_by_role("button", name="Try again").click()
    answer(page, qid, 2)  # poor
    poor = _border(box.locator(".cw-choice").nth(2))
    expect(result).to_have_text("You chose C: poor. The best option is marked.")
    assert len({acceptable, best, poor}) == 3, (acceptable, best, poor)
    assert "rgb(143, 82, 0)" in acceptable, "amber for acceptable"


def _border(choice: Locator) -> str:
    return str(choice.evaluate("e => `${getComputedStyle(e).borderColor} ${e.style.borderStyle}`"))


def test_the_feedback_box_follows_the_result(page: Page) -> None:
    page.goto(QUIZ)
    wrong = answer(page, "mild-or-smoky", 1).locator("details.cw-key")
    right = answer(page, "smoky-popular", 1).locator("details.cw-key")
    expect(wrong).to_have_class("cw-key failure")
    expect(right).to_have_class("cw-key success")
    assert _colour(wrong) != _colour(right)
    body = page.locator("article > p").first.evaluate("e => getComputedStyle(e).fontSize")
    text = wrong.locator("li").first.evaluate("e => getComputedStyle(e).fontSize")
    assert body == text, "the key reads at body size"


def _colour(details: Locator) -> str:
    return str(details.evaluate("e => getComputedStyle(e).borderColor"))


def test_a_multiple_choice_needs_every_right_answer(page: Page) -> None:
    page.goto(QUIZ)
    box = answer(page, "what-to-offer", 0)
    expect(box.locator(".cw-result")).to_contain_text("The right answers are marked")
    expect(box.get_by_text("Choose every answer that applies.")).to_have_count(1)
    answer(page, "what-to-offer", 1)
    expect(box.locator(".cw-result")).to_have_text("Correct.")


def test_check_without_an_answer_asks_for_one(page: Page) -> None:
    page.goto(QUIZ)
    box = answer(page, "smoky-popular")
    expect(box.locator(".cw-result")).to_have_text("Choose an answer first.")
    expect(box.locator("details.cw-key")).to_be_hidden()


def test_keyboard_only_walk_through_a_quiz(page: Page) -> None:
    page.goto(QUIZ)
    box = item(page, "mild-or-smoky")
    box.locator("input").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # moves the choice; must not submit anything
    expect(box.locator("input").nth(1)).to_be_checked()
    expect(box.locator(".cw-result")).to_be_hidden()
    page.keyboard.press("Tab")
    expect(box.get_by_role("button", name="Check")).to_be_focused()
    page.keyboard.press("Enter")
    expect(box.locator(".cw-result")).to_be_focused()
    expect(box.locator(".cw-result")).to_contain_text("Not quite")


def test_keyboard_only_walk_through_a_scenario(page: Page) -> None:
    page.goto(SCENARIO)
    box = item(page, "scenario:late-guests")
    box.locator("input").first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    result = box.locator(".cw-result")
    expect(result).to_be_focused()
    expect(result).to_contain_text("You chose B: acceptable")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(box.get_by_role("button", name="Try again")).to_be_focused()
    page.keyboard.press("Enter")
    expect(box.locator("input").first).to_be_focused()
    expect(box.locator("input:checked")).to_have_count(0)
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(result).to_have_text("You chose A: the best option.")


def answer_all(page: Page) -> None:
    page.goto(QUIZ)
    for qid, index in [("mild-or-smoky", 0), ("what-to-offer", 2), ("smoky-popular", 1)]:
        answer(page, qid, index)
    answer(page, "late-guests-pot", 1)  # acceptable: half a point


def test_the_summary_counts_first_attempts_and_links_topics(page: Page) -> None:
    answer_all(page)
    expect(item(page, "late-guests-pot").locator(".cw-result")).to_have_text(
        "You chose B: acceptable, half a point. The best option is marked. See your score"
    )  # the Check that finished the quiz leads to its score
    summary = page.locator(".cw-summary")
    expect(summary.locator(".cw-score")).to_have_text("First attempt: 2½ of 4 points.")
    expect(summary.locator(".cw-latest")).to_have_text("Latest answers: 2½ of 4 points.")
    review = summary.locator(".cw-review li")
    expect(review).to_have_text(
        [
            "Question 2: Pick a tea that suits a mixed group.",
            "Question 4: Time the brewing so tea is ready when guests arrive.",
        ]
    )
    topic = summary.get_by_role("link", name="Pick a tea that suits a mixed group.")
    expect(topic).to_have_attribute("href", "../lessons/choosing.html#objective-pick-tea")
    expect(summary.get_by_role("link", name="Question 4")).to_have_attribute(
        "href", "#late-guests-pot"
    )
    item(page, "what-to-offer").locator("input").nth(2).uncheck()
    answer(page, "what-to-offer", 0, 1)  # a second try, now right
    expect(summary.locator(".cw-score")).to_have_text("First attempt: 2½ of 4 points.")
    expect(summary.locator(".cw-latest")).to_have_text("Latest answers: 3½ of 4 points.")
    summary.get_by_role("button", name="Try this quiz again").click()
    expect(summary.locator(".cw-latest")).to_have_text(
        "Latest answers: none yet; you started again."
    )
    expect(summary.locator(".cw-score")).to_have_text("First attempt: 2½ of 4 points.")
    expect(page.locator(".cw-item input:checked")).to_have_count(0)
    for key in page.locator("details.cw-key").all():
        expect(key).to_be_hidden()


def test_a_missed_question_links_to_the_objective_it_checks(page: Page) -> None:
    page.goto(QUIZ)
    answer(page, "mild-or-smoky", 1)
    page.locator(".cw-review").get_by_role("link", name="Pick a tea").click()
    page.wait_for_url("**/lessons/choosing.html#objective-pick-tea")
    objective = page.locator("#objective-pick-tea")
    expect(objective).to_have_text("Pick a tea that suits a mixed group.")
    expect(objective).to_be_in_viewport()


def test_without_javascript_the_page_is_a_worksheet_with_its_key(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(QUIZ)
    expect(page.get_by_role("button", name="Check")).to_have_count(0)
    box = item(page, "mild-or-smoky")
    expect(box.get_by_role("group", name="Which tea suits a mixed group best?")).to_be_visible()
    box.get_by_label("B. A smoky tea.").check()
    expect(page.get_by_text("Few people like smoky tea.").first).to_be_hidden()
    box.get_by_text("Answer and feedback").click()
    expect(page.get_by_text("Few people like smoky tea.").first).to_be_visible()
    context.close()


def test_pages_without_questions_load_no_quiz_styles(watched: tuple[Page, Watch]) -> None:
    """Every page loads the scripts that keep and show progress; only pages with questions
    load the questions' styles."""
    page, watch = watched
    for path in ["index.html", "lessons/choosing.html", "glossary.html", "sources.html"]:
        page.goto(path)
    assert not [url for url in watch.requests if "quiz.css" in url]
    assert [url for url in watch.requests if url.endswith("assets/progress.js")]
    page.goto(QUIZ)
    assert [url for url in watch.requests if url.endswith("assets/quiz.css")]


def test_the_site_works_from_a_folder_search_included(browser: Browser, tea_site: Path) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((tea_site / QUIZ).as_uri())
    box = answer(page, "mild-or-smoky", 0)
    expect(box.locator(".cw-result")).to_have_text("Correct.")
    page.reload()
    expect(box.locator("input").first).to_be_checked()
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("smoky")  # the theme searches on key presses
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching document")
    assert errors == []
    page.close()


def test_the_quiz_works_under_a_strict_content_security_policy(
    browser: Browser, tea_site: Path
) -> None:
    with serve(tea_site, {"Content-Security-Policy": "script-src 'self'"}) as url:
        page = browser.new_page(base_url=url)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(QUIZ)
        box = answer(page, "mild-or-smoky", 0)
        expect(box.locator(".cw-result")).to_have_text("Correct.")
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
        # Instant navigation takes over links once the theme has read the sitemap; a click
        # before that is an ordinary page load.
        with page.expect_response("**/sitemap.xml") as sitemap:
            page.goto("lessons/choosing.html")
        sitemap.value.finished()
        page.wait_for_load_state("networkidle")
        page.evaluate("window.stillTheSameDocument = true")
        page.get_by_role("link", name="Check your tea choices").first.click()
        page.wait_for_url("**/quizzes/choosing-check.html")
        assert page.evaluate("window.stillTheSameDocument === true"), "not an instant navigation"
        box = answer(page, "mild-or-smoky", 0)
        expect(box.locator(".cw-result")).to_have_text("Correct.")
        page.get_by_role("link", name="Late guests").first.click()
        page.wait_for_url("**/scenarios/late-guests.html")
        assert page.evaluate("window.stillTheSameDocument === true"), "not an instant navigation"
        box = answer(page, "scenario:late-guests", 0)
        expect(box.locator(".cw-result")).to_have_text("You chose A: the best option.")
        page.close()


def test_no_key_opens_while_the_script_is_still_loading(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url)
    # The script's first act, alone: the page is marked as scripted, nothing enhanced yet.
    context.route(
        "**/assets/quiz.js",
        lambda route: route.fulfill(
            body="document.documentElement.classList.add('cw-quiz-js');",
            content_type="text/javascript",
        ),
    )
    page = context.new_page()
    page.goto(QUIZ)
    for summary in page.locator("details.cw-key > summary").all():
        expect(summary).to_be_hidden()
    expect(page.get_by_text('open "Answer and feedback"')).to_be_hidden()
    context.close()


def test_a_choice_made_before_the_script_arrives_is_kept(browser: Browser, base_url: str) -> None:
    """The questions show before the deferred script runs; what a learner picks meanwhile
    stays picked, and is saved like any other choice."""
    context = browser.new_context(base_url=base_url)
    held: list[Route] = []
    context.route("**/assets/quiz.js", lambda route: held.append(route))  # held until let go
    page = context.new_page()
    page.goto(QUIZ, wait_until="commit")
    choice = item(page, "what-to-offer").locator("input").nth(2)
    choice.check()  # no script yet: a plain radio button
    expect(item(page, "what-to-offer").get_by_role("button", name="Check")).to_have_count(0)
    while not held:  # each call lets Playwright hand the held request over
        page.evaluate("0")
    held[0].continue_()
    expect(item(page, "what-to-offer").get_by_role("button", name="Check")).to_be_visible()
    expect(choice).to_be_checked()
    context.unroute("**/assets/quiz.js")
    page.reload()
    expect(item(page, "what-to-offer").get_by_role("button", name="Check")).to_be_visible()
    expect(choice).to_be_checked()
    context.close()


def test_without_the_quiz_script_the_progress_script_stays_quiet(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(base_url=base_url)
    context.route("**/assets/quiz.js", lambda route: route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("progress.html", wait_until="load")  # every deferred script has run
    expect(page.locator(".cw-no-js").first).to_be_visible()
    expect(page.locator(".cw-no-js").first).to_contain_text("turned off or blocked")
    assert errors == []
    context.close()


def test_the_live_region_is_there_before_anything_is_said(page: Page) -> None:
    """Screen readers may miss a live region added at the moment it speaks."""
    page.goto(QUIZ)
    expect(item(page, "mild-or-smoky").get_by_role("button", name="Check")).to_be_visible()
    live = page.locator(".cw-live[aria-live=polite]")
    expect(live).to_have_count(1)
    expect(live).to_have_text("")


def test_if_the_script_fails_the_quiz_is_a_worksheet(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url)
    context.route("**/assets/quiz.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(QUIZ)
    expect(page.get_by_text("Choose your answers, then open")).to_be_visible()
    expect(page.get_by_text("press Check")).to_be_hidden()
    item(page, "mild-or-smoky").get_by_text("Answer and feedback").click()
    expect(page.get_by_text("Few people like smoky tea.").first).to_be_visible()
    context.close()


def test_enter_on_a_chosen_answer_checks_it(page: Page) -> None:
    page.goto(QUIZ)
    box = item(page, "mild-or-smoky")
    box.locator("input").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    expect(box.locator(".cw-result")).to_have_text("Correct.")
    expect(box.locator(".cw-result")).to_be_focused()


def test_every_button_says_which_question_it_is_for(page: Page) -> None:
    page.goto(QUIZ)
    expect(page.get_by_role("button", name="Check: Question 2")).to_have_count(1)
    answer(page, "what-to-offer", 0)
    expect(page.get_by_role("button", name="Try again: Question 2")).to_be_visible()
    page.goto(SCENARIO)
    expect(page.get_by_role("button", name="Check: Late guests")).to_have_count(1)


def test_start_afresh_sets_a_new_first_attempt(page: Page) -> None:
    page.goto(QUIZ)
    answer(page, "mild-or-smoky", 1)
    summary = page.locator(".cw-summary")
    expect(summary.locator(".cw-score")).to_have_text(
        "First attempt: 1 of 4 answered: 0 points so far."
    )
    page.once("dialog", lambda d: d.accept())
    summary.get_by_role("button", name="Start afresh").click()
    expect(summary).to_be_hidden()
    expect(item(page, "mild-or-smoky").locator(".cw-result")).to_be_hidden()
    answer(page, "mild-or-smoky", 0)
    expect(summary.locator(".cw-score")).to_have_text(
        "First attempt: 1 of 4 answered: 1 point so far."
    )


def test_answer_keys_stay_out_of_search(tea_site: Path) -> None:
    index = (tea_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Which tea suits a mixed group best?" in index, "questions are searchable"
    for secret in ["Few people like smoky tea.", "Answer key", "Best answer", "Serve who is there"]:
        assert secret not in index, secret


def test_quiz_complete_is_said_once_per_round(page: Page) -> None:
    """ "Quiz complete" is said as the last question is answered, not after every later Check,
    and again once a new round is finished."""
    page.goto(QUIZ)
    page.evaluate(
        """() => { window.said = [];
        new MutationObserver(() => { const t = document.querySelector('.cw-live').textContent;
          if (t) window.said.push(t); })
        .observe(document.querySelector('.cw-live'), {childList: true, characterData: true,
                                                        subtree: true}); }"""
    )
    rounds = [
        ("mild-or-smoky", 0),
        ("what-to-offer", 0),
        ("smoky-popular", 1),
        ("late-guests-pot", 0),
    ]
    for qid, choice in rounds:
        answer(page, qid, choice)
    page.wait_for_function("window.said.some(t => t.startsWith('Quiz complete'))")
    answer(page, "smoky-popular", 0)  # a later Check: nothing more to say about the quiz
    page.get_by_role("button", name="Try this quiz again").click()
    page.wait_for_function("window.said.some(t => t.startsWith('Your latest answers are cleared'))")
    for qid, choice in rounds:
        answer(page, qid, choice)
    page.wait_for_function("window.said.filter(t => t.startsWith('Quiz complete')).length == 2")
    said = page.evaluate("window.said")
    assert [t for t in said if t.startswith("Quiz complete")] == [said[0], said[-1]], said


def test_the_check_that_finishes_a_quiz_leads_to_the_score(page: Page) -> None:
    """The score comes after the last question, out of sight on a phone: the Check that
    finishes the quiz offers a link to it, and no other Check does."""
    page.goto(QUIZ)
    for qid, choice in [("mild-or-smoky", 0), ("what-to-offer", 0), ("smoky-popular", 1)]:
        answer(page, qid, choice)
    links = page.get_by_role("link", name="See your score")
    expect(links).to_have_count(0)
    answer(page, "late-guests-pot", 0)
    expect(links).to_have_count(1)
    link = item(page, "late-guests-pot").get_by_role("link", name="See your score")
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_role("heading", name="Your score")).to_be_in_viewport()
    answer(page, "smoky-popular", 0)  # changing an answer of a finished quiz
    expect(item(page, "smoky-popular").get_by_role("link", name="See your score")).to_have_count(0)
    # What sets its two ways of starting again apart, beside them and said with each.
    tell = re.compile("clears your latest answers and keeps your first attempt; .* deletes both")
    for name in ["Try this quiz again", "Start afresh"]:
        expect(page.get_by_role("button", name=name)).to_have_accessible_description(tell)
    expect(page.get_by_text(tell)).to_be_visible()
