"""Shared fixtures: copies of the small sample course that a test may break on purpose."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser import CHROMIUM, LAUNCH_ARGS, Watch, serve
from playwright.sync_api import Browser, Page, sync_playwright

HERE = Path(__file__).parent
ROOT = HERE.parent
TEA = HERE / "courses" / "tea"
SEARCH_INDEXES = {"search/search_index.json": "docs", "search.json": "items"}
"""Where each builder writes its search index, and the key of its entries: MkDocs, Zensical."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the expected Markdown under tests/golden/ from the current output",
    )


SLOW_MODULES = {
    "test_builders",
    "test_trainer",
    "test_hostile",
    "test_links",
    "test_make",
    "test_plugin",
    "test_properties",
    "test_serve",
    "test_site",
}
"""Modules that build whole sites, start servers or generate hundreds of examples."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives Chromium `browser`, and the slow modules `slow`:
    `pytest -m "not browser and not slow"` (`make quick`) is the fast loop."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if "tea_site" in fixtures:  # builds the sample site
            item.add_marker(pytest.mark.slow)
        module = getattr(item, "module", None)
        if module is not None and module.__name__ in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def copy_project(project: Path) -> Path:
    """Copy the sample course, with the project's mkdocs.yml and theme overrides, to `project`."""
    shutil.copytree(TEA, project)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
    return project


def mkdocs_build(
    project: Path, *extra: str, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build` in `project` as a user would, capturing what it prints."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), *extra],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )


def zensical_build(root: Path, out: Path, *options: str) -> Path:
    """Write the course's project for Zensical and build it there, as a trainer would."""
    from generator.cli import main

    assert main(["--root", str(root), "build", "--out", str(out), *options]) == 0
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--clean"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No issues found" in result.stdout + result.stderr
    return out / "site"


def coursewright_check(project: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator check` in `project`, as an author would."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A writable copy of the sample course, with the project's mkdocs.yml and theme overrides."""
    return copy_project(tmp_path / "project")


def edit(project: Path, rel: str, old: str, new: str) -> None:
    """Replace `old` by `new` in one course file, failing loudly if `old` is not there."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole run (Playwright allows one sync session per process)."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def tea_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample course built once, with the project's mkdocs.yml and theme overrides."""
    project = copy_project(tmp_path_factory.mktemp("browser") / "project")
    result = mkdocs_build(project, "--quiet")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def base_url(tea_site: Path) -> Iterator[str]:
    with serve(tea_site) as url:
        yield url


@contextmanager
def watching(browser: Browser, url: str) -> Iterator[tuple[Page, Watch]]:
    """A fresh browser context on the site at `url`; fails the test on console errors or on
    any request that leaves 127.0.0.1."""
    context = browser.new_context(base_url=url, accept_downloads=True)
    context.set_default_timeout(5000)
    page = context.new_page()
    watch = Watch(page, url)
    yield page, watch
    context.close()
    assert watch.outside == [], "requests left 127.0.0.1"
    assert watch.errors == [], "console errors"


@pytest.fixture
def watched(browser: Browser, base_url: str) -> Iterator[tuple[Page, Watch]]:
    """A fresh browser context on the sample site, watched."""
    with watching(browser, base_url) as watched:
        yield watched


@pytest.fixture
def page(watched: tuple[Page, Watch]) -> Page:
    return watched[0]
