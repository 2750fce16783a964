// The original beside each translated field in the page editor.
//
// wagtail-modeltranslation shows a field's languages one under another; a translator writing Russian wants
// to see the English they translate next to it. Under every Azerbaijani or Russian field (title, standfirst,
// captions, each heading, paragraph and quote of the body, matched block by block), this shows the English
// text, kept current as the English changes. It also keeps the package's "Copy content from" buttons to
// the fields that have something to copy (stream fields) and says it in the editor's language.
function newsroomTranslationSource() {
  const config = document.getElementById("translation-source-config");
  if (!config) return;
  const { source, targets, label, copyLabel, streamFields } = JSON.parse(config.textContent);
  // The editor's own form (pages and snippets alike carry data-edit-form); a looser selector such as
  // "main form" first finds the header's search form, which has no translated fields.
  const form = document.querySelector("form[data-edit-form]");
  if (!form) return;
  const SKIP = /^(slug|url_path|ready|seo_title|search_description)$/;
  const NAME = new RegExp(`^([a-z_]+?)_(${targets.join("|")})((?:-.+)?)$`);

  function textOf(element) {
    const value = element.value || "";
    if (element.type === "hidden" && value.startsWith("{")) {
      try {
        return JSON.parse(value).blocks.map((block) => block.text).join("\n").trim();
      } catch (error) {
        return "";
      }
    }
    if (element instanceof HTMLSelectElement) return "";
    return value.trim();
  }

  function place(target) {
    return target.closest(".w-field__input") || target.closest(".Draftail-Editor")?.parentElement || target.parentElement;
  }

  function refresh() {
    for (const target of form.querySelectorAll("input[name], textarea[name]")) {
      const match = NAME.exec(target.name);
      if (!match || SKIP.test(match[1]) || target.type === "checkbox" || target.name.endsWith("-type")) continue;
      if (/-(count|deleted|order|id)$/.test(target.name)) continue;
      const original = form.elements.namedItem(`${match[1]}_${source}${match[3]}`);
      const container = place(target);
      if (!container) continue;
      let note = container.querySelector(":scope > [data-translation-source]");
      const text = original instanceof Element ? textOf(original) : "";
      if (!text) {
        note?.remove();
        continue;
      }
      if (!note) {
        note = document.createElement("div");
        note.className = "translation-source";
        note.dataset.translationSource = match[2];
        note.lang = source;
        container.append(note);
      }
      note.textContent = "";
      const caption = document.createElement("span");
      caption.className = "translation-source__label";
      caption.textContent = label;
      note.append(caption, document.createTextNode(text));
    }
    // The package's copy buttons: only on stream fields, in the editor's language.
    for (const wrapper of document.querySelectorAll(".translation-field-copy-wrapper")) {
      const panel = wrapper.closest("section[id^='panel-child-content-']");
      const field = panel ? panel.id.replace(/^panel-child-content-/, "").replace(/_[a-z-]+-section$/, "") : "";
      if (!streamFields.includes(field)) {
        wrapper.remove();
      } else if (wrapper.firstChild?.nodeType === Node.TEXT_NODE) {
        wrapper.firstChild.textContent = `${copyLabel}: `;
      }
    }
  }

  let timer = null;
  const later = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 150);
  };
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  new MutationObserver(later).observe(form, { childList: true, subtree: true });
  window.addEventListener("load", later);
  later();
}

// The editor's scripts are in the page head: wait for the form.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", newsroomTranslationSource);
} else {
  newsroomTranslationSource();
}
