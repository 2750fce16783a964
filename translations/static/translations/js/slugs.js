// Latin slugs in the page editor, with the same scheme as translations/slugs.py.
//
// Wagtail fills each language's slug from its title (slug_en from title_en, slug_ru from title_ru...),
// keeping Cyrillic and Azerbaijani letters. This turns such a slug into Latin letters as soon as it is
// filled or edited, so the editor sees the address readers will get; the server applies the same
// rule on save (translations.slugs.fill_slugs).
(() => {
  const source = document.getElementById("translation-slug-scheme");
  if (!source) return;
  const scheme = JSON.parse(source.textContent);
  const NON_ASCII = /[^\x00-\x7f]/;

  function slugFrom(text) {
    const lower = (text || "").replace(/İ/g, "i").toLowerCase();
    const letters = Array.from(lower, (char) => scheme.letters[char] ?? char).join("");
    const ascii = letters.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    const slug = ascii
      .replace(/[^\w\s-]/g, "")
      .replace(/[-\s]+/g, "-")
      .replace(/^[-_]+|[-_]+$/g, "");
    return slug.slice(0, scheme.maxLength).replace(/^-+|-+$/g, "");
  }

  function latinise(input) {
    if (input instanceof HTMLInputElement && input.name.startsWith("slug") && NON_ASCII.test(input.value)) {
      input.value = slugFrom(input.value);
    }
  }

  // Wagtail's events do not all bubble: listen while capturing, then act once its own handlers
  // (title → slug sync, slugify on blur) have run.
  for (const type of ["w-sync:apply", "focusout", "change"]) {
    document.addEventListener(type, (event) => window.setTimeout(() => latinise(event.target), 0), true);
  }
  window.newsroomSlugFrom = slugFrom;
})();
