// @ts-check
/* coursewright progress: where the learner stands in the course, on every page. It reads the
   course map (assets/coursewright-course.js: each step in the course's order, the author's rule
   for done) and the progress the quiz script saves, then marks each lesson, scenario and quiz
   in the navigation and the outline, fills the progress bars, turns Start into Continue, keeps
   track of lessons read, and fills the progress page and the course record. Without
   JavaScript none of this shows and the course reads as plain pages in order. */
(function () {
  "use strict";

  /**
   * One step of the course, as the map lists it.
   * @typedef {{ kind: string, id: string, title: string, page: string, lesson: string | null,
   *   questions: string[][], tracked: boolean }} Step
   */
  /**
   * The course map.
   * @typedef {{ course: string, lessonDone: string, passMark: number, steps: Step[],
   *   pages: Record<string, string>, words: Record<string, string | Record<string, string>> }} CourseMap
   */
  /** @typedef {import("./quiz.js").Saved} Saved */
  /** @typedef {import("./quiz.js").Sums} Sums */
  /**
   * Where the learner stands with a step: not begun (`new`), `started` or `done`; the scores
   * of a scenario or quiz.
   * @typedef {{ state: "new" | "started" | "done", sums: Sums | null, failed?: boolean }} Standing
   */
  /**
   * The finish line: met or not, when, and what is left.
   * @typedef {{ complete: boolean, at: number, lessonsLeft: Step[],
   *   finals: { step: Step, sums: Sums, passed: boolean }[] }} Finish
   */

  var quiz = /** @type {typeof import("./quiz.js")} */ (
    typeof module === "object" && module.exports ? require("./quiz.js") :
      /** @type {any} */ (window).coursewrightQuiz);
  if (!quiz) return; // the quiz script, which keeps the progress, could not be loaded
  var _ = quiz._;

  /* ---- Pure logic: where the learner stands ---- */

  /**
   * @param {Step} step
   * @param {Saved} data
   * @returns {Sums}
   */
  function sums(step, data) {
    return quiz.tally(step.questions.map(function (q) { return { id: q[0], key: q[1] }; }),
      data.answers);
  }

  /**
   * The share of the points, 0 to 1.
   * @param {number} score
   * @param {number} total
   */
  function share(score, total) { return total ? score / total : 0; }

  /**
   * Whether a score reaches the course's pass mark.
   * @param {CourseMap} map
   * @param {number} score
   * @param {number} total
   */
  function reaches(map, score, total) { return share(score, total) * 100 >= map.passMark; }

  /**
   * Whether a final assessment is passed: every question answered, the first attempts at the
   * pass mark.
   * @param {CourseMap} map
   * @param {Sums} got
   */
  function finalPassed(map, got) {
    return got.firstDone === got.total && reaches(map, got.first, got.total);
  }

  /**
   * Whether the self-checks of a lesson are passed: the latest answers at the pass mark.
   * @param {CourseMap} map
   * @param {string} lesson
   * @param {Saved} data
   */
  function selfChecksPassed(map, lesson, data) {
    return map.steps.filter(function (s) {
      return s.kind === "quiz" && s.lesson === lesson && s.tracked;
    }).every(function (s) { return latestPassed(map, sums(s, data)); });
  }

  /**
   * Whether a self-check's latest answers, all of them, reach the pass mark.
   * @param {CourseMap} map
   * @param {Sums} got
   */
  function latestPassed(map, got) {
    return got.latestDone === got.total && reaches(map, got.latest, got.total);
  }

  /**
   * Whether an answered quiz has reached what it asks: a final, the pass mark on its first
   * attempts; a lesson's self-check, where self-checks decide a lesson, with its latest
   * answers; any other quiz, being answered.
   * @param {CourseMap} map
   * @param {Step} step
   * @param {Sums} got
   */
  function passes(map, step, got) {
    if (step.lesson === null) return finalPassed(map, got);
    return map.lessonDone !== "self-check" || latestPassed(map, got);
  }

  /**
   * Whether a lesson is done, by the author's rule.
   * @param {CourseMap} map
   * @param {Step} step
   * @param {Saved} data
   */
  function lessonDone(map, step, data) {
    var entry = data.lessons[step.id];
    if (!entry) return false;
    if (map.lessonDone === "marked") return entry.marked === true;
    if (map.lessonDone === "self-check") return entry.read && selfChecksPassed(map, step.id, data);
    return entry.marked === true || (entry.marked !== false && entry.read);
  }

  /**
   * @param {CourseMap} map
   * @param {Step} step
   * @param {Saved} data
   * @returns {Standing}
   */
  function standing(map, step, data) {
    if (step.kind === "lesson") {
      var done = lessonDone(map, step, data);
      return { state: done ? "done" : data.lessons[step.id] ? "started" : "new", sums: null };
    }
    var got = sums(step, data), touched = step.questions.some(function (q) {
      var entry = data.answers[q[0]];
      return !!entry && entry.key === q[1];
    });
    var answered = got.total > 0 && got.firstDone === got.total;
    // A quiz that counts is done once passed; answered below the pass mark, it is still to do.
    var failed = answered && !passes(map, step, got);
    var state = answered && !failed ? "done" : touched ? "started" : "new";
    return { state: /** @type {Standing["state"]} */ (state), sums: got, failed: failed };
  }

  /**
   * How many of the steps the learner can do here are done.
   * @param {CourseMap} map
   * @param {Saved} data
   */
  function overall(map, data) {
    var steps = map.steps.filter(function (s) { return s.tracked; });
    var done = steps.filter(function (s) { return standing(map, s, data).state === "done"; });
    return { done: done.length, total: steps.length };
  }

  /**
   * The first step not done yet, in the course's order; null when all are. A lesson read to
   * its end that waits only for its self-check is passed over: the self-check comes next.
   * @param {CourseMap} map
   * @param {Saved} data
   * @returns {Step | null}
   */
  function nextStep(map, data) {
    return map.steps.filter(function (s) {
      var read = s.kind === "lesson" && map.lessonDone === "self-check" &&
        !!data.lessons[s.id] && data.lessons[s.id].read;
      return s.tracked && !read && standing(map, s, data).state !== "done";
    })[0] || null;
  }

  /**
   * Whether the learner has begun the course: a lesson opened or a question answered.
   * @param {Saved} data
   */
  function begun(data) {
    return Object.keys(data.lessons).length > 0 || Object.keys(data.answers).length > 0;
  }

  /**
   * The finish line: every lesson done, and every final assessment (a quiz of no lesson)
   * passed at the pass mark on its first attempt. `at` is when the last of these was met.
   * @param {CourseMap} map
   * @param {Saved} data
   * @returns {Finish}
   */
  function finish(map, data) {
    var lessons = map.steps.filter(function (s) { return s.kind === "lesson"; });
    var left = lessons.filter(function (s) { return !lessonDone(map, s, data); });
    var at = 0;
    lessons.forEach(function (s) { if (data.lessons[s.id]) at = Math.max(at, data.lessons[s.id].at); });
    var finals = map.steps.filter(function (s) {
      return s.kind === "quiz" && s.lesson === null && s.tracked;
    }).map(function (s) {
      var got = sums(s, data);
      s.questions.forEach(function (q) {
        var first = data.answers[q[0]] && data.answers[q[0]].first;
        if (first) at = Math.max(at, first.at);
      });
      return { step: s, sums: got, passed: finalPassed(map, got) };
    });
    var complete = !left.length && finals.every(function (f) { return f.passed; });
    return { complete: complete, at: complete ? at : 0, lessonsLeft: left, finals: finals };
  }

  /**
   * The words for where the learner stands with a step.
   * @param {Step} step
   * @param {Standing} where
   */
  function describe(step, where) {
    var got = where.sums;
    if (where.state === "new") return _("Not started");
    if (got && where.failed && step.lesson !== null) {  // a self-check: its latest answers count
      return got.latestDone < got.total ?
        _("In progress: {done} of {total} answered", { done: got.latestDone, total: got.total }) :
        _("Not passed: {score}", { score: quiz.scoreLine(got.latestDone, got.latest, got.total) });
    }
    if (got && where.failed) {
      return _("Not passed: {score}", { score: quiz.scoreLine(got.firstDone, got.first, got.total) });
    }
    if (step.kind === "quiz" && got && where.state === "done") {
      return _("Done: {score}", { score: quiz.scoreLine(got.firstDone, got.first, got.total) });
    }
    if (step.kind === "quiz" && got) {
      return _("In progress: {done} of {total} answered", { done: got.firstDone, total: got.total });
    }
    return where.state === "done" ? _("Done") : _("In progress");
  }

  var logic = { selfChecksPassed: selfChecksPassed, lessonDone: lessonDone, standing: standing,
    overall: overall, nextStep: nextStep, begun: begun, finish: finish, describe: describe };
  if (typeof module === "object" && module.exports) { module.exports = logic; return; }

  /* ---- The page ---- */

  /**
   * @type {Window & { coursewrightCourse?: CourseMap,
   *   coursewrightStore?: import("./quiz.js").Store }}
   */
  var win = window;
  var map = win.coursewrightCourse, store = win.coursewrightStore;
  var script = /** @type {HTMLScriptElement | null} */ (document.getElementById("cw-course"));
  if (!map || !store || !script) return;
  var course = map, saved = store;
  var root = new URL("..", script.src); // the map sits in assets/
  quiz.useWords(map.words || {}, document.documentElement.lang); // the same words the quiz pages carry

  /** @param {string} address a page's full address, or the path of its Markdown file */
  function where(address) {
    var path = new URL(address, root).pathname.slice(root.pathname.length);
    return decodeURIComponent(path).replace(/(^|\/)index\.(md|html)$/, "$1")
      .replace(/\.(md|html)$/, "").replace(/\/$/, "");
  }

  /** @type {Record<string, Step>} */
  var byPlace = {};
  course.steps.forEach(function (s) { byPlace[where(s.page)] = s; });

  /**
   * @param {Step} step
   * @returns {string} the address of the step's page
   */
  function address(step) { return pageAddress(step.page); }

  /* Pages are `lessons/intro.html`, or `lessons/intro/` when the site gives each page a
     folder of its own; the navigation's links tell which. */
  var folders = all(".md-nav a.md-nav__link[href]").some(function (link) {
    return /\/(#.*)?$/.test(/** @type {string} */ (link.getAttribute("href")));
  });

  /** @param {string} page the path of a page's Markdown file */
  function pageAddress(page) {
    var path = page.replace(/\.md$/, folders ? "/" : ".html").replace(/(^|\/)index\/$/, "$1");
    return new URL(path, root).href;
  }

  /**
   * @param {string} tag
   * @param {Record<string, string>} attrs
   * @param {string} [text]
   * @returns {HTMLElement}
   */
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  /**
   * @param {string} selector
   * @returns {HTMLElement[]}
   */
  function all(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }

  /* Marks next to each step in the navigation and the outline. */
  function mark() {
    var data = saved.read(course.course);
    all(".md-nav--primary a.md-nav__link[href], .cw-outline a[href]").forEach(function (link) {
      if (/** @type {string} */ (link.getAttribute("href")).indexOf("#") >= 0) return; // a heading
      var step = byPlace[where(/** @type {HTMLAnchorElement} */ (link).href)];
      if (!step || !step.tracked) return;
      var at = standing(course, step, data), old = link.querySelector(".cw-state");
      var badge = el("span", { class: "cw-state cw-state--" + at.state });
      badge.appendChild(el("span", { class: "cw-dot", "aria-hidden": "true" }));
      if (step.kind === "quiz" && at.sums && at.state === "done") {
        badge.appendChild(el("span", { class: "cw-points", "aria-hidden": "true" },
          quiz.points(at.sums.first) + "/" + at.sums.total));
      }
      badge.appendChild(el("span", { class: "cw-sr" }, " (" + describe(step, at) + ")"));
      if (old) old.replaceWith(badge);
      else link.appendChild(badge);
    });
  }

  /** @returns {HTMLElement} a progress bar for the course, with its words */
  function bar() {
    var got = overall(course, saved.read(course.course));
    var box = el("div", { class: "cw-bar" });
    var label = _("Course progress: {done} of {total} done", { done: got.done, total: got.total });
    box.appendChild(el("span", { class: "cw-bar__label" }, label));
    var meter = box.appendChild(el("progress", { max: String(got.total), value: String(got.done),
      "aria-label": label }));
    meter.textContent = got.done + "/" + got.total;
    return box;
  }

  function bars() {
    var data = saved.read(course.course);
    all(".cw-course-progress").forEach(function (box) {
      box.textContent = "";
      box.appendChild(bar());
      box.hidden = !box.closest(".cw-always") && !begun(data);
    });
    var nav = document.querySelector(".md-sidebar--primary .md-nav--primary");
    var list = nav && nav.querySelector(":scope > .md-nav__list");
    if (!nav || !list) return;
    var old = nav.querySelector(":scope > .cw-bar");
    if (old) old.replaceWith(bar());
    else nav.insertBefore(bar(), list);
  }

  /* Start becomes Continue once the learner has begun; at the end, it leads to the record. */
  function start() {
    var button = /** @type {HTMLAnchorElement | null} */ (document.querySelector("a.cw-start"));
    var data = saved.read(course.course);
    if (!button || !begun(data)) return;
    var next = finish(course, data).complete ? null : nextStep(course, data);
    button.textContent = next ? _("Continue: {title}", { title: next.title }) :
      _("See your course record");
    button.href = next ? address(next) : pageAddress(course.pages.record);
  }

  /* The state of each lesson and scenario on the progress page. */
  function cells() {
    var data = saved.read(course.course);
    all(".cw-step-status[data-step]").forEach(function (cell) {
      var parts = String(cell.dataset.step).split(":");
      var step = course.steps.filter(function (s) { return s.kind === parts[0] && s.id === parts[1]; })[0];
      if (!step) return;
      var at = standing(course, step, data);
      cell.textContent = describe(step, at);
      cell.className = "cw-step-status cw-state--" + at.state;
    });
  }

  /* ---- Lessons: opened, read to the end, marked done ---- */

  /**
   * @param {string} id
   * @param {(entry: import("./quiz.js").LessonEntry) => void} edit
   */
  function changeLesson(id, edit) {
    saved.update(course.course, function (data) {
      var entry = data.lessons[id] || { at: 0, read: false };
      edit(entry);
      entry.at = Date.now();
      data.lessons[id] = entry;
    });
  }

  /** @param {HTMLElement} end the lesson's closing "what next" */
  function lessonPage(end) {
    var id = String(end.dataset.step).slice("lesson:".length);
    var step = course.steps.filter(function (s) { return s.kind === "lesson" && s.id === id; })[0];
    if (!step || end.dataset.ready) return;
    end.dataset.ready = "1";
    var status = end.insertBefore(el("div", { class: "cw-lesson-done" }), end.firstChild);
    status.appendChild(el("p", { class: "cw-lesson-rule" }));
    if (course.lessonDone !== "self-check") {
      var label = status.appendChild(el("label", { class: "cw-done-box" }));
      var box = /** @type {HTMLInputElement} */ (label.appendChild(el("input", { type: "checkbox" })));
      label.appendChild(document.createTextNode(" " + _("I have finished this lesson")));
      box.addEventListener("change", function () {
        changeLesson(id, function (entry) { entry.marked = box.checked; });
      });
    }
    if (!saved.read(course.course).lessons[id]) changeLesson(id, function () { /* opened */ });
    lessonStatus(end, step);
    if ("IntersectionObserver" in window) {
      var seen = new IntersectionObserver(function (entries) {
        if (!entries.some(function (e) { return e.isIntersecting; })) return;
        seen.disconnect();
        var entry = saved.read(course.course).lessons[id];
        if (!entry || !entry.read) changeLesson(id, function (e) { e.read = true; });
      });
      seen.observe(end);
    }
  }

  /**
   * @param {HTMLElement} end
   * @param {Step} step
   */
  function lessonStatus(end, step) {
    var data = saved.read(course.course), done = lessonDone(course, step, data);
    var box = /** @type {HTMLInputElement | null} */ (end.querySelector(".cw-done-box input"));
    if (box) box.checked = done;
    var rule = /** @type {HTMLElement} */ (end.querySelector(".cw-lesson-rule"));
    rule.hidden = course.lessonDone !== "self-check";
    if (rule.hidden) return;
    rule.textContent = done ? _("This lesson is done.") :
      _("This lesson is done once you have read it to the end and answered its self-check with at least {mark}% right.",
        { mark: course.passMark });
  }

  /* ---- Announcements: said once, when something changes on this page ---- */

  /** @returns {{ done: string[], complete: boolean }} */
  function snapshot() {
    var data = saved.read(course.course);
    return { done: course.steps.filter(function (s) {
      return s.kind === "lesson" && lessonDone(course, s, data);
    }).map(function (s) { return s.id; }), complete: finish(course, data).complete };
  }

  /** @param {string} text */
  function announce(text) {
    var live = document.querySelector(".cw-progress-live");
    if (!live) live = document.body.appendChild(el("div", { class: "cw-progress-live cw-sr", "aria-live": "polite" }));
    live.textContent = "";
    var region = live;
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  var before = snapshot();

  function changed() {
    var now = snapshot(), got = overall(course, saved.read(course.course)), said = [];
    course.steps.forEach(function (s) {
      if (now.done.indexOf(s.id) >= 0 && before.done.indexOf(s.id) < 0) {
        said.push(_("Lesson done: {title}.", { title: s.title }));
      }
    });
    if (now.complete && !before.complete) {
      said.push(_("You have completed the course. Your course record is ready to print."));
    } else if (said.length) {
      said.push(_("Course progress: {done} of {total} done", { done: got.done, total: got.total }) + ".");
    }
    before = now;
    if (said.length) announce(said.join(" "));
    show();
  }

  /* On a quiz that counts (a lesson's self-check, a final), whether it reached the pass mark. */
  function verdict() {
    var summary = document.querySelector(".cw-summary"), end = document.querySelector("nav.cw-next");
    var id = end && String(/** @type {HTMLElement} */ (end).dataset.step).split(":");
    var quizId = id && id[0] === "quiz" ? id[1] : null;
    var step = course.steps.filter(function (s) {
      return s.kind === "quiz" && s.id === quizId && s.tracked;
    })[0];
    if (!summary || !step || (step.lesson !== null && course.lessonDone !== "self-check")) return;
    var got = sums(step, saved.read(course.course)), line = summary.querySelector(".cw-pass");
    /* A status under the score, made as the page starts (the quiz script keeps it there as it
       makes the score again) and changed only when its words change, so a screen reader
       says once whether the pass mark was reached. */
    if (!line) line = summary.appendChild(el("p", { class: "cw-pass", role: "status" }));
    var final = step.lesson === null, done = final ? got.firstDone : got.latestDone;
    var passed = passes(course, step, got);
    var text = done < got.total ? "" : final ?
      (passed ? _("Passed: your first attempt reached the pass mark of {mark}%.", { mark: course.passMark }) :
        _("Not passed: the pass mark is {mark}% on the first attempt. To take the assessment again, choose Start afresh.", { mark: course.passMark })) :
      (passed ? _("Your latest answers reach {mark}%: this self-check counts for its lesson.", { mark: course.passMark }) :
        _("Your latest answers are below {mark}%: try again for this self-check to count for its lesson.", { mark: course.passMark }));
    if (line.textContent !== text) line.textContent = text;
    if (text) line.setAttribute("data-passed", String(passed));
  }

  function show() {
    verdict();
    mark();
    bars();
    start();
    cells();
    all("nav.cw-next[data-step^='lesson:']").forEach(function (end) {
      var id = String(end.dataset.step).slice("lesson:".length);
      var step = course.steps.filter(function (s) { return s.kind === "lesson" && s.id === id; })[0];
      if (step && end.dataset.ready) lessonStatus(end, step);
    });
    record();
  }

  /* ---- The course record ---- */

  /**
   * @param {number} score
   * @param {number} total
   */
  function percent(score, total) { return Math.round(share(score, total) * 100) + "%"; }

  function record() {
    var box = /** @type {HTMLElement | null} */ (document.querySelector(".cw-record-status"));
    if (!box) return;
    var data = saved.read(course.course), done = finish(course, data);
    box.textContent = "";
    box.hidden = false;
    if (done.complete) {
      var date = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
        { dateStyle: "long" }).format(new Date(done.at));
      box.appendChild(el("p", { class: "cw-record-done" }, _("Completed on {date}.", { date: date })));
    } else {
      box.appendChild(el("p", { class: "cw-record-open" }, _("Not complete yet. Still to do:")));
      var list = box.appendChild(el("ul", {}));
      done.lessonsLeft.forEach(function (s) {
        var item = list.appendChild(el("li", {}));
        item.appendChild(el("a", { href: address(s) }, s.title));
        var read = course.lessonDone === "self-check" && data.lessons[s.id] && data.lessons[s.id].read;
        item.appendChild(document.createTextNode(": " + (read ?
          _("answer its self-check with at least {mark}% right", { mark: course.passMark }) :
          _("finish this lesson"))));
      });
      done.finals.filter(function (f) { return !f.passed; }).forEach(function (f) {
        var item = list.appendChild(el("li", {}));
        item.appendChild(el("a", { href: address(f.step) }, f.step.title));
        item.appendChild(document.createTextNode(": " + (f.sums.firstDone === f.sums.total ?
          _("your first attempt scored {score}; the pass mark is {mark}%", { score: percent(f.sums.first, f.sums.total), mark: course.passMark }) :
          _("answer every question; the pass mark is {mark}% on your first attempt", { mark: course.passMark }))));
      });
    }
    scores(box, data);
  }

  /**
   * @param {HTMLElement} box
   * @param {Saved} data
   */
  function scores(box, data) {
    var table = box.appendChild(el("table", {}));
    var head = table.appendChild(el("thead", {})).appendChild(el("tr", {}));
    var body = table.appendChild(el("tbody", {}));
    head.appendChild(el("th", { scope: "col" }, _("Part of the course")));
    head.appendChild(el("th", { scope: "col" }, _("Result")));
    /** @param {string} name @param {string} result */
    function row(name, result) {
      var line = body.appendChild(el("tr", {}));
      line.appendChild(el("th", { scope: "row" }, name));
      line.appendChild(el("td", {}, result));
    }
    /** @param {string} kind */
    function count(kind) {
      var steps = course.steps.filter(function (s) { return s.kind === kind && s.tracked; });
      var done = steps.filter(function (s) { return standing(course, s, data).state === "done"; });
      return _("{done} of {total} done", { done: done.length, total: steps.length });
    }
    row(_("Lessons"), count("lesson"));
    if (course.steps.some(function (s) { return s.kind === "scenario"; })) row(_("Scenarios"), count("scenario"));
    course.steps.filter(function (s) { return s.kind === "quiz" && s.tracked; }).forEach(function (s) {
      var got = sums(s, data);
      row(s.title, got.firstDone ? _("First attempt: {score} ({percent})",
        { score: quiz.scoreLine(got.firstDone, got.first, got.total), percent: percent(got.first, got.total) }) :
        _("Not started"));
    });
  }

  function printButton() {
    var button = /** @type {HTMLElement | null} */ (document.querySelector(".cw-print"));
    if (!button || button.dataset.ready) return;
    button.dataset.ready = "1";
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  function init() {
    all("nav.cw-next[data-step^='lesson:']").forEach(lessonPage);
    printButton();
    before = snapshot();
    show();
  }

  document.addEventListener("coursewright:saved", changed);
  window.addEventListener("storage", function (event) { // another tab saved progress
    if (event.key && event.key.indexOf("coursewright:") === 0) { before = snapshot(); show(); }
  });
  init();
})();
