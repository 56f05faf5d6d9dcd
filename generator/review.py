"""The item-writing review: patterns in a course's questions that let a learner guess the answer
without knowing it, after established item-writing guidance (Haladyna, Downing and Rodriguez's
guidelines for multiple-choice items). Each finding is a warning at the question it concerns;
`check --strict` makes them errors, and a question (or scenario) silences a rule with a reason
in its `allow:`. Pure: the course in, findings out."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from generator.references import Finding

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from generator.models import Answer, Course
    from generator.questions import Question, Quiz

RULES: dict[str, str] = {
    "longest-right": "the right answer is the longest option in more than a third of the "
    "questions, so length gives it away",
    "right-positions": "most right answers sit at the same letter, so position gives them away",
    "right-counts": "every multiple-choice question has the same number of right answers, so "
    "the count gives them away",
    "absolutes": "absolute words (always, never, all, only) sit in the wrong answers and "
    "hedges (can, may, often) in the right ones, so wording gives them away",
    "above": "'all of the above' or 'none of the above' rewards partial knowledge",
    "repeated-option": "an option appears word for word in another question of the quiz, "
    "which hints at one of them",
    "prompt-gives-answer": "the right answer's words are in the question itself",
    "reused-scenario": "a final assessment asks a scenario that is published for practice, with "
    "its graded options a click away",
    "recall-only": "a judgement objective is assessed by recall questions only",
    "thin-feedback": "feedback without a reason: tell the learner what makes the answer right "
    "or wrong",
}
"""Every rule of the review, by the id `allow:` uses, with what it means for a learner."""

LONGEST_SHARE = 1 / 3
POSITION_SHARE = 0.5
MIN_QUESTIONS = 3
MIN_FEEDBACK_WORDS = 5

WORDS: dict[str, dict[str, frozenset[str]]] = {
    "en": {
        "absolute": frozenset(
            ["always", "never", "all", "none", "only", "every", "nothing", "everyone", "nobody"]
        ),
        "hedge": frozenset(
            ["can", "may", "might", "often", "usually", "sometimes", "some", "most", "could"]
        ),
    },
    "de": {
        "absolute": frozenset(
            ["immer", "nie", "niemals", "alle", "keine", "nur", "jeder", "jede", "nichts"]
        ),
        "hedge": frozenset(
            ["kann", "können", "darf", "oft", "meist", "manchmal", "einige", "häufig"]
        ),
    },
}
ABOVE = re.compile(
    r"\b(?:all|none|both|neither) of the (?:above|others)\b|\b(?:alle|keine) der (?:obigen|oben)",
    re.IGNORECASE,
)


def review(course: Course) -> list[Finding]:
    """Every review finding in the course, each at the question or scenario it concerns, less
    those the author allowed there."""
    found: list[Finding] = []
    words = WORDS.get(course.syllabus.language.split("-")[0], WORDS["en"])
    for slug, quiz in course.quizzes.items():
        answers = [q.answers(course.scenarios) for q in quiz.questions]
        for rule, i, loc, message in _quiz(course, quiz, answers, words):
            if rule not in quiz.questions[i].allow:
                found.append(_finding(("quiz", slug), ("questions", i, *loc), rule, message))
    for slug, loc, rule, message in _scenarios(course):
        if rule not in course.scenarios[slug].allow:
            found.append(_finding(("scenario", slug), loc, rule, message))
    found += _recall_only(course)
    return found


def _finding(file: tuple[str, str], loc: tuple[str | int, ...], rule: str, message: str) -> Finding:
    return Finding(file, loc, f"{message} [{rule}]", warning=True, rule=rule)


Hit = tuple[str, int, tuple[str | int, ...], str]
"""A rule broken by question `i` of a quiz, at a place in it, in words."""


def _quiz(
    course: Course, quiz: Quiz, answers: list[list[Answer]], words: Mapping[str, frozenset[str]]
) -> Iterator[Hit]:
    yield from _longest(quiz, answers)
    yield from _positions(quiz, answers)
    yield from _right_counts(quiz, answers)
    yield from _absolutes(quiz, answers, words)
    yield from _per_question(course, quiz, answers)


def _one_right(quiz: Quiz, answers: list[list[Answer]]) -> list[int]:
    """The questions with exactly one right (or best) answer among several to choose from."""
    return [
        i
        for i, listed in enumerate(answers)
        if quiz.questions[i].type in ("single", "scenario") and len(_right(listed)) == 1
    ]


def _right(answers: Sequence[Answer]) -> list[int]:
    return [i for i, answer in enumerate(answers) if answer.mark in ("right", "best")]


def _longest(quiz: Quiz, answers: list[list[Answer]]) -> Iterator[Hit]:
    asked = _one_right(quiz, answers)
    longest = [i for i in asked if _is_longest(answers[i])]
    if len(asked) >= MIN_QUESTIONS and len(longest) > LONGEST_SHARE * len(asked):
        for i in longest:
            yield (
                "longest-right",
                i,
                _where(quiz.questions[i], _right(answers[i])[0]),
                f"the right answer is the longest option here and in {len(longest)} of "
                f"{len(asked)} questions of this quiz; write options of similar length",
            )


def _is_longest(answers: Sequence[Answer]) -> bool:
    right = _right(answers)[0]
    return all(len(a.text) < len(answers[right].text) for i, a in enumerate(answers) if i != right)


def _positions(quiz: Quiz, answers: list[list[Answer]]) -> Iterator[Hit]:
    asked = [i for i in _one_right(quiz, answers) if quiz.questions[i].type == "single"]
    spots = Counter(_right(answers[i])[0] for i in asked)
    if len(asked) <= MIN_QUESTIONS or not spots:
        return
    spot, count = spots.most_common(1)[0]
    if count > POSITION_SHARE * len(asked):
        letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[spot]
        for i in asked:
            if _right(answers[i])[0] == spot:
                yield (
                    "right-positions",
                    i,
                    ("choices",),
                    f"the right answer is {letter}, as in {count} of {len(asked)} single-choice "
                    "questions of this quiz; move right answers to other letters",
                )


def _right_counts(quiz: Quiz, answers: list[list[Answer]]) -> Iterator[Hit]:
    multiple = [i for i, q in enumerate(quiz.questions) if q.type == "multiple"]
    counts = {len(_right(answers[i])) for i in multiple}
    if len(multiple) >= 2 and len(counts) == 1:
        for i in multiple:
            yield (
                "right-counts",
                i,
                ("choices",),
                f"all {len(multiple)} multiple-choice questions of this quiz have "
                f"{len(_right(answers[i]))} right answers; vary how many are right",
            )


def _absolutes(
    quiz: Quiz, answers: list[list[Answer]], words: Mapping[str, frozenset[str]]
) -> Iterator[Hit]:
    """Absolute words mostly in wrong statements and hedges mostly in right ones."""
    said = list(_statements(quiz, answers))
    right = [(i, j, t) for i, j, t, good in said if good]
    wrong = [(i, j, t) for i, j, t, good in said if not good]
    absolute = [(i, j) for i, j, t in wrong if _has(t, words["absolute"])]
    right_absolute = sum(_has(t, words["absolute"]) for _, _, t in right)
    hedged = sum(_has(t, words["hedge"]) for _, _, t in right)
    if len(absolute) < 2 or len(absolute) <= 2 * right_absolute:
        return
    if hedged <= sum(_has(t, words["hedge"]) for _, _, t in wrong):
        return
    for i, j in absolute:
        yield (
            "absolutes",
            i,
            _where(quiz.questions[i], j),
            f"a wrong answer with an absolute word, as in {len(absolute)} wrong answers of this "
            f"quiz (and {right_absolute} right ones), while {hedged} right answers hedge; write "
            "true and false statements alike",
        )


def _statements(quiz: Quiz, answers: list[list[Answer]]) -> Iterator[tuple[int, int, str, bool]]:
    """What a learner judges true or not: each option, or a true/false question's statement."""
    for i, (question, listed) in enumerate(zip(quiz.questions, answers, strict=True)):
        if question.type == "true_false":
            yield i, 0, question.prompt, bool(getattr(question, "answer", False))
        else:
            yield from ((i, j, a.text, a.mark in ("right", "best")) for j, a in enumerate(listed))


def _has(text: str, words: frozenset[str]) -> bool:
    return any(word in words for word in re.findall(r"\w+", text.lower()))


def _where(question: Question, j: int) -> tuple[str | int, ...]:
    """The place of answer `j` in a question's file, as precise as the kind allows."""
    if question.type in ("single", "multiple"):
        return ("choices", j, "text")
    return ("prompt",) if question.type == "true_false" else ("scenario",)


def _per_question(course: Course, quiz: Quiz, answers: list[list[Answer]]) -> Iterator[Hit]:
    seen = Counter(
        _plain(a.text) for listed in answers for a in {_plain(x.text): x for x in listed}.values()
    )
    final = quiz.lesson is None
    for i, (question, listed) in enumerate(zip(quiz.questions, answers, strict=True)):
        for j, answer in enumerate(listed):
            if question.type in ("single", "multiple") and ABOVE.search(answer.text):
                yield "above", i, _where(question, j), "write each option as an answer of its own"
            if question.type in ("single", "multiple") and seen[_plain(answer.text)] > 1:
                yield (
                    "repeated-option",
                    i,
                    _where(question, j),
                    "this option appears word for word in another question of this quiz",
                )
            if len(re.findall(r"\w+", answer.feedback)) < MIN_FEEDBACK_WORDS:
                yield "thin-feedback", i, _feedback_at(question, j), RULES["thin-feedback"]
        yield from _gives_away(i, question, listed)
        scenario = course.scenarios.get(getattr(question, "scenario", ""))
        if final and scenario is not None and scenario.practice:
            yield (
                "reused-scenario",
                i,
                ("scenario",),
                "the final assessment asks a scenario learners practised, graded on its own page; "
                "write one for the assessment with `practice: false`",
            )


def _gives_away(i: int, question: Question, listed: Sequence[Answer]) -> Iterator[Hit]:
    prompt = _plain(getattr(question, "prompt", "") or "")
    for j in _right(listed):
        text = _plain(listed[j].text)
        if question.type != "true_false" and len(text.split()) >= 2 and text in prompt:
            yield (
                "prompt-gives-answer",
                i,
                _where(question, j),
                "the right answer's words are in the question; reword one of them",
            )


def _feedback_at(question: Question, j: int) -> tuple[str | int, ...]:
    if question.type in ("single", "multiple"):
        return ("choices", j, "feedback")
    if question.type == "true_false":
        return ("feedback_true",) if j == 0 else ("feedback_false",)
    return ("scenario",)


def _plain(text: str) -> str:
    """Text as words only, lower case: what two options share when they read the same."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _scenarios(course: Course) -> Iterator[tuple[str, tuple[str | int, ...], str, str]]:
    """The best option the longest across the course's scenarios; thin option feedback."""
    graded = {slug: s.answers() for slug, s in course.scenarios.items()}
    single = {slug: a for slug, a in graded.items() if len(_right(a)) == 1}
    longest = [slug for slug, a in single.items() if _is_longest(a)]
    if len(single) >= MIN_QUESTIONS and len(longest) > LONGEST_SHARE * len(single):
        for slug in longest:
            best = _right(single[slug])[0]
            yield (
                slug,
                ("options", best, "text"),
                "longest-right",
                f"the best option is the longest here and in {len(longest)} of {len(single)} "
                "scenarios; write options of similar length",
            )
    for slug, answers in graded.items():
        for j, answer in enumerate(answers):
            if len(re.findall(r"\w+", answer.feedback)) < MIN_FEEDBACK_WORDS:
                yield slug, ("options", j, "feedback"), "thin-feedback", RULES["thin-feedback"]


def _recall_only(course: Course) -> Iterator[Finding]:
    """A judgement objective whose questions are all recall questions (none a scenario)."""
    kinds: dict[str, set[str]] = {}
    for quiz in course.quizzes.values():
        for question in quiz.questions:
            kinds.setdefault(question.objective, set()).add(question.type)
    for slug, lesson in course.lessons.items():
        for i, objective in enumerate(lesson.objectives):
            asked = kinds.get(objective.id, set())
            if (
                objective.judgement
                and asked
                and "scenario" not in asked
                and "recall-only" not in objective.allow
            ):
                yield _finding(
                    ("lesson", slug),
                    ("objectives", i, "judgement"),
                    "recall-only",
                    "this judgement objective is assessed only by recall questions; ask a "
                    "scenario question for it",
                )
