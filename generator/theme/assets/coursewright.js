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
   order, keyboard users move from question to question without stopping at each one, and
   hidden from screen readers, which read them as part of the heading ("Question 1 ¶"). */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".md-typeset .headerlink"), function (link) {
    link.setAttribute("tabindex", "-1");
    link.setAttribute("aria-hidden", "true");
  });
})();

/* The navigation's link to the page shown says so to screen readers too, not only by its
   colour (aria-current): each link, in the drawer and in the tabs, that leads to this page. */
(function () {
  "use strict";
  /** A folder's address and its index.html are the same page. @param {string} path */
  function page(path) { return path.replace(/index\.html$/, ""); }
  Array.prototype.forEach.call(document.querySelectorAll(".md-nav--primary a.md-nav__link[href], .md-tabs a[href]"),
    function (/** @type {HTMLAnchorElement} */ link) {
      if (!link.hash && page(link.pathname) === page(location.pathname)) link.setAttribute("aria-current", "page");
    });
})();

/* The theme opens its phone navigation drawer, the drawer's panels and, on a narrow screen,
   search, with labels for hidden checkboxes, which a keyboard cannot reach. Here each such
   label becomes a button: it says whether its panel is open, focus follows the panel it opens
   or closes, and Escape, or Tab out of the drawer, closes the drawer. Without JavaScript the
   labels stay. */
(function () {
  "use strict";
  /** The label as a button that ticks or clears its checkbox, as the label did.
      @param {HTMLElement} label @returns {HTMLButtonElement} */
  function asButton(label) {
    var button = document.createElement("button");
    button.type = "button";
    /* Its attributes too: the theme styles these labels by their `for`. */
    Array.prototype.forEach.call(label.attributes, function (/** @type {Attr} */ attribute) {
      if (attribute.name !== "tabindex") button.setAttribute(attribute.name, attribute.value);
    });
    while (label.firstChild) button.appendChild(label.firstChild);
    label.replaceWith(button);
    button.addEventListener("click", function () {
      var input = control(button);
      if (input) input.click();
    });
    return button;
  }
  /** @param {Element} el */
  function control(el) {
    var input = document.getElementById(el.getAttribute("for") || "");
    return input instanceof HTMLInputElement ? input : null;
  }

  /* Search, on a narrow screen: the theme opens it as its checkbox is ticked; the focus goes
     to its field, and back to the button when Escape closes it. */
  var icon = document.querySelector('.md-header label.md-header__button[for="__search"]');
  if (icon instanceof HTMLElement) {
    var search = asButton(icon), field = document.querySelector(".md-search__input");
    if (!search.textContent || !search.textContent.trim()) {
      search.setAttribute("aria-label", (field && field.getAttribute("aria-label")) || "Search");
    }
    search.addEventListener("click", function () {
      var input = control(search), now = document.querySelector(".md-search__input");
      if (input && input.checked && now instanceof HTMLElement && now.getClientRects().length) now.focus();
    });
    document.addEventListener("keydown", function (event) {
      var open = control(search), active = document.activeElement;
      var inside = active && active.closest(".md-search");
      if (event.key === "Escape" && open && open.checked && inside) setTimeout(function () { search.focus(); });
      /* The theme's keys for search (/, s, f) focus its field, out of reach here while closed. */
      var typing = active && active.matches("input, textarea, select, [contenteditable]");
      if (["/", "s", "f"].indexOf(event.key) >= 0 && !typing && open && !open.checked &&
          !event.ctrlKey && !event.metaKey && !event.altKey && search.getClientRects().length) {
        event.preventDefault();
        search.click();
      }
    });
  }

  var toggle = document.getElementById("__drawer");
  var menu = document.querySelector('.md-header label[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  var nav = drawer && drawer.querySelector(".md-nav--primary");
  if (!(toggle instanceof HTMLInputElement) || !(menu instanceof HTMLElement) || !drawer || !nav) return;
  var drawerToggle = toggle, panel = drawer, tree = nav;
  var name = nav.getAttribute("aria-label") || "Navigation";
  /** @param {Element} el */
  function shown(el) {
    return el.getClientRects().length > 0 && getComputedStyle(el).visibility === "visible";
  }
  /** Where focus goes once `button` is pressed: into the drawer as it opens; to the button
      for the same panel on the other side as a panel opens or closes.
      @param {HTMLButtonElement} button @param {boolean} isMenu */
  function next(button, isMenu) {
    var others = !isMenu ? tree.querySelectorAll('button[for="' + CSS.escape(button.getAttribute("for") || "") + '"]')
      : drawerToggle.checked ? panel.querySelectorAll("a[href], button") : [];
    return Array.prototype.find.call(others, function (/** @type {HTMLElement} */ el) {
      return el !== button && shown(el);
    });
  }
  var buttons = [menu].concat(Array.prototype.slice.call(
    tree.querySelectorAll('label[for]:not([for="__drawer"])'))).map(asButton);
  function mark() {
    buttons.forEach(function (button) {
      var input = control(button);
      if (input) button.setAttribute("aria-expanded", String(input.checked));
    });
  }
  /* The button that opens the page's contents is named for them, not only for the page. */
  var contents = tree.querySelector("nav.md-nav--secondary[aria-label]");
  buttons.forEach(function (button, index) {
    button.addEventListener("click", function () {
      var then = next(button, index === 0);
      if (then) then.focus();
    });
    if (contents && button.matches('.md-nav__link[for="__toc"]') && button.textContent) {
      button.setAttribute("aria-label", contents.getAttribute("aria-label") + ": " + button.textContent.trim());
    }
  });
  buttons[0].setAttribute("aria-label", name);
  mark();
  document.addEventListener("change", mark);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !drawerToggle.checked) return;
    drawerToggle.click();
    buttons[0].focus();
  });
  document.addEventListener("focusin", function (event) {
    var target = /** @type {Node} */ (event.target);
    if (drawerToggle.checked && !panel.contains(target) && target !== buttons[0]) drawerToggle.click();
  });
})();
