"""The command line: exit codes, messages, and the Markdown it writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, TEA, coursewright_check, edit

from generator.cli import MARKER, main
from generator.loader import load_course
from generator.render import render_site


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
        "find expected ',' or ']' (it started on line 3)",
        "quizzes/choosing-check.yml:31:13: questions[2].answer: expected `true` or `false`, "
        "found plain text",
    ]


def test_build_writes_exactly_what_the_plugin_serves(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    assert main(["--root", str(TEA), "build", "--out", str(out)]) == 0
    for page in render_site(load_course(TEA)).pages:
        assert (out / page.path).read_text(encoding="utf-8") == page.markdown
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert written == {page.path for page in render_site(load_course(TEA)).pages} | {MARKER}


def test_build_replaces_its_own_output(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    assert main(["--root", str(TEA), "build", "--out", str(out)]) == 0
    (out / "stale.md").write_text("old", encoding="utf-8")
    assert main(["--root", str(TEA), "build", "--out", str(out)]) == 0
    assert not (out / "stale.md").exists()


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
    before = (out / "index.md").read_text(encoding="utf-8")
    edit(course, "content/course.yml", "title:", "titel:")
    assert main(["--root", str(course), "build", "--out", str(out)]) == 1
    assert (out / "index.md").read_text(encoding="utf-8") == before


def test_schema_writes_one_file_per_kind(tmp_path: Path) -> None:
    assert main(["--root", str(tmp_path), "schema"]) == 0
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.json"))
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
