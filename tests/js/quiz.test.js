// The pure logic of generator/theme/assets/quiz.js: scoring, the saved format, checking and
// merging progress files. The browser tests cover the page; these run under `node --test`.
"use strict";

const { describe, test } = require("node:test");
const assert = require("node:assert/strict");

const quiz = require("../../generator/theme/assets/quiz.js");

const FORMAT = "coursewright-progress";
const COURSE = "tea";

/** A checked answer to question key `key`, given at `at`, first tried at `firstAt`. */
function answer(key, picked, score, at, firstAt = at, firstScore = score) {
  return { key, picked, checked: true, score, at, first: { picked, score: firstScore, at: firstAt } };
}

/** Choices selected on the page but never checked. */
function selection(key, picked, at) {
  return { key, picked, checked: false, score: 0, at };
}

/** A progress export as the progress page writes it. */
function exported(answers, extra = {}) {
  return {
    format: FORMAT,
    version: 3,
    course: COURSE,
    exported: "2025-03-01T10:00:00.000Z",
    quizzes: [{ id: "quiz-one", title: "Quiz one", questions: Object.keys(answers) }],
    answers,
    lessons: {},
    ...extra,
  };
}

describe("the module", () => {
  test("exports the pure logic, without touching a page", () => {
    assert.deepEqual(Object.keys(quiz).sort(), [
      "KINDS", "_", "_n", "everyRightPicked", "fileProblem", "gradeChosen", "gradeOfPick",
      "isAnswer", "mergeLessons", "mergePlan", "migrate", "points", "rightOrNot", "scoreLine", "tally",
      "useWords",
    ]);
  });

  test("knows three kinds of question, each with its mark to aim for and its scoring", () => {
    assert.deepEqual(Object.keys(quiz.KINDS).sort(), ["multiple", "scenario", "single"]);
    assert.equal(quiz.KINDS.single.best, "right");
    assert.equal(quiz.KINDS.multiple.best, "right");
    assert.equal(quiz.KINDS.scenario.best, "best");
    assert.equal(quiz.KINDS.single.score, quiz.everyRightPicked);
    assert.equal(quiz.KINDS.multiple.score, quiz.everyRightPicked);
    assert.equal(quiz.KINDS.scenario.score, quiz.gradeOfPick);
    assert.equal(quiz.KINDS.single.verdict, quiz.rightOrNot);
    assert.equal(quiz.KINDS.scenario.verdict, quiz.gradeChosen);
    assert.equal(quiz.KINDS.single.label, "Right answer");
    assert.equal(quiz.KINDS.scenario.label, "Best option");
  });
});

describe("verdicts", () => {
  test("a right-or-wrong question says correct, or how many right answers it needs", () => {
    assert.equal(quiz.rightOrNot(["right", "wrong"], [0], 1), "Correct.");
    assert.match(quiz.rightOrNot(["right", "wrong"], [1], 0), /^Not quite\. The right answer/);
    assert.match(quiz.rightOrNot(["right", "right", "wrong"], [0], 0), /every right answer/);
  });

  test("a graded choice names the letter and grade, with points only where they count", () => {
    const marks = ["poor", "best", "acceptable"];
    assert.equal(quiz.gradeChosen(marks, [1], 1, true), "You chose B: the best option.");
    assert.equal(quiz.gradeChosen(marks, [2], 0.5, true),
      "You chose C: acceptable, half a point. The best option is marked.");
    assert.equal(quiz.gradeChosen(marks, [0], 0, true),
      "You chose A: poor, no points. The best option is marked.");
    assert.equal(quiz.gradeChosen(marks, [0], 0, false),
      "You chose A: poor. The best option is marked.");
  });

  test("a graded choice with two best options speaks of both", () => {
    const marks = ["best", "best", "poor"];
    assert.equal(quiz.gradeChosen(marks, [1], 1, true), "You chose B: one of the best options.");
    assert.equal(quiz.gradeChosen(marks, [2], 0, true),
      "You chose C: poor, no points. The best options are marked.");
    assert.equal(quiz.gradeChosen(marks, [2], 0, false),
      "You chose C: poor. The best options are marked.");
  });
});

describe("everyRightPicked", () => {
  const single = ["wrong", "right", "wrong"];
  const multiple = ["right", "wrong", "right", "wrong"];

  test("single choice: the right answer scores 1", () => {
    assert.equal(quiz.everyRightPicked(single, [1]), 1);
  });

  test("single choice: a wrong answer scores 0", () => {
    assert.equal(quiz.everyRightPicked(single, [0]), 0);
    assert.equal(quiz.everyRightPicked(single, [2]), 0);
  });

  test("single choice: the right answer with a wrong one scores 0", () => {
    assert.equal(quiz.everyRightPicked(single, [1, 2]), 0);
  });

  test("an empty pick scores 0", () => {
    assert.equal(quiz.everyRightPicked(single, []), 0);
    assert.equal(quiz.everyRightPicked(multiple, []), 0);
  });

  test("multiple choice: every right answer, in any order, scores 1", () => {
    assert.equal(quiz.everyRightPicked(multiple, [0, 2]), 1);
    assert.equal(quiz.everyRightPicked(multiple, [2, 0]), 1);
  });

  test("multiple choice: some of the right answers score 0", () => {
    assert.equal(quiz.everyRightPicked(multiple, [0]), 0);
    assert.equal(quiz.everyRightPicked(multiple, [2]), 0);
  });

  test("multiple choice: every right answer and a wrong extra scores 0", () => {
    assert.equal(quiz.everyRightPicked(multiple, [0, 1, 2]), 0);
    assert.equal(quiz.everyRightPicked(multiple, [0, 2, 3]), 0);
    assert.equal(quiz.everyRightPicked(multiple, [0, 1, 2, 3]), 0);
  });
});

describe("gradeOfPick", () => {
  const marks = ["poor", "best", "acceptable"];

  test("the best option is worth 1, an acceptable one ½, a poor one 0", () => {
    assert.equal(quiz.gradeOfPick(marks, [1]), 1);
    assert.equal(quiz.gradeOfPick(marks, [2]), 0.5);
    assert.equal(quiz.gradeOfPick(marks, [0]), 0);
  });

  test("two picks, even with the best among them, are worth 0", () => {
    assert.equal(quiz.gradeOfPick(marks, [1, 2]), 0);
    assert.equal(quiz.gradeOfPick(marks, [2, 1]), 0);
  });

  test("no pick, or a pick past the choices, is worth 0", () => {
    assert.equal(quiz.gradeOfPick(marks, []), 0);
    assert.equal(quiz.gradeOfPick(marks, [3]), 0);
  });
});

describe("points", () => {
  test("whole numbers as digits", () => {
    assert.equal(quiz.points(0), "0");
    assert.equal(quiz.points(1), "1");
    assert.equal(quiz.points(12), "12");
  });

  test("halves with ½, and ½ alone without a 0", () => {
    assert.equal(quiz.points(0.5), "½");
    assert.equal(quiz.points(1.5), "1½");
    assert.equal(quiz.points(3.5), "3½");
  });
});

describe("scoreLine", () => {
  test("nothing answered yet", () => {
    assert.equal(quiz.scoreLine(0, 0, 5), "Not started");
  });

  test("partly answered: how many, and the points so far", () => {
    assert.equal(quiz.scoreLine(2, 1.5, 5), "2 of 5 answered: 1½ points so far");
    assert.equal(quiz.scoreLine(3, 0, 5), "3 of 5 answered: 0 points so far");
  });

  test("partly answered with one point: singular", () => {
    assert.equal(quiz.scoreLine(2, 1, 5), "2 of 5 answered: 1 point so far");
  });

  test("every question answered: the points of the total", () => {
    assert.equal(quiz.scoreLine(5, 3.5, 5), "3½ of 5 points");
    assert.equal(quiz.scoreLine(5, 5, 5), "5 of 5 points");
    assert.equal(quiz.scoreLine(4, 0, 4), "0 of 4 points");
  });
});

describe("isAnswer", () => {
  test("a checked answer, or one with a first attempt, is an answer", () => {
    assert.equal(quiz.isAnswer(answer("k", [0], 1, 10)), true);
    assert.equal(quiz.isAnswer({ ...selection("k", [], 20), first: { picked: [0], score: 1, at: 10 } }), true);
    assert.equal(quiz.isAnswer({ key: "k", picked: [0], checked: true, score: 1, at: 10 }), true);
  });

  test("a mere selection, or nothing, is not", () => {
    assert.equal(quiz.isAnswer(selection("k", [1], 10)), false);
    assert.equal(quiz.isAnswer(undefined), false);
    assert.equal(quiz.isAnswer(null), false);
  });
});

describe("migrate", () => {
  test("current data passes through as it is", () => {
    const data = { version: 3, answers: { "q-1": answer("k", [0], 1, 10) },
      lessons: { intro: { at: 5, read: true } } };
    assert.equal(quiz.migrate(data), data);
    const empty = { version: 3, answers: {}, lessons: {} };
    assert.equal(quiz.migrate(empty), empty);
  });

  test("version 2 kept no lessons: its answers stay, with no lesson begun", () => {
    const answers = { "q-1": answer("k", [0], 1, 10) };
    assert.deepEqual(quiz.migrate({ version: 2, answers }), { version: 3, answers, lessons: {} });
  });

  test("version 3 without its lessons is not saved data", () => {
    for (const lessons of [undefined, null, [], "x"]) {
      assert.equal(quiz.migrate({ version: 3, answers: {}, lessons }), null, String(lessons));
    }
  });

  test("version 1: `right` and `checked` become a score and a first attempt", () => {
    const v1 = {
      version: 1,
      answers: {
        right: { key: "a", picked: [1], checked: true, right: true },
        wrong: { key: "b", picked: [0, 2], checked: true, right: false },
        selected: { key: "c", picked: [2], checked: false, right: true },
      },
    };
    assert.deepEqual(quiz.migrate(v1), {
      version: 3,
      lessons: {},
      answers: {
        right: { key: "a", picked: [1], checked: true, score: 1, at: 0,
          first: { picked: [1], score: 1, at: 0 } },
        wrong: { key: "b", picked: [0, 2], checked: true, score: 0, at: 0,
          first: { picked: [0, 2], score: 0, at: 0 } },
        selected: { key: "c", picked: [2], checked: false, score: 0, at: 0 },
      },
    });
  });

  test("version 1: only `right: true` scores, and the old data is left as it was", () => {
    const v1 = { version: 1, answers: { q: { key: "a", picked: [0], checked: true, right: "yes" } } };
    const before = structuredClone(v1);
    assert.equal(quiz.migrate(v1).answers.q.score, 0);
    assert.deepEqual(v1, before);
  });

  test("an unknown version is not saved data", () => {
    assert.equal(quiz.migrate({ version: 4, answers: {}, lessons: {} }), null);
    assert.equal(quiz.migrate({ version: "2", answers: {} }), null);
    assert.equal(quiz.migrate({ answers: {} }), null);
  });

  test("garbage is not saved data", () => {
    for (const garbage of [null, undefined, 0, 2, "", "text", true, [], [1, 2], {},
      { version: 2 }, { version: 2, answers: null }, { version: 2, answers: [] },
      { version: 2, answers: "x" }]) {
      assert.equal(quiz.migrate(garbage), null, JSON.stringify(garbage));
    }
  });
});

describe("fileProblem: lessons", () => {
  test("lessons read, marked done or not done are fine", () => {
    const lessons = { intro: { at: 1, read: true }, more: { at: 2, read: false, marked: true },
      last: { at: 3, read: true, marked: false } };
    assert.equal(quiz.fileProblem(exported({}, { lessons }), COURSE), null);
  });

  test("a damaged lesson entry or lesson id is named", () => {
    for (const [id, entry] of [["intro", null], ["intro", { at: "now", read: true }],
      ["intro", { at: 1, read: "yes" }], ["intro", { at: 1, read: true, marked: 1 }],
      ["Intro!", { at: 1, read: true }], ["<b>", { at: 1, read: true }]]) {
      assert.equal(quiz.fileProblem(exported({}, { lessons: { [id]: entry } }), COURSE),
        "The file is damaged: what it says about lesson \u201c" + id + "\u201d cannot be read.",
        JSON.stringify([id, entry]));
    }
  });
});

describe("mergeLessons", () => {
  test("new lessons are added, newer ones replace, older ones are kept", () => {
    const mine = { a: { at: 5, read: true }, b: { at: 5, read: false } };
    const theirs = { a: { at: 9, read: true, marked: true }, b: { at: 1, read: true },
      c: { at: 3, read: true } };
    assert.deepEqual(quiz.mergeLessons(mine, theirs), { added: 1, replaced: 1, kept: 1,
      lessons: { a: theirs.a, b: mine.b, c: theirs.c } });
    assert.deepEqual(mine.a, { at: 5, read: true }, "mine is left as it was");
  });

  test("a lesson the site no longer has stays out", () => {
    const plan = quiz.mergeLessons({}, { gone: { at: 1, read: true } }, ["intro"]);
    assert.deepEqual(plan, { added: 0, replaced: 0, kept: 0, lessons: {} });
  });
});

describe("fileProblem", () => {
  const good = () => exported({
    "quiz-one:q1": answer("k1", [0], 1, 2000, 1000, 0),
    "quiz-one:q2": selection("k2", [1, 2], 3000),
    "q-3": { key: "k3", picked: [], checked: false, score: 0, at: 0,
      first: { picked: [3], score: 0.5, at: 5 } },
  });
  const damaged = (id) =>
    "The file is damaged: its answer to question \u201c" + id + "\u201d cannot be read.";

  test("a good file has no problem", () => {
    assert.equal(quiz.fileProblem(good(), COURSE), null);
    assert.equal(quiz.fileProblem(exported({}), COURSE), null);
  });

  test("a version 1 file is read after migrating it", () => {
    const v1 = exported(
      { "q-1": { key: "k", picked: [0], checked: true, right: true },
        "q-2": { key: "k", picked: [1], checked: false, right: false } },
      { version: 1 });
    assert.equal(quiz.fileProblem(v1, COURSE), null);
  });

  test("a version 1 file with a damaged answer is damaged", () => {
    const v1 = exported({ "q-1": { key: "k", picked: "A", checked: true, right: true } },
      { version: 1 });
    assert.equal(quiz.fileProblem(v1, COURSE), damaged("q-1"));
    const gone = exported({ "q-1": null }, { version: 1 });
    assert.equal(quiz.fileProblem(gone, COURSE), damaged("q-1"));
  });

  test("something that is not an export", () => {
    const message = "This file is not a progress export.";
    for (const data of [null, 42, "text", [], {}, { answers: {} },
      { ...good(), format: "something-else" }]) {
      assert.equal(quiz.fileProblem(data, COURSE), message, JSON.stringify(data));
    }
  });

  test("an export of another course, named in at most 80 characters", () => {
    assert.equal(quiz.fileProblem({ ...good(), course: "coffee" }, COURSE),
      "This file holds progress for another course (coffee), not this one.");
    assert.equal(quiz.fileProblem({ ...good(), course: "x".repeat(200) }, COURSE),
      "This file holds progress for another course (" + "x".repeat(80) + "), not this one.");
    const missing = { ...good() };
    delete missing.course;
    assert.equal(quiz.fileProblem(missing, COURSE),
      "This file holds progress for another course (undefined), not this one.");
  });

  test("an export of an unknown version, or without answers", () => {
    const message = "This file has no answers this site can read.";
    assert.equal(quiz.fileProblem({ ...good(), version: 4 }, COURSE), message);
    assert.equal(quiz.fileProblem({ ...good(), answers: [] }, COURSE), message);
    const none = { ...good() };
    delete none.answers;
    assert.equal(quiz.fileProblem(none, COURSE), message);
  });

  test("a damaged question id", () => {
    const message = "The file is damaged: an answer in it has no valid question id.";
    for (const id of ["", "Q1", "q 1", "q1:", "-q1", "q1--q2", "q1/q2", "<b>"]) {
      const file = good();
      file.answers[id] = answer("k", [0], 1, 10);
      assert.equal(quiz.fileProblem(file, COURSE), message, JSON.stringify(id));
    }
  });

  test("a damaged answer", () => {
    const base = answer("k", [0], 1, 10);
    const broken = {
      "a score that is not 0, ½ or 1": { ...base, score: 0.7 },
      "a score as text": { ...base, score: "1" },
      "a pick past Z": { ...base, picked: [26] },
      "a negative pick": { ...base, picked: [-1] },
      "a pick that is not whole": { ...base, picked: [1.5] },
      "a pick twice": { ...base, picked: [1, 1] },
      "picks as text": { ...base, picked: "A" },
      "too many picks": { ...base, picked: Array.from({ length: 27 }, (_, i) => i) },
      "no key": { ...base, key: undefined },
      "a key too long": { ...base, key: "k".repeat(65) },
      "`checked` as text": { ...base, checked: "true" },
      "no time": { ...base, at: undefined },
      "a time before 1970": { ...base, at: -1 },
      "a time that is not a number": { ...base, at: NaN },
      "a damaged first attempt": { ...base, first: { picked: [0], score: 2, at: 1 } },
      "a first attempt that is not a record": { ...base, first: null },
      "not a record": [base],
    };
    for (const [what, entry] of Object.entries(broken)) {
      const file = good();
      file.answers["quiz-one:q2"] = entry;
      assert.equal(quiz.fileProblem(file, COURSE), damaged("quiz-one:q2"), what);
    }
  });

  test("answers at the limits are fine", () => {
    const file = exported({
      "q-1": { ...answer("k".repeat(64), [25, 0], 0.5, 0) },
      "q-2": { ...answer("", [], 0, 1e13) },
    });
    assert.equal(quiz.fileProblem(file, COURSE), null);
  });
});

describe("mergePlan", () => {
  test("an answer only in the file is added", () => {
    const theirs = { "q-1": answer("k", [0], 1, 100) };
    const plan = quiz.mergePlan({}, theirs);
    assert.deepEqual(plan, { added: 1, replaced: 0, kept: 0, answers: theirs });
  });

  test("a newer answer in the file replaces mine; the first attempt kept is the earliest", () => {
    const mine = { "q-1": answer("k", [0], 0, 100, 50) };
    const theirs = { "q-1": answer("k", [1], 1, 200, 150) };
    const plan = quiz.mergePlan(mine, theirs);
    assert.equal(plan.added, 0);
    assert.equal(plan.replaced, 1);
    assert.equal(plan.kept, 0);
    assert.deepEqual(plan.answers["q-1"], {
      key: "k", picked: [1], checked: true, score: 1, at: 200,
      first: { picked: [0], score: 0, at: 50 },
    });
  });

  test("an older answer in the file keeps mine, but brings its earlier first attempt", () => {
    const mine = { "q-1": answer("k", [1], 1, 300, 200) };
    const theirs = { "q-1": answer("k", [2], 0, 100, 20) };
    const plan = quiz.mergePlan(mine, theirs);
    assert.equal(plan.replaced, 1);
    assert.deepEqual(plan.answers["q-1"], {
      key: "k", picked: [1], checked: true, score: 1, at: 300,
      first: { picked: [2], score: 0, at: 20 },
    });
  });

  test("an older or equal answer with a later first attempt changes nothing: kept", () => {
    const mine = { "q-1": answer("k", [1], 1, 300, 10), "q-2": answer("k", [0], 1, 50) };
    const theirs = { "q-1": answer("k", [2], 0, 100, 20), "q-2": answer("k", [1], 0, 50) };
    const plan = quiz.mergePlan(mine, theirs);
    assert.deepEqual(plan, { added: 0, replaced: 0, kept: 2, answers: mine });
  });

  test("a newer answer without a first attempt takes my first attempt", () => {
    const mine = { "q-1": answer("k", [0], 1, 100, 50) };
    const theirs = { "q-1": { key: "k", picked: [1], checked: true, score: 0, at: 200 } };
    const plan = quiz.mergePlan(mine, theirs);
    assert.equal(plan.replaced, 1);
    assert.deepEqual(plan.answers["q-1"], { ...theirs["q-1"], first: mine["q-1"].first });
  });

  test("answers to another version of a question are never mixed", () => {
    const mine = { "q-1": answer("k2", [0], 1, 100, 90) };
    const theirs = { "q-1": answer("k1", [1], 0, 50, 10) };
    const plan = quiz.mergePlan(mine, theirs);
    assert.deepEqual(plan.answers["q-1"], theirs["q-1"], "no first attempt of k1 under k2");
    assert.deepEqual(quiz.mergePlan(mine, theirs, { "q-1": "k2" }),
      { added: 0, replaced: 0, kept: 0, answers: mine }, "k1 is not the site's version");
  });

  test("with the site's keys, only answers to its current questions come in", () => {
    const theirs = { "q-1": answer("k1", [1], 1, 50), gone: answer("k", [0], 1, 50) };
    const plan = quiz.mergePlan({}, theirs, { "q-1": "k1" });
    assert.deepEqual(plan, { added: 1, replaced: 0, kept: 0, answers: { "q-1": theirs["q-1"] } });
  });

  test("mere selections in the file are not imported", () => {
    const mine = { "q-1": answer("k", [0], 1, 100) };
    const theirs = { "q-1": selection("k", [2], 900), "q-2": selection("k", [1], 900) };
    const plan = quiz.mergePlan(mine, theirs);
    assert.deepEqual(plan, { added: 0, replaced: 0, kept: 0, answers: mine });
  });

  test("an answer where I only have a selection counts as added", () => {
    const mine = { "q-1": selection("k", [2], 50) };
    const theirs = { "q-1": answer("k", [0], 1, 100) };
    const plan = quiz.mergePlan(mine, theirs);
    assert.deepEqual(plan, { added: 1, replaced: 0, kept: 0, answers: theirs });
  });

  test("counts over several questions; mine are left as they were", () => {
    const mine = {
      same: answer("k", [0], 1, 100),
      older: answer("k", [0], 1, 500, 100),
      newer: answer("k", [0], 0, 100),
      untouched: answer("k", [1], 1, 100),
    };
    const theirs = {
      same: answer("k", [0], 1, 100),
      older: answer("k", [1], 0, 400),
      newer: answer("k", [2], 1, 600, 100, 0),
      added: answer("k", [3], 0.5, 700),
      selected: selection("k", [1], 800),
    };
    const before = structuredClone(mine);
    const plan = quiz.mergePlan(mine, theirs);
    assert.equal(plan.added, 1);
    assert.equal(plan.replaced, 1);
    assert.equal(plan.kept, 2);
    assert.deepEqual(Object.keys(plan.answers).sort(),
      ["added", "newer", "older", "same", "untouched"]);
    assert.deepEqual(plan.answers.same, mine.same);
    assert.deepEqual(plan.answers.older, mine.older);
    assert.deepEqual(plan.answers.newer, { ...theirs.newer, first: mine.newer.first });
    assert.deepEqual(plan.answers.added, theirs.added);
    assert.equal(plan.answers.untouched, mine.untouched);
    assert.deepEqual(mine, before);
  });
});

describe("tally", () => {
  const items = [
    { id: "q-1", key: "k1" },
    { id: "q-2", key: "k2" },
    { id: "q-3", key: "k3" },
    { id: "q-4", key: "k4" },
    { id: "q-5", key: "k5" },
  ];

  test("nothing answered", () => {
    assert.deepEqual(quiz.tally(items, {}),
      { total: 5, firstDone: 0, first: 0, latestDone: 0, latest: 0 });
  });

  test("first attempts and latest answers are summed apart; other keys are ignored", () => {
    const answers = {
      "q-1": answer("k1", [0], 1, 300, 100, 0), // first wrong, then right
      "q-2": answer("k2", [1], 0.5, 200), // acceptable both times
      "q-3": { ...selection("k3", [], 400), first: { picked: [2], score: 1, at: 100 } }, // retried
      "q-4": answer("old", [0], 1, 100), // an answer to an earlier version of the question
      "q-5": selection("k5", [1], 100), // chosen, never checked
      "q-6": answer("k6", [0], 1, 100), // not one of these questions
    };
    assert.deepEqual(quiz.tally(items, answers),
      { total: 5, firstDone: 3, first: 1.5, latestDone: 2, latest: 1.5 });
  });

  test("a checked answer without a first attempt counts for the latest only", () => {
    const answers = { "q-1": { key: "k1", picked: [0], checked: true, score: 1, at: 10 } };
    assert.deepEqual(quiz.tally(items.slice(0, 1), answers),
      { total: 1, firstDone: 0, first: 0, latestDone: 1, latest: 1 });
  });
});

describe("words in the page's language", () => {
  test("English needs no catalogue; placeholders are filled", () => {
    quiz.useWords({}, "en");
    assert.equal(quiz._("Check"), "Check");
    assert.equal(quiz._("Check: {question}", { question: "Question 2" }), "Check: Question 2");
    assert.equal(quiz._n("{points} point", "{points} points", 1, { points: "1" }), "1 point");
    assert.equal(quiz._n("{points} point", "{points} points", 1.5, { points: "1½" }), "1½ points");
  });

  test("a catalogue's words and plural forms are used, and the English stays for a gap", () => {
    quiz.useWords({
      Check: "Prüfen",
      "{points} point": { one: "{points} Punkt", other: "{points} Punkte" },
    }, "de");
    try {
      assert.equal(quiz._("Check"), "Prüfen");
      assert.equal(quiz._("Try again"), "Try again");
      assert.equal(quiz._n("{points} point", "{points} points", 1, { points: "1" }), "1 Punkt");
      assert.equal(quiz._n("{points} point", "{points} points", 0.5, { points: "½" }), "½ Punkte");
      assert.equal(quiz.scoreLine(1, 1, 2), "1 of 2 answered: 1 Punkt so far");
    } finally {
      quiz.useWords({}, "en");
    }
  });
});
