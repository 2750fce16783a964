"""XML sitemaps: every published page in every language it exists in, and the index of all sitemaps.

``/sitemap.xml`` is an index of ``/sitemap-pages.xml`` (paginated with ``?p=``) and the Google News
sitemaps ``/sitemap-news-<lang>.xml`` (articles: ``news.sitemaps``). Each page URL carries
``<xhtml:link rel="alternate" hreflang>`` for every existing version plus ``x-default``, exactly the set
the page's own ``<head>`` lists (``translations.links.alternates``).
A sitemap file costs a fixed number of queries, however many pages, and no count of them (only the
index counts). The views answer GET and HEAD; other methods get 405.
"""

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from html import escape

from django.db.models import Count, Max
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from translations.availability import READY_FIELD, public_q, readiness_models
from translations.languages import default_language, language_codes, localized_field
from translations.links import page_url

from .absolute import absolute, w3c

# Pages per sitemap file (up to three URLs each), as WordPress's SEO plugins do (Yoast: 1,000 entries): about
# 0.6 MB and a few tens of ms per file. At 10,000 a file of a 30,000-article archive was 5.6 MB and 0.4 s of
# CPU, and building it left a worker holding 33 MB more memory.
PAGES_PER_SITEMAP = 1_000


XML = "application/xml; charset=utf-8"
URLSET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def xml_response(request, template, context):
    response = TemplateResponse(request, template, context, content_type=XML)
    response.headers["X-Robots-Tag"] = "noindex, noarchive"
    return response


def urlset_response(urls: Iterable[dict]) -> HttpResponse:
    """A ``<urlset>`` of ``urls`` (``location``, ``lastmod``, ``alternates``: ``[(hreflang, href)]``).

    Written here rather than by a template: a file lists up to 30,000 URLs with four links each, which
    the template engine took 2.2 s to render (bench/pages.py at 30,000 articles). The links of a page
    are written once for all its language versions (they share the list). ``urls`` may be a generator:
    only the text is held, never every row at once."""
    parts = [URLSET_OPEN]
    links_of, links = None, ""
    for url in urls:
        if url["alternates"] is not links_of:
            links_of = url["alternates"]
            links = "".join(
                f'<xhtml:link rel="alternate" hreflang="{escape(code)}" href="{escape(href)}"/>'
                for code, href in links_of
            )
        lastmod = f"<lastmod>{escape(url['lastmod'])}</lastmod>" if url["lastmod"] else ""
        parts.append(f"<url><loc>{escape(url['location'])}</loc>{lastmod}{links}</url>\n")
    parts.append("</urlset>\n")
    response = HttpResponse("".join(parts), content_type=XML)
    response.headers["X-Robots-Tag"] = "noindex, noarchive"
    return response


def site_pages(request):
    """Live public pages of the request's site, the home page included."""
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    return Page.objects.live().filter(public_q()).descendant_of(site.root_page, inclusive=True)


def published_pages(request):
    """:func:`site_pages` as rows of what a ``<url>`` needs (one query): each language's path and title,
    the readiness flags of the page types that have them, and the one date ``<lastmod>`` shows. Loading
    10,000 specific pages and asking Wagtail for 30,000 URLs took 1.4 s per file at 3,000 articles; this
    reads one narrow row each. The rows are Django's (``raw_values``), not modeltranslation's, which
    resolved each row's title and path in the active language again (40 % of a file's time, unused: the
    row names every language's columns; ``url_path`` is the base column, the default language's)."""
    keys = Keys.build()
    fields = ["pk", "url_path", *keys.columns()]
    changed = Coalesce("last_published_at", "first_published_at", *date_keys(), "latest_revision_created_at")
    return site_pages(request).order_by("path").annotate(changed=changed).raw_values(*fields, "changed")


@dataclass(frozen=True)
class Keys:
    """The names of a row's columns per language (worked out once per sitemap, not once per row)."""

    title: dict[str, str]
    url_path: dict[str, str]
    ready: dict[str, tuple[str, ...]]

    @classmethod
    def build(cls) -> "Keys":
        codes = language_codes()
        return cls(
            title={code: localized_field("title", code) for code in codes},
            url_path={code: localized_field("url_path", code) for code in codes},
            ready={code: ready_keys(code) for code in codes},
        )

    def columns(self) -> list[str]:
        ready = [key for keys in self.ready.values() for key in keys]
        return [*self.title.values(), *self.url_path.values(), *ready]

    def available(self, row: dict, code: str) -> bool:
        """``translations.availability.is_available``, read from a row."""
        if not (row[self.title[code]] or "").strip():
            return False
        return all(row[key] is not False for key in self.ready[code])


@cache
def ready_keys(code: str) -> tuple[str, ...]:
    return tuple(
        f"{model._meta.model_name}__{localized_field(READY_FIELD, code)}" for model in readiness_models()
    )


@cache
def date_keys() -> tuple[str, ...]:
    return tuple(
        f"{model._meta.model_name}__date"
        for model in readiness_models()
        if any(field.name == "date" for field in model._meta.concrete_fields)
    )


def url_prefixes(request) -> dict[str, tuple[str, str]]:
    """Per language, the site root's absolute URL and ``url_path``: a page's URL is the first plus the
    rest of its ``url_path`` (what Wagtail's ``get_full_url`` answers under i18n_patterns)."""
    site = Site.find_for_request(request)
    root = site.root_page.specific if site else None
    if root is None:
        return {}
    return {
        code: (
            page_url(root, code, request, full=True),
            getattr(root, localized_field("url_path", code)) or "",
        )
        for code in language_codes()
    }


def row_alternates(row: dict, keys: Keys, prefixes) -> list[tuple[str, str]]:
    """``translations.links.alternates`` for a row: every existing version, plus ``x-default``."""
    links = []
    for code, (root_url, root_path) in prefixes.items():
        if not keys.available(row, code):
            continue
        path = row[keys.url_path[code]] or row["url_path"]
        links.append((code, root_url + path[len(root_path) :] if path.startswith(root_path) else root_url))
    if links:
        by_code = dict(links)
        links.append(("x-default", by_code.get(default_language(), links[0][1])))
    return links


def page_entries(row: dict, keys: Keys, prefixes) -> list[dict]:
    """One ``<url>`` per language version of the page, each listing all versions and x-default."""
    links = row_alternates(row, keys, prefixes)
    lastmod = w3c(row["changed"])
    return [
        {"location": url, "lastmod": lastmod, "alternates": links}
        for code, url in links
        if code != "x-default"
    ]


# More files than a site of ten million pages has: a larger ``?p=`` is answered 404 without a query.
MAX_SITEMAP_FILES = 10_000


def requested_file(request) -> int:
    """The ``?p=`` file number asked for (1 when absent): 404 for anything but a whole number from 1."""
    value = request.GET.get("p", "1")
    if not (value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_SITEMAP_FILES):
        raise Http404("There is no such sitemap file.")
    return int(value)


@require_safe
def pages(request):
    """File ``?p=`` of the page sitemap: its rows are read from where the file starts, with no count of
    the whole site (half the cost of a file at 30,000 articles); a file past the last is 404."""
    number = requested_file(request)
    start = (number - 1) * PAGES_PER_SITEMAP
    # Rows are read in batches while the file is written, not all before the first is written.
    rows = published_pages(request)[start : start + PAGES_PER_SITEMAP].iterator(chunk_size=500)
    first = next(rows, None)
    if first is None and number > 1:
        raise Http404("There is no such sitemap file.")
    rows = itertools.chain([first], rows) if first is not None else rows
    prefixes, keys = url_prefixes(request), Keys.build()
    return urlset_response(entry for row in rows for entry in page_entries(row, keys, prefixes))


def news_sitemap_urls(request) -> list[str]:
    """Absolute URLs of the Google News sitemaps, one per language (``news.sitemaps.news``)."""
    return [
        absolute(request, reverse("sitemap_news", kwargs={"language": code})) for code in language_codes()
    ]


def sitemap_urls(request, pages: int) -> list[str]:
    """Absolute URLs of every sitemap file, for a site of ``pages`` pages: what the index lists."""
    count = max(1, math.ceil(pages / PAGES_PER_SITEMAP))
    pages_url = absolute(request, reverse("sitemap_pages"))
    urls = [pages_url if number == 1 else f"{pages_url}?p={number}" for number in range(1, count + 1)]
    urls += news_sitemap_urls(request)
    urls.append(absolute(request, reverse("sitemap_authors")))  # author pages (news.sitemaps.authors)
    return urls


@require_safe
def index(request):
    # How many pages and the newest publish, in one pass over the site's pages (two took twice as long).
    site = site_pages(request).aggregate(pages=Count("pk"), last=Max("last_published_at"))
    last = w3c(site["last"])
    entries = [
        {"location": url, "lastmod": last if "sitemap-pages" in url else ""}
        for url in sitemap_urls(request, site["pages"])
    ]
    return xml_response(request, "seo/sitemap_index.xml", {"sitemaps": entries})
