"""Readable Latin slugs from titles in any of the site's languages.

Scheme (documented in TRANSLATING.md):

* Azerbaijani and Turkish letters lose their diacritics: ş→s, ç→c, ğ→g, ı→i, İ→i, ö→o, ü→u, ə→e
  ("Şuşa şəhəri" → ``susa-seheri``).
* Russian follows ICAO Doc 9303, the transliteration of Russian passports: ж→zh, й→i, х→kh, ц→ts,
  ч→ch, ш→sh, щ→shch, ъ→ie, ы→y, ь→(nothing), ю→iu, я→ia, ё→e
  ("Азербайджан и энергетика" → ``azerbaidzhan-i-energetika``).
* Any other letter is reduced to ASCII by Unicode decomposition (é→e); what is left is slugified.

A page's slug in each language is filled from that language's title when left empty, and a slug typed
in another script is transliterated; a suffix (``-2``, ``-3``, ...) keeps it unique among the page's
siblings in that language.
"""

import unicodedata

from django.utils.text import slugify

from .languages import default_language, language_codes, localized_field

CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    # Azerbaijani Cyrillic letters, for older texts.
    "ә": "e", "ғ": "g", "ҹ": "c", "ҝ": "g", "ө": "o", "ү": "u", "һ": "h", "ј": "y",
}  # fmt: skip
LATIN = {"ə": "e", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u", "ß": "ss", "æ": "ae", "ø": "o"}
MAX_LENGTH = 80


def transliterate(text: str) -> str:
    """Latin letters for ``text``, keeping spaces and punctuation."""
    text = (text or "").replace("İ", "i").lower()
    letters = [CYRILLIC.get(char, LATIN.get(char, char)) for char in text]
    decomposed = unicodedata.normalize("NFKD", "".join(letters))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def slug_from(text: str) -> str:
    """``slug_from("Şuşa şəhəri") == "susa-seheri"``."""
    slug = slugify(transliterate(text))[:MAX_LENGTH].strip("-")
    return slug


def _sibling_slugs(page, language: str) -> set[str]:
    """Slugs the page's siblings answer to in ``language`` (an empty slug falls back to English)."""
    parent = page.get_parent() if page.path else None
    if parent is None:
        return set()
    siblings = parent.get_children()
    if page.pk:
        siblings = siblings.exclude(pk=page.pk)
    field = localized_field("slug", language)
    fallback = localized_field("slug", default_language())
    if field == fallback:
        return {slug for slug in siblings.values_list(field, flat=True) if slug}
    return {own or english for own, english in siblings.values_list(field, fallback) if own or english}


def unique_slug(page, language: str, slug: str) -> str:
    taken = _sibling_slugs(page, language)
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def fill_slugs(page) -> list[str]:
    """Fill empty slugs from titles and make typed slugs Latin; returns the languages changed."""
    changed = []
    for code in language_codes():
        slug_field = localized_field("slug", code)
        title = (getattr(page, localized_field("title", code), None) or "").strip()
        current = getattr(page, slug_field, None) or ""
        if current and current.isascii():
            continue
        source = current or title
        if not source:
            continue
        slug = slug_from(source)
        if not slug:
            continue
        slug = unique_slug(page, code, slug)
        if slug != current:
            setattr(page, slug_field, slug)
            changed.append(code)
    return changed
