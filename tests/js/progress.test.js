// The pure logic of generator/theme/assets/progress.js: where a learner stands with each step,
// what comes next and when the course is complete. The browser tests cover the page.
"use strict";

const { describe, test } = require("node:test");
const assert = require("node:assert/strict");

const progress = require("../../generator/theme/assets/progress.js");

/** A course of two lessons, a scenario and a self-check on the first, and a final quiz. */
function course(lessonDone = "read", passMark = 80) {
  return {
    course: "tea",
    lessonDone,
    passMark,
    pages: { course: "index.md", progress: "progress.md", record: "record.md" },
    words: {},
    steps: [
      { kind: "lesson", id: "one", title: "One", page: "lessons/one.md", lesson: "one", questions: [], tracked: true },
      { kind: "scenario", id: "late", title: "Late", page: "scenarios/late.md", lesson: "one",
        questions: [["scenario:late", "s1"]], tracked: true },
      { kind: "quiz", id: "one-check", title: "Check one", page: "quizzes/one-check.md", lesson: "one",
        questions: [["a", "ka"], ["b", "kb"]], tracked: true },
      { kind: "lesson", id: "two", title: "Two", page: "lessons/two.md", lesson: "two", questions: [], tracked: true },
      { kind: "quiz", id: "in-the-room", title: "In the room", page: "quizzes/in-the-room.md", lesson: null,
        questions: [], tracked: false },
      { kind: "quiz", id: "final", title: "Final", page: "quizzes/final.md", lesson: null,
        questions: [["f1", "k1"], ["f2", "k2"], ["f3", "k3"], ["f4", "k4"], ["f5", "k5"]], tracked: true },
    ],
  };
}

/** A checked answer scoring `score` now and `first` on the first attempt, at `at`. */
function answer(key, score, first = score, at = 100) {
  return { key, picked: [0], checked: true, score, at, first: { picked: [0], score: first, at } };
}

function data(answers = {}, lessons = {}) {
  return { version: 3, answers, lessons };
}

const step = (map, id) => map.steps.find((s) => s.id === id);
const state = (map, id, saved) => progress.standing(map, step(map, id), saved).state;

describe("lessons", () => {
  test("not opened is new; opened is started; read to the end is done by default", () => {
    const map = course();
    assert.equal(state(map, "one", data()), "new");
    assert.equal(state(map, "one", data({}, { one: { at: 1, read: false } })), "started");
    assert.equal(state(map, "one", data({}, { one: { at: 1, read: true } })), "done");
  });

  test("by default the learner's own mark wins over having read it", () => {
    const map = course();
    assert.equal(state(map, "one", data({}, { one: { at: 1, read: false, marked: true } })), "done");
    assert.equal(state(map, "one", data({}, { one: { at: 1, read: true, marked: false } })), "started");
  });

  test("`marked`: only the learner's mark makes a lesson done", () => {
    const map = course("marked");
    assert.equal(state(map, "one", data({}, { one: { at: 1, read: true } })), "started");
    assert.equal(state(map, "one", data({}, { one: { at: 1, read: false, marked: true } })), "done");
  });

  test("`self-check`: read to the end and its self-check's latest answers at the pass mark", () => {
    const map = course("self-check", 50);
    const read = { one: { at: 1, read: true } };
    assert.equal(state(map, "one", data({}, read)), "started", "no self-check answered");
    assert.equal(state(map, "one", data({ a: answer("ka", 1) }, read)), "started", "one of two");
    assert.equal(state(map, "one", data({ a: answer("ka", 1, 0), b: answer("kb", 0) }, read)), "done",
      "1 of 2 is 50%: the latest answers count, not the first attempt");
    assert.equal(state(map, "one", data({ a: answer("ka", 0, 1), b: answer("kb", 0, 1) }, read)),
      "started", "a fine first attempt, then worse latest answers");
    assert.equal(state(map, "one", data({ a: answer("ka", 1), b: answer("kb", 1) }, {})), "new",
      "passed but never opened");
    assert.equal(state(map, "two", data({}, { two: { at: 1, read: true } })), "done",
      "a lesson with no self-check: read is enough");
  });

  test("answers to another version of a question do not count", () => {
    const map = course("self-check", 50);
    const old = data({ a: answer("old", 1), b: answer("kb", 1) }, { one: { at: 1, read: true } });
    assert.equal(state(map, "one", old), "started");
  });
});

describe("scenarios and quizzes", () => {
  test("a scenario is started once chosen and done once checked", () => {
    const map = course();
    assert.equal(state(map, "late", data()), "new");
    const chosen = { key: "s1", picked: [1], checked: false, score: 0, at: 5 };
    assert.equal(state(map, "late", data({ "scenario:late": chosen })), "started");
    assert.equal(state(map, "late", data({ "scenario:late": answer("s1", 0.5) })), "done");
  });

  test("a quiz is done when every question has a first attempt, with its scores", () => {
    const map = course();
    const half = progress.standing(map, step(map, "one-check"), data({ a: answer("ka", 1) }));
    assert.equal(half.state, "started");
    assert.equal(progress.describe(step(map, "one-check"), half), "In progress: 1 of 2 answered");
    const all = progress.standing(map, step(map, "one-check"),
      data({ a: answer("ka", 1), b: answer("kb", 0.5) }));
    assert.equal(all.state, "done");
    assert.equal(progress.describe(step(map, "one-check"), all), "Done: 1½ of 2 points");
  });

  test("a final assessment is done once passed; below the pass mark it is still to do", () => {
    const map = course();
    const final = (scores) => Object.fromEntries(scores.map((score, i) =>
      [`f${i + 1}`, answer(`k${i + 1}`, score)]));
    const failed = progress.standing(map, step(map, "final"), data(final([1, 1, 1, 0, 0])));
    assert.equal(failed.state, "started");
    assert.equal(progress.describe(step(map, "final"), failed), "Not passed: 3 of 5 points");
    assert.equal(progress.overall(map, data(final([1, 1, 1, 0, 0]))).done, 0);
    const rest = { "scenario:late": answer("s1", 1), a: answer("ka", 1), b: answer("kb", 1) };
    const lessons = { one: { at: 1, read: true }, two: { at: 2, read: true } };
    assert.equal(progress.nextStep(map, data({ ...rest, ...final([1, 1, 1, 0, 0]) }, lessons)).id,
      "final", "the failed final is what is left");
    const passed = progress.standing(map, step(map, "final"), data(final([1, 1, 1, 1, 0])));
    assert.equal(passed.state, "done");
    assert.equal(progress.describe(step(map, "final"), passed), "Done: 4 of 5 points");
  });

  test("`self-check`: a self-check is done once its latest answers reach the pass mark", () => {
    const map = course("self-check", 80);
    const check = step(map, "one-check");
    const below = progress.standing(map, check, data({ a: answer("ka", 1), b: answer("kb", 0) }));
    assert.equal(below.state, "started", "it does not count for its lesson, so it is not done");
    assert.equal(progress.describe(check, below), "Not passed: 1 of 2 points");
    assert.equal(progress.overall(map, data({ a: answer("ka", 1), b: answer("kb", 0) })).done, 0);
    const again = { a: answer("ka", 1), b: { ...answer("kb", 0), checked: false, score: 0, picked: [] } };
    const retaking = progress.standing(map, check, data(again));
    assert.equal(progress.describe(check, retaking), "In progress: 1 of 2 answered");
    const passed = progress.standing(map, check, data({ a: answer("ka", 1, 0), b: answer("kb", 1, 0) }));
    assert.equal(passed.state, "done", "the latest answers count, not the first attempt");
    assert.equal(progress.describe(check, passed), "Done: 0 of 2 points", "its score: first attempts");
    assert.equal(state(course("read"), "one-check", data({ a: answer("ka", 1), b: answer("kb", 0) })),
      "done", "where self-checks do not decide a lesson, answering one is doing it");
  });

  test("the words for lessons and scenarios", () => {
    const map = course();
    assert.equal(progress.describe(step(map, "one"), { state: "new", sums: null }), "Not started");
    assert.equal(progress.describe(step(map, "one"), { state: "started", sums: null }), "In progress");
    assert.equal(progress.describe(step(map, "one"), { state: "done", sums: null }), "Done");
  });
});

describe("the course as a whole", () => {
  test("the overall figure counts the steps a learner can do here", () => {
    const map = course();
    assert.deepEqual(progress.overall(map, data()), { done: 0, total: 5 }, "not the quiz in the room");
    const some = data({ "scenario:late": answer("s1", 1) }, { one: { at: 1, read: true } });
    assert.deepEqual(progress.overall(map, some), { done: 2, total: 5 });
  });

  test("next is the first step not done, in the course's order", () => {
    const map = course();
    assert.equal(progress.nextStep(map, data()).id, "one");
    assert.equal(progress.nextStep(map, data({}, { one: { at: 1, read: true } })).id, "late");
    const skipped = data({ a: answer("ka", 1), b: answer("kb", 1) }, { one: { at: 1, read: true } });
    assert.equal(progress.nextStep(map, skipped).id, "late", "a step left out comes first");
  });

  test("`self-check`: a lesson read to its end leads on to its practice, not back to itself", () => {
    const map = course("self-check");
    assert.equal(progress.nextStep(map, data({}, { one: { at: 1, read: false } })).id, "one");
    assert.equal(progress.nextStep(map, data({}, { one: { at: 1, read: true } })).id, "late");
  });

  test("begun: a lesson opened or a question answered", () => {
    assert.equal(progress.begun(data()), false);
    assert.equal(progress.begun(data({}, { one: { at: 1, read: false } })), true);
    assert.equal(progress.begun(data({ a: answer("ka", 0) })), true);
  });

  test("complete: every lesson done and the final passed on the first attempt", () => {
    const map = course();
    const lessons = { one: { at: 10, read: true }, two: { at: 20, read: true } };
    const final = (firstScores, at = 30) => Object.fromEntries(firstScores.map((score, i) =>
      [`f${i + 1}`, answer(`k${i + 1}`, 1, score, at)]));
    const open = progress.finish(map, data({}, lessons));
    assert.equal(open.complete, false);
    assert.deepEqual(open.lessonsLeft, []);
    assert.equal(open.finals[0].passed, false);
    const failed = progress.finish(map, data(final([1, 1, 1, 0, 0]), lessons));
    assert.equal(failed.complete, false, "60% on the first attempt, though every latest is right");
    const passed = progress.finish(map, data(final([1, 1, 1, 1, 0]), lessons));
    assert.equal(passed.complete, true, "80% is the pass mark");
    assert.equal(passed.at, 30, "when the last requirement was met");
    const late = progress.finish(map, data(final([1, 1, 1, 1, 1]), { ...lessons, two: { at: 99, read: true } }));
    assert.equal(late.at, 99);
    const lessonLeft = progress.finish(map, data(final([1, 1, 1, 1, 1]), { one: lessons.one }));
    assert.equal(lessonLeft.complete, false);
    assert.deepEqual(lessonLeft.lessonsLeft.map((s) => s.id), ["two"]);
    assert.equal(lessonLeft.at, 0);
  });

  test("a course without a final is complete when every lesson is done", () => {
    const map = course();
    map.steps = map.steps.filter((s) => s.id !== "final");
    const lessons = { one: { at: 10, read: true }, two: { at: 20, read: true } };
    assert.deepEqual(progress.finish(map, data({}, lessons)),
      { complete: true, at: 20, lessonsLeft: [], finals: [] });
  });
});
