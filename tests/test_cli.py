"""The command line: exit codes, messages, and the Markdown it writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, TEA, coursewright_check, edit

from generator.cli import main
from generator.edition import edition
from generator.loader import load_course
from generator.render import THEME, render_site
from generator.writer import MARKER


def test_check_passes_a_good_course(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(TEA), "check"]) == 0
    assert capsys.readouterr().out == "ok: 2 lessons, 2 scenarios, 1 quiz\n"


def test_check_reports_problems_without_a_traceback(course: Path) -> None:
    edit(course, "content/lessons/serving.yml", "minutes: 15", "minutes: [15")
    edit(course, "quizzes/choosing-check.yml", "answer: false", "answer: maybe")
    result = coursewright_check(course)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "2 problems in the course:",
        "content/lessons/serving.yml:4:11: YAML syntax: while parsing a flow sequence did not "
        "find expected ',' or ']' (the [ list began on line 3)",
        "quizzes/choosing-check.yml:31:13: questions[2].answer: expected `true` or `false`, "
        "found plain text",
    ]


def test_build_writes_exactly_what_the_plugin_serves(tmp_path: Path) -> None:
    out = tmp_path / "project"
    assert main(["--root", str(TEA), "build", "--out", str(out)]) == 0
    pages = render_site(edition(load_course(TEA), "learner")).pages
    for page in pages:
        assert (out / "docs" / page.path).read_text(encoding="utf-8") == page.markdown
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    theme = {p.relative_to(THEME).as_posix() for p in THEME.rglob("*") if p.is_file()}
    assert written == {f"docs/{page.path}" for page in pages} | {
        f"overrides/{rel}" for rel in theme if not rel.startswith("assets/deck/")
    } | {MARKER, "zensical.toml"}


def test_build_replaces_its_own_output(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    assert main(["--root", str(TEA), "build", "--out", str(out)]) == 0
    (out / "docs" / "stale.md").write_text("old", encoding="utf-8")
    assert main(["--root", str(TEA), "build", "--out", str(out)]) == 0
    assert not (out / "docs" / "stale.md").exists()


def test_build_refuses_a_folder_it_did_not_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    assert main(["--root", str(TEA), "build", "--out", str(out)]) == 2
    assert "is not empty and was not written by coursewright" in capsys.readouterr().err
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_build_never_writes_into_the_course_folders(course: Path) -> None:
    before = sorted(p.as_posix() for p in (course / "content").rglob("*"))
    assert main(["--root", str(course), "build", "--out", str(course / "content" / "x")]) == 2
    assert sorted(p.as_posix() for p in (course / "content").rglob("*")) == before


def test_build_of_broken_content_leaves_the_previous_output(course: Path) -> None:
    out = course.parent / "pages"
    assert main(["--root", str(course), "build", "--out", str(out)]) == 0
    before = (out / "docs" / "index.md").read_text(encoding="utf-8")
    edit(course, "content/course.yml", "title:", "titel:")
    assert main(["--root", str(course), "build", "--out", str(out)]) == 1
    assert (out / "docs" / "index.md").read_text(encoding="utf-8") == before


def test_schema_writes_one_file_per_kind(course: Path) -> None:
    for old in course.rglob("*.schema.json"):
        old.unlink()
    assert main(["--root", str(course), "schema"]) == 0
    written = sorted(p.relative_to(course).as_posix() for p in course.rglob("*.json"))
    assert written == [
        "content/course.schema.json",
        "content/lesson.schema.json",
        "content/scenario.schema.json",
        "quizzes/quiz.schema.json",
    ]


def test_committed_schemas_match_the_models() -> None:
    from generator.loader import schema_files

    for rel, text in schema_files().items():
        assert (ROOT / rel).read_text(encoding="utf-8") == text, f"run `coursewright schema`: {rel}"


def test_every_shipped_yaml_file_names_its_schema() -> None:
    for path in [*(ROOT / "content").rglob("*.yml"), *(ROOT / "quizzes").rglob("*.yml")]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), f"{path}: {schema} does not exist"


def test_build_leaves_a_folder_it_did_not_make_alone(course: Path) -> None:
    out = course.parent / "docs"
    mine = course.parent / ".docs-old"
    mine.mkdir()
    (mine / "keep.txt").write_text("the author's", encoding="utf-8")
    for _ in range(2):  # the second build replaces the first
        assert main(["--root", str(course), "build", "--out", str(out)]) == 0
    assert (mine / "keep.txt").read_text(encoding="utf-8") == "the author's"
    assert sorted(p.name for p in course.parent.iterdir()) == [".docs-old", "docs", "project"]


def test_schema_replaces_a_planted_link_instead_of_following_it(course: Path) -> None:
    target = course.parent / "victim.txt"
    target.write_text("precious", encoding="utf-8")
    (course / "content/course.schema.json").unlink(missing_ok=True)
    (course / "content/course.schema.json").symlink_to(target)
    assert main(["--root", str(course), "schema"]) == 0
    assert target.read_text(encoding="utf-8") == "precious"
    assert not (course / "content/course.schema.json").is_symlink()


def test_schema_and_check_outside_a_course_say_where_it_is(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inner = course / "content" / "lessons"
    assert main(["--root", str(inner), "schema"]) == 2
    assert "no course in" in capsys.readouterr().err
    assert not (inner / "content").exists(), "no nested content/ folder"
    assert main(["--root", str(inner), "check"]) == 1
    assert f"the course is in {course}: run from there or pass --root" in capsys.readouterr().err


def test_interrupted_build_changes_nothing(
    course: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = course.parent / "docs"
    assert main(["--root", str(course), "build", "--out", str(out)]) == 0
    before = sorted(p.relative_to(out) for p in out.rglob("*"))

    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "write_text", interrupt)
    assert main(["--root", str(course), "build", "--out", str(out)]) == 130
    assert capsys.readouterr().err == "coursewright: interrupted; nothing was changed\n"
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert sorted(p.name for p in course.parent.iterdir()) == ["docs", "project"]


def test_a_full_disk_names_the_folder(
    course: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full)
    out = course.parent / "docs"
    assert main(["--root", str(course), "build", "--out", str(out)]) == 1
    assert capsys.readouterr().err == f"coursewright: {out}: No space left on device\n"
    assert not out.exists()


def test_check_refuses_a_site_config_without_the_plugin(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(course, "mkdocs.yml", "  - coursewright:\n", "  - search2:\n")
    assert main(["--root", str(course), "check"]) == 2
    assert "the coursewright plugin is not under `plugins:`" in capsys.readouterr().err


def test_without_the_plugin_no_course_source_is_published(course: Path) -> None:
    from conftest import mkdocs_build

    config = (course / "mkdocs.yml").read_text(encoding="utf-8")
    plugin = config[config.index("  - coursewright:") : config.index("validation:")]
    (course / "mkdocs.yml").write_text(config.replace(plugin, ""), encoding="utf-8")
    mkdocs_build(course, strict=False)
    assert not [
        p
        for p in (course / "site").rglob("*")
        if p.suffix in (".yml", ".json") and "search" not in p.parts
    ]


def test_check_warns_of_a_quiz_that_assesses_a_lesson_the_format_leaves_out(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        course,
        "content/course.yml",
        "      - lesson: choosing\n      - lesson: serving\n      - slot: Questions",
        "      - lesson: serving\n      - quiz: choosing-check\n        minutes: 5\n"
        "      - slot: Questions",
    )
    assert main(["--root", str(course), "check"]) == 0
    shown = capsys.readouterr()
    assert shown.out == "ok: 2 lessons, 2 scenarios, 1 quiz\n"
    assert shown.err == (
        "warning: content/course.yml:18:15: formats[0].agenda[1].quiz: quiz `choosing-check` "
        "assesses lesson `choosing`, which this format leaves out; teach the lesson, or take a "
        "quiz that fits\n"
    )


def test_build_writes_the_trainer_edition_with_its_slides_when_asked(tmp_path: Path) -> None:
    learner, trainer = tmp_path / "learner", tmp_path / "trainer"
    assert main(["--root", str(TEA), "build", "--out", str(learner)]) == 0
    assert main(["--root", str(TEA), "build", "--out", str(trainer), "--edition", "trainer"]) == 0
    assert not (learner / "docs/trainer").exists()
    assert not (learner / "overrides/assets/deck").exists()
    assert (learner / "docs/assets/coursewright-course.js").is_file()  # the map, both editions
    assert (trainer / "docs/trainer/run-sheets/two-day.md").is_file()
    slides = (trainer / "docs/trainer/slides/serving.html").read_text(encoding="utf-8")
    assert 'src="../../assets/deck/reveal.js"' in slides
    assert (trainer / "overrides/assets/deck/reveal.js").is_file()
