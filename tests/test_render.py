"""Rendering: golden Markdown for the sample course, determinism, and how author text is escaped."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from conftest import HERE, ROOT, TEA, edit
from pydantic import ValidationError

from generator import widgets
from generator.edition import edition, trainer_only
from generator.loader import load_course
from generator.markup import blocks, href, inline
from generator.models import Answer, Example
from generator.navigation import NavItem, showing
from generator.render import render_site

GOLDEN = HERE / "golden" / "tea"


def expected_files() -> dict[str, str]:
    site = render_site(edition(load_course(TEA), "learner"))  # the learner edition, as published
    files = {page.path: page.markdown for page in site.pages}
    files["nav.json"] = json.dumps(site.nav, indent=2) + "\n"
    return files


def test_pages_match_the_golden_files(update_goldens: bool) -> None:
    actual = expected_files()
    if update_goldens:
        for path, text in actual.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    on_disk = {
        path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(GOLDEN.rglob("*"))
        if path.is_file()
    }
    assert sorted(actual) == sorted(on_disk), (
        "run `pytest --update-goldens` after a deliberate change"
    )
    for path, text in actual.items():
        assert text == on_disk[path], f"{path} differs; review, then `pytest --update-goldens`"


def test_rendering_is_deterministic() -> None:
    assert expected_files() == expected_files()


def test_each_page_names_its_source_file() -> None:
    sources = {page.path: page.source for page in render_site(load_course(TEA)).pages}
    assert sources["index.md"] == "content/course.yml"
    assert sources["lessons/serving.md"] == "content/lessons/serving.yml"
    assert sources["quizzes/choosing-check.md"] == "quizzes/choosing-check.yml"
    assert sources["scenarios/index.md"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Plain *emphasis* and [a link](https://example.org).",
            "Plain *emphasis* and [a link](https://example.org).",
        ),
        ("<script>alert(1)</script> & more", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"),
        ("  folded\n  onto   one line ", "folded onto one line"),
        ("# not a heading", "\\# not a heading"),
        ("ends with a hash #", "ends with a hash \\#"),
        ("- not a list", "\\- not a list"),
        ("1. not a list", "\\1. not a list"),
        ("!!! note not an admonition", "\\!\\!\\! note not an admonition"),
        (
            "[x](javascript:alert(1)) ![i](https://e.org/i.png)",
            "\\[x\\](javascript:alert(1)) \\![i](https://e.org/i.png)",
        ),
        ("{: onclick=go} {{ jinja }}", "\\{: onclick=go\\} \\{\\{ jinja \\}\\}"),
        ("`<b>` stays code", "<code>&lt;b&gt;</code> stays code"),
        ("`a*b*` and `` x`y ``", "<code>a\\*b\\*</code> and <code> x\\`y </code>"),
        ("a ` alone", "a \\` alone"),
        ("---", "\\---"),
        ("***", "\\***"),
        ("___", "\\___"),
        ("~~~", "&#126;~~"),
        ("~~~ & <b>", "&#126;~~ &amp; &lt;b&gt;"),
    ],
)
def test_inline_text_cannot_change_the_page_structure(text: str, expected: str) -> None:
    assert inline(text) == expected


def test_a_table_cell_keeps_its_pipes_escaped() -> None:
    assert inline("a | b `c|d`") == "a \\| b <code>c\\|d</code>"


def test_blocks_keep_paragraphs() -> None:
    assert blocks("One\nline.\n\n\nTwo.\n") == "One line.\n\nTwo."


@pytest.mark.parametrize(
    ("target", "page", "expected"),
    [
        ("lessons/a.md", "index.md", "lessons/a.md"),
        ("lessons/a.md#g", "quizzes/q.md", "../lessons/a.md#g"),
        ("glossary.md#t", "lessons/a.md", "../glossary.md#t"),
    ],
)
def test_links_are_relative(target: str, page: str, expected: str) -> None:
    assert href(target, page) == expected


def test_golden_folder_is_not_empty() -> None:
    assert (GOLDEN / "index.md").is_file()
    assert Path(GOLDEN / "nav.json").is_file()


def test_long_navigation_sections_become_numbered_groups() -> None:
    from generator.navigation import chunked as _chunked

    items: list[NavItem] = [{f"Lesson {n}": f"lessons/l{n}.md"} for n in range(1, 61)]
    assert _chunked("Lessons", items[:30]) == items[:30]
    groups = _chunked("Lessons", items)
    assert [next(iter(group)) for group in groups] == [
        "Lessons 1–25",
        "Lessons 26–50",
        "Lessons 51–60",
    ]
    sizes = [
        len(entries) for group in groups if isinstance(group, dict) for entries in group.values()
    ]
    assert sum(sizes) == 60


def test_saved_answers_are_named_by_the_course_id_not_its_title(course: Path) -> None:
    def names(project: Path) -> set[str]:
        pages = render_site(load_course(project)).pages
        return {name for p in pages for name in re.findall(r'data-course="([^"]*)"', p.markdown)}

    assert names(course) == {"brewing-tea-for-a-crowd"}
    edit(course, "content/course.yml", "title: Brewing tea for a crowd", "title: Thé pour tous")
    assert names(course) == {"brewing-tea-for-a-crowd"}, "a new title keeps learners' answers"


def test_scenarios_are_listed_in_teaching_order(course: Path) -> None:
    late = (course / "content/scenarios/late-guests.yml").read_text(encoding="utf-8")
    # File names that sort against the order the lessons teach their guidelines.
    (course / "content/scenarios/z-first.yml").write_text(
        late.replace("[batch-brew]", "[mild-tea]"), encoding="utf-8"
    )
    (course / "content/scenarios/a-second.yml").write_text(late, encoding="utf-8")
    pages = render_site(load_course(course)).pages
    index = next(p for p in pages if p.path == "scenarios/index.md").markdown
    host = index.split("## You are the host")[1].split("## ")[0]
    assert re.findall(r"\(([a-z-]+)\.md\)", host) == ["z-first", "a-second", "late-guests"]


def test_generated_sentences_do_not_repeat_themselves() -> None:
    pages = {p.path: p.markdown for p in render_site(load_course(ROOT)).pages}
    text = "\n".join(markdown for path, markdown in pages.items() if path != "handout.md")
    assert "Self-check: Self-check" not in text
    assert "What would you do?" not in text
    assert "open the graded options" not in text
    assert text.count("Choose every answer that applies.") == sum(
        1 for q in load_course(ROOT).quizzes.values() for x in q.questions if x.type == "multiple"
    )


CODE_ATTACKS = [
    "`</label></legend></fieldset></form></div><img src=x onerror=alert(1)>`",
    "``</details>`` <img src=x onerror=alert(2)>",
    "`<script>alert(3)</script>` `*not emphasis*` `[no](https://e.org)`",
    "*" * 5000 + "deep" + "*" * 5000,
    "`" * 10_001,
]


@pytest.mark.parametrize("text", CODE_ATTACKS, ids=range(len(CODE_ATTACKS)))
def test_code_spans_stay_text_inside_html_blocks(text: str) -> None:
    """Inside a form (Markdown in HTML blocks), as the site's Markdown reader parses it."""
    from html.parser import HTMLParser

    import markdown

    source = widgets.item("q", "single", [Answer(text, "right", "")], "c") + "\n"
    source += widgets.form("q", "single", text, [Answer(text, "right", "")]) + "\n\n</div>\n"
    html = markdown.markdown(source, extensions=["md_in_html", "attr_list", "pymdownx.details"])

    class Tags(HTMLParser):
        found: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found.append(tag + "".join(f" {name}" for name, _ in attrs))

    tags = Tags()
    tags.found = []
    tags.feed(html)
    assert not [t for t in tags.found if t.startswith(("img", "script")) or " on" in t], html
    assert html.count("</form>") == 1


def test_titles_show_exactly_as_typed_everywhere(course: Path) -> None:
    edit(
        course,
        "content/lessons/serving.yml",
        "title: Serving on time",
        'title: "See [docs](https://x.org) *now*"',
    )
    edit(course, "content/course.yml", "name: 30-minute talk", 'name: The "big" talk')
    trainer = render_site(load_course(course), "trainer")  # the agendas are the trainer's
    pages = {p.path: p.markdown for p in trainer.pages}
    assert "# See \\[docs\\](https://x.org) \\*now\\*" in pages["lessons/serving.md"]
    assert '=== "The &quot;big&quot; talk"' in pages["trainer/notes.md"]
    assert '# Run-sheet: The "big" talk' in pages["trainer/run-sheets/short.md"]


def test_an_example_is_counted_as_the_page_shows_it() -> None:
    """The limit check and the page's count agree: line breaks and runs of spaces in the YAML
    fold into one space on the page, so they do not count against the limit."""
    text = "Hello  there,\n     friend.\n\nSecond   line."
    example = Example(text=text, max_characters=34)
    shown = "Hello there, friend.\n\nSecond line."
    assert example.length == len(shown) == 34
    assert len(text) == 42
    assert markdown_of_example(example) == "*34 of 34 characters.*"
    with pytest.raises(ValidationError, match="34 characters as shown, over the limit of 33"):
        Example(text=text, max_characters=33)


def markdown_of_example(example: Example) -> str:
    course = load_course(TEA)
    lesson = course.lessons["choosing"]
    guideline = lesson.guidelines[0].model_copy(update={"examples": [example]})
    lesson = lesson.model_copy(update={"guidelines": [guideline]})
    site = render_site(dataclasses.replace(course, lessons={**course.lessons, "choosing": lesson}))
    page = next(p for p in site.pages if p.path == "lessons/choosing.md")
    return next(line.strip() for line in page.markdown.splitlines() if "characters.*" in line)


def test_every_kind_of_question_has_its_partial() -> None:
    """A kind added to the `Question` union without its template would pass `check` and then
    fail the build; this names it first."""
    from typing import get_args

    from generator.questions import Question

    kinds = [
        get_args(model.model_fields["type"].annotation)[0]
        for model in get_args(get_args(Question)[0])
    ]
    folder = ROOT / "generator" / "templates" / "kinds"
    assert sorted(kinds) == ["multiple", "scenario", "single", "true_false"]
    assert [kind for kind in kinds if not (folder / f"{kind}.md.jinja").is_file()] == []


def test_text_links_to_parts_of_the_course_by_id(course: Path) -> None:
    edit(
        course,
        "content/lessons/serving.yml",
        "    why: Tea left too long turns bitter.",
        "    why: Tea left too long turns bitter; see [late guests](scenario:late-guests), "
        "[mild tea](guideline:mild-tea), [the check](quiz:choosing-check) and "
        "[a forged one](coursewright:lesson/choosing).",
    )
    site = render_site(load_course(course))
    lesson = next(p.markdown for p in site.pages if p.path == "lessons/serving.md")
    assert "[late guests](../scenarios/late-guests.md)" in lesson
    assert "[mild tea](choosing.md#mild-tea)" in lesson
    assert "[the check](../quizzes/choosing-check.md)" in lesson
    assert "\\[a forged one\\](coursewright:lesson/choosing)" in lesson


def test_the_trainer_edition_has_the_agendas_notes_and_a_notice_on_every_page() -> None:
    course = load_course(TEA)
    trainer = render_site(edition(course, "trainer"), "trainer")
    home = next(p.markdown for p in trainer.pages if p.path == "index.md")
    assert (
        "- **30-minute talk**: 30 minutes, from 09:00. [Run-sheet](trainer/run-sheets/short.md)"
        in home
    )
    sheet = next(p.markdown for p in trainer.pages if p.path == "trainer/run-sheets/short.md")
    assert "| 09:25–09:30 | 5 | Questions | Take two or three questions. |" in sheet
    assert "A talk with one scenario discussed in the room." in sheet
    pages = [p for p in trainer.pages if p.path.endswith(".md")]
    assert all(
        re.search(r'!!! warning cw-edition[^\n]* "Trainer edition"', p.markdown) for p in pages
    )
    learner = render_site(edition(course, "learner"))
    assert not any("cw-edition" in p.markdown for p in learner.pages)


def test_the_trainer_pack_has_every_note_and_every_answer_and_the_learners_none() -> None:
    course = load_course(TEA)
    trainer = {p.path: p.markdown for p in render_site(edition(course, "trainer"), "trainer").pages}
    notes, key = trainer["trainer/notes.md"], trainer["trainer/answer-key.md"]
    assert "**09:25–09:30 Questions**\n\n    - Take two or three questions." in notes
    assert "    - Bring two sample tins to pass around." in notes
    assert "**B** ✓ (False): Right, few people like it.\n{ .cw-key-line }" in key
    assert "**C** poor: It wastes tea that people here would drink." in key
    learner = render_site(edition(course, "learner"))
    assert not [p.path for p in learner.pages if p.path.startswith("trainer/")]
    assert "For the trainer" not in json.dumps(learner.nav)


def test_a_quiz_answered_in_the_room_reaches_learners_without_its_key(course: Path) -> None:
    """`answers: trainer`: learners get the questions as a sheet, with no mark or feedback
    anywhere, and no score on the progress page; the trainer edition keeps the key."""
    path = course / "quizzes" / "choosing-check.yml"
    path.write_text(path.read_text(encoding="utf-8") + "answers: trainer\n", encoding="utf-8")
    loaded = load_course(course)
    learner = {p.path: p.markdown for p in render_site(edition(loaded, "learner")).pages}
    quiz = learner["quizzes/choosing-check.md"]
    assert "- ☐ **A.** A mild black tea." in quiz
    assert [mark for mark in ("data-mark", "cw-item", "cw-print-key") if mark in quiz] == []
    assert "Most people enjoy a mild black tea." in trainer_only(loaded)
    everything = "\n".join(learner.values())
    assert [t for t in trainer_only(loaded) if t in everything] == []
    assert "choosing-check" not in learner["progress.md"]
    trainer = {p.path: p.markdown for p in render_site(loaded, "trainer").pages}
    assert 'data-mark="right"' in trainer["quizzes/choosing-check.md"]
    assert "Most people enjoy a mild black tea." in trainer["trainer/answer-key.md"]


def test_the_slides_escape_course_text_in_every_context(course: Path) -> None:
    """Body, attribute and `<title>`: hostile text shows as text, and links stay web links."""
    attack = "</title><script>alert(1)</script><img src=x onerror=alert(2)> \"' *kept*"
    edit(
        course,
        "content/lessons/serving.yml",
        "title: Serving on time",
        f"title: '{attack.replace(chr(39), chr(39) * 2)}'",
    )
    edit(
        course,
        "content/lessons/serving.yml",
        "    why: Tea left too long turns bitter.",
        f'    why: "{attack.replace(chr(34), chr(92) + chr(34))} [x](javascript:alert(3))"',
    )
    trainer = {p.path: p.markdown for p in render_site(load_course(course), "trainer").pages}
    deck = trainer["trainer/slides/serving.html"]
    assert "<script>alert" not in deck
    assert "<img" not in deck
    assert 'href="javascript' not in deck.lower()
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in deck.split("</title>")[0]
    assert "<em>kept</em>" in deck
    assert deck.count("<script") == 3  # reveal.js, its notes plugin, the deck's own script


def test_a_renamed_page_is_shown_by_its_section_and_its_neighbours() -> None:
    def nav(home: str = "Home", section: str = "Lesson 1", tea: str = "Tea") -> list[NavItem]:
        return [
            {home: "index.md"},
            {section: [{tea: "lessons/tea.md"}, {"Check": "quizzes/tea.md"}]},
            {"Lesson 2": [{"Water": "lessons/water.md"}]},
            {"Progress": "progress.md"},
        ]

    renamed = nav(tea="Teas")
    assert showing(nav(), renamed, footer=False) == {"lessons/tea.md", "quizzes/tea.md"}
    assert showing(nav(), renamed, footer=True) == {"index.md", "lessons/tea.md", "quizzes/tea.md"}
    assert showing(nav(), nav(home="Start"), footer=False) is None  # shown on every page
    assert showing(nav(), nav(section="Part 1"), footer=False) is None
    assert showing(nav(), nav()[:3], footer=False) is None  # a page gone
    assert showing(nav(), nav(), footer=True) == set()
