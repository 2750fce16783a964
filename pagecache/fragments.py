"""Parts of a page that are the same on many pages (menu, footer, "New articles", "Related"), cached per
language.

They are kept in the page cache's store under the same generation (:mod:`pagecache.store`), so the
content changes that retire cached pages retire these too, with no list of keys to clear. A page built
for a reader the page cache cannot serve (signed in, ``PAGE_CACHE=false``, a first view) renders each of
them once per generation and language instead of on every request. ``FRAGMENT_CACHE=false`` turns it off.
"""

import hashlib

from django.conf import settings
from django.utils.safestring import mark_safe

from . import store


def generation_for(request) -> str | None:
    """The generation this request builds fragments under (read once per request), or None when off."""
    if not settings.FRAGMENT_CACHE:
        return None
    generation = getattr(request, "pagecache_generation", None) if request is not None else None
    if generation is None:
        generation = store.current_generation(store.cache().get(store.GENERATION_KEY))
        if request is not None:
            request.pagecache_generation = generation
    return generation


def _key(request, language: str, name: str, vary) -> str:
    host = request.get_host() if request is not None else ""
    digest = hashlib.sha256(repr((host, language, name, vary)).encode()).hexdigest()
    return f"pagecache:fragment:{digest}"


def cached(request, language: str, name: str, vary, build, worth_keeping=None):
    """``build()``'s value for (language, name, vary) in this generation, built at most once (or
    each time, when ``worth_keeping(value)`` says it is too cheap to take room in the store)."""
    generation = generation_for(request)
    if generation is None:
        return build()
    key = _key(request, language, name, vary)
    value = store.lookup_in(key, generation)
    if value is not None:
        return value
    value = build()
    if worth_keeping is None or worth_keeping(value):
        store.save(key, generation, value)
    return value


def cached_html(request, language: str, name: str, vary, render) -> str:
    return mark_safe(cached(request, language, name, vary, lambda: str(render())))  # noqa: S308 (rendered template)


# --- What the fragments vary on -------------------------------------------------------------------
def menu_state(menu: list[dict], current_path: str) -> str:
    """What of the menu depends on the page: the deepest item that contains it, and whether it is it."""
    deepest = ""
    for item in menu:
        for entry in [item, *item.get("children", [])]:
            path = entry.get("path", "")
            if path and current_path.startswith(path) and len(path) > len(deepest):
                deepest = path
    return deepest + ("=" if deepest and deepest == current_path else "")


def current_link(links: list[dict], current_url: str) -> str:
    """The footer link that is the page being shown (marked ``aria-current``), else ``""``."""
    return next((link["url"] for link in links if link.get("url") == current_url), "")


# --- Lists that leave out the page showing them -------------------------------------------------
def items_but(request, language: str, name: str, vary, page, items, render_item, count: int) -> list[str]:
    """A list shown on an article that leaves that article out ("New articles", "Related"), rendered.

    ``items`` (read only on a miss) holds ``count + 1`` articles; each is rendered once per language,
    ``vary`` and generation, and every article shows the first ``count`` of them that are not itself:
    one cached list serves all the articles, the newest ones included."""
    built = cached(
        request, language, name, vary, lambda: [(item.pk, str(render_item(item))) for item in items]
    )
    return [mark_safe(html) for pk, html in built if pk != page.pk][:count]  # noqa: S308
