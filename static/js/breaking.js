// Takes the breaking news banner (templates/breaking/banner.html) down at its expiry time, on a page that
// stays open or was served from a cache; the server stops showing it at the same time.
(function () {
  "use strict";
  var banner = document.querySelector(".breaking[data-expires]");
  var expires = banner && Date.parse(banner.getAttribute("data-expires"));
  if (!expires) {
    return;
  }
  function hide() {
    banner.hidden = true;
  }
  var left = expires - Date.now();
  if (left <= 0) {
    hide();
  } else if (left < 2147483647) {
    window.setTimeout(hide, left);
  }
})();
