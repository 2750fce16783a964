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
