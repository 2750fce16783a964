/* Live coverage: new updates appear at the top of a live article without a reload.
   The section (templates/news/live_coverage.html) says where to ask (data-live-updates-url), for what
   (data-live-after: the newest update the page was built with) and how often (data-live-poll, seconds).
   It asks only while the tab is visible, and stops once the coverage has ended or is gone (404).
   The answers are public and cached for a few seconds (news.live_views): every reader of the same
   version of the page asks the same URL. Without JavaScript the page shows the updates it was built with. */
(function () {
  "use strict";

  var section = document.querySelector("[data-live-updates-url]");
  if (!section || !window.fetch || !window.JSON) return;

  var url = section.getAttribute("data-live-updates-url");
  var after = section.getAttribute("data-live-after") || "0";
  var seconds = parseFloat(section.getAttribute("data-live-poll"));
  var list = section.querySelector("[data-live-list]");
  var status = section.querySelector("[data-live-status]");
  var badge = document.querySelector("[data-live-badge]");
  if (!url || !list) return;
  if (!(seconds > 0)) seconds = 20;

  var timer = null;
  var busy = false;
  var stopped = false;
  var shown = 0; // the count last announced

  function time(element) {
    return Date.parse(element.getAttribute("data-time")) || 0;
  }

  function toElement(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  /* Newest first: before the first update shown that is older than this one. */
  function insert(element) {
    var when = time(element);
    var items = list.querySelectorAll("[data-live-update]");
    for (var i = 0; i < items.length; i++) {
      if (time(items[i]) < when) {
        list.insertBefore(element, items[i]);
        return;
      }
    }
    list.appendChild(element);
  }

  function apply(data) {
    var added = 0;
    var updates = (data && data.updates) || [];
    for (var i = updates.length - 1; i >= 0; i--) {
      var update = updates[i];
      if (document.getElementById(update.anchor)) continue;
      var element = toElement(update.html || "");
      if (!element) continue;
      element.classList.add("live-update--new");
      insert(element);
      added++;
    }
    if (added) {
      var empty = section.querySelector("[data-live-empty]");
      if (empty) empty.parentNode.removeChild(empty);
      if (status && data.notice && data.count !== shown) {
        shown = data.count;
        status.textContent = data.notice;
      }
    }
    if (data && data.ended) end();
  }

  function end() {
    stop();
    if (badge) {
      badge.classList.remove("live-status--live");
      badge.textContent = badge.getAttribute("data-ended-text") || "";
    }
  }

  function stop() {
    stopped = true;
    window.clearTimeout(timer);
    document.removeEventListener("visibilitychange", onVisibility);
  }

  function schedule() {
    window.clearTimeout(timer);
    if (!stopped && !document.hidden) timer = window.setTimeout(poll, seconds * 1000);
  }

  function poll() {
    if (stopped || busy || document.hidden) return;
    busy = true;
    var address = url + (url.indexOf("?") < 0 ? "?" : "&") + "after=" + encodeURIComponent(after);
    window
      .fetch(address, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 404) {
          stop();
          return null;
        }
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data) apply(data);
      })
      .catch(function () {
        /* offline or a hiccup: ask again next time */
      })
      .then(function () {
        busy = false;
        schedule();
      });
  }

  function onVisibility() {
    if (document.hidden) {
      window.clearTimeout(timer);
    } else {
      poll(); // back on the tab: catch up at once, then keep asking
    }
  }

  document.addEventListener("visibilitychange", onVisibility);
  schedule();
})();
