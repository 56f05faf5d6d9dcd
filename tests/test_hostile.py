"""Hostile course text stays text: built strictly, then every page loaded in Chromium."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser import serve
from conftest import copy_project, mkdocs_build
from playwright.sync_api import Browser, Page, expect

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
]
REFERENCES = {
    "id", "lesson", "lessons", "perspective", "sources", "terms", "objective", "scenario",
    "type", "grade", "url", "correct", "answer", "minutes", "max_characters",
}  # fmt: skip


def poison(value: Any, key: str, payloads: Iterator[str]) -> Any:
    """Append a payload to every piece of author text, leaving ids and settings alone."""
    if isinstance(value, dict):
        return {k: poison(v, k, payloads) for k, v in value.items()}
    if isinstance(value, list):
        if key == "guidelines" and all(isinstance(v, str) for v in value):
            return value  # a scenario's guideline ids
        return [poison(v, key, payloads) for v in value]
    if isinstance(value, str) and key not in REFERENCES:
        return f"{value} {next(payloads)}"
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
    return project / "site"


NO_HANDLERS = """() => [...document.querySelectorAll('*')].flatMap(el =>
  [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))"""
JS_LINKS = """() => document.querySelectorAll(
  '[href^="javascript:" i], [src^="javascript:" i]').length"""


def test_hostile_text_never_runs(hostile_site: Path, browser: Browser) -> None:
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    with serve(hostile_site) as url:
        page = browser.new_page(base_url=url)
        dialogs: list[str] = []
        outside: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: None if r.url.startswith(url) else outside.append(r.url))
        for path in pages:
            page.goto(path)
            assert page.evaluate(NO_HANDLERS) == [], path
            assert page.evaluate(JS_LINKS) == 0, path
        exercise_the_quiz(page)
        search(page)
        page.close()
    assert dialogs == []
    assert outside == []


def exercise_the_quiz(page: Page) -> None:
    page.goto("quizzes/choosing-check.html")
    expect(page.get_by_text('<script>alert("s1")</script>').first).to_be_visible()
    for form in page.locator("form.cw-question").all():
        form.locator("input").first.check()
        form.get_by_role("button", name="Check").click()
    expect(page.locator(".cw-summary .cw-score")).to_be_visible()
    page.goto("progress.html")
    expect(page.locator(".cw-status")).not_to_have_text("Not started")


def search(page: Page) -> None:
    page.goto("index.html")
    page.keyboard.press("/")  # the theme's shortcut to the search box
    page.keyboard.type("tea", delay=50)  # results show titles that carry payloads
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    expect(page.locator(".md-search-result").first).to_contain_text("alert(")


def test_hostile_text_shows_literally_on_a_lesson(hostile_site: Path) -> None:
    html = (hostile_site / "lessons" / "choosing.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in html
    assert "<script>alert(" not in html
    assert 'onerror=alert("s2")' not in html.replace("&quot;", '"').split("&lt;img")[0]
