"""The page cache: whole reader responses for anonymous readers, served before the expensive middleware.

``PageCacheMiddleware`` sits right after ``SecurityMiddleware`` and whitenoise (``MIDDLEWARE``), so a
hit skips sessions, locale, CSRF, auth, messages, redirects, CSP and the view: one cache round trip
(the generation and the page, or the generation alone for a page this process keeps a copy of:
:mod:`pagecache.store`), then the stored headers and body. Measured on
loopback with the test tree: a hit is about 0.2 ms of CPU against 20-60 ms to build the page.

What is cached: ``GET``/``HEAD`` of any URL outside ``PAGE_CACHE_EXCLUDED_PREFIXES`` (the admin,
documents, static and media files) that answers 200 without setting a cookie or saying ``private`` /
``no-store`` / ``no-cache``; keyed by scheme, host and full path with its query string (pagination), plus
the negotiated language for the few URLs without a language prefix (sitemaps, robots.txt). Never for a
request that carries the session, CSRF or messages cookie (someone signed in, or a form), an
``Authorization`` header, or a search query (``q``); previews live under ``/admin/``. The maintenance
page (503) and errors are never stored. ``PAGE_CACHE=false`` turns it off.

Campaign and click identifiers (``utm_source``, ``fbclid``... ``PAGE_CACHE_IGNORED_PARAMETERS``) are
dropped from such a request before anything reads it: a reader arriving from a newsletter or a social
network gets the cached page (each click on a shared link carries its own ``fbclid``: otherwise every
one would build the page), and a page built for one reader never shows another's identifier (the
language switcher of a tag page keeps the query string). The browser keeps the address it was given,
so analytics in the page still see them.

Responses it stores get a weak ``ETag``, ``Last-Modified`` and ``Cache-Control: public, max-age=0,
s-maxage=PAGE_CACHE_CDN_SECONDS`` (browsers revalidate, a CDN or Varnish keeps it until purged), and
conditional requests get 304. ``X-Page-Cache: HIT|MISS`` says what happened.

The CSP nonce (django-csp puts a new one into the header and the ``<script nonce>`` of every response):
the entry keeps the nonce it was built with, and a hit replaces it by a fresh one in the header and the
body alike, so every reader still gets a nonce of their own and the page matches its policy. The ETag is
computed with the nonce blanked out, so it stays the same from one hit to the next.
"""

import base64
import hashlib
import os
import time
from dataclasses import dataclass
from urllib.parse import unquote_plus

from django.conf import settings
from django.http import HttpResponse, QueryDict
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language_from_request

from . import fragments, sites, store

HEADER = "X-Page-Cache"
CSP_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
NONCE_PLACEHOLDER = b"\0pagecache-nonce\0"
VARY_OK = {"cookie", "accept-language", "accept-encoding"}
NOT_STORED = {"set-cookie", "date", HEADER.lower()}


def _language_codes() -> tuple[str, ...]:
    return tuple(code for code, _name in settings.LANGUAGES)


def is_cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES)):
        return False
    cookies = request.COOKIES
    if cookies and any(
        name in cookies for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages")
    ):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    # Search results (a query) are the reader's own; the empty search page is cached like any other.
    return not any(name in request.GET for name in settings.PAGE_CACHE_UNCACHED_PARAMETERS)


def is_ignored_parameter(name: str) -> bool:
    for ignored in settings.PAGE_CACHE_IGNORED_PARAMETERS:
        if name == ignored or (ignored.endswith("*") and name.startswith(ignored[:-1])):
            return True
    return False


def drop_ignored_parameters(request) -> None:
    """Take the campaign and click identifiers out of the request's query string (and ``request.GET``)."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return
    parts = query.split("&")
    kept = [part for part in parts if not is_ignored_parameter(unquote_plus(part.split("=", 1)[0]))]
    if len(kept) < len(parts):
        request.META["QUERY_STRING"] = "&".join(kept)
        request.GET = QueryDict(request.META["QUERY_STRING"], encoding=request.encoding)


def cache_key(request) -> str:
    """The page's key: scheme, host (validated against ALLOWED_HOSTS) and full path with query string."""
    url = request.build_absolute_uri()
    first = request.path.split("/", 2)[1] if request.path.count("/") >= 2 else ""
    if first not in _language_codes():
        # Sitemaps and robots.txt live outside the language prefix and Django answers them in the
        # language the browser prefers (Vary: Accept-Language): one entry per language.
        url += "#" + get_language_from_request(request, check_path=False)
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


def is_cacheable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= VARY_OK


def new_nonce() -> str:
    # The same form as django-csp's own (csp.middleware.CSPMiddleware._make_nonce).
    return base64.b64encode(os.urandom(16)).decode("ascii")


def _swap_nonce(headers, old: str, new: str) -> list[tuple[str, str]]:
    return [(name, value.replace(old, new) if name in CSP_HEADERS else value) for name, value in headers]


@dataclass
class Entry:
    """A stored response: headers and body with the CSP nonce replaced by a placeholder."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes
    etag: str
    last_modified: str
    has_nonce: bool

    @classmethod
    def from_response(cls, request, response) -> "Entry":
        nonce = getattr(request, "_csp_nonce", None)  # set by django-csp once the page used it
        body = response.content
        headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED]
        if nonce:
            body = body.replace(nonce.encode(), NONCE_PLACEHOLDER)
            headers = _swap_nonce(headers, nonce, NONCE_PLACEHOLDER.decode())
        etag = response.get("ETag") or f'W/"{hashlib.sha1(body, usedforsecurity=False).hexdigest()[:20]}"'
        last_modified = response.get("Last-Modified") or http_date(time.time())
        return cls(response.status_code, headers, body, etag, last_modified, bool(nonce))

    def response(self) -> HttpResponse:
        body, headers = self.body, self.headers
        if self.has_nonce:
            nonce = new_nonce()
            body = body.replace(NONCE_PLACEHOLDER, nonce.encode())
            headers = _swap_nonce(headers, NONCE_PLACEHOLDER.decode(), nonce)
        response = HttpResponse(body, status=self.status)
        for name, value in headers:
            response.headers[name] = value
        return response


def decorate(response, entry: Entry):
    """The validators and Cache-Control of a stored page (on the MISS that stored it and on every HIT)."""
    response.headers["ETag"] = entry.etag
    response.headers["Last-Modified"] = entry.last_modified
    existing = response.get("Cache-Control", "")
    if "max-age" not in existing:
        patch_cache_control(response, max_age=0)
    if "s-maxage" not in existing:
        patch_cache_control(response, s_maxage=settings.PAGE_CACHE_CDN_SECONDS)
    patch_cache_control(response, public=True)
    return response


def _conditional(request, response, entry: Entry):
    """304 for a matching ``If-None-Match`` / ``If-Modified-Since`` (Django drops the CSP header from it)."""
    last_modified = parse_http_date_safe(entry.last_modified)
    return get_conditional_response(request, etag=entry.etag, last_modified=last_modified, response=response)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        store.retry_pending_bump()
        if not settings.PAGE_CACHE or not is_cacheable_request(request):
            excluded = request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES))
            if settings.FRAGMENT_CACHE and not excluded:
                # Pages built for editors, searches and PAGE_CACHE=false read the generation for
                # their fragments anyway: the Site comes with it.
                sites.attach(request, fragments.generation_for(request))
            return self.get_response(request)
        drop_ignored_parameters(request)
        key = cache_key(request)
        generation, entry = store.lookup(key)
        # Fragments built while rendering this page use the same generation (pagecache.fragments).
        request.pagecache_generation = generation
        if entry is not None:
            response = decorate(entry.response(), entry)
            response.headers[HEADER] = "HIT"
            return _conditional(request, response, entry)
        sites.attach(request, generation)
        response = self.get_response(request)
        # HEAD too: Django renders the body for HEAD and the WSGI server leaves it out.
        if not is_cacheable_response(request, response):
            return response
        entry = Entry.from_response(request, response)
        store.save(key, generation, entry)
        response = decorate(response, entry)
        response.headers[HEADER] = "MISS"
        return _conditional(request, response, entry)
