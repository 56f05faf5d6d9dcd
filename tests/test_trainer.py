"""The trainer edition as a trainer uses it, in Chromium: run-sheets with clock times and
breaks, the presenter slides and their speaker view by keyboard, the room vote, and the PDF
handouts printed from both editions."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from browser import axe_violations, serve
from conftest import ROOT, copy_project, mkdocs_build
from playwright.sync_api import Browser, Locator, Page, expect

from generator.edition import trainer_only
from generator.loader import load_course


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shipped course's learner and trainer editions, and the sample course's trainer
    edition (a format of two days, with breaks placed by a rule)."""
    folder = tmp_path_factory.mktemp("editions")
    tea = copy_project(folder / "tea-project")
    shutil.copy(ROOT / "mkdocs-trainer.yml", tea / "mkdocs-trainer.yml")
    built = {
        "learner": (ROOT, "mkdocs.yml"),
        "trainer": (ROOT, "mkdocs-trainer.yml"),
        "tea": (tea, "mkdocs-trainer.yml"),
    }
    for name, (project, config) in built.items():
        result = mkdocs_build(project, "-f", config, "--site-dir", str(folder / name), "--quiet")
        assert result.returncode == 0, result.stderr
    return {name: folder / name for name in built}


@pytest.fixture
def trainer(browser: Browser, editions: dict[str, Path]) -> Iterator[tuple[Page, str, str]]:
    """A page, and the addresses of the shipped trainer edition and the sample one."""
    with serve(editions["trainer"]) as shipped, serve(editions["tea"]) as tea:
        context = browser.new_context()
        context.set_default_timeout(5000)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page, shipped, tea
        context.close()
        assert errors == []


def on_screen(page: Page, locator: Locator) -> None:
    """Seen, not merely present: inside the window, at a size a room can read."""
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    size = page.viewport_size
    assert box is not None
    assert size is not None
    assert box["height"] >= 20, box
    assert box["x"] >= 0, box
    assert box["y"] >= 0, box
    assert box["x"] + box["width"] <= size["width"], box
    assert box["y"] + box["height"] <= size["height"], box


def row(page: Page, time: str) -> str:
    found = page.get_by_role("row").filter(has_text=time)
    expect(found).to_be_visible()
    return " ".join(found.inner_text().split())


def test_run_sheets_show_each_block_at_its_clock_time_with_the_breaks(
    trainer: tuple[Page, str, str],
) -> None:
    page, shipped, tea = trainer
    page.goto(f"{shipped}/trainer/run-sheets/lecture.html")
    assert row(page, "09:00–09:03").startswith("09:00–09:03 3 Welcome and the plan")
    assert "Room vote: the celebrity Activity" in row(page, "09:59–10:03")
    expect(page.get_by_text("Ends at 10:30. 90 of 90 minutes planned.")).to_be_visible()
    page.goto(f"{shipped}/trainer/run-sheets/workshop.html")
    assert row(page, "10:30–10:45") == "10:30–10:45 15 Break"
    assert "Final assessment Quiz" in row(page, "12:04–12:19")
    expect(page.get_by_text("Materials:")).to_be_visible()
    page.goto(f"{tea}/trainer/run-sheets/two-day.html")
    expect(page.get_by_role("heading", name="Day 2")).to_be_visible()
    assert row(page, "09:40–09:50") == "09:40–09:50 10 Break"  # placed by the rule
    assert row(page, "10:05–10:15") == "10:05–10:15 10 Break"
    assert row(page, "13:10–13:15") == "13:10–13:15 5 Break"  # written as a slot
    assert "Label the pots" in row(page, "10:15–10:35")
    page.get_by_role("link", name="Blind tasting").click()
    expect(page.get_by_text("Taste each tea without knowing which it is.")).to_be_visible()
    expect(page.get_by_text("In groups of 4")).to_be_visible()


def test_the_slides_and_the_speaker_view_work_by_keyboard(
    trainer: tuple[Page, str, str],
) -> None:
    page, shipped, _ = trainer
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{shipped}/trainer/slides/why-connect.html")
    title = page.get_by_role("heading", name="Why connect with people you don't know", level=2)
    on_screen(page, title)
    assert axe_violations(page) == []
    page.keyboard.press("ArrowRight")
    on_screen(page, page.get_by_role("heading", name="Learning objectives"))
    expect(title).to_be_hidden()
    page.keyboard.press("ArrowRight")
    on_screen(page, page.get_by_role("heading", name="Know why you want to connect", exact=True))
    talk = load_course(ROOT).lessons["why-connect"].guidelines[0].talk[0]
    expect(page.get_by_text(talk[:40])).to_be_hidden()  # speaker notes stay off the screen
    with page.expect_popup() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    notes = speaker.locator(".speaker-controls-notes")
    expect(notes).to_contain_text(" ".join(talk.split())[:60])
    expect(speaker.locator(".speaker-controls-time")).to_be_visible()
    pacing = speaker.get_by_role("heading", name="Pacing")  # against the lesson's minutes
    expect(pacing).to_be_visible()
    expect(speaker.locator("#upcoming-slide iframe")).to_be_visible()
    page.bring_to_front()
    page.keyboard.press("ArrowRight")
    second = load_course(ROOT).lessons["why-connect"].guidelines[1].talk[0]
    expect(notes).to_contain_text(" ".join(second.split())[:60])


def test_the_room_vote_keeps_tallies_and_reveals_every_grade_with_one_key(
    trainer: tuple[Page, str, str],
) -> None:
    page, shipped, _ = trainer
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{shipped}/trainer/room-vote.html#/scenario-celebrity")
    vote = page.locator("#scenario-celebrity")
    on_screen(page, vote.get_by_role("heading", name="Celebrity"))
    grades = vote.locator(".cw-grade")
    options = len(load_course(ROOT).scenarios["celebrity"].options)
    assert grades.count() == options
    for i in range(options):
        expect(grades.nth(i)).to_be_hidden()
    assert axe_violations(page) == []
    page.keyboard.press("Tab")
    tally = vote.get_by_label("Hands for A")
    expect(tally).to_be_focused()
    page.keyboard.type("7")
    page.keyboard.press("Enter")
    expect(tally).not_to_be_focused()
    page.keyboard.press("ArrowRight")
    for i in range(options):
        on_screen(page, grades.nth(i))
    expect(grades.nth(1)).to_contain_text("Best.")
    expect(vote.get_by_text("Takeaway:")).to_be_visible()
    assert axe_violations(page) == []
    page.reload()
    expect(page.locator("#scenario-celebrity").get_by_label("Hands for A")).to_have_value("7")
    page.goto(f"{shipped}/trainer/slides/when-to-connect.html#/scenario-celebrity")
    same = page.locator("#scenario-celebrity")
    expect(same.get_by_label("Hands for A")).to_have_value("7")  # one tally, whichever deck
    same.get_by_role("button", name="Clear the tallies").press("Enter")
    expect(same.get_by_label("Hands for A")).to_have_value("")


def words_of(pdf: Path) -> tuple[int, str]:
    reader = pypdf.PdfReader(pdf)
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), squeezed(text.replace("\u00ad", ""))


def squeezed(text: str) -> str:
    """Text without whitespace: a PDF's lines break anywhere, even after a hyphen."""
    return "".join(text.split())


def test_the_handouts_print_to_pdf_with_answers_only_for_the_trainer(
    editions: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "pdf"
    arguments = ["--root", str(ROOT), "handouts", "--out", str(out)]
    sites = ["--site", str(editions["learner"]), "--trainer-site", str(editions["trainer"])]
    # In a process of its own, as a trainer runs it: this one already drives a browser.
    command = [sys.executable, "-m", "generator", *arguments, *sites]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote 8 PDFs to {out}\n"
    course = load_course(ROOT)
    pages, handout = words_of(out / "handout.pdf")
    assert 8 <= pages <= 40
    assert [
        t for t in (x.title for x in course.lessons.values()) if squeezed(t) not in handout
    ] == []
    practised = [x for x in course.scenarios.values() if x.practice]
    assessed = [x for x in course.scenarios.values() if not x.practice]
    assert [x.title for x in practised if squeezed(x.title) not in handout] == []
    answers = [o.feedback for s in course.scenarios.values() for o in s.options]
    answers += [
        a.feedback
        for q in course.quizzes.values()
        for x in q.questions
        for a in x.answers(course.scenarios)
    ]
    secrets = sorted(set(trainer_only(course)))
    leaked = [t for t in [*answers, *secrets] if squeezed(t)[:40] in handout]
    assert leaked == []
    pages, key = words_of(out / "answer-key.pdf")
    assert pages <= 4  # 45 questions and 18 scenarios, in two columns
    missing = [t for t in answers if squeezed(t)[:30] not in key]
    assert missing == []  # the same texts are readable where they belong
    for form in course.syllabus.formats:
        pages, sheet = words_of(out / f"run-sheet-{form.id}.pdf")
        assert pages == 1, form.id
        assert squeezed(form.name) in sheet
    pages, cards = words_of(out / "scenario-cards.pdf")
    assert [x.title for x in practised if squeezed(x.title) not in cards] == []
    assert [x.title for x in assessed if squeezed(x.situation)[:40] in cards] == []
    assert [t for t in answers if squeezed(t)[:40] in cards] == []
