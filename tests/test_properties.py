"""Property-based tests: whatever an author writes, the loader answers with ContentError or a
course; any valid course renders the same way twice and builds with `mkdocs build --strict`."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, TEA, mkdocs_build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.loader import load_course
from generator.models import CONTROL_CHARACTERS
from generator.problems import ContentError
from generator.render import render_site

FUZZ = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "course"
        shutil.copytree(TEA, project)
        yield project


def load_with(project: Path, rel: str, content: bytes) -> None:
    """Replace one file of the sample course, load it, and put the file back."""
    original = (TEA / rel).read_bytes()
    (project / rel).write_bytes(content)
    try:
        problems = problems_of(project)
    finally:
        (project / rel).write_bytes(original)
    assert all(str(problem).startswith(rel) for problem in problems)


def problems_of(project: Path) -> list[str]:
    """Load the course: anything but a course or a ContentError escapes and fails the test."""
    try:
        load_course(project)
    except ContentError as error:
        return [str(problem) for problem in error.problems] or ["(an empty ContentError)"]
    return []


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_give_a_content_error_or_a_course(scratch: Path, content: bytes) -> None:
    load_with(scratch, "content/lessons/serving.yml", content)


@FUZZ
@given(st.text(max_size=400))
def test_any_text_gives_a_content_error_or_a_course(scratch: Path, content: str) -> None:
    load_with(scratch, "quizzes/choosing-check.yml", content.encode("utf-8", "surrogatepass"))


SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
)
KEYS = st.sampled_from(
    ["title", "summary", "minutes", "objectives", "id", "text", "guidelines", "do", "why",
     "sources", "key_points", "questions", "type", "choices", "correct", "feedback", "extra"]
)  # fmt: skip
STRUCTURES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=5),
    max_leaves=25,
)


@FUZZ
@given(st.dictionaries(KEYS, STRUCTURES, max_size=8))
def test_any_structure_gives_a_content_error_or_a_course(scratch: Path, data: Any) -> None:
    content = yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    load_with(scratch, "content/lessons/serving.yml", content)


FILES = [
    "content/course.yml",
    "content/lessons/serving.yml",
    "content/scenarios/late-guests.yml",
    "quizzes/choosing-check.yml",
]


def paths(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key and index path in a YAML document."""
    found = [here] if here else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths(value, (*here, index))
    return found


def mutate(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    """`data` with the item at `path` removed (value None) or replaced."""
    *parents, last = path
    target = data
    for part in parents:
        target = target[part]
    if value is None:
        del target[last]
    else:
        target[last] = value
    return data


@pytest.mark.parametrize("rel", FILES)
@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_file_with_a_part_removed_or_changed_gives_a_content_error_or_a_course(
    scratch: Path, rel: str, data: st.DataObject
) -> None:
    """Every kind of file, each part of it removed or replaced by anything at all."""
    original = yaml.safe_load((TEA / rel).read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(paths(original)))
    value = data.draw(st.none() | STRUCTURES)
    content = yaml.safe_dump(mutate(original, path, value), allow_unicode=True)
    (scratch / rel).write_text(content, encoding="utf-8")
    try:  # other files may now have problems too (a lesson left out, a guideline gone)
        problems_of(scratch)
    finally:
        shutil.copyfile(TEA / rel, scratch / rel)


AUTHOR_CHARACTERS = st.characters(exclude_categories=["Cc", "Cs"]).filter(
    lambda c: not CONTROL_CHARACTERS.match(c)
)  # any character an author may write: control characters are refused
TEXT = st.text(AUTHOR_CHARACTERS, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
IDS = st.from_regex(r"[a-z][a-z0-9]{0,5}", fullmatch=True)


@st.composite
def courses(draw: st.DrawFn) -> dict[str, Any]:
    """A random valid course: every reference resolves and every objective is assessed."""
    ids = iter(draw(st.lists(IDS, min_size=40, max_size=40, unique=True)))
    source = next(ids)
    lessons: dict[str, Any] = {}
    questions: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(1, 3))):
        objective = next(ids)
        guideline = {"id": next(ids), "title": draw(TEXT), "do": [draw(TEXT)], "why": draw(TEXT),
                     "sources": [source]}  # fmt: skip
        lessons[next(ids)] = {
            "title": draw(TEXT), "summary": draw(TEXT), "minutes": draw(st.integers(1, 60)),
            "objectives": [{"id": objective, "text": draw(TEXT)}], "guidelines": [guideline],
            "key_points": [draw(TEXT)], "introduction": draw(st.none() | TEXT),
        }  # fmt: skip
        right = draw(st.booleans())
        questions.append({
            "id": next(ids), "type": "single", "objective": objective, "prompt": draw(TEXT),
            "choices": [{"text": draw(TEXT), "correct": right, "feedback": draw(TEXT)},
                        {"text": draw(TEXT), "correct": not right, "feedback": draw(TEXT)}],
        })  # fmt: skip
    guideline_ids = [lesson["guidelines"][0]["id"] for lesson in lessons.values()]
    scenario = {
        "title": draw(TEXT), "situation": draw(TEXT), "question": draw(TEXT),
        "options": [{"text": draw(TEXT), "grade": g, "feedback": draw(TEXT)}
                    for g in ("best", "poor")],
        "takeaway": draw(TEXT), "guidelines": guideline_ids[:1], "sources": [source],
    }  # fmt: skip
    course = {
        "id": "random-course", "title": draw(TEXT), "summary": draw(TEXT), "audience": draw(TEXT),
        "outcomes": [draw(TEXT)], "lessons": list(lessons),
        "sources": [{"id": source, "title": draw(TEXT), "author": draw(st.none() | TEXT)}],
        "glossary": [{"id": next(ids), "term": draw(TEXT), "definition": draw(TEXT)}],
    }  # fmt: skip
    files = {"content/course.yml": course, f"content/scenarios/{next(ids)}.yml": scenario}
    files.update({f"content/lessons/{slug}.yml": lesson for slug, lesson in lessons.items()})
    files[f"quizzes/{next(ids)}.yml"] = {"title": draw(TEXT), "questions": questions}
    return files


def write(project: Path, files: dict[str, Any]) -> None:
    for rel, data in files.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(courses())
def test_a_valid_course_renders_the_same_twice(files: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder), files)
        first = render_site(load_course(Path(folder)))
        second = render_site(load_course(Path(folder)))
    assert first == second


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(courses())
def test_a_valid_course_builds_strictly(files: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        write(project, files)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
        result = mkdocs_build(project, "--quiet")
        assert result.returncode == 0, result.stderr
