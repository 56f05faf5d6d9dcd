// @ts-check
/* coursewright quizzes: enhances the native question forms of a page. Answers are kept in
   localStorage, one entry per course; all text goes in as text, never as HTML. */
/* The saved progress, as the quiz script keeps it and the progress script reads it. */
/**
 * One answer: the numbers of the choices picked (0 is A), its score (0, ½ or 1) and when it
 * was given, in milliseconds since 1970 (0 if not known).
 * @typedef {{ picked: number[], score: number, at: number }} Attempt
 */
/**
 * The saved answer to a question: the latest attempt, `checked` or only selected, the answer
 * key it was given for, and the first checked attempt.
 * @typedef {Attempt & { key: string, checked: boolean, first?: Attempt }} Entry
 */
/**
 * Where the learner stands with a lesson: `read` to its end or not, and `marked` done (true)
 * or not done (false) by the learner, if they said; `at` is the time of the last change.
 * @typedef {{ at: number, read: boolean, marked?: boolean }} LessonEntry
 */
/**
 * A course's saved progress: answers by question id and lessons by lesson id. What
 * localStorage holds and a file exports.
 * @typedef {{ version: number, answers: Record<string, Entry>,
 *   lessons: Record<string, LessonEntry> }} Saved
 */
/**
 * Over a list of questions: how many have a first attempt and a checked latest answer, and
 * the sum of the scores of each.
 * @typedef {{ total: number, firstDone: number, first: number, latestDone: number,
 *   latest: number }} Sums
 */
/**
 * The saved progress, for the other scripts of a page: read it, or change it whole.
 * @typedef {{ read: (course: string) => Saved,
 *   update: (course: string, edit: (data: Saved) => void) => void }} Store
 */

(function () {
  "use strict";

  var FORMAT = "coursewright-progress";
  var VERSION = 3; // of the saved data; the storage key keeps its 1 so older answers are found
  var PREFIX = "coursewright:1:";
  /** @type {Record<string, number>} */
  var VALUE = { right: 1, wrong: 0, best: 1, acceptable: 0.5, poor: 0 };
  /** @type {Record<string, string>} */
  var TONE_CLASS = { good: "success", part: "warning", bad: "failure" };
  var ID = /^[a-z0-9]+(?:[:-][a-z0-9]+)*$/;

  /* ---- Words: the page's language, from the catalogue the page carries ---- */

  /**
   * The translations of this script's words, by their English text: a text, or for words
   * with a number, a text per plural category (`one`, `other`...). Empty: English.
   * @type {Record<string, string | Record<string, string>>}
   */
  var WORDS = {};
  var LANGUAGE = "en";

  /**
   * Use the words the page carries (`<script type="application/json" id="cw-words">`).
   * @param {Record<string, string | Record<string, string>>} words
   * @param {string} language
   */
  function useWords(words, language) {
    WORDS = words;
    LANGUAGE = language || "en";
  }

  /**
   * `text` with `{name}` replaced by `values.name`.
   * @param {string} text
   * @param {Record<string, string | number>} [values]
   * @returns {string}
   */
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && name in values ? String(values[name]) : whole;
    });
  }

  /**
   * The page's words for `text` (English), with `{name}` filled in.
   * @param {string} text
   * @param {Record<string, string | number>} [values]
   * @returns {string}
   */
  function _(text, values) {
    var word = WORDS[text];
    return fill(typeof word === "string" && word ? word : text, values);
  }

  /**
   * The page's words for a text with a number `n`: `one` in English when n is 1, else
   * `other`; in the page's language, the form its plural rules choose for n.
   * @param {string} one
   * @param {string} other
   * @param {number} n
   * @param {Record<string, string | number>} [values]
   * @returns {string}
   */
  function _n(one, other, n, values) {
    var forms = WORDS[one];
    if (forms && typeof forms === "object") {
      var form = forms[new Intl.PluralRules(LANGUAGE).select(n)] || forms.other;
      if (form) return fill(form, values);
    }
    return fill(n === 1 ? one : other, values);
  }

  /**
   * Marks a text as words to translate where it is used, not here.
   * @param {string} text
   * @returns {string}
   */
  function N_(text) { return text; }

  /**
   * How the page names each mark of an answer.
   * @type {Record<string, string>}
   */
  var MARK_WORDS = { right: N_("right"), wrong: N_("wrong"), best: N_("best"),
    acceptable: N_("acceptable"), poor: N_("poor") };

  /* ---- Pure logic: scoring, the saved format, checking and merging files ---- */

  /**
   * A kind of question: the mark of the answer to aim for and how the page names it when the
   * learner did not pick it, the score of a pick, and the verdict shown after Check (`scored`:
   * on a quiz, where points count, not on a practice scenario).
   * @typedef {{ best: string, label: string,
   *   score: (marks: string[], picked: number[]) => number,
   *   verdict: (marks: string[], picked: number[], score: number, scored: boolean) => string
   * }} Kind
   */
  /**
   * A question as the scores count it: its id and its answer key.
   * @typedef {{ id: string, key: string }} Listed
   */
  /**
   * What an import would change: how many answers are new, newer or kept, and the result.
   * @typedef {{ added: number, replaced: number, kept: number,
   *   answers: Record<string, Entry> }} Plan
   */
  /**
   * What an import would change in the lessons: counts and the merged lessons.
   * @typedef {{ added: number, replaced: number, kept: number,
   *   lessons: Record<string, LessonEntry> }} LessonPlan
   */

  /**
   * Each kind of question the pages ask (`data-kind` of its box): the one place that says how
   * it is scored and worded. A new kind with a new way of scoring adds its entry here.
   * @type {Record<string, Kind>}
   */
  var KINDS = {
    single: { best: "right", label: N_("Right answer"), score: everyRightPicked, verdict: rightOrNot },
    multiple: { best: "right", label: N_("Right answer"), score: everyRightPicked, verdict: rightOrNot },
    scenario: { best: "best", label: N_("Best option"), score: gradeOfPick, verdict: gradeChosen }
  };

  /**
   * 1 if the picks are exactly the right answers, else 0.
   * @param {string[]} marks
   * @param {number[]} picked
   * @returns {number}
   */
  function everyRightPicked(marks, picked) {
    return marks.every(function (mark, i) {
      return (picked.indexOf(i) >= 0) === (mark === "right");
    }) ? 1 : 0;
  }

  /**
   * What the one answer picked is worth (best 1, acceptable ½); 0 for no pick or several.
   * @param {string[]} marks
   * @param {number[]} picked
   * @returns {number}
   */
  function gradeOfPick(marks, picked) {
    return picked.length === 1 ? VALUE[marks[picked[0]]] || 0 : 0;
  }

  /** @param {number} i the letter of answer `i`: A for 0 */
  function letter(i) { return String.fromCharCode(65 + i); }

  /**
   * The verdict on a question with right and wrong answers.
   * @param {string[]} marks
   * @param {number[]} picked
   * @param {number} score
   * @returns {string}
   */
  function rightOrNot(marks, picked, score) {
    if (score >= 1) return _("Correct.");
    return marks.filter(function (m) { return m === "right"; }).length > 1 ?
      _("Not quite: the point needs every right answer and no wrong one. The right answers are marked, with the reason for each of your choices.") :
      _("Not quite. The right answer is marked, with the reason for your choice.");
  }

  /**
   * The verdict on a graded choice (a scenario): the grade of the option picked.
   * @param {string[]} marks
   * @param {number[]} picked
   * @param {number} score
   * @param {boolean} scored
   * @returns {string}
   */
  function gradeChosen(marks, picked, score, scored) {
    var grade = marks[picked[0]], values = { letter: letter(picked[0]) };
    var best = marks.filter(function (mark) { return mark === "best"; }).length;
    if (grade === "best") {
      return _n("You chose {letter}: the best option.",
        "You chose {letter}: one of the best options.", best, values);
    }
    if (!scored) {
      return grade === "acceptable" ?
        _n("You chose {letter}: acceptable. The best option is marked.",
          "You chose {letter}: acceptable. The best options are marked.", best, values) :
        _n("You chose {letter}: poor. The best option is marked.",
          "You chose {letter}: poor. The best options are marked.", best, values);
    }
    return grade === "acceptable" ?
      _n("You chose {letter}: acceptable, half a point. The best option is marked.",
        "You chose {letter}: acceptable, half a point. The best options are marked.", best,
        values) :
      _n("You chose {letter}: poor, no points. The best option is marked.",
        "You chose {letter}: poor, no points. The best options are marked.", best, values);
  }

  /**
   * @param {number} score
   * @returns {"good" | "part" | "bad"}
   */
  function tone(score) { return score >= 1 ? "good" : score > 0 ? "part" : "bad"; }

  /**
   * 3.5 as "3½", 0.5 as "½".
   * @param {number} score
   * @returns {string}
   */
  function points(score) {
    var whole = Math.floor(score), half = score - whole >= 0.5;
    return (whole || !half ? String(whole) : "") + (half ? "½" : "");
  }

  /** @returns {Saved} */
  function emptyData() { return { version: VERSION, answers: {}, lessons: {} }; }

  /**
   * Saved data of any version as the current version; null if it is not saved data. Version
   * 2 kept no lessons; version 1 no scores either.
   * @param {any} data parsed JSON
   * @returns {Saved | null}
   */
  function migrate(data) {
    if (!data || typeof data !== "object" || !isRecord(data.answers)) return null;
    if (data.version === VERSION) return isRecord(data.lessons) ? data : null;
    if (data.version === 2) return { version: VERSION, answers: data.answers, lessons: {} };
    if (data.version !== 1) return null;
    /** @type {Record<string, Entry>} */
    var answers = {};
    Object.keys(data.answers).forEach(function (id) {
      var old = data.answers[id] || {}, score = old.right === true ? 1 : 0;
      /** @type {Entry} */
      var entry = { key: old.key, picked: old.picked, checked: old.checked === true,
        score: old.checked === true ? score : 0, at: 0 };
      if (entry.checked) entry.first = { picked: old.picked, score: score, at: 0 };
      answers[id] = entry;
    });
    return { version: VERSION, answers: answers, lessons: {} };
  }

  /**
   * @param {unknown} value
   * @returns {value is Record<string, any>}
   */
  function isRecord(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  /**
   * @param {unknown} picked
   * @returns {string | null}
   */
  function pickedProblem(picked) {
    if (!Array.isArray(picked) || picked.length > 26) return "its chosen answers are not a list";
    var fine = picked.every(function (n, i) {
      return Number.isInteger(n) && n >= 0 && n < 26 && picked.indexOf(n) === i;
    });
    return fine ? null : "its chosen answers are not answer numbers";
  }

  /**
   * @param {unknown} attempt
   * @returns {string | null}
   */
  function attemptProblem(attempt) {
    if (!isRecord(attempt)) return "it is not a record";
    if ([0, 0.5, 1].indexOf(attempt.score) < 0) return "its score is not 0, ½ or 1";
    if (typeof attempt.at !== "number" || !(attempt.at >= 0)) return "its time is not a number";
    return pickedProblem(attempt.picked);
  }

  /**
   * @param {unknown} entry
   * @returns {string | null}
   */
  function entryProblem(entry) {
    if (!isRecord(entry)) return "it is not a record";
    if (typeof entry.key !== "string" || entry.key.length > 64) return "it has no valid key";
    if (typeof entry.checked !== "boolean") return "`checked` is not true or false";
    var problem = attemptProblem(entry);
    if (!problem && entry.first !== undefined) problem = attemptProblem(entry.first);
    return problem;
  }

  /**
   * @param {unknown} entry
   * @returns {string | null}
   */
  function lessonProblem(entry) {
    if (!isRecord(entry)) return "it is not a record";
    if (typeof entry.at !== "number" || !(entry.at >= 0)) return "its time is not a number";
    if (typeof entry.read !== "boolean") return "`read` is not true or false";
    if (entry.marked !== undefined && typeof entry.marked !== "boolean") return "`marked` is not true or false";
    return null;
  }

  /**
   * What is wrong with an imported file, in words for the learner; null if nothing.
   * @param {unknown} data parsed JSON
   * @param {string} course
   * @returns {string | null}
   */
  function fileProblem(data, course) {
    if (!isRecord(data) || data.format !== FORMAT) {
      return _("This file is not a progress export.");
    }
    if (data.course !== course) {
      return _("This file holds progress for another course ({course}), not this one.",
        { course: String(data.course).slice(0, 80) });
    }
    var saved = migrate(data);
    if (!saved) return _("This file has no answers this site can read.");
    var ids = Object.keys(saved.answers);
    for (var i = 0; i < ids.length; i++) {
      if (!ID.test(ids[i])) return _("The file is damaged: an answer in it has no valid question id.");
      var problem = entryProblem(saved.answers[ids[i]]);
      if (problem) return _("The file is damaged: its answer to question \u201c{id}\u201d cannot be read.", { id: ids[i] });
    }
    var lessons = Object.keys(saved.lessons);
    for (var j = 0; j < lessons.length; j++) {
      if (!ID.test(lessons[j]) || lessonProblem(saved.lessons[lessons[j]])) {
        return _("The file is damaged: what it says about lesson \u201c{id}\u201d cannot be read.", { id: lessons[j].slice(0, 80) });
      }
    }
    return null;
  }

  /**
   * Per question, the newer answer wins; the earlier first attempt is kept. Answers to two
   * versions of a question (different keys) are never mixed: theirs replaces mine whole.
   * @param {Entry | undefined} mine
   * @param {Entry} theirs
   * @returns {Entry}
   */
  function mergeEntry(mine, theirs) {
    if (!mine || mine.key !== theirs.key) return theirs;
    var merged = Object.assign({}, theirs.at > mine.at ? theirs : mine);
    var firsts = /** @type {Attempt[]} */ ([mine.first, theirs.first].filter(Boolean));
    firsts.sort(function (a, b) {
      return a.at - b.at;
    });
    if (firsts.length) merged.first = firsts[0];
    return merged;
  }

  /**
   * What importing `theirs` into `mine` would change: counts and the merged answers.
   * @param {Record<string, Entry>} mine
   * @param {Record<string, Entry>} theirs
   * @param {Record<string, string>} [current] each question's key on the site now: an answer
   *   to another version of a question, or to a question the site no longer has, stays out
   * @returns {Plan}
   */
  function mergePlan(mine, theirs, current) {
    var plan = { added: 0, replaced: 0, kept: 0, answers: Object.assign({}, mine) };
    Object.keys(theirs).filter(function (id) {
      return isAnswer(theirs[id]) && (!current || current[id] === theirs[id].key);
    }).forEach(function (id) {
      var merged = mergeEntry(mine[id], theirs[id]);
      if (!isAnswer(mine[id])) plan.added++;
      else if (JSON.stringify(merged) !== JSON.stringify(mine[id])) plan.replaced++;
      else plan.kept++;
      plan.answers[id] = merged;
    });
    return plan;
  }

  /**
   * What importing `theirs` lessons into `mine` would change: per lesson, the newer wins.
   * @param {Record<string, LessonEntry>} mine
   * @param {Record<string, LessonEntry>} theirs
   * @param {string[]} [current] the site's lessons now: others stay out
   * @returns {LessonPlan}
   */
  function mergeLessons(mine, theirs, current) {
    var plan = { added: 0, replaced: 0, kept: 0, lessons: Object.assign({}, mine) };
    Object.keys(theirs).filter(function (id) {
      return !current || current.indexOf(id) >= 0;
    }).forEach(function (id) {
      if (!mine[id]) plan.added++;
      else if (theirs[id].at > mine[id].at) plan.replaced++;
      else { plan.kept++; return; }
      plan.lessons[id] = theirs[id];
    });
    return plan;
  }

  /**
   * First-attempt and latest scores over the questions `items` ({id, key}).
   * @param {Listed[]} items
   * @param {Record<string, Entry>} answers
   * @returns {Sums}
   */
  function tally(items, answers) {
    var sums = { total: items.length, firstDone: 0, first: 0, latestDone: 0, latest: 0 };
    items.forEach(function (item) {
      var entry = answers[item.id];
      if (!entry || entry.key !== item.key) return;
      if (entry.first) { sums.firstDone++; sums.first += entry.first.score; }
      if (entry.checked) { sums.latestDone++; sums.latest += entry.score; }
    });
    return sums;
  }

  /**
   * "3½ of 5 points", or "2 of 5 answered: 1½ points so far".
   * @param {number} done
   * @param {number} score
   * @param {number} total
   * @returns {string}
   */
  function scoreLine(done, score, total) {
    if (!done) return _("Not started");
    var got = _n("{points} point", "{points} points", score, { points: points(score) });
    if (done < total) return _("{done} of {total} answered: {got} so far", { done: done, total: total, got: got });
    return _n("{points} of {total} point", "{points} of {total} points", total,
      { points: points(score), total: total });
  }

  /**
   * An entry that records an answer (checked now, or a first attempt), not just a selection.
   * @param {Entry | undefined} entry
   * @returns {boolean}
   */
  function isAnswer(entry) { return !!entry && (entry.checked || !!entry.first); }

  var logic = { useWords: useWords, _: _, _n: _n, KINDS: KINDS, rightOrNot: rightOrNot, gradeChosen: gradeChosen, everyRightPicked: everyRightPicked, gradeOfPick: gradeOfPick,
    points: points, isAnswer: isAnswer, migrate: migrate, fileProblem: fileProblem, mergePlan: mergePlan,
    mergeLessons: mergeLessons,
    tally: tally, scoreLine: scoreLine };
  if (typeof module === "object" && module.exports) { module.exports = logic; return; }
  /**
   * The window, with what this script and the theme (its page announcer) add to it.
   * @type {Window & { coursewrightQuiz?: typeof logic, coursewrightStore?: Store,
   *   document$?: { subscribe?: (next: () => void) => unknown } }}
   */
  var win = window;
  document.documentElement.classList.add("cw-quiz-js"); // hides the keys until each is ready
  if (win.coursewrightQuiz) return; // loaded again by instant navigation: already listening
  win.coursewrightQuiz = logic;

  /* ---- Storage: read afresh before each change, so two open tabs keep each other's work ---- */

  /** @type {Record<string, Saved>} */
  var memory = {};
  var saving = true;

  /**
   * Saved data with any damaged entry left out, so one bad entry cannot break a page.
   * @param {Saved | null} data
   * @returns {Saved}
   */
  function sound(data) {
    if (!data) return emptyData();
    Object.keys(data.answers).forEach(function (id) {
      if (entryProblem(data.answers[id])) delete data.answers[id];
    });
    Object.keys(data.lessons).forEach(function (id) {
      if (lessonProblem(data.lessons[id])) delete data.lessons[id];
    });
    return data;
  }

  /**
   * @param {string} course
   * @returns {Saved}
   */
  function read(course) {
    var raw = null, parsed = null;
    try { raw = saving ? localStorage.getItem(PREFIX + course) : null; } catch (e) { saving = false; }
    if (saving) {
      try { parsed = JSON.parse(raw || "null"); } catch (e) { /* damaged: start afresh */ }
      memory[course] = sound(migrate(parsed));
    }
    return memory[course] || (memory[course] = emptyData());
  }

  /**
   * Save, and tell the page's other scripts (the progress marks) that progress changed.
   * @param {string} course
   * @param {Saved} data
   */
  function write(course, data) {
    memory[course] = data;
    if (!saving) warn();
    else {
      try { localStorage.setItem(PREFIX + course, JSON.stringify(data)); } catch (e) {
        saving = false;
        warn();
      }
    }
    document.dispatchEvent(new CustomEvent("coursewright:saved", { detail: { course: course } }));
  }

  /**
   * @param {string} course
   * @param {(answers: Record<string, Entry>) => void} edit
   */
  function change(course, edit) {
    var data = read(course);
    edit(data.answers);
    write(course, data);
  }

  /**
   * @param {string} course
   * @param {(data: Saved) => void} edit
   */
  function update(course, edit) {
    var data = read(course);
    edit(data);
    write(course, data);
  }

  win.coursewrightStore = { read: read, update: update }; // for the progress script

  /* ---- The page ---- */

  /**
   * @param {string} tag
   * @param {Record<string, string>} attrs
   * @param {string} [text]
   * @returns {HTMLElement}
   */
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  /**
   * @param {ParentNode} root
   * @param {string} selector
   * @returns {HTMLElement[]}
   */
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  function warn() {
    var main = document.querySelector("article");
    if (saving || !main || main.querySelector(".cw-notice")) return;
    main.insertBefore(el("p", { class: "cw-notice", role: "status" },
      _("This browser is not saving your answers (private browsing, or storage is full or turned off). They last until you leave this page.")), main.firstChild);
  }

  /** @param {string} text */
  function announce(text) {
    var live = liveRegion();
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  /**
   * The page's polite live region. A page with questions makes it as it starts: screen readers
   * may miss what is said in a region added at the moment it speaks.
   * @returns {Element}
   */
  function liveRegion() {
    var live = document.querySelector(".cw-live");
    if (!live) live = document.body.appendChild(el("div", { class: "cw-live", "aria-live": "polite" }));
    return live;
  }

  /**
   * One question on the page: its box, form, inputs, marks and answer key. `kind` is undefined
   * for a kind this script does not know: enhance() leaves such a box alone.
   * @typedef {{ box: HTMLElement, id: string, key: string, course: string, kind: Kind,
   *   inputs: HTMLInputElement[], marks: string[], answerKey: HTMLDetailsElement | null,
   *   scored: boolean }} Question
   */
  /**
   * @param {HTMLElement} box
   * @returns {Question}
   */
  function question(box) {
    var inputs = /** @type {HTMLInputElement[]} */ (all(box, "form input"));
    return /** @type {Question} */ ({ box: box, id: box.dataset.id, key: box.dataset.key,
      course: box.dataset.course, kind: KINDS[/** @type {string} */ (box.dataset.kind)], inputs: inputs,
      marks: inputs.map(function (i) { return i.dataset.mark; }),
      answerKey: box.querySelector("details.cw-key"),
      scored: !!document.querySelector(".cw-summary") }); // a quiz, not a practice scenario
  }

  /**
   * @param {Question} q
   * @returns {number[]}
   */
  function picked(q) {
    return q.inputs.reduce(function (list, input, i) { return input.checked ? list.concat(i) : list; },
      /** @type {number[]} */ ([]));
  }

  /** @param {Question} q */
  function clearMarks(q) {
    all(q.box, ".cw-mark, .cw-why").forEach(function (node) { node.remove(); });
    all(q.box, ".cw-choice").forEach(function (c) { c.classList.remove("cw-good", "cw-part", "cw-bad"); });
    /** @type {HTMLElement} */ (q.box.querySelector(".cw-result")).hidden = true;
    /** @type {HTMLElement} */ (q.box.querySelector(".cw-retry")).hidden = true;
    if (q.answerKey) q.answerKey.hidden = true;
  }

  /**
   * @param {Element} label
   * @param {string} toneName
   * @param {string} text
   */
  function markChoice(label, toneName, text) {
    label.classList.add("cw-" + toneName);
    label.appendChild(el("span", { class: "cw-mark cw-" + toneName }, text));
  }

  /**
   * The reason the answer key gives for answer `i`, shown under the learner's choice.
   * @param {Question} q
   * @param {number} i
   * @returns {HTMLElement | null}
   */
  function reason(q, i) {
    var item = q.answerKey && q.answerKey.querySelectorAll("ul > li")[i];
    if (!item) return null;
    var copy = el("p", { class: "cw-why" });
    Array.prototype.forEach.call(item.childNodes, function (node, n) {
      if (n > 0 || node.nodeName !== "STRONG") copy.appendChild(node.cloneNode(true));
    });
    return copy;
  }

  /**
   * @param {HTMLElement} details
   * @param {number} score
   */
  function showTone(details, score) {
    Object.keys(TONE_CLASS).forEach(function (t) { details.classList.remove(TONE_CLASS[t]); });
    details.classList.remove("note"); // the neutral look it has before any Check
    details.classList.add(TONE_CLASS[tone(score)]);
  }

  /**
   * @param {Question} q
   * @param {number[]} choice
   * @param {boolean} moveFocus
   * @returns {number} the score
   */
  function show(q, choice, moveFocus) {
    clearMarks(q);
    var score = q.kind.score(q.marks, choice);
    q.inputs.forEach(function (input, i) {
      var label = /** @type {Element} */ (input.closest(".cw-choice")), mark = q.marks[i];
      if (choice.indexOf(i) >= 0) {
        markChoice(label, tone(VALUE[mark]), _("Your choice: {mark}", { mark: _(MARK_WORDS[mark] || mark) }));
        var why = reason(q, i);
        if (why) label.after(why);
      } else if (mark === q.kind.best) {
        markChoice(label, "good", _(q.kind.label));
      }
    });
    var result = /** @type {HTMLElement} */ (q.box.querySelector(".cw-result"));
    result.textContent = q.kind.verdict(q.marks, choice, score, q.scored);
    result.className = "cw-result cw-" + tone(score);
    result.hidden = false;
    /** @type {HTMLElement} */ (q.box.querySelector(".cw-retry")).hidden = false;
    if (q.answerKey) {
      showTone(q.answerKey, score);
      q.answerKey.hidden = false;
      q.answerKey.open = true;
    }
    if (moveFocus) result.focus(); // read out once, as the focused text
    return score;
  }

  /**
   * @param {Question} q
   * @param {string} text
   */
  function ask(q, text) {
    var result = /** @type {HTMLElement} */ (q.box.querySelector(".cw-result"));
    result.textContent = text;
    result.className = "cw-result";
    result.hidden = false;
    result.focus();
  }

  /** @param {Question} q */
  function onCheck(q) {
    var choice = picked(q);
    if (!choice.length) return ask(q, _("Choose an answer first."));
    var score = show(q, choice, true), now = Date.now();
    change(q.course, function (answers) {
      var old = answers[q.id] && answers[q.id].key === q.key ? answers[q.id] : null;
      answers[q.id] = { key: q.key, picked: choice, checked: true, score: score, at: now,
        first: old && old.first ? old.first : { picked: choice, score: score, at: now } };
    });
    /* The score is under the last question: the Check that finishes the quiz leads there. */
    if (summarize(true)) {
      var result = /** @type {HTMLElement} */ (q.box.querySelector(".cw-result"));
      result.append(" ", el("a", { href: "#cw-score", class: "cw-to-score" }, _("See your score")));
    }
  }

  /**
   * Forget the latest answer to a question (its first attempt stays) and reset the form.
   * @param {Question} q
   * @param {Record<string, Entry>} answers
   */
  function clearLatest(q, answers) {
    var old = answers[q.id];
    answers[q.id] = { key: q.key, picked: [], checked: false, score: 0, at: Date.now() };
    if (old && old.key === q.key && old.first) answers[q.id].first = old.first;
    q.inputs.forEach(function (i) { i.checked = false; });
    clearMarks(q);
  }

  /**
   * The question's name for buttons and lists: its heading, or the page's.
   * @param {Question} q
   * @returns {string}
   */
  function nameOf(q) {
    var heading = document.getElementById(q.id) || document.querySelector("article h1");
    return heading && heading.firstChild ?
      /** @type {string} */ (heading.firstChild.textContent).trim() : q.id;
  }

  /** @param {HTMLElement} box */
  function enhance(box) {
    if (box.dataset.ready) return;
    var q = question(box);
    if (!q.kind || !q.inputs.length) return;
    box.dataset.ready = "1";
    var form = /** @type {HTMLFormElement} */ (q.box.querySelector("form")), name = nameOf(q);
    // Check submits the form, so Enter on a chosen answer checks it too.
    var check = el("button", { type: "submit", class: "md-button md-button--primary",
      "aria-label": _("Check: {question}", { question: name }) }, _("Check"));
    var retry = el("button", { type: "button", class: "md-button cw-retry",
      "aria-label": _("Try again: {question}", { question: name }) }, _("Try again"));
    var actions = el("div", { class: "cw-actions" });
    actions.append(check, retry);
    form.append(el("p", { class: "cw-result", tabindex: "-1" }), actions);
    clearMarks(q);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      onCheck(q);
    });
    retry.addEventListener("click", function () {
      change(q.course, function (answers) { clearLatest(q, answers); });
      summarize(false);
      q.inputs[0].focus();
    });
    form.addEventListener("change", function () {
      select(q);
      summarize(false);
    });
    // The questions show before this script runs: a choice made meanwhile is kept and saved.
    if (!read(q.course).answers[q.id] && picked(q).length) select(q);
    else restore(q);
  }

  /**
   * Save what is chosen now, not yet checked; a first attempt stays.
   * @param {Question} q
   */
  function select(q) {
    clearMarks(q);
    var choice = picked(q);
    change(q.course, function (answers) {
      var old = answers[q.id] && answers[q.id].key === q.key ? answers[q.id] : null;
      answers[q.id] = { key: q.key, picked: choice, checked: false, score: 0, at: Date.now() };
      if (old && old.first) answers[q.id].first = old.first;
    });
  }

  /**
   * Show the question as saved: checked and marked, only selected, or blank.
   * @param {Question} q
   */
  function restore(q) {
    /** @type {Entry | null | undefined} */
    var saved = read(q.course).answers[q.id];
    if (saved && saved.key !== q.key) {
      change(q.course, function (answers) { delete answers[q.id]; });
      saved = null;
    }
    var choice = saved ? saved.picked : [];
    q.inputs.forEach(function (input, i) { input.checked = choice.indexOf(i) >= 0; });
    if (saved && saved.checked && choice.length) show(q, choice, false);
    else clearMarks(q);
  }

  function pageQuestions() { return all(document, ".cw-item[data-ready]").map(question); }

  /**
   * Show the quiz's score; true when this showing is the one that finished a round.
   * @param {boolean} announceCompletion
   * @returns {boolean}
   */
  function summarize(announceCompletion) {
    var box = /** @type {HTMLElement | null} */ (document.querySelector(".cw-summary"));
    var questions = pageQuestions();
    if (!box || !questions.length) return false;
    box.id = "cw-score";
    var course = questions[0].course, answers = read(course).answers;
    var sums = tally(questions, answers);
    /* The line under the score that says whether the pass mark was reached is a status of
       the progress script's: kept in place as the rest is made again, so it is said once. */
    var pass = box.querySelector(".cw-pass") || el("p", { class: "cw-pass", role: "status" });
    Array.prototype.slice.call(box.childNodes).forEach(function (/** @type {ChildNode} */ node) {
      if (node !== pass) node.remove();
    });
    if (!pass.parentNode) box.appendChild(pass);
    /* "Quiz complete" is said once, as the last question is answered, and not again as an
       answer is changed and checked; again once a new round (no answers yet) is finished. */
    var complete = sums.latestDone === sums.total, before = box.dataset.complete === "1";
    if (complete || !sums.latestDone) box.dataset.complete = complete ? "1" : "";
    box.hidden = !sums.firstDone && !sums.latestDone;
    if (box.hidden) return false;
    box.insertBefore(el("h2", {}, _("Your score")), pass);
    var firstLine = _("First attempt: {score}.", { score: scoreLine(sums.firstDone, sums.first, sums.total) });
    box.insertBefore(el("p", { class: "cw-score" }, firstLine), pass);
    box.insertBefore(el("p", { class: "cw-latest" }, sums.latestDone ?
      _("Latest answers: {score}.", { score: scoreLine(sums.latestDone, sums.latest, sums.total) }) :
      _("Latest answers: none yet; you started again.")), pass);
    review(box, questions, answers);
    var actions = box.appendChild(el("div", { class: "cw-actions" }));
    var again = actions.appendChild(el("button", { type: "button", class: "md-button" },
      _("Try this quiz again")));
    again.addEventListener("click", function () {
      change(course, function (saved) {
        questions.forEach(function (q) { clearLatest(q, saved); });
      });
      summarize(false);
      questions[0].inputs[0].focus();
      announce(_("Your latest answers are cleared; your first attempt stays your score."));
    });
    var afresh = actions.appendChild(el("button", { type: "button", class: "md-button" },
      _("Start afresh")));
    afresh.addEventListener("click", function () { startAfresh(course, questions); });
    /* What sets the two apart, said beside them and with each. */
    var tell = box.appendChild(el("p", { class: "cw-actions-hint", id: "cw-actions-hint" },
      _("“Try this quiz again” clears your latest answers and keeps your first attempt; “Start afresh” deletes both.")));
    again.setAttribute("aria-describedby", tell.id);
    afresh.setAttribute("aria-describedby", tell.id);
    var finished = complete && !before;
    if (announceCompletion && finished) announce(_("Quiz complete. {score}", { score: firstLine }));
    return finished;
  }

  /**
   * Delete this quiz's answers, first attempts too, so a retake sets a new score.
   * @param {string} course
   * @param {Question[]} questions
   */
  function startAfresh(course, questions) {
    if (!window.confirm(_("Delete your answers to this quiz, first attempts too, and take it as new? Your other quizzes keep their answers."))) return;
    change(course, function (answers) {
      questions.forEach(function (q) { delete answers[q.id]; });
    });
    questions.forEach(restore);
    summarize(false);
    questions[0].inputs[0].focus();
    announce(_("This quiz starts afresh: your next answers set a new first-attempt score."));
  }

  /**
   * A list of the questions to go over, each linked to the objective it checks.
   * @param {HTMLElement} box
   * @param {Question[]} questions
   * @param {Record<string, Entry>} answers
   */
  function review(box, questions, answers) {
    var missed = questions.filter(function (q) {
      var entry = answers[q.id];
      if (!entry || entry.key !== q.key) return false;
      var last = entry.checked ? entry : entry.first;
      return !!last && last.score < 1;
    });
    if (!missed.length) return;
    box.appendChild(el("p", {}, _("To review, with what each question checks:")));
    var list = box.appendChild(el("ul", { class: "cw-review" }));
    missed.forEach(function (q) {
      var item = list.appendChild(el("li", {}));
      item.appendChild(el("a", { href: "#" + q.id }, nameOf(q)));
      var topic = q.box.querySelector(".cw-checks a");
      if (topic) {
        item.appendChild(document.createTextNode(": "));
        item.appendChild(topic.cloneNode(true));
      }
    });
  }

  /* ---- The progress page ---- */

  /**
   * The quizzes in the table of the progress page: each one's status cell, latest-answers
   * cell and questions.
   * @typedef {{ status: HTMLElement, latest: Element | null, id: string, course: string,
   *   title: string, questions: Listed[] }} ListedQuiz
   */
  /** @returns {ListedQuiz[]} */
  function quizzesListed() {
    return all(document, ".cw-status").map(function (status) {
      var row = status.closest("tr"), link = row && row.querySelector("a");
      return /** @type {ListedQuiz} */ ({ status: status,
        latest: row && row.querySelector(".cw-latest"),
        id: status.dataset.quiz, course: status.dataset.course,
        title: link ? link.textContent.trim() : status.dataset.quiz,
        questions: /** @type {string} */ (status.dataset.questions).split(" ").map(function (pair) {
          var parts = pair.split(":");
          return { id: parts.slice(0, -1).join(":"), key: parts[parts.length - 1] };
        }) });
    });
  }

  /** @returns {string[]} the ids of the lessons on the progress page */
  function lessonsListed() {
    return all(document, ".cw-step-status[data-step^='lesson:']").map(function (cell) {
      return String(cell.dataset.step).slice("lesson:".length);
    });
  }

  function progress() {
    quizzesListed().forEach(function (quiz) {
      var sums = tally(quiz.questions, read(quiz.course).answers);
      quiz.status.textContent = scoreLine(sums.firstDone, sums.first, sums.total);
      if (quiz.latest) quiz.latest.textContent = scoreLine(sums.latestDone, sums.latest, sums.total);
    });
  }

  /**
   * A message on screen, announced as a status; cleared first so a repeat is noticed.
   * @param {Element} box
   * @param {string} text
   */
  function say(box, text) {
    var message = /** @type {Element} */ (box.querySelector(".cw-message"));
    message.textContent = "";
    window.setTimeout(function () { message.textContent = text; }, 100);
  }

  /**
   * @param {Element} box
   * @param {string} course
   */
  function exportAnswers(box, course) {
    var date = new Date().toISOString();
    var file = JSON.stringify({ format: FORMAT, version: VERSION, course: course, exported: date,
      quizzes: quizzesListed().map(function (quiz) {
        return { id: quiz.id, title: quiz.title,
          questions: quiz.questions.map(function (q) { return q.id; }) };
      }),
      answers: read(course).answers, lessons: read(course).lessons }, null, 2);
    var name = course + "-progress-" + date.slice(0, 10) + ".json";
    var link = el("a", { href: URL.createObjectURL(new Blob([file], { type: "application/json" })),
      download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    say(box, _("Your answers are saved to the file {file} in your downloads.", { file: name }));
  }

  /**
   * @param {Element} box
   * @param {string} course
   * @param {string} text the file
   */
  function importAnswers(box, course, text) {
    /** @type {any} */
    var data = null;
    try { data = JSON.parse(text); } catch (e) { /* reported below */ }
    var problem = data === null ?
      _("This file is damaged or is not a progress export: it is not complete JSON.") :
      fileProblem(data, course);
    if (problem) return say(box, _("Nothing was imported. {problem}", { problem: problem }));
    /** @type {Record<string, string>} */
    var current = {};
    quizzesListed().forEach(function (quiz) {
      quiz.questions.forEach(function (q) { current[q.id] = q.key; });
    });
    var theirs = /** @type {Saved} */ (migrate(data)), mine = read(course);
    var plan = mergePlan(mine.answers, theirs.answers, current);
    var lessons = mergeLessons(mine.lessons, theirs.lessons, lessonsListed());
    var counts = { added: plan.added + lessons.added, replaced: plan.replaced + lessons.replaced,
      kept: plan.kept + lessons.kept };
    if (!counts.added && !counts.replaced) {
      return say(box, _("Nothing to import: everything in the file is already here, or older."));
    }
    if (!window.confirm(_("Import {added} new and {replaced} newer records of progress (answers and lessons) from this file? {kept} here are newer or the same and stay as they are.", counts))) {
      return say(box, _("Import cancelled; nothing changed."));
    }
    update(course, function (saved) {
      Object.assign(saved.answers, mergePlan(saved.answers, theirs.answers, current).answers);
      saved.lessons = mergeLessons(saved.lessons, theirs.lessons, lessonsListed()).lessons;
    });
    progress();
    say(box, _("Imported {added} new and {replaced} newer records of progress.", counts));
  }

  function tools() {
    var box = /** @type {HTMLElement} */ (document.querySelector(".cw-tools")); // null off the progress page
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    box.hidden = false;
    var course = /** @type {string} */ (box.dataset.course);
    /** @type {Element} */ (box.querySelector("[data-action=export]")).addEventListener("click", function () {
      exportAnswers(box, course);
    });
    /** @type {Element} */ (box.querySelector("[data-action=import]")).addEventListener("change", function (event) {
      var input = /** @type {HTMLInputElement} */ (event.target);
      var file = /** @type {FileList} */ (input.files)[0];
      input.value = "";
      if (file) file.text().then(function (text) { importAnswers(box, course, text); });
    });
    /** @type {Element} */ (box.querySelector("[data-action=reset]")).addEventListener("click", function () {
      if (!window.confirm(_("Delete all your saved progress for this course: answers, first attempts and lessons?"))) {
        return say(box, _("Nothing was deleted."));
      }
      write(course, emptyData());
      progress();
      say(box, _("All your progress is deleted."));
    });
  }

  function init() {
    var carried = document.getElementById("cw-words");
    try {
      if (carried) useWords(JSON.parse(carried.textContent || "{}"), document.documentElement.lang);
    } catch (e) { /* damaged: the English words */ }
    try {
      localStorage.setItem("coursewright:probe", "1");
      localStorage.removeItem("coursewright:probe");
    } catch (e) { saving = false; }
    var boxes = all(document, ".cw-item");
    if (boxes.length) liveRegion();
    boxes.forEach(enhance);
    summarize(false);
    progress();
    tools();
    warn();
  }

  window.addEventListener("storage", function (event) { // another tab saved answers
    if (!event.key || event.key.indexOf(PREFIX) !== 0) return;
    pageQuestions().forEach(restore);
    summarize(false);
    progress();
  });

  function start() { // the theme's document$ announces every page, instant navigation included
    if (win.document$ && win.document$.subscribe) win.document$.subscribe(init);
    else init();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
