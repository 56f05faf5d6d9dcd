// @ts-check
/* The presenter deck: reveal.js with its speaker view (press S), a pacing timer against the
   lesson's minutes, and room-vote tallies kept in this browser only. */
(function () {
  "use strict";
  var body = document.body;
  var minutes = Number(body.getAttribute("data-minutes")) || 0;
  var prefix = "coursewright:tally:" + body.getAttribute("data-course") + ":";

  function store() {
    try { return window.localStorage; } catch (e) { return null; } // storage off: tallies live on the page only
  }

  /** @param {Element} box */
  function keyOf(box) { return prefix + box.getAttribute("data-tally") + ":" + box.getAttribute("data-option"); }

  // A scenario's tallies are one set, whichever deck shows it; "Clear the tallies" empties them.
  Array.prototype.forEach.call(document.querySelectorAll("input[data-tally]"), function (input) {
    var box = /** @type {HTMLInputElement} */ (input), saved = store();
    var value = saved && saved.getItem(keyOf(box));
    if (value) box.value = value;
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === "Escape") { // back to the slides: arrows move on
        event.preventDefault();
        box.blur();
      }
    });
    box.addEventListener("input", function () {
      var place = store();
      if (!place) return;
      if (/^\d{1,3}$/.test(box.value)) place.setItem(keyOf(box), box.value); else place.removeItem(keyOf(box));
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("button[data-clear]"), function (button) {
    button.addEventListener("click", function () {
      var place = store(), scenario = button.getAttribute("data-clear");
      Array.prototype.forEach.call(document.querySelectorAll("input[data-tally]"), function (input) {
        if (input.getAttribute("data-tally") !== scenario) return;
        input.value = "";
        if (place) place.removeItem(keyOf(input));
      });
    });
  });

  var Reveal = /** @type {any} */ (window).Reveal, RevealNotes = /** @type {any} */ (window).RevealNotes;
  Reveal.initialize({
    hash: true,
    controls: true,
    progress: true,
    center: false,
    transition: "none",
    totalTime: minutes > 0 ? minutes * 60 : undefined,
    plugins: [RevealNotes]
  });
})();
