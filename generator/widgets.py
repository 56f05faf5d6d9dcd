"""A question on a page: the element that holds it, its form of native inputs, and the letters
of its key, all from the question's answers (`models.Answer`)."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from generator.markup import inline

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from generator.models import Answer

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def item(question_id: str, kind: str, answers: Sequence[Answer], course: str) -> str:
    """Opens the element that holds one question's form and its answer key; the template
    closes it. The quiz script finds both inside it and scores by `kind` (its `KINDS` table).
    Ids are validated, so they are safe in attributes."""
    return (
        f'<div class="cw-item" data-id="{question_id}" data-kind="{kind}" '
        f'data-key="{fingerprint(answers)}" data-course="{course}" markdown="block">'
    )


def form(
    question_id: str,
    kind: str,
    legend: str,
    answers: Sequence[Answer],
    hint: str = "",
    labels: Sequence[str] | None = None,
) -> str:
    """A question as a native form of radio buttons or checkboxes (for the `multiple` widget),
    in Markdown with HTML: it works without JavaScript, and the quiz script enhances it. `hint`
    follows the legend, e.g. how many answers to choose; `labels`, if given, show in place of
    the answers' texts (a true/false question's words in the page's language). Author text
    goes through `inline`. The choices stay out of search: quoted there alone, a poor choice
    reads as advice."""
    control = "checkbox" if kind == "multiple" else "radio"
    hint = f' <span class="cw-hint">{hint}</span>' if hint else ""
    choices = "".join(
        f'<label class="cw-choice" data-search-exclude="true">'
        f'<input type="{control}" name="{question_id}" value="{i}" '
        f'data-mark="{answer.mark}"> <span class="cw-text">**{LETTERS[i]}.** '
        f"{inline(label)}</span></label>\n"
        for i, (answer, label) in enumerate(
            zip(answers, labels or [a.text for a in answers], strict=True)
        )
    )
    return (
        f'<form class="cw-question" markdown="block">\n<fieldset markdown="block">\n'
        f'<legend markdown="span">{inline(legend)}{hint}</legend>\n\n'
        f"{choices}\n</fieldset>\n</form>"
    )


def marked(answers: Sequence[Answer], mark: str) -> str:
    """The letters of the answers with `mark`, e.g. `A, C`."""
    return ", ".join(LETTERS[i] for i, answer in enumerate(answers) if answer.mark == mark)


def key_line(answers: Sequence[Answer], grades: Mapping[str, str]) -> str:
    """A question's answers in one line for a printed key: `A, C`, or `A best; B poor` with
    the words for the grades from `grades`."""
    if all(answer.mark in grades for answer in answers):
        return "; ".join(f"{LETTERS[i]} {grades[answer.mark]}" for i, answer in enumerate(answers))
    return marked(answers, "right")


def fingerprint(answers: Sequence[Answer]) -> str:
    """A short hash of the answers; saved progress for a question whose answers changed is void."""
    text = "\n".join(f"{answer.mark}|{answer.text}" for answer in answers)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
