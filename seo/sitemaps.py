"""XML sitemaps: every published page in every language it exists in, and the index of all sitemaps.

``/sitemap.xml`` is an index of ``/sitemap-pages.xml`` (paginated with ``?p=``) and the Google News
sitemaps ``/sitemap-news-<lang>.xml`` (articles: ``news.sitemaps``). Each page URL carries
``<xhtml:link rel="alternate" hreflang>`` for every existing version plus ``x-default``, exactly the set
the page's own ``<head>`` lists (``translations.links.alternates``).
A sitemap file costs a fixed number of queries, however many pages. The views answer GET and HEAD;
other methods get 405.
"""

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from translations.availability import public_q
from translations.languages import language_codes
from translations.links import alternates

from .absolute import absolute, w3c

PAGES_PER_SITEMAP = 10_000  # up to three URLs each: under the protocol's 50,000 URLs per file


def xml_response(request, template, context):
    response = TemplateResponse(request, template, context, content_type="application/xml; charset=utf-8")
    response.headers["X-Robots-Tag"] = "noindex, noarchive"
    return response


def site_pages(request):
    """Live public pages of the request's site, the home page included."""
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    return Page.objects.live().filter(public_q()).descendant_of(site.root_page, inclusive=True)


def published_pages(request):
    """:func:`site_pages` as their specific types (one query per type), bodies left out."""
    return site_pages(request).defer_streamfields().specific().order_by("path")


def page_entries(page, request) -> list[dict]:
    """One ``<url>`` per language version of ``page``, each listing all versions and x-default."""
    links = alternates(page, request)
    changed = page.last_published_at or page.first_published_at or getattr(page, "date", None)
    lastmod = w3c(changed or page.latest_revision_created_at)
    return [
        {"location": url, "lastmod": lastmod, "alternates": links}
        for code, url in links
        if code != "x-default"
    ]


@require_safe
def pages(request):
    paginator = Paginator(published_pages(request), PAGES_PER_SITEMAP)
    try:
        chunk = paginator.page(request.GET.get("p", 1))
    except InvalidPage as error:
        raise Http404(str(error)) from error
    urls = [entry for page in chunk.object_list for entry in page_entries(page, request)]
    return xml_response(request, "seo/sitemap.xml", {"urlset": urls})


def sitemap_urls(request) -> list[str]:
    """Absolute URLs of every sitemap file: what the index and robots.txt list."""
    count = Paginator(site_pages(request).order_by("path"), PAGES_PER_SITEMAP).num_pages
    pages_url = absolute(request, reverse("sitemap_pages"))
    urls = [pages_url if number == 1 else f"{pages_url}?p={number}" for number in range(1, count + 1)]
    urls += [
        absolute(request, reverse("sitemap_news", kwargs={"language": code})) for code in language_codes()
    ]
    return urls


@require_safe
def index(request):
    last = w3c(site_pages(request).aggregate(last=Max("last_published_at"))["last"])
    entries = [
        {"location": url, "lastmod": last if "sitemap-pages" in url else ""} for url in sitemap_urls(request)
    ]
    return xml_response(request, "seo/sitemap_index.xml", {"sitemaps": entries})
