/* Live search in the header box: an ARIA 1.2 combobox with a listbox popup.
   Without JavaScript the box is a plain GET form to the results page. */
(function () {
  "use strict";

  var DELAY = 200;
  var MIN_LENGTH = 2;

  function setup(form) {
    var input = form.querySelector("input[name=q]");
    var list = form.querySelector("[role=listbox]");
    var status = form.querySelector("[data-search-status]");
    var liveUrl = form.getAttribute("data-live-url");
    if (!input || !list || !liveUrl || !window.fetch || form.hasAttribute("data-live-ready")) return;
    form.setAttribute("data-live-ready", "");

    var timer = null;
    var controller = null;
    var active = -1;
    var lastQuery = null;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function options() {
      return Array.prototype.slice.call(list.querySelectorAll("[role=option]"));
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function highlight(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function option(id, url, className, title, meta) {
      var item = document.createElement("li");
      item.id = id;
      item.className = "search-suggestion" + (className ? " " + className : "");
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      var link = document.createElement("a");
      link.href = url;
      link.tabIndex = -1;
      var strong = document.createElement("span");
      strong.className = "search-suggestion-title";
      strong.textContent = title;
      link.appendChild(strong);
      if (meta) {
        var small = document.createElement("span");
        small.className = "search-suggestion-meta";
        small.textContent = meta;
        link.appendChild(small);
      }
      item.appendChild(link);
      return item;
    }

    function render(data) {
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      data.results.forEach(function (result, i) {
        var meta = [result.section, result.date_display].filter(Boolean).join(" · ");
        list.appendChild(option(list.id + "-" + i, result.url, "", result.title, meta));
      });
      if (data.results.length) {
        list.appendChild(option(list.id + "-all", data.all_url, "search-suggestion--all", data.labels.all));
      } else {
        var empty = document.createElement("li");
        empty.className = "search-suggestion--empty";
        empty.setAttribute("role", "presentation");
        empty.textContent = data.labels.none;
        list.appendChild(empty);
      }
      if (status) status.textContent = data.labels.count;
      open();
    }

    function query() {
      var text = input.value.trim();
      if (text.length < MIN_LENGTH) {
        lastQuery = null;
        close();
        return;
      }
      if (text === lastQuery) {
        if (list.childElementCount) open();
        return;
      }
      lastQuery = text;
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(liveUrl + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          if (input.value.trim() === text) render(data);
        })
        .catch(function () {
          /* aborted or offline: the form still submits to the results page */
        });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(query, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!expanded) { query(); return; }
        highlight(active + 1);
      } else if (event.key === "ArrowUp") {
        if (!expanded) return;
        event.preventDefault();
        highlight(active < 0 ? -1 : active - 1);
      } else if (event.key === "Enter") {
        var items = options();
        if (expanded && active >= 0 && items[active]) {
          event.preventDefault();
          window.location.assign(items[active].querySelector("a").href);
        }
      } else if (event.key === "Escape") {
        if (expanded) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("focus", function () {
      if (list.childElementCount && input.value.trim() === lastQuery) open();
    });

    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) close();
    });

    list.addEventListener("mousedown", function (event) {
      event.preventDefault(); /* keep focus in the input while a result is clicked */
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.search-box[data-live-url]"), setup);
})();
