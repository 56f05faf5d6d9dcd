"""Hostile course text stays text: built strictly, then every page loaded in Chromium."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser import serve
from conftest import ROOT, copy_project, mkdocs_build, zensical_build
from playwright.sync_api import Browser, Dialog, Page, expect

PAYLOADS = [
    '<script>alert("s1")</script>',
    '"><img src=x onerror=alert("s2")>',
    '[click me](javascript:alert("s3"))',
    "{{ config.site_name }} {% raw %} {#",
    "<!-- a comment -->",
    '</label></fieldset></form></details></div> !!! danger "escape"',
    '*bold*{: onclick=alert("s4") }',
    "Supercalifragilistic" * 12,
    '![tracker](https://tracker.example/pixel.png) <a href="javascript:alert(5)">x</a>',
    '`</label></legend></fieldset></form></div><img src=x onerror=alert("c1")>`',
    "\u2028\u2029 \\u003c/script\\u003e ]]> --> </script><script>alert('j1')</script>",
]
TITLE_PAYLOADS = [
    '</title><script>alert("t1")</script>',
    '`</a><img src=x onerror=alert("t2")>`',
    "' \" & <b>",
]
"""Titles are short: they get the payloads that break out of <title>, attributes and links."""
TITLES = {"title", "term", "name"}
REFERENCES = {
    "id", "lesson", "lessons", "perspective", "sources", "terms", "objective", "scenario",
    "type", "grade", "url", "correct", "answer", "minutes", "max_characters",
    "activity", "quiz", "scenarios", "grouping", "group_size", "start", "after", "answers",
}  # fmt: skip


def poison(value: Any, key: str, payloads: Iterator[str]) -> Any:
    """Append payloads to every piece of author text, leaving ids and settings alone: the title
    payloads to every title, and the others in turn to the rest."""
    if isinstance(value, dict):
        return {k: poison(v, k, payloads) for k, v in value.items()}
    if isinstance(value, list):
        if key == "guidelines" and all(isinstance(v, str) for v in value):
            return value  # a scenario's guideline ids
        return [poison(v, key, payloads) for v in value]
    if isinstance(value, str) and key in TITLES:
        return f"{value} {' '.join(TITLE_PAYLOADS)}"
    if isinstance(value, str) and key not in REFERENCES:
        return f"{value} {next(payloads)} {next(payloads)}"
    return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    payloads = itertools.cycle(PAYLOADS)
    for path in sorted(project.rglob("*.yml")):
        if path.name == "mkdocs.yml":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = poison(data, "", payloads)
        if "max_characters" in str(data):
            for guideline in data.get("guidelines", []):
                for example in guideline.get("examples", []):
                    example.pop("max_characters", None)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    shutil.copy(ROOT / "mkdocs-trainer.yml", project / "mkdocs-trainer.yml")
    result = mkdocs_build(project, "-f", "mkdocs-trainer.yml")
    assert result.returncode == 0, result.stderr
    return project / "site"


NO_HANDLERS = """() => [...document.querySelectorAll('*')].flatMap(el =>
  [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))"""
JS_LINKS = """() => document.querySelectorAll(
  '[href^="javascript:" i], [src^="javascript:" i]').length"""
INJECTED = """() => [
  ...[...document.scripts].filter(s => s.textContent.includes('alert') ||
    (s.src && !s.src.startsWith(location.origin))).map(s => 'script ' + s.src),
  ...[...document.querySelectorAll('img[src="x"], iframe, object, embed')].map(e => e.tagName),
]"""


def test_hostile_text_never_runs(hostile_site: Path, browser: Browser) -> None:
    visit_every_page(hostile_site, browser, exercise=True)


def test_hostile_text_never_runs_in_the_trainer_edition(
    hostile_site: Path, browser: Browser
) -> None:
    """Run-sheets, cards, keys, and the slides with their speaker notes and room votes."""
    trainer = hostile_site.parent / "site-trainer"
    slides = trainer / "trainer" / "slides" / "serving.html"
    assert "&lt;script&gt;alert(" in slides.read_text(encoding="utf-8")
    visit_every_page(trainer, browser, exercise=False)


def test_hostile_text_never_runs_in_the_zensical_site(
    hostile_site: Path, browser: Browser, tmp_path: Path
) -> None:
    """The project `build --out` writes, built by Zensical: its configuration carries the
    hostile titles as TOML strings, and the pages stay as safe as MkDocs' ones."""
    site = zensical_build(hostile_site.parent, tmp_path / "zensical")
    assert "&lt;script&gt;alert(" in (site / "index.html").read_text(encoding="utf-8")
    visit_every_page(site, browser, exercise=True)


def visit_every_page(site: Path, browser: Browser, *, exercise: bool) -> None:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    with serve(site) as url:
        page = browser.new_page(base_url=url)
        dialogs: list[str] = []
        outside: list[str] = []

        def dismiss(dialog: Dialog) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", dismiss)
        page.on("request", lambda r: None if r.url.startswith(url) else outside.append(r.url))
        for path in pages:
            page.goto(path)
            assert page.evaluate(NO_HANDLERS) == [], path
            assert page.evaluate(JS_LINKS) == 0, path
            assert page.evaluate(INJECTED) == [], path
            if path.startswith(("lessons/", "quizzes/", "scenarios/")) and "index" not in path:
                # the head, as the browser read it: the title element holds the title as text
                assert '</title><script>alert("t1")</script>' in page.title(), path
        if exercise:
            exercise_the_quiz(page)
            search(page)
        page.close()
    assert dialogs == []
    assert outside == []


def exercise_the_quiz(page: Page) -> None:
    page.goto("quizzes/choosing-check.html")
    expect(page.locator("h1")).to_contain_text('</title><script>alert("t1")</script>')
    for box in page.locator(".cw-item").all():
        box.locator("input").first.check()
        box.locator("button", has_text="Check").click()
        expect(box.locator("details.cw-key")).to_be_visible()  # the key, payloads and all
    expect(page.locator(".cw-summary .cw-score")).to_be_visible()
    page.goto("progress.html")
    expect(page.locator(".cw-status")).not_to_have_text("Not started")
    page.goto("index.html")  # titles from the course map, as text: Continue, marks, the record
    start = page.locator("a.cw-start")
    expect(start).to_contain_text("Continue: Choosing tea and water </title><script>")
    expect(page.locator(".cw-outline .cw-state").first).to_be_attached()
    page.goto("record.html")
    expect(page.locator(".cw-record-status")).to_contain_text("<b>")


def search(page: Page) -> None:
    page.goto("index.html")
    page.keyboard.press("/")  # the shortcut to the search box, in MkDocs' theme and Zensical's
    expect(page.locator("input:focus")).to_be_visible()
    page.keyboard.type("tea", delay=50)  # results show titles that carry payloads
    expect(page.locator(".md-search-result__item, [role=option]").first).to_be_visible()
    expect(page.locator(".md-search-result, [role=listbox]").first).to_contain_text("alert(")


def test_hostile_text_shows_literally_on_a_lesson(hostile_site: Path) -> None:
    html = (hostile_site / "lessons" / "choosing.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in html
    assert "<script>alert(" not in html
    assert 'onerror=alert("s2")' not in html.replace("&quot;", '"').split("&lt;img")[0]


def test_every_data_file_parses_and_keeps_payloads_as_text(hostile_site: Path) -> None:
    import json
    import xml.etree.ElementTree as ElementTree

    for path in hostile_site.rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data, path
    index = json.loads((hostile_site / "search" / "search_index.json").read_text("utf-8"))
    titles = " ".join(doc["title"] for doc in index["docs"])
    assert "&lt;/title&gt;&lt;script&gt;" in titles, "titles reach the index escaped"
    assert "<script>" not in json.dumps(index)
    offline = (hostile_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert offline.startswith("var __index = ")
    assert json.loads(offline.removeprefix("var __index = ")) == index
    ElementTree.parse(hostile_site / "sitemap.xml")
    course = (hostile_site / "assets" / "coursewright-course.js").read_text(encoding="utf-8")
    assert not set("<>&\u2028\u2029") & set(course), "nothing that could end a script or a line"
    data = json.loads(course.removeprefix("window.coursewrightCourse = ").removesuffix(";\n"))
    assert '</title><script>alert("t1")</script>' in data["steps"][0]["title"]


def test_descriptions_are_escaped_once_for_any_builder(hostile_site: Path, tmp_path: Path) -> None:
    """Themes write a page's description into an attribute as it is: `build --out` pages carry
    it escaped, and MkDocs' pages show it escaped once, not twice."""
    out = tmp_path / "pages"
    command = [sys.executable, "-m", "generator", "--root", str(hostile_site.parent)]
    result = subprocess.run([*command, "build", "--out", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    descriptions = []
    for page in sorted(out.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            descriptions.append(yaml.safe_load(text.split("---\n")[1]).get("description", ""))
    assert [d for d in descriptions if "script" in d]  # the payloads reached them
    assert [d for d in descriptions if set(d) & set("<>\"'")] == []
    metas = re.findall(r'<meta name="description" content="([^"]*)"', _every_page(hostile_site))
    assert metas
    assert [m for m in metas if "&amp;lt;" in m or "<" in m] == []


def _every_page(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html")))
