"""The site root paths a page's URLs are built from, read from the cache once per language and request.

wagtail-modeltranslation replaces ``Page._get_site_root_paths`` on every model it translates: it reads
the active language's root paths from the shared cache and keeps them on the request, for that one
language only. A page that builds its URLs in every language in turn (the switcher, hreflang, the
canonical) read them 7 times per article: 7 Redis round trips and unpicklings in production. Here the
request keeps each language's.
"""

from django.utils.translation import get_language


def per_language(get_site_root_paths):
    """``get_site_root_paths`` (modeltranslation's), its answer kept on the request per language."""

    def _get_site_root_paths(self, request=None):
        if request is None:
            return get_site_root_paths(self, request)
        kept = request.__dict__.setdefault("site_root_paths_by_language", {})
        language = get_language()
        if language not in kept:
            kept[language] = get_site_root_paths(self, request)
        return kept[language]

    _get_site_root_paths.per_language = True
    return _get_site_root_paths


def keep_per_request(models) -> None:
    """Wrap the ``_get_site_root_paths`` that wagtail-modeltranslation set on each of ``models`` (its
    ``ready()`` runs before ours: it comes first in INSTALLED_APPS)."""
    for model in models:
        current = model.__dict__.get("_get_site_root_paths")
        if current is not None and not getattr(current, "per_language", False):
            model._get_site_root_paths = per_language(current)
