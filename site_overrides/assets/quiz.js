/* coursewright quizzes: enhances the native question forms of a page. Answers are kept in
   localStorage under each question's id; all text goes in as text, never as HTML. */
(function () {
  "use strict";
  if (window.coursewrightQuiz) return; // loaded again by instant navigation: already listening
  window.coursewrightQuiz = true;
  var VERSION = 1;
  var memory = {};
  var saving = true;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function storeKey(course) { return "coursewright:" + VERSION + ":" + course; }

  function load(course) {
    if (memory[course]) return memory[course];
    var data = null;
    try { data = JSON.parse(localStorage.getItem(storeKey(course)) || "null"); } catch (e) { saving = false; }
    if (!data || data.version !== VERSION || typeof data.answers !== "object" || !data.answers) {
      data = { version: VERSION, answers: {} };
    }
    memory[course] = data;
    return data;
  }

  function save(course) {
    try { localStorage.setItem(storeKey(course), JSON.stringify(memory[course])); } catch (e) {
      saving = false;
      warn();
    }
  }

  function warn() {
    var main = document.querySelector("article");
    if (saving || !main || main.querySelector(".cw-notice")) return;
    main.insertBefore(el("p", { class: "cw-notice", role: "status" },
      "This browser is not saving your answers (private browsing, or storage is full or turned " +
      "off). They last until you leave this page."), main.firstChild);
  }

  function announce(text) {
    var live = document.querySelector(".cw-live");
    if (!live) {
      live = el("div", { class: "cw-live md-visually-hidden", "aria-live": "polite" });
      document.body.appendChild(live);
    }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function inputsOf(form) { return Array.prototype.slice.call(form.querySelectorAll("input")); }
  function picked(form) {
    return inputsOf(form).filter(function (i) { return i.checked; }).map(function (i) { return +i.value; });
  }
  function feedbackOf(form) {
    var next = form.nextElementSibling;
    return next && next.tagName === "DETAILS" ? next : null;
  }
  function letter(i) { return String.fromCharCode(65 + i); }

  function verdict(form, choice) {
    var inputs = inputsOf(form);
    if (form.dataset.kind === "scenario") {
      var grade = inputs[choice[0]].dataset.mark;
      return { right: grade === "best", text: "You chose " + letter(choice[0]) + ": " + grade + "." };
    }
    var right = inputs.every(function (i) { return i.checked === (i.dataset.mark === "right"); });
    return { right: right, text: right ? "Correct." : "Not quite. See which answers are right below." };
  }

  function clearMarks(form) {
    form.querySelectorAll(".cw-mark").forEach(function (m) { m.remove(); });
    form.querySelectorAll(".cw-choice").forEach(function (c) { c.classList.remove("cw-good", "cw-bad"); });
    form.querySelector(".cw-result").hidden = true;
    form.querySelector(".cw-retry").hidden = true;
  }

  function mark(label, good, text) {
    label.classList.add(good ? "cw-good" : "cw-bad");
    label.appendChild(el("span", { class: "cw-mark " + (good ? "cw-yes" : "cw-no") }, text));
  }

  function show(form, choice, moveFocus) {
    clearMarks(form);
    var scenario = form.dataset.kind === "scenario";
    inputsOf(form).forEach(function (input) {
      var label = input.closest(".cw-choice");
      var best = input.dataset.mark === (scenario ? "best" : "right");
      if (scenario && input.checked) mark(label, best, "Your choice: " + input.dataset.mark);
      else if (!scenario && input.checked) mark(label, best, best ? "Your choice: right" : "Your choice: wrong");
      else if (!scenario && best) mark(label, true, "Right answer");
    });
    var result = verdict(form, choice);
    var box = form.querySelector(".cw-result");
    box.textContent = result.text;
    box.className = "cw-result " + (result.right ? "cw-yes" : "cw-no");
    box.hidden = false;
    form.querySelector(".cw-retry").hidden = false;
    var details = feedbackOf(form);
    if (details) { details.hidden = false; details.open = true; }
    if (moveFocus) { box.focus(); announce(result.text); }
    return result.right;
  }

  function enhance(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    var course = form.dataset.course, id = form.dataset.id;
    var store = load(course);
    var actions = el("div", { class: "cw-actions" });
    var check = el("button", { type: "button", class: "md-button md-button--primary" }, "Check");
    var retry = el("button", { type: "button", class: "md-button cw-retry", hidden: "" }, "Try again");
    actions.append(check, retry);
    form.append(el("p", { class: "cw-result", tabindex: "-1", hidden: "" }), actions);
    var details = feedbackOf(form);
    if (details) details.hidden = true;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    check.addEventListener("click", function () {
      var choice = picked(form);
      if (!choice.length) {
        var box = form.querySelector(".cw-result");
        box.textContent = "Choose an answer first.";
        box.className = "cw-result";
        box.hidden = false;
        box.focus();
        announce(box.textContent);
        return;
      }
      var right = show(form, choice, true);
      store.answers[id] = { key: form.dataset.key, picked: choice, checked: true, right: right };
      save(course);
      summarize();
    });
    retry.addEventListener("click", function () {
      inputsOf(form).forEach(function (i) { i.checked = false; });
      clearMarks(form);
      if (details) details.hidden = true;
      delete store.answers[id];
      save(course);
      summarize();
      inputsOf(form)[0].focus();
    });
    form.addEventListener("change", function () {
      clearMarks(form);
      store.answers[id] = { key: form.dataset.key, picked: picked(form), checked: false, right: false };
      save(course);
    });
    var saved = store.answers[id];
    if (saved && saved.key !== form.dataset.key) {
      delete store.answers[id];
      save(course);
    } else if (saved && Array.isArray(saved.picked)) {
      inputsOf(form).forEach(function (i) { i.checked = saved.picked.indexOf(+i.value) >= 0; });
      if (saved.checked && saved.picked.length) show(form, saved.picked, false);
    }
  }

  function summarize() {
    var box = document.querySelector(".cw-summary");
    if (!box) return;
    var forms = Array.prototype.slice.call(document.querySelectorAll("form.cw-question"));
    var store = load(box.dataset.course || (forms[0] && forms[0].dataset.course));
    var done = forms.filter(function (f) { var a = store.answers[f.dataset.id]; return a && a.checked; });
    var right = done.filter(function (f) { return store.answers[f.dataset.id].right; });
    box.textContent = "";
    box.hidden = false;
    box.appendChild(el("h2", {}, "Your score"));
    var line = right.length + " of " + forms.length + " right";
    if (done.length < forms.length) line += "; " + (forms.length - done.length) + " still to answer";
    box.appendChild(el("p", { class: "cw-score" }, line + "."));
    var wrong = done.filter(function (f) { return !store.answers[f.dataset.id].right; });
    if (wrong.length) {
      box.appendChild(el("p", {}, "To review:"));
      var list = box.appendChild(el("ul"));
      wrong.forEach(function (f) {
        var item = list.appendChild(el("li"));
        var heading = f.previousElementSibling;
        while (heading && !/^H2$/.test(heading.tagName)) heading = heading.previousElementSibling;
        item.appendChild(el("a", { href: "#" + f.dataset.id }, heading ? heading.firstChild.textContent.trim() : f.dataset.id));
        var lesson = feedbackOf(f) && feedbackOf(f).querySelector(".cw-checks a");
        if (lesson) {
          item.appendChild(document.createTextNode(": review "));
          item.appendChild(el("a", { href: lesson.getAttribute("href") }, lesson.textContent));
        }
      });
    }
    var again = box.appendChild(el("button", { type: "button", class: "md-button" }, "Try this quiz again"));
    again.addEventListener("click", function () {
      forms.forEach(function (f) {
        delete store.answers[f.dataset.id];
        inputsOf(f).forEach(function (i) { i.checked = false; });
        clearMarks(f);
        if (feedbackOf(f)) feedbackOf(f).hidden = true;
      });
      save(forms[0].dataset.course);
      summarize();
      inputsOf(forms[0])[0].focus();
      announce("Answers cleared. Start again from question 1.");
    });
    if (done.length === forms.length) announce("Quiz complete: " + line + ".");
  }

  function progress() {
    document.querySelectorAll(".cw-status").forEach(function (status) {
      var store = load(status.dataset.course);
      var ids = status.dataset.questions.split(" ");
      var done = 0, right = 0;
      ids.forEach(function (pair) {
        var parts = pair.split(":"), answer = store.answers[parts[0]];
        if (answer && answer.key === parts[1] && answer.checked) { done++; if (answer.right) right++; }
      });
      status.textContent = !done ? "Not started" : (done < ids.length ? "In progress: " : "Done: ") +
        right + " of " + ids.length + " right" + (done < ids.length ? ", " + done + " answered" : "");
    });
  }

  function tools() {
    var box = document.querySelector(".cw-tools");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    box.hidden = false;
    var course = box.dataset.course;
    box.querySelector("[data-action=export]").addEventListener("click", function () {
      var file = JSON.stringify({ format: "coursewright-progress", course: course, version: VERSION,
        answers: load(course).answers }, null, 2);
      var link = el("a", { href: URL.createObjectURL(new Blob([file], { type: "application/json" })),
        download: course + "-progress.json" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      announce("Progress exported.");
    });
    box.querySelector("[data-action=import]").addEventListener("change", function (event) {
      var file = event.target.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data = JSON.parse(text);
        if (data.format !== "coursewright-progress" || data.version !== VERSION ||
            data.course !== course || typeof data.answers !== "object") throw new Error("format");
        load(course).answers = data.answers;
        save(course);
        progress();
        announce("Progress imported.");
      }).catch(function () { announce("That file is not a progress export of this course."); });
      event.target.value = "";
    });
    box.querySelector("[data-action=reset]").addEventListener("click", function () {
      if (!window.confirm("Delete all your saved answers for this course?")) return;
      memory[course] = { version: VERSION, answers: {} };
      save(course);
      progress();
      announce("All answers deleted.");
    });
  }

  function init() {
    try {
      localStorage.setItem("coursewright:probe", "1");
      localStorage.removeItem("coursewright:probe");
    } catch (e) { saving = false; }
    document.querySelectorAll("form.cw-question").forEach(enhance);
    summarize();
    progress();
    tools();
    warn();
  }

  function start() { // the theme's document$ announces every page, instant navigation included
    if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
    else init();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
