"""Synthetic courses in the public YAML format, for benchmarks: N lessons of about 800 words,
five quiz questions per lesson (one self-check per five lessons), one scenario per four."""

from __future__ import annotations

import random
from pathlib import Path  # noqa: TC003 - used at run time by callers' type hints
from typing import Any

import yaml

WORDS = [
    "network",
    "contact",
    "invite",
    "note",
    "profile",
    "message",
    "reason",
    "value",
    "trust",
    "group",
    "event",
    "meeting",
    "share",
    "follow",
    "connect",
    "accept",
    "decline",
    "context",
    "common",
    "ground",
    "short",
    "personal",
    "career",
    "field",
    "industry",
    "respect",
    "time",
    "busy",
    "reply",
    "thank",
    "conversation",
    "relationship",
    "mentor",
    "project",
    "interest",
    "expert",
    "leader",
    "team",
    "company",
    "client",
    "partner",
    "referral",
    "introduce",
    "email",
    "write",
    "read",
    "learn",
    "grow",
    "ask",
]
PERSPECTIVES = ["sending", "receiving", "after"]
QUIZ_EVERY = 5
SCENARIO_EVERY = 4
"""One self-check (five questions a lesson) per five lessons; one scenario per four lessons."""


def sentence(rng: random.Random, words: int = 12) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def lesson(rng: random.Random, n: int) -> dict[str, Any]:
    guidelines = [
        {
            "id": f"g{n}-{k}",
            "title": sentence(rng, 4).rstrip("."),
            "do": [sentence(rng) for _ in range(3)],
            "avoid": [sentence(rng) for _ in range(2)],
            "why": paragraph(rng, 3),
            "sources": [f"source-{(n + k) % 5}"],
        }
        for k in range(3)
    ]
    return {
        "title": f"Lesson {n}: {sentence(rng, 3).rstrip('.')}",
        "summary": sentence(rng, 20),
        "minutes": 10,
        "objectives": [{"id": f"o{n}-{k}", "text": sentence(rng, 10)} for k in range(2)],
        "introduction": "\n\n".join(paragraph(rng, 6) for _ in range(3)),
        "terms": [f"term-{n % 10}"],
        "guidelines": guidelines,
        "key_points": [sentence(rng) for _ in range(4)],
        "discussion": [sentence(rng, 10) for _ in range(2)],
        "facilitator_notes": [sentence(rng, 15) for _ in range(2)],
    }


def scenario(rng: random.Random, n: int) -> dict[str, Any]:
    grades = ["best", "acceptable", "poor"]
    return {
        "title": f"Scenario {n}: {sentence(rng, 3).rstrip('.')}",
        "perspective": PERSPECTIVES[n % 3],
        "situation": paragraph(rng, 4),
        "question": sentence(rng, 8).rstrip(".") + "?",
        "options": [
            {"text": sentence(rng), "grade": grade, "feedback": sentence(rng, 16)}
            for grade in grades
        ],
        "takeaway": sentence(rng, 14),
        "guidelines": [f"g{SCENARIO_EVERY * n}-0"],
        "sources": [f"source-{n % 5}"],
    }


def quiz(rng: random.Random, first: int, lessons: int, scenarios: int) -> dict[str, Any]:
    """A self-check over `lessons` lessons from `first` on: five questions per lesson."""

    def choice(correct: bool) -> dict[str, Any]:
        return {"text": sentence(rng, 8), "correct": correct, "feedback": sentence(rng, 12)}

    questions: list[dict[str, Any]] = []
    for n in range(first, first + lessons):
        questions += [
            {"id": f"q{n}-{k}", "type": "single", "objective": f"o{n}-{k}",
             "prompt": sentence(rng, 10), "choices": [choice(True), choice(False), choice(False)]}
            for k in range(2)
        ]  # fmt: skip
        questions.append(
            {"id": f"q{n}-2", "type": "multiple", "objective": f"o{n}-0", "prompt": sentence(rng),
             "choices": [choice(True), choice(True), choice(False), choice(False)]}
        )  # fmt: skip
        questions.append(
            {"id": f"q{n}-3", "type": "true_false", "objective": f"o{n}-1",
             "prompt": sentence(rng), "answer": True, "feedback_true": sentence(rng),
             "feedback_false": sentence(rng)}
        )  # fmt: skip
        questions.append(
            {"id": f"q{n}-4", "type": "scenario", "objective": f"o{n}-1",
             "scenario": f"scenario-{n % scenarios}"}
        )  # fmt: skip
    return {"title": f"Self-check {first // QUIZ_EVERY + 1}", "lesson": f"lesson-{first}",
            "questions": questions}  # fmt: skip


def write_course(root: Path, lessons: int, seed: int = 1) -> None:
    """Write a course of `lessons` lessons below `root` (content/ and quizzes/)."""
    rng = random.Random(seed)
    scenarios = max(1, lessons // SCENARIO_EVERY)
    files: dict[str, Any] = {
        "content/course.yml": {
            "id": f"synthetic-{lessons}",
            "title": f"Synthetic course of {lessons} lessons",
            "summary": paragraph(rng, 2),
            "audience": sentence(rng),
            "outcomes": [sentence(rng) for _ in range(4)],
            "lessons": [f"lesson-{n}" for n in range(lessons)],
            "perspectives": [{"id": p, "title": p.title()} for p in PERSPECTIVES],
            "sources": [{"id": f"source-{k}", "title": sentence(rng, 6)} for k in range(5)],
            "glossary": [
                {"id": f"term-{k}", "term": f"Term {k}", "definition": sentence(rng)}
                for k in range(10)
            ],
        }
    }
    for n in range(lessons):
        files[f"content/lessons/lesson-{n}.yml"] = lesson(rng, n)
    for first in range(0, lessons, QUIZ_EVERY):
        size = min(QUIZ_EVERY, lessons - first)
        files[f"quizzes/check-{first // QUIZ_EVERY + 1}.yml"] = quiz(rng, first, size, scenarios)
    for n in range(scenarios):
        files[f"content/scenarios/scenario-{n}.yml"] = scenario(rng, n)
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
