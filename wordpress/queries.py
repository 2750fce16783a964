"""WordPress's query addresses under a language prefix: ``/az/?p=123`` to the page in Azerbaijani.

WordPress answers ``?p=ID``, ``?page_id=ID``, ``?attachment_id=ID``, ``?cat=ID`` and ``?tag=slug`` at its
home page, and Polylang at each language's home (``/az/?p=123``) as well. The import records one
permanent redirect per address without a prefix (``/?p=123``, to the page in the old post's language,
``wordpress.redirects``), which Wagtail's redirect middleware answers because ``/`` is not a page. Under a
prefix the home page answers first, so Wagtail's redirects never see the address: :func:`response` runs
before the home page is served (a ``before_serve_page`` hook) and sends the reader to the same target in
the prefix's language, or in the old post's language when the page has no version in that one.

It costs the home page nothing unless its query string names one of those keys.
"""

from urllib.parse import urlsplit

from django.db.models import Q
from django.http import HttpResponsePermanentRedirect
from django.urls import translate_url
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from translations.availability import is_available
from translations.languages import language_codes, localized_field, request_language
from translations.links import page_url
from translations.routing import page_at

KEYS = ("p", "page_id", "attachment_id", "cat", "tag")


def response(page, request):
    """A 301 for a WordPress query address at a site's home page, else ``None`` (serve the page)."""
    if not request.META.get("QUERY_STRING") or not any(key in request.GET for key in KEYS):
        return None
    site = Site.find_for_request(request)
    if site is None or site.root_page_id != page.pk:
        return None
    for key in KEYS:
        value = request.GET.get(key, "").strip()
        if value:
            target = _target(site, page, key, value, request_language(request))
            if target:
                return HttpResponsePermanentRedirect(target)
    return None


def _target(site, home, key: str, value: str, language: str) -> str:
    old_path = Redirect.normalise_path(f"/?{key}={value}")
    redirect = (
        Redirect.objects.filter(Q(site=site) | Q(site__isnull=True), old_path=old_path)
        .select_related("redirect_page")
        .order_by("site_id")
        .first()
    )
    if redirect is None:
        return ""
    if redirect.redirect_page is not None:
        target = redirect.redirect_page.specific
        return page_url(target, language) if is_available(target, language) else redirect.link
    link = redirect.redirect_link
    parts = [part for part in urlsplit(link).path.split("/") if part]
    if not parts or parts[0] not in language_codes():
        return link
    written_in, rest = parts[0], parts[1:]
    # A page's URL as the import wrote it (``/ru/novosti/ekonomika/tseny-na-neft/``): the page, in this
    # language if it has a version in it.
    root = getattr(home, localized_field("url_path", written_in), None) or home.url_path
    target = page_at(root + "".join(f"{part}/" for part in rest), written_in)
    if target is not None:
        return page_url(target, language) if is_available(target, language) else link
    with translation.override(written_in):  # a tag or a feed: the same view in this language
        return translate_url(link, language)
