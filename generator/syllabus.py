"""`content/course.yml`: the course as a whole (its sources, glossary and perspectives) and how
it is delivered: formats with their agendas, days and breaks, and the activities they run."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from generator.models import (
    LANGUAGE_PATTERN,
    FilePath,
    Id,
    Minutes,
    Model,
    Text,
    Title,
    ids,
)


class Source(Model):
    """A work the course draws on; guidelines and scenarios credit it by id."""

    id: Id = Field(description="Short id used to cite this source, e.g. `smith-2021`.")
    title: Title = Field(
        description="The title of the work, exactly as published; for an untitled work, say so "
        "(`Untitled article on ...`).",
    )
    author: Text | None = Field(None, description="Who wrote it, when the work names an author.")
    publisher: Text | None = Field(None, description="Where it was published (site, journal).")
    published: Text | None = Field(
        None,
        description="When it was published, e.g. `2023-05`; without it the sources page "
        "says undated.",
    )
    url: (
        Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"'`]+$", max_length=2000)]
        | None
    ) = Field(None, description="Web address of the work, starting with https://.")
    note: Text | None = Field(None, description="Anything a reader should know about the work.")


class Term(Model):
    """A glossary entry."""

    id: Id = Field(description="Short id used to refer to the term from lessons.")
    term: Title = Field(description="The word or phrase as learners will see it.")
    definition: Text = Field(description="A plain-language definition in one or two sentences.")
    sources: list[Id] = ids("Ids of the sources that use or explain this term.")


class Perspective(Model):
    """A point of view that groups scenarios, e.g. the sender or the receiver of a request."""

    id: Id = Field(description="Short id that scenarios use in their `perspective` field.")
    title: Title = Field(description="Heading for the group of scenarios.")
    description: Text | None = Field(None, description="One sentence introducing the group.")


Clock = Annotated[str, StringConstraints(pattern=r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$")]
"""A time of day on a 24-hour clock, e.g. `09:00` or `13:30`."""
Grouping = Literal["alone", "pairs", "groups", "room"]


class Step(Model):
    """One instruction to the room in an activity, with an optional timing cue."""

    text: Text = Field(description="What people do, e.g. `Swap drafts with your partner.`")
    minutes: Minutes | None = Field(None, description="How long this step takes.")


class Activity(Model):
    """Something the room does in an agenda slot: an exercise, a discussion, a round of
    scenarios. Agendas name it by id."""

    id: Id = Field(description="Short id that agendas use: `activity: <id>`.")
    title: Title = Field(description="Name shown in agendas and run-sheets.")
    minutes: Minutes = Field(description="How long it takes; an agenda slot may change it.")
    summary: Text | None = Field(None, description="What the activity is for, in a sentence.")
    grouping: Grouping = Field(
        "room", description="How people work: `alone`, `pairs`, `groups` or as a `room`."
    )
    group_size: Annotated[int, Field(ge=3, le=50)] | None = Field(
        None, description="People per group, with `grouping: groups`."
    )
    steps: list[Step] = Field(default_factory=list, description="Instructions, in order.")
    materials: list[Title] = Field(
        default_factory=list, description="What the room needs, e.g. `Sticky notes`."
    )
    scenarios: list[Id] = ids("Ids of the scenarios the activity works through.")
    handouts: list[FilePath] = Field(
        default_factory=list, description="Files handed out, in the content folder; published."
    )
    trainer_notes: list[Text] = Field(
        default_factory=list, description="Notes for the trainer only: never on learner pages."
    )

    @model_validator(mode="after")
    def _fits(self) -> Activity:
        if (self.grouping == "groups") != (self.group_size is not None):
            raise ValueError("give `group_size: <people>` with `grouping: groups`, and only then")
        timed = sum(step.minutes or 0 for step in self.steps)
        if timed > self.minutes:
            raise ValueError(f"the steps take {timed} minutes, more than the {self.minutes} given")
        return self


class AgendaItem(Model):
    """One slot of an agenda: a lesson, an activity, a quiz, a break, or a one-off slot."""

    model_config = ConfigDict(populate_by_name=True)

    lesson: Id | None = Field(None, description="Id (file name) of a lesson taught in this slot.")
    activity: Id | None = Field(None, description="Id of an activity from `activities:`.")
    quiz: Id | None = Field(None, description="Id (file name) of a quiz taken in this slot.")
    pause: Minutes | None = Field(None, alias="break", description="A break of this many minutes.")
    slot: Title | None = Field(
        None, description="Title of a one-off slot, e.g. `Welcome`; give its `minutes`."
    )
    minutes: Minutes | None = Field(
        None,
        description="Length of the slot; a lesson or activity slot defaults to its own minutes.",
    )
    notes: Text | None = Field(None, description="What the trainer does in this slot.")

    @model_validator(mode="after")
    def _one_kind(self) -> AgendaItem:
        kinds = [self.lesson, self.activity, self.quiz, self.pause, self.slot]
        if sum(kind is not None for kind in kinds) != 1:
            raise ValueError(
                "give exactly one of `lesson: <id>`, `activity: <id>`, `quiz: <id>`, "
                "`break: <minutes>` or `slot: <title>`"
            )
        if (self.quiz or self.slot) and self.minutes is None:
            raise ValueError("a quiz or a one-off slot needs `minutes: <number>`")
        return self


class BreakRule(Model):
    """Breaks placed by a rule: never more than `after` minutes without a break."""

    after: Minutes = Field(90, description="Most minutes of teaching without a break.")
    minutes: Minutes = Field(15, description="Length of each break.")


class Day(Model):
    """One day of a format that runs over several days."""

    start: Clock | None = Field(
        None, description="When the day starts, e.g. `09:30` (24-hour clock); else the format's."
    )
    agenda: list[AgendaItem] = Field(min_length=1, description="The day's slots, in order.")


class DeliveryFormat(Model):
    """A way to deliver the course, e.g. a 90-minute lecture or a half-day workshop."""

    id: Id = Field(description="Short id of the format, e.g. `lecture`.")
    name: Title = Field(description="Name shown to trainers, e.g. `90-minute lecture`.")
    minutes: Minutes = Field(
        description="Time available, breaks included (each day's, for a format of several days)."
    )
    start: Clock | None = Field(
        None, description="When it starts, e.g. `13:30` (24-hour clock); else the course's."
    )
    description: Text | None = Field(None, description="Who the format suits and how it runs.")
    breaks: BreakRule | None = Field(
        None, description="Place breaks by a rule, e.g. `{after: 90, minutes: 15}`."
    )
    agenda: list[AgendaItem] = Field(
        default_factory=list, description="The slots, in teaching order (one day)."
    )
    days: list[Day] = Field(
        default_factory=list, description="For a format of several days: each day's agenda."
    )

    @model_validator(mode="after")
    def _one_plan(self) -> DeliveryFormat:
        if bool(self.agenda) == bool(self.days):
            raise ValueError("give either `agenda:` (one day) or `days:` (several), not both")
        return self


class OwnPage(Model):
    """A page the author writes in Markdown, `content/pages/<id>.md`, placed in the navigation."""

    id: Id = Field(description="The page's id and file name: `about` is `content/pages/about.md`.")
    title: Title = Field(description="The page's title, in the navigation and as its heading.")
    after: Literal["home", "lessons", "scenarios", "quizzes", "end"] = Field(
        "end",
        description="Where it goes in the navigation: after `home`, `lessons`, `scenarios` "
        "or `quizzes`, or at the `end`.",
    )


class Completion(Model):
    """When a learner has done a lesson, and when the whole course: the finish line the
    learner's browser keeps track of. Nothing is sent anywhere and nothing is certified."""

    lesson_done: Literal["read", "self-check", "marked"] = Field(
        "read",
        description="When a lesson counts as done: `read` once the learner reaches its end (or "
        "marks it done), `self-check` once read to the end and its self-checks answered at the "
        "pass mark, `marked` only when the learner marks it done.",
    )
    pass_mark: int = Field(
        80,
        ge=0,
        le=100,
        description="The score, in percent, that passes a self-check (latest answers) and the "
        "final assessment (first attempt), e.g. `80`.",
    )


class Syllabus(Model):
    """`content/course.yml`: the course as a whole."""

    id: Id = Field(
        description="Stable id of the course, e.g. `first-aid-basics`. Each learner's saved "
        "answers are kept under it in their browser: keep it when you edit the title, since a "
        "new id starts every learner afresh."
    )
    title: Title = Field(description="The course title.")
    language: Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN, max_length=20)] = Field(
        "en",
        description="Language of the course, e.g. `en`, `de` or `pt-BR`: the words the site adds "
        "(headings, buttons, messages) are in it, where coursewright has them (en, de).",
    )
    summary: Text = Field(description="Two or three sentences on what the course is about.")
    audience: Text = Field(description="Who the course is for.")
    outcomes: list[Text] = Field(min_length=1, description="What learners can do afterwards.")
    lessons: list[Id] = Field(
        min_length=1, description="Lesson ids (file names in `lessons/`) in teaching order."
    )
    start: Clock = Field(
        "09:00",
        description="When sessions start, e.g. `09:00` (24-hour clock); run-sheets count from it.",
    )
    formats: list[DeliveryFormat] = Field(default_factory=list, description="Ways to deliver it.")
    activities: list[Activity] = Field(
        default_factory=list, description="Activities for the room that agendas name by id."
    )
    perspectives: list[Perspective] = Field(
        default_factory=list, description="Groups for scenarios, in the order shown."
    )
    sources: list[Source] = Field(default_factory=list, description="Works the course credits.")
    glossary: list[Term] = Field(default_factory=list, description="Terms learners should know.")
    pages: list[OwnPage] = Field(
        default_factory=list,
        description="Pages of your own, such as `About this course`, each written in "
        "`content/pages/<id>.md`: headings (`## `), lists (`- `, `1. `), paragraphs and the "
        "Markdown of any text.",
    )
    completion: Completion = Field(
        default_factory=Completion,
        description="The finish line: every lesson done and every final assessment (a quiz of "
        "no lesson) passed at the pass mark on its first attempt.",
    )
    files: list[FilePath] = Field(
        default_factory=list,
        description="Files in the content folder to publish as they are, e.g. `images/map.png`: "
        "pictures (png, jpg, gif, webp, avif), PDF, text or CSV; nothing else there is "
        "published.",
    )
