"""Both builders: the same course, built by MkDocs with the plugin and by Zensical from the
project `build --out` writes, works the same for a learner and keeps the trainer's text out."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest
import tomllib
import yaml
from browser import QUIZ, SCENARIO, answer, item, serve
from conftest import SEARCH_INDEXES, TEA, copy_project, mkdocs_build, watching, zensical_build
from playwright.sync_api import Browser, Page, expect

from generator.cli import main

BUILDERS = ["mkdocs", "zensical"]


@pytest.fixture(scope="session", params=BUILDERS)
def any_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample course's site, built by each builder in turn."""
    if request.param == "mkdocs":
        return Path(request.getfixturevalue("tea_site"))
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    return zensical_build(project, project.parent / "zensical")


@pytest.fixture(scope="session")
def any_url(any_site: Path) -> Iterator[str]:
    with serve(any_site) as url:
        yield url


@pytest.fixture
def learner(browser: Browser, any_url: str) -> Iterator[Page]:
    """A fresh browser on one builder's site, watched."""
    with watching(browser, any_url) as (page, _):
        yield page


def test_a_quiz_answered_wrong_then_right(learner: Page) -> None:
    learner.goto(QUIZ)
    box = item(learner, "mild-or-smoky")
    expect(box.locator(".cw-key")).to_be_hidden()
    answer(learner, "mild-or-smoky", 1)
    expect(box.locator(".cw-result")).to_have_text(
        "Not quite. The right answer is marked, with the reason for your choice."
    )
    expect(box.locator(".cw-why")).to_be_visible()
    box.get_by_label("A. A mild black tea.").check()
    box.get_by_role("button", name="Check").click()
    expect(box.locator(".cw-result")).to_have_text("Correct.")


def test_a_scenario_shows_its_grades_only_after_check(learner: Page) -> None:
    learner.goto(SCENARIO)
    applied = learner.get_by_text("Guidelines applied:")  # they point to the best answer
    expect(learner.get_by_text("Graded options")).to_be_hidden()
    expect(applied).to_be_hidden()
    answer(learner, "scenario:late-guests", 2)
    expect(learner.get_by_text("Graded options")).to_be_visible()
    expect(
        learner.get_by_text("Serve who is there; brew again for who comes later.")
    ).to_be_visible()
    expect(applied).to_be_visible()


def test_progress_survives_a_reload(learner: Page) -> None:
    learner.goto(QUIZ)
    for qid, index in [("mild-or-smoky", 0), ("what-to-offer", 2), ("smoky-popular", 1)]:
        answer(learner, qid, index)
    learner.reload()
    expect(item(learner, "what-to-offer").locator("input").nth(2)).to_be_checked()
    expect(item(learner, "mild-or-smoky").locator(".cw-result")).to_have_text("Correct.")
    learner.goto("progress.html")
    row = learner.get_by_role("row", name="Check your tea choices")
    expect(row).to_be_visible()
    expect(row.locator(".cw-status")).to_contain_text("of 4")


def test_search_finds_a_lesson(learner: Page) -> None:
    learner.goto("index.html")
    learner.keyboard.press("/")  # each builder has a search box of its own, both open on "/"
    expect(learner.locator("input:focus")).to_be_visible()
    learner.keyboard.type("kettle")
    results = learner.locator(".md-search-result__item mark, [role=option] mark")
    expect(results.first).to_have_text(re.compile("kettle", re.IGNORECASE))


def test_search_opens_by_keyboard_on_a_phone(browser: Browser, any_url: str) -> None:
    """On a phone the theme's search is an icon, a label a keyboard could not reach."""
    context = browser.new_context(base_url=any_url, viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto("index.html")
    search = page.get_by_role("button", name="Search")
    for _ in range(4):  # the skip link, the menu, the palette, search
        page.keyboard.press("Tab")
    expect(search).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.type("kettle")
    results = page.locator(".md-search-result__item mark, [role=option] mark")
    expect(results.first).to_be_visible()
    page.keyboard.press("Escape")
    expect(results.first).to_be_hidden()
    expect(search).to_be_focused()
    page.keyboard.press("Tab")  # on to the page, not into a search screen
    assert page.evaluate("document.activeElement.closest('.md-header, .md-search') === null")
    expect(page.locator(".md-search input:focus")).to_have_count(0)
    page.keyboard.press("/")  # the theme's key for search still opens it
    field = page.locator("input:focus")
    expect(field).to_be_visible()
    field.fill("kettle")  # Zensical keeps the last search in its field
    expect(results.first).to_be_visible()
    context.close()


def search_entries(site: Path) -> list[dict[str, str]]:
    """The entries of the site's search index, whichever builder wrote it."""
    (entries,) = [
        json.loads((site / name).read_text(encoding="utf-8"))[key]
        for name, key in SEARCH_INDEXES.items()
        if (site / name).exists()
    ]
    return list(entries)


def test_search_leaves_out_the_printable_handout(any_site: Path) -> None:
    """Search leads to a lesson, not to the handout that prints every lesson again; the
    handout would also make each page's search index a third larger."""
    locations = [entry["location"] for entry in search_entries(any_site)]
    assert any(place.startswith("lessons/choosing") for place in locations)
    assert not [place for place in locations if place.startswith("handout")]


def test_search_leaves_out_the_words_for_a_page_without_javascript(any_site: Path) -> None:
    """Search needs JavaScript, so a quiz's worksheet instructions and the notes for a browser
    without it would only put two sets of instructions side by side in a result."""
    text = " ".join(entry["text"] for entry in search_entries(any_site))
    assert "Choose your answer to each one and press" in text
    assert "Choose your answers, then open" not in text
    assert "JavaScript, which is turned off" not in text


def test_search_leaves_out_the_choices(any_site: Path) -> None:
    """A question is found by its words, not by its choices: quoted alone in a result, a poor
    choice would read as advice."""
    text = " ".join(entry["text"] for entry in search_entries(any_site))
    assert "Half the guests are twenty minutes late" in text
    assert "Keep it warm on a hot plate." not in text
    assert "Only green tea." not in text


def test_a_search_result_says_what_to_avoid(any_site: Path, learner: Page) -> None:
    """A result quotes the list items it matched, without their box's title: each item of a
    guideline's Do and Avoid lists says which it is, to search alone."""
    text = " ".join(entry["text"] for entry in search_entries(any_site))
    assert "Avoid: Smoky teas that few people like." in text
    learner.goto("lessons/choosing.html")
    item = learner.get_by_role("listitem").filter(has_text="Smoky teas that few people like.")
    expect(item).to_have_text("Smoky teas that few people like.", use_inner_text=True)
    expect(item.get_by_text("Avoid:")).to_be_hidden()


Scheme = Literal["light", "dark"]
PALETTES = {"light": ("default", "rgb(255, 255, 255)"), "dark": ("slate", "rgb(30, 33, 41)")}


@pytest.mark.parametrize("system", ["light", "dark"])
def test_the_palette_follows_the_system_until_the_learner_picks_one(
    browser: Browser, any_url: str, system: Scheme
) -> None:
    other: Scheme = "dark" if system == "light" else "light"
    with watching(browser, any_url) as (page, _):
        page.emulate_media(color_scheme=system)
        page.goto(QUIZ)
        body = page.locator("body")
        expect(body).to_have_css("background-color", PALETTES[system][1])
        switch = page.get_by_title(re.compile("^Switch to the")).filter(visible=True)
        expect(switch).to_have_count(1)
        expect(switch).to_have_attribute("title", f"Switch to the {other} palette")
        switch.click()
        expect(body).to_have_css("background-color", PALETTES[other][1])
        expect(switch).to_have_attribute("title", f"Switch to the {system} palette")
        header = page.locator(".md-header").evaluate("h => getComputedStyle(h).backgroundColor")
        tint = "#" + "".join(f"{int(part):02x}" for part in re.findall(r"\d+", header)[:3])
        expect(page.locator("meta[name=theme-color]")).to_have_attribute("content", tint)
        page.goto("index.html")  # the choice holds on every page, and over the system's
        page.emulate_media(color_scheme=other)
        expect(body).to_have_css("background-color", PALETTES[other][1])
        page.emulate_media(color_scheme=system)
        expect(body).to_have_attribute("data-md-color-scheme", PALETTES[other][0])
        # By keyboard: one button, named for what it does, that keeps the focus.
        button = page.get_by_role("button", name=re.compile("^Switch to the"))
        expect(button).to_have_count(1)
        button.focus()
        page.keyboard.press("Space")
        expect(body).to_have_css("background-color", PALETTES[system][1])
        expect(page.get_by_role("button", name=f"Switch to the {other} palette")).to_be_focused()
        page.keyboard.press("Enter")
        expect(body).to_have_css("background-color", PALETTES[other][1])
        expect(page.get_by_role("button", name=f"Switch to the {system} palette")).to_be_focused()


def test_the_palette_needs_nothing_of_the_theme_bundle(browser: Browser, any_url: str) -> None:
    """The palette is settled as the header is read: a dark system gets dark pages even when
    the theme's script is slow or blocked, with no light page shown first."""
    context = browser.new_context(base_url=any_url, color_scheme="dark")
    page = context.new_page()
    page.route(re.compile(r"/assets/javascripts/bundle\.[^/]*\.js$"), lambda route: route.abort())
    page.goto(QUIZ)
    expect(page.locator("body")).to_have_css("background-color", PALETTES["dark"][1])
    expect(page.get_by_title("Switch to the light palette")).to_be_visible()
    context.close()


# In sight: shown, not transparent, and not covered by anything at its middle.
ON_SCREEN = """e => {
  const r = e.getBoundingClientRect();
  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  const shown = e.checkVisibility({opacityProperty: true, visibilityProperty: true});
  return shown && !!hit && e.contains(hit);
}"""


def test_the_phone_drawer_works_by_keyboard(browser: Browser, any_url: str) -> None:
    """On a phone, or a desktop zoomed in as far, the navigation drawer and its panels open
    and close by keyboard, focus follows them, and Tab stops only on what is on screen."""
    context = browser.new_context(base_url=any_url, viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(QUIZ)
    menu = page.get_by_role("button", name="Navigation")
    drawer = page.locator(".md-sidebar--primary")
    for _ in range(2):  # past the skip link
        page.keyboard.press("Tab")
    expect(menu).to_be_focused()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    back = drawer.get_by_role("button", name="Lesson 1", expanded=True)
    expect(back).to_be_focused()  # the panel of the page's section, under its title
    contents = re.compile(r"^(Table of contents|On this page): Check your tea choices")
    expect(drawer.get_by_role("button", name=contents, expanded=False)).to_be_visible()
    page.keyboard.press("Space")  # up to the course's panel, on the section just left
    up = drawer.locator(".md-nav__link", has_text="Lesson 1")  # the section in the list
    expect(up).to_have_attribute("aria-expanded", "false")
    expect(up).to_be_focused()
    reached = []
    while page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null"):
        focused = page.locator("*:focus")
        settled = f"({ON_SCREEN})(document.activeElement)"  # once the panels have slid
        page.wait_for_function(settled, timeout=2000)
        reached.append(focused.inner_text().strip())
        page.keyboard.press("Tab")
    assert any(text.startswith("Your progress") for text in reached), reached
    closed = [text for text in reached if text.startswith("Choosing tea and water")]
    assert not closed, "a link of the panel closed"
    expect(menu).to_have_attribute("aria-expanded", "false")  # Tab out of it closes it
    expect(drawer.get_by_role("link", name="Your progress")).to_be_hidden()
    menu.focus()
    page.keyboard.press("Space")  # the drawer opens on the panel last seen, at its top
    first = page.locator("*:focus")
    expect(first).to_have_attribute("aria-label", re.compile(r"\S"))  # the course's home
    assert first.evaluate("e => e.closest('.md-sidebar--primary') !== null")
    page.wait_for_function(settled, timeout=2000)
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    expect(drawer.get_by_role("link", name="Your progress")).to_be_hidden()
    context.close()


def test_a_heading_is_read_without_its_permalink(learner: Page) -> None:
    """The permalink after a heading is for the mouse: a screen reader heard "Question 1 ¶"."""
    learner.goto(QUIZ)
    expect(learner.get_by_role("heading", name="Question 1", exact=True)).to_be_visible()
    expect(learner.get_by_role("link", name="¶")).to_have_count(0)


def test_the_navigation_says_which_page_is_shown(learner: Page) -> None:
    """Not only by colour: screen readers hear which link in the navigation is this page."""
    for address, name in [(QUIZ, "Check your tea choices"), ("index.html", "Home")]:
        learner.goto(address)
        current = learner.locator(".md-nav--primary [aria-current=page]")
        expect(current).to_have_count(1)
        expect(current).to_have_accessible_name(re.compile("^" + name))


def test_a_german_course_builds_with_both_builders(tmp_path: Path) -> None:
    course = tmp_path / "kurs"
    assert main(["init", str(course), "--title", "Tee für viele", "--language", "de"]) == 0
    result = mkdocs_build(course, "--quiet")
    assert result.returncode == 0, result.stderr
    site = zensical_build(course, tmp_path / "zensical")
    for built in (course / "site", site):
        home = (built / "index.html").read_text(encoding="utf-8")
        assert '<html lang="de"' in home
        assert "Tee für viele" in home
        assert "Zur Startseite" in (built / "404.html").read_text(encoding="utf-8")


def test_the_written_configurations_carry_the_site_settings(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "course")
    zensical, mkdocs = tmp_path / "z", tmp_path / "m"
    assert main(["--root", str(project), "build", "--out", str(zensical)]) == 0
    assert main(["--root", str(project), "build", "--out", str(mkdocs), "--for", "mkdocs"]) == 0
    toml = tomllib.loads((zensical / "zensical.toml").read_text(encoding="utf-8"))["project"]
    yml = yaml.safe_load((mkdocs / "mkdocs.yml").read_text(encoding="utf-8"))
    for config in (toml, yml):
        assert config["site_name"] == "Brewing tea for a crowd"
        assert config["theme"]["custom_dir"] == "overrides"
        assert config["theme"]["palette"][1]["scheme"] == "slate"
        assert config["docs_dir"] == "docs"
        assert config["nav"][0] == {"Home": "index.md"}
        assert config["extra"]["polyfills"] == ["assets/iframe-worker-shim.js"]
        assert "coursewright" not in str(config["plugins"])
    assert toml["theme"]["variant"] == "classic"
    assert (mkdocs_build(mkdocs, "--quiet")).returncode == 0
    assert "Brewing tea for a crowd" in (mkdocs / "site" / "index.html").read_text("utf-8")


def test_the_sites_own_overrides_win(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "course")
    (project / "site_overrides" / "assets" / "quiz.css").write_text("/* mine */", "utf-8")
    assert main(["--root", str(project), "build", "--out", str(tmp_path / "z")]) == 0
    assert (tmp_path / "z/overrides/assets/quiz.css").read_text("utf-8") == "/* mine */"
    assert (tmp_path / "z/overrides/assets/logo.svg").is_file()


def test_a_theme_other_than_material_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "course")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("name: material", "name: readthedocs"))
    assert main(["--root", str(project), "build", "--out", str(tmp_path / "z")]) == 1
    assert "course pages need the Material theme, not `readthedocs`" in capsys.readouterr().err
    assert not (tmp_path / "z").exists()


def test_the_sample_course_needs_no_site_config(tmp_path: Path) -> None:
    """A course folder without mkdocs.yml gets the Material theme and search."""
    assert not (TEA / "mkdocs.yml").exists()
    site = zensical_build(TEA, tmp_path / "z")
    assert (site / "quizzes" / "choosing-check.html").is_file()


def test_python_names_in_the_site_settings_reach_both_configurations(tmp_path: Path) -> None:
    """`!!python/name:` values (a custom fence's formatter) stay names: Zensical takes the
    name as text, and a written mkdocs.yml tags it again."""
    project = copy_project(tmp_path / "course")
    fence = (
        "markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n"
        "        - name: diagram\n          class: diagram\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format\n"
    )
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(fence)
    site = zensical_build(project, tmp_path / "z")
    toml = tomllib.loads((tmp_path / "z" / "zensical.toml").read_text(encoding="utf-8"))
    fences = toml["project"]["markdown_extensions"]["pymdownx.superfences"]["custom_fences"]
    assert fences[0]["format"] == "pymdownx.superfences.fence_code_format"
    assert (site / "index.html").is_file()
    mkdocs = tmp_path / "m"
    assert main(["--root", str(project), "build", "--out", str(mkdocs), "--for", "mkdocs"]) == 0
    written = (mkdocs / "mkdocs.yml").read_text(encoding="utf-8")
    assert "!!python/name:pymdownx.superfences.fence_code_format ''" in written
    assert mkdocs_build(mkdocs, "--quiet").returncode == 0


def test_writing_the_project_again_keeps_the_last_built_site(tmp_path: Path) -> None:
    site = zensical_build(TEA, tmp_path / "z")
    assert main(["--root", str(TEA), "build", "--out", str(tmp_path / "z")]) == 0
    assert (site / "index.html").is_file()
    assert (tmp_path / "z" / ".cache").is_dir()
