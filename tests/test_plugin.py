"""End to end: a real `mkdocs build --strict` of the sample course, and of a broken one."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from conftest import coursewright_check, edit, mkdocs_build

if TYPE_CHECKING:
    from pathlib import Path


def test_strict_build_of_the_sample_course(course: Path) -> None:
    result = mkdocs_build(course)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    site = course / "site"
    lesson = (site / "lessons" / "choosing.html").read_text(encoding="utf-8")
    assert "<h1" in lesson
    assert "Choosing tea and water" in lesson
    assert 'id="mild-tea"' in lesson
    quiz = (site / "quizzes" / "choosing-check.html").read_text(encoding="utf-8")
    assert "<details" in quiz
    assert "Answer and feedback" in quiz
    assert not (site / "course.yml").exists(), "course sources must not be published"
    assert not list(site.rglob("*.yml"))
    assert (site / "assets" / "coursewright.css").is_file()


def test_navigation_follows_the_course_order(course: Path) -> None:
    assert mkdocs_build(course).returncode == 0
    home = (course / "site" / "index.html").read_text(encoding="utf-8")
    assert home.index("Choosing tea and water") < home.index("Serving on time")
    overview = (course / "site" / "scenarios" / "index.html").read_text(encoding="utf-8")
    nav = overview[overview.index('class="md-nav md-nav--primary"') :]
    assert nav.index("You are the host") < nav.index("You are a guest")


def test_edit_links_point_at_the_yaml_source(course: Path) -> None:
    config = course / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "repo_url: https://example.org/course\nedit_uri: edit/main/content/\n",
        encoding="utf-8",
    )
    assert mkdocs_build(course).returncode == 0
    lesson = (course / "site" / "lessons" / "choosing.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/course/edit/main/content/lessons/choosing.yml"' in lesson
    quiz = (course / "site" / "quizzes" / "choosing-check.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/course/edit/main/quizzes/choosing-check.yml"' in quiz


def test_broken_content_aborts_with_the_problem_list(course: Path) -> None:
    edit(course, "content/lessons/serving.yml", "summary:", "sumary:")
    result = mkdocs_build(course)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "content/lessons/serving.yml:2:1: sumary: unknown field `sumary`; did you mean `summary`?"
        in result.stderr
    )
    assert not (course / "site").exists()


def test_a_hand_written_page_may_not_be_replaced(course: Path) -> None:
    (course / "content" / "index.md").write_text("# Mine\n", encoding="utf-8")
    result = mkdocs_build(course)
    assert result.returncode == 1
    assert "content/index.md: a Markdown page is published only as a page of" in result.stderr
    assert "Traceback" not in result.stderr


def test_only_the_plugin_imports_mkdocs() -> None:
    code = (
        "import sys, generator, generator.cli\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_only_listed_files_of_the_content_folder_are_published(course: Path) -> None:
    (course / "content/evil.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (course / "content/lessons/notes.md").write_text("# draft", encoding="utf-8")
    (course / "content/images").mkdir()
    (course / "content/images/pot.png").write_bytes(b"\x89PNG not really")
    (course / "content/.DS_Store").write_bytes(b"")
    outside = course.parent / "secret.env"
    outside.write_text("TOKEN=1", encoding="utf-8")
    (course / "content/leak.txt").symlink_to(outside)
    problems = coursewright_check(course).stderr
    assert "content/evil.html: not part of the course, so it is not published" in problems
    assert "content/lessons/notes.md: a Markdown page is published only as" in problems
    assert "content/leak.txt: not part of the course" in problems
    assert ".DS_Store" not in problems
    (course / "content/course.yml").write_text(
        (course / "content/course.yml").read_text(encoding="utf-8")
        + "files: [images/pot.png, leak.txt]\n",
        encoding="utf-8",
    )
    problems = coursewright_check(course).stderr
    assert "files[1]: links outside the course" in problems
    (course / "content/leak.txt").unlink()
    (course / "content/lessons/notes.md").unlink()
    edit(
        course, "content/course.yml", "files: [images/pot.png, leak.txt]", "files: [images/pot.png]"
    )
    (course / "content/evil.html").unlink()
    result = mkdocs_build(course)
    assert result.returncode == 0, result.stderr
    site = course / "site"
    assert (site / "images/pot.png").read_bytes() == b"\x89PNG not really"
    assert not (site / "evil.html").exists()
    assert not list(site.rglob("*.yml"))
    assert not list(site.rglob("*.env"))


def test_unlisted_files_are_not_published_even_when_not_checked(course: Path) -> None:
    (course / "content/evil.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    result = mkdocs_build(course)  # the build refuses the course: the file is a problem
    assert result.returncode != 0
    assert "content/evil.html: not part of the course" in result.stderr
    assert not (course / "site/evil.html").exists()


def test_deeply_nested_emphasis_and_many_entities_build(course: Path) -> None:
    """Both once crashed or stalled the Markdown reader; they now show literally."""
    stars = "*" * 2500 + "deep" + "*" * 2500
    edit(course, "content/lessons/serving.yml", "title: Serving on time", f"title: '{stars[:190]}'")
    edit(
        course,
        "content/lessons/serving.yml",
        "minutes:",
        f"introduction: '{stars} {'&' * 4000}'\nminutes:",
    )
    result = mkdocs_build(course)
    assert result.returncode == 0, result.stderr[-2000:]
    lesson = (course / "site/lessons/serving.html").read_text(encoding="utf-8")
    assert "*" * 100 in lesson


def test_a_title_outside_ascii_keeps_its_page_template(course: Path) -> None:
    edit(
        course,
        "quizzes/choosing-check.yml",
        "title: Check your tea choices",
        "title: Tea ☕🍵 check",
    )
    assert mkdocs_build(course).returncode == 0
    quiz = (course / "site/quizzes/choosing-check.html").read_text(encoding="utf-8")
    assert "assets/quiz.js" in quiz, "the quiz template was used"
    assert "template:" not in quiz, "no front matter left on the page"
    assert "Tea ☕🍵 check" in quiz


def test_a_listed_file_may_not_replace_the_sites_own(course: Path) -> None:
    (course / "content/assets").mkdir()
    (course / "content/assets/quiz.js").write_text('alert("mine")', encoding="utf-8")
    with (course / "content/course.yml").open("a", encoding="utf-8") as syllabus:
        syllabus.write("files: [assets/quiz.js]\n")
    assert "files[0]: `assets/quiz.js` is not allowed here" in coursewright_check(course).stderr
    (course / "content/assets/images").mkdir()
    (course / "content/assets/quiz.js").rename(course / "content/assets/images/favicon.png")
    edit(course, "content/course.yml", "assets/quiz.js", "assets/images/favicon.png")
    result = mkdocs_build(course)
    assert result.returncode == 1
    assert "content/assets/images/favicon.png: the site has a file of its own" in result.stderr


def test_a_source_address_cannot_carry_markup(course: Path) -> None:
    attacks = [
        "https://x.com/[a](javascript:alert(1))",
        "https://x.com/[b](https://y.com){:onmouseover=alert(2)}",
        "https://x.com/![c](https://no.invalid/p.png){:onerror=alert(3)}",
        "https://x.com/" + "[" * 1500,
    ]
    syllabus = (course / "content/course.yml").read_text(encoding="utf-8")
    extra = "".join(
        f"  - id: attack-{i}\n    title: Attack {i}\n    url: '{url}'\n"
        for i, url in enumerate(attacks)
    )
    syllabus = syllabus.replace("sources:\n", "sources:\n" + extra, 1)
    (course / "content/course.yml").write_text(syllabus, encoding="utf-8")
    result = mkdocs_build(course)
    assert result.returncode == 0, result.stderr
    from html.parser import HTMLParser

    found: list[str] = []

    class Parsed(HTMLParser):  # as a browser reads the page: tags and attributes
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            for name, value in attrs:
                if name.startswith("on") or (value or "").lower().startswith("javascript:"):
                    found.append(f"{tag} {name}={value}")
            if tag == "img" and "no.invalid" in str(dict(attrs).get("src")):
                found.append("img")

    html = (course / "site/sources.html").read_text(encoding="utf-8")
    Parsed().feed(html)
    assert found == []
    assert "%5Ba%5D%28javascript:alert%281%29%29" in html


MINIMAL = """site_name: ""
docs_dir: content
exclude_docs: |
  *.yml
  *.schema.json
use_directory_urls: false
theme:
  name: material
plugins:
  - search
  - offline
  - coursewright
"""


def test_the_plugin_brings_its_own_templates_assets_and_extensions(course: Path) -> None:
    """No custom_dir, no Markdown extensions, no name: the course's title and summary name the
    site, the pages come out whole, and nothing is fetched from another site."""
    (course / "mkdocs.yml").write_text(MINIMAL, encoding="utf-8")
    result = mkdocs_build(course)
    assert result.returncode == 0, result.stderr
    site = course / "site"
    quiz = (site / "quizzes" / "choosing-check.html").read_text(encoding="utf-8")
    lesson = (site / "lessons" / "choosing.html").read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    for raw in ("!!!", "???", '=== "', "{#", "{ .cw", 'markdown="block"'):
        assert raw not in quiz + lesson + home, raw
    assert '<details class="note cw-key">' in quiz
    assert 'src="../assets/quiz.js"' in quiz
    assert "25 minutes of lessons" in home
    (course / "mkdocs.yml").write_text(
        MINIMAL.replace("  - coursewright\n", "  - coursewright:\n      edition: trainer\n"),
        encoding="utf-8",
    )
    assert mkdocs_build(course, "--site-dir", "trainer").returncode == 0
    notes = (course / "trainer/trainer/notes.html").read_text(encoding="utf-8")
    assert 'class="tabbed-set' in notes
    assert "<title>Brewing tea for a crowd</title>" in home
    assert '<meta name="description" content="How to brew' in home
    assert "unpkg.com" not in quiz
    for asset in ("quiz.js", "quiz.css", "coursewright.css", "coursewright.js"):
        assert (site / "assets" / asset).is_file(), asset


def test_a_sites_own_overrides_still_win(course: Path) -> None:
    (course / "mkdocs.yml").write_text(
        MINIMAL.replace("  name: material\n", "  name: material\n  custom_dir: mine\n"),
        encoding="utf-8",
    )
    (course / "mine/assets").mkdir(parents=True)
    (course / "mine/assets/quiz.css").write_text("/* mine */\n", encoding="utf-8")
    assert mkdocs_build(course).returncode == 0
    assert (course / "site/assets/quiz.css").read_text(encoding="utf-8") == "/* mine */\n"
    assert (course / "site/assets/quiz.js").is_file()


def test_another_theme_gets_a_message_not_a_traceback(course: Path) -> None:
    config = MINIMAL.replace("material", "mkdocs").replace("  - offline\n", "")
    (course / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(course)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "course pages need the Material theme, not `mkdocs`" in result.stderr


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
"""A picture of one pixel."""


def test_a_picture_shows_with_its_words_and_cannot_carry_markup(course: Path) -> None:
    (course / "content/images").mkdir()
    (course / "content/images/tea.png").write_bytes(PNG)
    alt = '"><script>alert(1)</script> {: onclick=alert(2) } & *tea*'
    with (course / "content/scenarios/late-guests.yml").open("a", encoding="utf-8") as scenario:
        scenario.write(
            f"picture:\n  file: images/tea.png\n  alt: '{alt}'\n  caption: A *full* pot.\n"
        )
    result = mkdocs_build(course)
    assert result.returncode == 0, result.stderr
    from html.parser import HTMLParser

    images: list[dict[str, str | None]] = []
    tags: list[str] = []

    class Parsed(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append(tag)
            if tag == "img" and "tea.png" in str(dict(attrs).get("src")):
                images.append(dict(attrs))
            assert not [name for name, _ in attrs if name.startswith("on")], (tag, attrs)

    html = (course / "site/scenarios/late-guests.html").read_text(encoding="utf-8")
    Parsed().feed(html)
    assert images == [{"src": "../images/tea.png", "alt": alt, "loading": "lazy"}]
    assert (course / "site/images/tea.png").read_bytes() == PNG
    assert "<figcaption>A <em>full</em> pot.</figcaption>" in html
    assert "<script>alert" not in html


def test_pages_of_ones_own_sit_where_the_author_says(course: Path) -> None:
    (course / "content/pages").mkdir()
    (course / "content/pages/about.md").write_text(
        "# Who we are\n\nWe *brew* tea <script>alert(1)</script>.\n\n- cups\n- pots\n"
        "  and kettles\n\n1. boil\n2. pour\n",
        encoding="utf-8",
    )
    (course / "content/pages/before.md").write_text("Bring a mug.\n", encoding="utf-8")
    with (course / "content/course.yml").open("a", encoding="utf-8") as syllabus:
        syllabus.write(
            "pages:\n  - id: about\n    title: About this course\n    after: home\n"
            "  - id: before\n    title: Before the workshop\n"
        )
    result = mkdocs_build(course)
    assert result.returncode == 0, result.stderr
    about = (course / "site/pages/about.html").read_text(encoding="utf-8")
    assert '<h2 id="who-we-are">Who we are' in about
    assert "<em>brew</em> tea &lt;script&gt;alert(1)&lt;/script&gt;." in about
    assert "<li>pots and kettles</li>" in about
    assert "<ol>\n<li>boil</li>" in about
    from generator.loader import load_course
    from generator.render import render_site

    nav = render_site(load_course(course)).nav
    titles = [next(iter(item)) for item in nav if isinstance(item, dict)]
    assert titles == [
        "Home",
        "About this course",
        "Lesson 1: Choosing tea and water",
        "Lesson 2: Serving on time",
        "Tea too strong",
        "All scenarios",
        "Your progress",
        "Course record",
        "Glossary",
        "Sources",
        "Printable handout",
        "Before the workshop",
    ]
    assert 'href="pages/about.html"' in (course / "site/index.html").read_text(encoding="utf-8")
    assert not (course / "site/pages/about.md").exists()


def test_the_learner_edition_refuses_to_carry_a_trainer_only_text(course: Path) -> None:
    """The build's own guard: a facilitator note written again as a key point stops it."""
    edit(
        course,
        "content/course.yml",
        "        notes: Take two or three questions.",
        "        notes: Serve the first pot before the guests sit down.",
    )
    edit(
        course,
        "content/lessons/serving.yml",
        "key_points:\n",
        "key_points:\n  - Serve the first pot before the guests sit down.\n",
    )
    result = mkdocs_build(course)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "lessons/serving.md: a trainer-only text would reach the learner edition" in result.stderr
    )
    assert not (course / "site").exists()


def test_compiled_templates_outlive_the_template_environment() -> None:
    """MkDocs makes a new template environment for each preview rebuild; the plugin's cache
    keeps the compiled templates, and a changed template is compiled afresh."""
    from jinja2 import DictLoader, Environment
    from jinja2.bccache import Bucket

    from generator.preview import Compiled

    class Counting(Compiled):
        compiled = 0

        def dump_bytecode(self, bucket: Bucket) -> None:
            self.compiled += 1
            super().dump_bytecode(bucket)

    cache = Counting()
    templates = {"page.html": "<h1>{{ title }}</h1>"}
    first = Environment(loader=DictLoader(templates), bytecode_cache=cache)
    assert first.get_template("page.html").render(title="A") == "<h1>A</h1>"
    second = Environment(loader=DictLoader(templates), bytecode_cache=cache)
    assert second.get_template("page.html").render(title="B") == "<h1>B</h1>"
    assert cache.compiled == 1  # the second environment loaded it
    templates["page.html"] = "<h2>{{ title }}</h2>"
    third = Environment(loader=DictLoader(templates), bytecode_cache=cache)
    assert third.get_template("page.html").render(title="C") == "<h2>C</h2>"
    assert cache.compiled == 2


def test_a_preview_builds_a_large_changed_page_after_the_small_ones() -> None:
    """The printable handout of a long course follows in a rebuild of its own, so the page
    being edited shows first; alone, a large page is built at once."""
    from generator.plugin.live import LARGE, later
    from generator.render import Page

    pages = [Page("a.md", "x" * 10, None), Page("handout.md", "x" * (LARGE + 1), None)]
    assert later({"a.md", "handout.md"}, pages) == {"handout.md"}
    assert later({"handout.md"}, pages) == set()
    assert later({"a.md"}, pages) == set()


def test_the_preview_guard_reads_every_page_again_when_a_trainer_text_changes(
    course: Path,
) -> None:
    """Between preview rebuilds the guard reads only the pages that changed, unless the
    trainer-only texts changed: a new facilitator note that repeats a learner page's words is
    caught on that page, though the page itself did not change."""
    from mkdocs.exceptions import PluginError

    from generator.edition import edition
    from generator.loader import load_course
    from generator.plugin import CoursePlugin
    from generator.render import render_site

    plugin = CoursePlugin()
    loaded = load_course(course)
    plugin.site = render_site(edition(loaded, "learner"))
    plugin._guard(loaded)
    plugin.previous = {page.path: page.markdown for page in plugin.site.pages}
    edit(
        course,
        "content/lessons/choosing.yml",
        "facilitator_notes:\n",
        "facilitator_notes:\n  - Your tea is far too strong.\n",
    )
    loaded = load_course(course)
    plugin.site = render_site(edition(loaded, "learner"))
    with pytest.raises(PluginError, match="scenarios/strong-tea.md: a trainer-only text"):
        plugin._guard(loaded)
