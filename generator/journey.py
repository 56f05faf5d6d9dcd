"""The learner's way through the course as data for the browser: every step in the course's
order (its kind, id, title, page and questions) and the author's rule for when a lesson and the
course are done. The progress script (`theme/assets/progress.js`) reads it on every page to
mark the navigation, fill the progress bar and lead on to what comes next; everything it
learns about the learner stays in their browser. Pure and deterministic."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from generator.catalog import page
from generator.language import script_words
from generator.widgets import fingerprint

if TYPE_CHECKING:
    from generator.catalog import Catalog, Step
    from generator.models import Course

MAP = "assets/coursewright-course.js"
"""Where the map goes: a script, not JSON, so that a site opened from a folder reads it too."""

_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def course_map(course: Course, catalog: Catalog) -> str:
    """The map as a script that sets `window.coursewrightCourse`. Course text goes in as JSON
    strings, with the characters that could end a script or a line written as escapes."""
    rule = course.syllabus.completion
    data = {
        "course": catalog.course_id,
        "lessonDone": rule.lesson_done,
        "passMark": rule.pass_mark,
        "pages": {kind: page(kind) for kind in ("course", "progress", "record")},
        "steps": [_step(course, catalog, step) for step in catalog.course_order],
        "words": json.loads(script_words(course.syllabus.language) or "{}"),
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    for character, escape in _UNSAFE.items():
        text = text.replace(character, escape)
    return f"window.coursewrightCourse = {text};\n"


def _step(course: Course, catalog: Catalog, step: Step) -> dict[str, Any]:
    """One step: `questions` lists each question's id and answer key, as the pages carry them;
    `tracked` is false for a quiz whose answers only the trainer holds."""
    questions: list[list[str]] = []
    tracked = True
    if step.kind == "scenario":
        answers = course.scenarios[step.ident].answers()
        questions = [[f"scenario:{step.ident}", fingerprint(answers)]]
    elif step.kind == "quiz":
        quiz = course.quizzes[step.ident]
        tracked = quiz.self_marked
        if tracked:
            questions = [[q.id, fingerprint(q.answers(course.scenarios))] for q in quiz.questions]
    return {
        "kind": step.kind,
        "id": step.ident,
        "title": " ".join(catalog.title(step.kind, step.ident).split()),
        "page": page(step.kind, step.ident),
        "lesson": step.lesson,
        "questions": questions,
        "tracked": tracked,
    }
