/* Gives the theme's search dialog an accessible name (axe-core rule aria-dialog-name): the
   theme marks it role="dialog" without a name. Search needs JavaScript, and without it the
   theme hides the dialog, so naming it from a script is enough. The name is the search
   field's own, in the site's language. */
(function () {
  "use strict";
  var dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
  var field = dialog && dialog.querySelector(".md-search__input");
  if (dialog) dialog.setAttribute("aria-label", (field && field.getAttribute("aria-label")) || "Search");
})();

/* Permalink anchors after each heading are for copying a link with the mouse; out of the tab
   order, keyboard users move from question to question without stopping at each one. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".md-typeset .headerlink"), function (link) {
    link.setAttribute("tabindex", "-1");
  });
})();
