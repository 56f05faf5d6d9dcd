"""Saved progress as a learner meets it: kept across reloads and tabs, first attempts kept,
exported, imported only when valid and after confirmation, never lost by accident."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from browser import QUIZ, answer, item
from playwright.sync_api import Browser, Dialog, Page, expect

KEY = "coursewright:1:brewing-tea-for-a-crowd"
"""Where the sample course keeps its answers: named by the course's `id` in course.yml."""


def stored(page: Page) -> dict[str, Any]:
    return dict(page.evaluate("key => JSON.parse(localStorage.getItem(key))", KEY))


def answer_all(page: Page) -> None:
    page.goto(QUIZ)
    for qid, index in [("mild-or-smoky", 0), ("what-to-offer", 2), ("smoky-popular", 1)]:
        answer(page, qid, index)
    answer(page, "late-guests-pot", 1)  # acceptable: half a point


def status(page: Page) -> tuple[str, str]:
    row = page.get_by_role("row", name="Check your tea choices")
    return row.locator(".cw-status").inner_text(), row.locator(".cw-latest").inner_text()


def test_reload_keeps_answers_and_the_progress_page_shows_both_scores(page: Page) -> None:
    answer_all(page)
    answer(page, "what-to-offer", 1)  # retry: C and B ticked, still wrong
    item(page, "mild-or-smoky").get_by_role("button", name="Try again").click()
    page.reload()
    expect(item(page, "what-to-offer").locator("input").nth(2)).to_be_checked()
    expect(item(page, "what-to-offer").locator(".cw-result")).to_contain_text("Not quite")
    expect(item(page, "mild-or-smoky").locator("input:checked")).to_have_count(0)
    page.goto("progress.html")
    first = page.get_by_role("columnheader", name="First attempt")
    expect(first).to_be_visible()
    expect(page.get_by_role("row", name="Check your tea choices")).to_be_visible()
    assert status(page) == ("2½ of 4 points", "3 of 4 answered: 1½ points so far")


def test_the_course_id_names_the_saved_answers(page: Page) -> None:
    answer_all(page)
    data = stored(page)
    assert data["version"] == 3
    entry = data["answers"]["late-guests-pot"]
    assert entry["score"] == 0.5
    assert entry["first"]["picked"] == [1]


def test_answers_saved_in_the_older_format_are_kept(page: Page) -> None:
    page.goto(QUIZ)
    page.evaluate(
        "([key, fp]) => localStorage.setItem(key, JSON.stringify({version: 1, answers: {"
        "'mild-or-smoky': {key: fp, picked: [0], checked: true, right: true}}}))",
        [KEY, item(page, "mild-or-smoky").get_attribute("data-key")],
    )
    page.reload()
    expect(item(page, "mild-or-smoky").locator(".cw-result")).to_have_text("Correct.")
    expect(page.locator(".cw-score")).to_have_text(
        "First attempt: 1 of 4 answered: 1 point so far."
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [("picked", "garbage"), ("key", "old")],
    ids=["damaged entry", "question changed since"],
)
def test_a_bad_saved_answer_drops_only_itself(page: Page, field: str, value: str) -> None:
    answer_all(page)
    page.evaluate(
        "([key, field, value]) => { const d = JSON.parse(localStorage.getItem(key));"
        " d.answers['mild-or-smoky'][field] = value;"
        " localStorage.setItem(key, JSON.stringify(d)); }",
        [KEY, field, value],
    )
    page.reload()
    expect(item(page, "mild-or-smoky").locator("input:checked")).to_have_count(0)
    expect(item(page, "smoky-popular").locator("input").nth(1)).to_be_checked()


def test_two_tabs_keep_each_others_answers(page: Page) -> None:
    page.goto(QUIZ)
    other = page.context.new_page()
    other.goto(QUIZ)
    answer(page, "mild-or-smoky", 0)
    answer(other, "smoky-popular", 1)
    answer(page, "what-to-offer", 0, 1)
    other.close()
    page.reload()
    for qid in ["mild-or-smoky", "smoky-popular", "what-to-offer"]:
        expect(item(page, qid).locator(".cw-result")).to_have_text("Correct.")


def test_reset_all_clears_answers_and_says_so(page: Page) -> None:
    answer_all(page)
    page.goto("progress.html")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset all progress").click()
    expect(page.get_by_role("status")).to_have_text("All your progress is deleted.")
    expect(page.get_by_role("status")).to_be_visible()
    assert status(page) == ("Not started", "Not started")
    page.goto(QUIZ)
    expect(page.locator(".cw-item input:checked")).to_have_count(0)


def export(page: Page, folder: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    path = folder / download.value.suggested_filename
    download.value.save_as(path)
    return path


def test_export_names_the_course_the_date_and_each_quiz(page: Page, tmp_path: Path) -> None:
    answer_all(page)
    page.goto("progress.html")
    path = export(page, tmp_path)
    assert path.name.startswith("brewing-tea-for-a-crowd-progress-20")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "coursewright-progress"
    assert data["course"] == "brewing-tea-for-a-crowd"
    assert data["exported"][:4].isdigit()
    assert data["quizzes"] == [
        {
            "id": "choosing-check",
            "title": "Check your tea choices",
            "questions": ["mild-or-smoky", "what-to-offer", "smoky-popular", "late-guests-pot"],
        }
    ]
    assert data["answers"]["what-to-offer"]["picked"] == [2]
    expect(page.get_by_role("status")).to_contain_text(path.name)


def test_lessons_done_travel_with_the_export(page: Page, tmp_path: Path) -> None:
    page.goto("lessons/choosing.html")
    end = page.get_by_role("navigation", name="What to do next")
    end.scroll_into_view_if_needed()  # read to the end: done, by this course's rule
    expect(page.get_by_label("I have finished this lesson")).to_be_checked()
    page.goto("progress.html")
    lesson = page.get_by_role("row", name="Choosing tea and water")
    expect(lesson).to_contain_text("Done")
    path = export(page, tmp_path)
    assert json.loads(path.read_text(encoding="utf-8"))["lessons"]["choosing"]["read"] is True
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset all progress").click()
    expect(lesson).to_contain_text("Not started")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_label("Import progress").set_input_files(str(path))
    expect(page.get_by_role("status")).to_have_text(
        "Imported 1 new and 0 newer records of progress."
    )
    page.reload()
    expect(lesson).to_contain_text("Done")
    expect(page.locator(".cw-course-progress")).to_contain_text("Course progress: 1 of 5 done")


def test_answers_saved_before_lessons_were_kept_stay(page: Page) -> None:
    page.goto(QUIZ)
    page.evaluate(
        "([key, fp]) => localStorage.setItem(key, JSON.stringify({version: 2, answers: {"
        "'mild-or-smoky': {key: fp, picked: [0], checked: true, score: 1, at: 5,"
        " first: {picked: [0], score: 1, at: 5}}}}))",
        [KEY, item(page, "mild-or-smoky").get_attribute("data-key")],
    )
    page.goto("index.html")
    expect(page.get_by_role("link", name="Continue: Choosing tea and water")).to_be_visible()
    page.goto("lessons/choosing.html")
    assert stored(page)["version"] == 3
    assert stored(page)["answers"]["mild-or-smoky"]["score"] == 1
    assert stored(page)["lessons"]["choosing"]["read"] is False  # opened, not yet read


def test_import_merges_newer_answers_after_confirmation(page: Page, tmp_path: Path) -> None:
    answer_all(page)
    page.goto("progress.html")
    path = export(page, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    newer = data["answers"]["what-to-offer"]
    newer.update(picked=[0, 1], score=1, at=newer["at"] + 1000)
    path.write_text(json.dumps(data), encoding="utf-8")
    page.goto(QUIZ)
    answer(page, "mild-or-smoky", 1)  # this one is newer here than in the file
    page.goto("progress.html")
    messages: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        messages.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.get_by_label("Import progress").set_input_files(str(path))
    expect(page.get_by_role("status")).to_have_text("Import cancelled; nothing changed.")
    assert messages == [
        "Import 0 new and 1 newer records of progress (answers and lessons) from this file? 3 here"
        " are newer or the same and stay as they are."
    ]
    page.once("dialog", lambda d: d.accept())
    page.get_by_label("Import progress").set_input_files(str(path))
    expect(page.get_by_role("status")).to_have_text(
        "Imported 0 new and 1 newer records of progress."
    )
    assert status(page) == ("2½ of 4 points", "2½ of 4 points")
    answers = stored(page)["answers"]
    assert answers["what-to-offer"]["picked"] == [0, 1]
    assert answers["mild-or-smoky"]["picked"] == [1], "the newer answer here stays"


def refused(page: Page, tmp_path: Path, content: str) -> str:
    """Import `content`; check nothing changed and no question was asked; the message."""
    before = page.evaluate("key => localStorage.getItem(key)", KEY)
    path = tmp_path / "import.json"
    path.write_text(content, encoding="utf-8")
    page.on("dialog", lambda d: (_ for _ in ()).throw(AssertionError(d.message)))
    page.get_by_label("Import progress").set_input_files(str(path))
    message = page.get_by_role("status")
    expect(message).to_contain_text("Nothing was imported.")
    expect(message).to_be_visible()
    assert page.evaluate("key => localStorage.getItem(key)", KEY) == before
    return message.inner_text()


def test_a_foreign_or_broken_file_is_refused_visibly(page: Page, tmp_path: Path) -> None:
    answer_all(page)
    page.goto("progress.html")
    good = json.loads(export(page, tmp_path).read_text(encoding="utf-8"))
    assert "not a progress export" in refused(page, tmp_path, '{"format": "something else"}')
    assert "not a progress export" in refused(page, tmp_path, "not json at all")
    assert "another course (knitting)" in refused(
        page, tmp_path, json.dumps({**good, "course": "knitting"})
    )
    broken = json.loads(json.dumps(good))
    broken["answers"]["mild-or-smoky"]["picked"] = ["<img src=x onerror=alert(1)>"]
    assert "question “mild-or-smoky”" in refused(page, tmp_path, json.dumps(broken))
    broken = json.loads(json.dumps(good))
    broken["answers"]["mild-or-smoky"]["score"] = 7
    assert "“mild-or-smoky” cannot be read" in refused(page, tmp_path, json.dumps(broken))
    broken = json.loads(json.dumps(good))
    broken["answers"]["<b>x</b>"] = good["answers"]["mild-or-smoky"]
    assert "no valid question id" in refused(page, tmp_path, json.dumps(broken))


def test_the_file_input_shows_where_the_focus_is(page: Page) -> None:
    page.goto("progress.html")
    page.get_by_role("button", name="Export progress").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Import progress")).to_be_focused()
    label = page.locator("label.cw-file")
    outline = label.evaluate(
        "e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth"
    )
    assert outline.startswith("solid"), outline


def test_the_tools_fit_a_320_pixel_screen(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto("progress.html")
    for name in ["Export progress", "Reset all progress"]:
        box = page.get_by_role("button", name=name).bounding_box()
        assert box, name
        assert 0 <= box["x"] <= box["x"] + box["width"] <= 320, (name, box)
    box = page.locator("label.cw-file").bounding_box()
    assert box
    assert box["x"] + box["width"] <= 320
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_without_javascript_the_progress_page_offers_nothing_that_needs_it(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("progress.html")
    expect(page.get_by_text("Your progress and scores need JavaScript")).to_be_visible()
    for name in ["Export progress", "Reset all progress"]:
        expect(page.locator(f"button:text('{name}')")).to_be_hidden()
    expect(page.locator("label.cw-file")).to_be_hidden()
    expect(page.get_by_text("Not started")).to_have_count(0)
    expect(page.get_by_text("First attempt", exact=True)).to_be_hidden()
    expect(page.get_by_text("Your answers are saved in this browser")).to_be_hidden()
    expect(page.get_by_role("cell", name="Check your tea choices")).to_be_visible()
    context.close()


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
    expect(page.locator(".cw-notice")).to_be_visible()
    box = answer(page, "mild-or-smoky", 0)
    expect(box.locator(".cw-result")).to_have_text("Correct.")
    expect(page.locator(".cw-score")).to_have_text(
        "First attempt: 1 of 4 answered: 1 point so far."
    )
    assert errors == []
    context.close()


def test_a_tab_shows_what_another_tab_answered(page: Page) -> None:
    page.goto(QUIZ)
    other = page.context.new_page()
    other.goto(QUIZ)
    answer(other, "mild-or-smoky", 0)
    expect(item(page, "mild-or-smoky").locator(".cw-result")).to_have_text("Correct.")
    answer(page, "mild-or-smoky", 1)
    expect(item(other, "mild-or-smoky").locator(".cw-result")).to_contain_text("Not quite")
    other.goto("progress.html")
    page.once("dialog", lambda d: d.accept())
    other.once("dialog", lambda d: d.accept())
    other.get_by_role("button", name="Reset all progress").click()
    expect(item(page, "mild-or-smoky").locator(".cw-result")).to_be_hidden()
    expect(item(page, "mild-or-smoky").locator("input:checked")).to_have_count(0)
    other.close()
