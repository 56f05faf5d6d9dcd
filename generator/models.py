"""The content schema: what a course author may write in each YAML file, as typed models."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Ids and file names: lowercase letters and digits in words joined by single hyphens."""

LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$"
"""A language tag as the theme takes it, e.g. `en`, `de`, `pt-BR`."""

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=100)]
MAX_TEXT = 10_000
MAX_TITLE = 200
"""Longest text and title, in characters: a title shows on every page's navigation."""
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TITLE)]
ReviewRule = Literal[
    "longest-right",
    "right-positions",
    "right-counts",
    "absolutes",
    "above",
    "repeated-option",
    "prompt-gives-answer",
    "reused-scenario",
    "recall-only",
    "thin-feedback",
]
"""The rules of the item-writing review (`review.RULES` says what each means)."""


def allowed() -> Any:
    """The `allow:` field: review rules a question, scenario or objective may break, each with
    the author's reason."""
    return Field(
        default_factory=dict,
        description="Review rules of `coursewright check` this may break, each with your reason, "
        "e.g. `longest-right: The right answer needs its qualifier.` The README lists the rules.",
    )


_SEGMENT = r"[A-Za-z0-9_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*"
PUBLISHABLE = ("png", "jpg", "jpeg", "gif", "webp", "avif", "pdf", "txt", "csv")
"""Files a course may publish as they are: pictures, PDF, text and tables. Not HTML, SVG,
scripts or Markdown pages, which could run code in a learner's browser."""
FilePath = Annotated[
    str,
    StringConstraints(
        pattern=rf"^{_SEGMENT}(?:/{_SEGMENT})*\.(?:{'|'.join(PUBLISHABLE)})$", max_length=300
    ),
]
"""A path inside the content folder: letters, digits, `._-/`, no `..`, not absolute, and a
kind of file that cannot run code in a browser."""
PICTURES = ("png", "jpg", "jpeg", "gif", "webp", "avif")
PicturePath = Annotated[
    str,
    StringConstraints(
        pattern=rf"^{_SEGMENT}(?:/{_SEGMENT})*\.(?:{'|'.join(PICTURES)})$", max_length=300
    ),
]
"""A picture inside the content folder, e.g. `images/seating-plan.png`."""
MAX_ANSWERS = 26
"""Choices of a question or options of a scenario: one letter each, A to Z."""
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters that have no place in course text: control characters, and the direction
overrides that make text read differently from how it is stored."""
Minutes = Annotated[int, Field(gt=0, le=24 * 60)]
Grade = Literal["best", "acceptable", "poor"]
Mark = Literal["right", "wrong", "best", "acceptable", "poor", "open"]
"""How an answer counts: right or wrong, a scenario option's grade, or `open` where the key
is the trainer's."""

if TYPE_CHECKING:
    from generator.questions import Quiz
    from generator.syllabus import Syllabus


def paragraphs(text: str) -> list[str]:
    """Author text as a page shows it: paragraphs split at blank lines, each folded onto one
    line (line breaks and runs of spaces inside a paragraph show as one space)."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


@dataclass(frozen=True)
class Answer:
    """One answer a learner can pick, its mark and the feedback for it: the single description
    of a question's answers that every output uses (forms, keys, scores, exports)."""

    text: str
    mark: Mark
    feedback: str


class Model(BaseModel):
    """Shared settings: unknown keys are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


def ids(description: str) -> list[str]:
    return Field(default_factory=list, description=description)


class Picture(Model):
    """A picture shown with a guideline or a scenario."""

    file: PicturePath = Field(
        description="The picture's path in the content folder, e.g. `images/plan.png` "
        "(png, jpg, gif, webp or avif); it is published with the site."
    )
    alt: Text = Field(description="What the picture shows, in words, for people who cannot see it.")
    caption: Text | None = Field(None, description="A line shown under the picture.")


class Objective(Model):
    """A learning objective; quiz questions name the objective they assess."""

    id: Id = Field(description="Short id that quiz questions use in `objective`.")
    text: Text = Field(description="What the learner will be able to do, starting with a verb.")
    judgement: bool = Field(
        False,
        description="`true` if learners apply it to situations (deciding, judging, choosing) "
        "rather than recall it: the review then expects a scenario question for it.",
    )
    allow: dict[ReviewRule, Text] = allowed()


class Example(Model):
    """A worked example of a guideline, such as a sample message."""

    text: Text = Field(description="The example itself.")
    context: Text | None = Field(None, description="The situation the example is written for.")
    max_characters: Annotated[int, Field(gt=0)] | None = Field(
        None, description="A length limit the text must respect, e.g. a message box's limit."
    )

    @property
    def length(self) -> int:
        """Characters of the text as the page shows it, a blank line between paragraphs."""
        return len("\n\n".join(paragraphs(self.text)))

    @model_validator(mode="after")
    def _fits(self) -> Example:
        if self.max_characters is not None and self.length > self.max_characters:
            raise ValueError(
                f"text has {self.length} characters as shown, over the limit of "
                f"{self.max_characters}"
            )
        return self


class Guideline(Model):
    """One piece of guidance: what to do, what to avoid, and why."""

    id: Id = Field(description="Short id, unique in the course; scenarios cite it.")
    title: Title = Field(description="The guideline as a short imperative, e.g. `Check the date`.")
    do: list[Text] = Field(default_factory=list, description="Things to do.")
    avoid: list[Text] = Field(default_factory=list, description="Things to avoid.")
    why: Text = Field(description="The reason behind the guideline.")
    examples: list[Example] = Field(default_factory=list, description="Worked examples.")
    picture: Picture | None = Field(None, description="A picture that shows the guideline.")
    sources: list[Id] = Field(min_length=1, description="Ids of the sources it comes from.")
    talk: list[Text] = Field(
        default_factory=list,
        description="The talk-track: what the trainer says about it, point by point; trainer only.",
    )

    @model_validator(mode="after")
    def _has_advice(self) -> Guideline:
        if not self.do and not self.avoid:
            raise ValueError("a guideline needs at least one `do:` or `avoid:` item")
        return self


class Lesson(Model):
    """`content/lessons/<id>.yml`: one lesson; its id is the file name."""

    title: Title = Field(description="The lesson title.")
    summary: Text = Field(description="One or two sentences on what the lesson covers.")
    minutes: Minutes = Field(description="Teaching time in minutes.")
    objectives: list[Objective] = Field(min_length=1, description="Learning objectives.")
    introduction: Text | None = Field(None, description="Opening text; blank lines split it.")
    terms: list[Id] = ids("Ids of glossary terms this lesson uses.")
    guidelines: list[Guideline] = Field(default_factory=list, description="The guidance taught.")
    key_points: list[Text] = Field(min_length=1, description="The points to remember.")
    discussion: list[Text] = Field(default_factory=list, description="Questions for the group.")
    facilitator_notes: list[Text] = Field(
        default_factory=list, description="Notes for the trainer: timing, pitfalls, activities."
    )


class Option(Model):
    """One thing a learner might do in a scenario, graded."""

    text: Text = Field(description="The course of action, in the learner's voice.")
    grade: Grade = Field(description="`best`, `acceptable` or `poor`.")
    feedback: Text = Field(description="Why it earns that grade and what would follow.")


class Scenario(Model):
    """`content/scenarios/<id>.yml`: a situation and what to do; its id is the file name."""

    title: Title = Field(description="A short name for the situation, e.g. `A late arrival`.")
    perspective: Id | None = Field(None, description="Id of a perspective from `course.yml`.")
    situation: Text = Field(description="What is going on, in the second person.")
    picture: Picture | None = Field(None, description="A picture of the situation.")
    question: Text = Field(description="The decision the learner faces.")
    options: list[Option] = Field(
        min_length=2, max_length=MAX_ANSWERS, description="Possible answers, each graded."
    )
    takeaway: Text = Field(description="The lesson of the scenario in one or two sentences.")
    guidelines: list[Id] = ids("Ids of the guidelines the scenario applies.")
    sources: list[Id] = Field(min_length=1, description="Ids of the sources it draws on.")
    trainer_notes: list[Text] = Field(
        default_factory=list, description="Notes for the trainer only: never on learner pages."
    )
    practice: bool = Field(
        True,
        description="`false` keeps the scenario off the practice pages: only the quizzes that "
        "ask it show it, as for a final assessment's own scenarios.",
    )
    allow: dict[ReviewRule, Text] = allowed()

    @field_validator("options")
    @classmethod
    def _has_best(cls, options: list[Option]) -> list[Option]:
        if not any(option.grade == "best" for option in options):
            raise ValueError("no option is graded `best`; grade the one you recommend `best`")
        return options

    def answers(self) -> list[Answer]:
        return [Answer(o.text, o.grade, o.feedback) for o in self.options]


FileKey = tuple[str, str]
"""A course file by kind and id: `("lesson", "intro")`; course.yml is `COURSE_FILE`."""
COURSE_FILE: FileKey = ("course", "")


@dataclass(frozen=True)
class Course:
    """Everything loaded and checked: the syllabus plus lessons, scenarios and quizzes by id."""

    syllabus: Syllabus
    lessons: dict[str, Lesson]
    scenarios: dict[str, Scenario]
    quizzes: dict[str, Quiz]
    files: dict[FileKey, str] = field(default_factory=dict)
    """Each course file's path by its kind and id, e.g. `("lesson", "intro")`."""
    texts: dict[str, str] = field(default_factory=dict)
    """The Markdown of each page of the author's own, by id."""
    advice: tuple[str, ...] = ()
    """Warnings from the check, worded for the author: the course builds all the same."""
    review: tuple[str, ...] = ()
    """Findings of the item-writing review (`review.py`), worded for the author."""

    def pictures(self) -> list[tuple[FileKey, tuple[str | int, ...], str]]:
        """Every picture shown: the file that shows it, where in that file, and its path."""
        found: list[tuple[FileKey, tuple[str | int, ...], str]] = []
        for slug, lesson in self.lessons.items():
            found += [
                (("lesson", slug), ("guidelines", i, "picture", "file"), g.picture.file)
                for i, g in enumerate(lesson.guidelines)
                if g.picture
            ]
        found += [
            (("scenario", slug), ("picture", "file"), s.picture.file)
            for slug, s in self.scenarios.items()
            if s.picture
        ]
        return found

    def published(self) -> list[str]:
        """Files of the content folder published as they are: those listed under `files:` in
        course.yml, and every picture shown."""
        handouts = [name for a in self.syllabus.activities for name in a.handouts]
        names = [*self.syllabus.files, *handouts, *(path for _, _, path in self.pictures())]
        return sorted(set(names))
