// Counts one view of the article page it is on (readership.views): a POST with the body "read" to the
// address in data-read-url, sent once the page is actually visible (not for a prerender or a background
// tab that is never opened). No cookie, no identifier: the server only adds one to an hourly counter.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.getAttribute("data-read-url");
  if (!url || !navigator.sendBeacon) {
    return;
  }
  var sent = false;
  function send() {
    if (sent || document.visibilityState !== "visible") {
      return;
    }
    sent = true;
    document.removeEventListener("visibilitychange", send);
    navigator.sendBeacon(url, "read");
  }
  document.addEventListener("visibilitychange", send);
  send();
})();
