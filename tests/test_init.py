"""A new course from `coursewright init`: it passes `check`, builds strictly with `coursewright
build`, and its quiz works in Chromium, from an empty folder, as a trainer would start."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import TYPE_CHECKING

from browser import Watch, answer, serve
from conftest import ROOT
from playwright.sync_api import expect

from generator.cli import main
from generator.starter import slug

if TYPE_CHECKING:
    from pathlib import Path

    import pytest
    from playwright.sync_api import Browser


def coursewright(folder: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """The installed command, run in `folder` as a trainer would (stdin is not a terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_a_new_course_checks_builds_and_its_quiz_works(tmp_path: Path, browser: Browser) -> None:
    made = coursewright(tmp_path, "init", "first-aid", "--title", "First aid: at work")
    assert made.returncode == 0, made.stderr
    course = tmp_path / "first-aid"
    checked = coursewright(course, "check")
    assert (checked.returncode, checked.stdout) == (0, "ok: 1 lesson, 1 scenario, 1 quiz\n")
    built = coursewright(course, "build")
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr
    home = (course / "site/index.html").read_text(encoding="utf-8")
    assert "<title>First aid: at work</title>" in home
    with serve(course / "site") as base:
        page = browser.new_page(base_url=base)
        watch = Watch(page, base)
        page.goto("quizzes/first-check.html")
        box = answer(page, "when-unsure", 1)
        expect(box.locator(".cw-result")).to_have_text("Correct.")
        box = answer(page, "unknown-answer", 0)
        finished = "You chose A: the best option. See your score"  # the quiz's last Check
        expect(box.locator(".cw-result")).to_have_text(finished)
        expect(page.locator(".cw-summary .cw-score")).to_have_text("First attempt: 2 of 2 points.")
        assert (watch.errors, watch.outside) == ([], [])
        page.close()


def test_init_never_writes_into_a_folder_with_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    assert "exists and is not empty" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_init_takes_a_language_and_refuses_a_made_up_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "a"), "--language", "english please"]) == 2
    assert "give a language code such as en, de or fr" in capsys.readouterr().err
    assert not (tmp_path / "a").exists()
    assert main(["init", str(tmp_path / "b"), "--language", "de", "--title", "Über uns"]) == 0
    course = (tmp_path / "b/content/course.yml").read_text(encoding="utf-8")
    assert "id: uber-uns\ntitle: Über uns\nlanguage: de\n" in course


def test_a_title_becomes_an_id() -> None:
    assert slug("First aid at work") == "first-aid-at-work"
    assert slug("Café: crème brûlée!") == "cafe-creme-brulee"
    assert slug("???") == "my-course"


def test_the_site_commands_explain_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(tmp_path), "build"]) == 2
    assert "no mkdocs.yml in" in capsys.readouterr().err


def test_the_engine_speaks_of_no_course_in_particular() -> None:
    """The generator (code, templates, schemas, messages, the starter course) names no course:
    none of the words that mark the course this repository ships."""
    marks = re.compile(
        r"linkedin|invitation|event attendee|celebrity|cold pitch|say why|first-contact|"
        r"connecting with people",
        re.IGNORECASE,
    )
    package = ROOT / "generator"
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in sorted(package.rglob("*"))
        if path.is_file() and path.suffix not in (".pyc",)
        for match in marks.finditer(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert found == []
