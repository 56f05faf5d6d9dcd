"""The kinds of question a quiz can ask, and the quiz. Each kind is a model that says, in
`answers()`, which answers a learner can pick and how each counts; its template partial
(`templates/kinds/<type>.md.jinja`) shows it. To add a kind, see the README."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, field_validator

from generator.models import MAX_ANSWERS, Answer, Id, Model, ReviewRule, Text, Title, allowed

if TYPE_CHECKING:
    from collections.abc import Mapping

    from generator.models import Scenario


class Choice(Model):
    """An answer to a choice question."""

    text: Text = Field(description="The answer as shown.")
    correct: bool = Field(False, description="`true` for a right answer.")
    feedback: Text = Field(description="Why this answer is right or wrong.")


class QuestionBase(Model):
    """What every kind of question has. A kind adds its own fields and says, in `answers`,
    which answers a learner can pick and how each counts; its template partial
    (`templates/kinds/<type>.md.jinja`) shows it."""

    id: Id = Field(description="Stable id, unique in the course; saved progress uses it.")
    objective: Id = Field(description="Id of the learning objective the question assesses.")
    allow: dict[ReviewRule, Text] = allowed()

    def answers(self, scenarios: Mapping[str, Scenario]) -> list[Answer]:
        """The answers in the order the author wrote them; `scenarios` for kinds that ask one."""
        raise NotImplementedError


def _choice_answers(choices: list[Choice]) -> list[Answer]:
    return [Answer(c.text, "right" if c.correct else "wrong", c.feedback) for c in choices]


class SingleChoice(QuestionBase):
    """A question with exactly one right answer."""

    type: Literal["single"]
    prompt: Text = Field(description="The question.")
    choices: list[Choice] = Field(
        min_length=2, max_length=MAX_ANSWERS, description="Answers; exactly one is correct."
    )

    @field_validator("choices")
    @classmethod
    def _one_correct(cls, choices: list[Choice]) -> list[Choice]:
        right = sum(choice.correct for choice in choices)
        if right != 1:
            raise ValueError(
                f"{right} choices are marked `correct: true`; a single-choice question needs "
                "exactly one (use `type: multiple` for more)"
            )
        return choices

    def answers(self, scenarios: Mapping[str, Scenario]) -> list[Answer]:
        return _choice_answers(self.choices)


class MultipleChoice(QuestionBase):
    """A question where every right answer must be picked."""

    type: Literal["multiple"]
    prompt: Text = Field(
        description="The question. The page adds a line asking to choose every answer that applies."
    )
    choices: list[Choice] = Field(
        min_length=2, max_length=MAX_ANSWERS, description="Answers; one or more are correct."
    )

    @field_validator("choices")
    @classmethod
    def _some_correct(cls, choices: list[Choice]) -> list[Choice]:
        if not any(choice.correct for choice in choices):
            raise ValueError("no choice is marked `correct: true`; mark at least one")
        return choices

    def answers(self, scenarios: Mapping[str, Scenario]) -> list[Answer]:
        return _choice_answers(self.choices)


class TrueFalse(QuestionBase):
    """A statement the learner judges true or false."""

    type: Literal["true_false"]
    prompt: Text = Field(description="The statement to judge.")
    answer: bool = Field(description="`true` if the statement is true.")
    feedback_true: Text = Field(description="Feedback for a learner who answers true.")
    feedback_false: Text = Field(description="Feedback for a learner who answers false.")

    def answers(self, scenarios: Mapping[str, Scenario]) -> list[Answer]:
        return [
            Answer("True", "right" if self.answer else "wrong", self.feedback_true),
            Answer("False", "wrong" if self.answer else "right", self.feedback_false),
        ]


class ScenarioQuestion(QuestionBase):
    """A scenario asked as a question; its best options are the right answers."""

    type: Literal["scenario"]
    scenario: Id = Field(description="Id (file name) of the scenario to ask.")
    prompt: Text | None = Field(None, description="Replaces the scenario's own question.")

    def answers(self, scenarios: Mapping[str, Scenario]) -> list[Answer]:
        return scenarios[self.scenario].answers()


class Unmarked(QuestionBase):
    """A question as the learner edition shows it when the quiz's answers are the trainer's:
    its prompt and answers, with no mark and no feedback. Made by the edition filter, never
    written by an author."""

    type: Literal["unmarked"]
    shown: str = Field(description="The type of the question it stands for.")
    prompt: Text
    texts: list[Text]

    def answers(self, scenarios: Mapping[str, Scenario]) -> list[Answer]:
        return [Answer(text, "open", "") for text in self.texts]


Question = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | ScenarioQuestion,
    Field(discriminator="type"),
]


class Quiz(Model):
    """`quizzes/<id>.yml`: a self-check; its id is the file name."""

    title: Title = Field(description="The quiz title.")
    lesson: Id | None = Field(None, description="Id of the lesson it checks; none for a final.")
    introduction: Text | None = Field(None, description="Text shown before the questions.")
    questions: list[Question] = Field(min_length=1, description="The questions, in order.")
    answers: Literal["learners", "trainer"] = Field(
        "learners",
        description="Who sees the answers: `learners` check themselves on the site; with "
        "`trainer` (an assessment taken in the room) the learner site shows the questions "
        "without answers or feedback, and the key is in the trainer edition only.",
    )

    @property
    def self_marked(self) -> bool:
        """Learners can check their answers here: false where the edition holds no key."""
        return not any(isinstance(question, Unmarked) for question in self.questions)
