"""The words of the pages and of the quiz script: every language's catalogue is complete and
current, and a course in German shows none of the English words coursewright adds."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import ROOT
from playwright.sync_api import Browser, Locator, Page

from generator.language import LOCALES, languages, script_words, translations

DOMAINS = ("coursewright", "quiz", "starter")
KEYWORDS = {
    "coursewright": [],
    "quiz": ["-k", "_", "-k", "_n:1,2", "-k", "N_"],
    "starter": ["-k", "t"],
}


def english(domain: str) -> list[str]:
    """The English texts of a domain, from its .pot file."""
    with (LOCALES / f"{domain}.pot").open("rb") as source:
        return [str(m.id[0] if isinstance(m.id, tuple) else m.id) for m in read_po(source) if m.id]


@pytest.mark.parametrize("language", [code for code in languages() if code != "en"])
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_catalogue_translates_every_word(domain: str, language: str) -> None:
    with (LOCALES / language / "LC_MESSAGES" / f"{domain}.po").open("rb") as source:
        catalog = read_po(source, locale=language)
    missing = [
        message.id
        for message in catalog
        if message.id
        and (
            not message.string
            or (isinstance(message.string, tuple) and not all(message.string))
            or message.fuzzy
        )
    ]
    assert missing == [], f"translate these in {domain}.po, then run `make messages`"
    assert sorted(
        str(m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id
    ) == sorted(english(domain)), "the catalogue is behind its .pot file: run `make messages`"


def test_the_pot_files_hold_every_word_of_the_templates_and_the_script(tmp_path: Path) -> None:
    """`make messages` was run after the last change of words."""
    babel = [sys.executable, "-m", "babel.messages.frontend"]
    options = ["--no-location", "--sort-output", "--no-wrap", "--omit-header"]
    for domain, extra in KEYWORDS.items():
        config = "babel.cfg" if domain == "coursewright" else f"{domain}.cfg"
        out = tmp_path / f"{domain}.pot"
        subprocess.run(
            [
                *babel,
                "-q",
                "extract",
                "-F",
                str(LOCALES / config),
                *extra,
                *options,
                "-o",
                str(out),
                ".",
            ],
            cwd=ROOT,
            check=True,
        )
        committed = (LOCALES / f"{domain}.pot").read_text(encoding="utf-8")
        assert out.read_text(encoding="utf-8") == committed, f"run `make messages` ({domain})"


def test_english_needs_no_catalogue_and_an_unknown_language_falls_back_to_it() -> None:
    assert script_words("en") == ""
    assert translations("xx").gettext("Key points") == "Key points"
    assert translations("de-AT").gettext("Key points") == "Das Wichtigste"
    assert '"Check": "Prüfen"' in script_words("de")


def our_english() -> list[str]:
    """Our English words: the texts of both catalogues split at their placeholders. Pieces
    of one word are left out where German writes the same word (`Start`)."""
    pieces = set()
    for domain in ("coursewright", "quiz"):  # the starter's words are the author's
        for text in english(domain):
            for piece in re.split(r"%\(\w+\)\w|\{\w+\}|\*\*|\"", text):
                piece = piece.strip(" .:;,")
                if len(piece) > 1 and piece not in SAME_IN_GERMAN:
                    pieces.add(piece)
    return sorted(pieces)


SAME_IN_GERMAN = {"Start", "Minutes", "No"}
"""`Start` is the German for Home; `Minutes` and `No` show only as parts of German words."""


def english_in(text: str, pieces: list[str]) -> list[str]:
    return [p for p in pieces if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text)]


def test_a_course_in_german_shows_none_of_our_english_words(
    tmp_path: Path, browser: Browser
) -> None:
    """From an empty folder: a German course from `init`, built, and read in Chromium in every
    state a learner sees, answers checked, scores shown, progress page included."""
    from browser import item, serve
    from playwright.sync_api import expect

    def answer(page: Page, qid: str, choice: int) -> Locator:
        box = item(page, qid)
        box.locator("input").nth(choice).check()
        box.get_by_role("button", name="Prüfen").click()
        return box

    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "init",
            "kurs",
            "--language",
            "de",
            "--title",
            "Erste Hilfe",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    built = subprocess.run(
        [sys.executable, "-m", "generator", "build"],
        cwd=tmp_path / "kurs",
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    pieces = our_english()
    shown: dict[str, str] = {}
    with serve(tmp_path / "kurs/site") as base:
        page = browser.new_page(base_url=base)
        for path in (
            "index.html",
            "lessons/first-lesson.html",
            "scenarios/index.html",
            "sources.html",
        ):
            page.goto(path)
            shown[path] = page.locator("body").inner_text()
        page.goto("quizzes/first-check.html")
        expect(page.locator("html")).to_have_attribute("lang", "de")
        answer(page, "when-unsure", 0)  # wrong: the verdict, the marks and the review list
        box = answer(page, "unknown-answer", 1)
        expect(box.locator(".cw-result")).to_contain_text("Sie haben B gewählt")
        shown["quiz"] = page.locator("body").inner_text()
        page.goto("scenarios/first-scenario.html")
        answer(page, "scenario:first-scenario", 2)
        shown["scenario"] = page.locator("body").inner_text()
        page.goto("progress.html")
        expect(page.locator(".cw-status")).to_have_text("½ von 2 Punkten")
        shown["progress"] = page.locator("body").inner_text()
        page.goto("record.html")
        expect(page.locator(".cw-record-status")).to_contain_text("Noch nicht abgeschlossen")
        shown["record"] = page.locator("body").inner_text()
        page.close()
    assert "Worum es im Kurs geht" in shown["index.html"], "the new course's own text is German"
    found = {path: english_in(text, pieces) for path, text in shown.items()}
    assert found == {path: [] for path in shown}
