/* Aze.Media: mobile menu, sub-section disclosures, "Copy link". No frameworks.
   Without JavaScript the menu is a plain list of links and the copy button stays hidden. */
(function () {
  "use strict";

  var nav = document.getElementById("site-nav");
  var toggle = document.querySelector(".nav-toggle");

  function setMenu(open) {
    if (!nav || !toggle) return;
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("is-open", open);
  }

  if (nav && toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      setMenu(toggle.getAttribute("aria-expanded") !== "true");
    });
  }

  // Sub-section disclosures (News > Economy, Energy, Ecology).
  var subToggles = Array.prototype.slice.call(document.querySelectorAll(".submenu-toggle"));

  function closeSubmenus(except) {
    subToggles.forEach(function (button) {
      if (button !== except) button.setAttribute("aria-expanded", "false");
    });
  }

  subToggles.forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      closeSubmenus(button);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = subToggles.filter(function (b) { return b.getAttribute("aria-expanded") === "true"; });
    if (open.length) {
      var item = open[0].closest(".menu-item");
      closeSubmenus(null);
      if (item && item.contains(document.activeElement)) open[0].focus();
    } else if (toggle && toggle.getAttribute("aria-expanded") === "true") {
      setMenu(false);
      toggle.focus();
    }
  });

  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest(".has-children")) closeSubmenus(null);
  });

  document.addEventListener("focusin", function (event) {
    subToggles.forEach(function (button) {
      var item = button.closest(".menu-item");
      if (item && !item.contains(event.target)) button.setAttribute("aria-expanded", "false");
    });
  });

  // Dark mode toggle (the header's .theme-toggle, hidden without JavaScript). theme.js applied the
  // remembered choice before the first paint; a press flips the theme now in use and remembers it.
  var themeToggle = document.querySelector(".theme-toggle");
  var systemDark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function isDark() {
    var chosen = document.documentElement.getAttribute("data-theme");
    return chosen ? chosen === "dark" : Boolean(systemDark && systemDark.matches);
  }

  function showTheme() {
    if (themeToggle) themeToggle.setAttribute("aria-pressed", isDark() ? "true" : "false");
  }

  if (themeToggle) {
    themeToggle.hidden = false;
    showTheme();
    themeToggle.addEventListener("click", function () {
      var theme = isDark() ? "light" : "dark";
      document.documentElement.setAttribute("data-theme", theme);
      try { window.localStorage.setItem("theme", theme); } catch (error) { /* not remembered */ }
      showTheme();
    });
    if (systemDark && systemDark.addEventListener) systemDark.addEventListener("change", showTheme);
  }

  // "Copy link": the Clipboard API, with a spoken confirmation.
  Array.prototype.forEach.call(document.querySelectorAll(".copy-link"), function (button) {
    if (!navigator.clipboard || !window.isSecureContext) return;
    button.hidden = false;
    var status = button.closest(".share") && button.closest(".share").querySelector(".copy-status");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-url") || window.location.href).then(
        function () { if (status) status.textContent = button.getAttribute("data-copied"); },
        function () { if (status) status.textContent = button.getAttribute("data-failed"); }
      );
    });
  });
})();
