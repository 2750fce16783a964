/* Dark mode before the first paint: the reader's choice from the header toggle (site.js), remembered in
   localStorage, overrides the system setting (prefers-color-scheme, in site.css). Loaded in <head>,
   tiny and blocking on purpose, so a page never flashes in the other theme. */
(function () {
  "use strict";
  try {
    var theme = window.localStorage.getItem("theme");
    if (theme === "dark" || theme === "light") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (error) {
    /* storage disabled: follow the system setting */
  }
})();
