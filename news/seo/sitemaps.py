"""XML sitemaps: every published page in every language it exists in, and a Google News sitemap per language.

``/sitemap.xml`` is an index of ``/sitemap-pages.xml`` (paginated with ``?p=``) and the news sitemaps
``/sitemap-news-<lang>.xml``. Each page URL carries ``<xhtml:link rel="alternate" hreflang>`` for every
existing version plus ``x-default``, exactly the set the page's own ``<head>`` lists
(``translations.links.alternates``). A sitemap file costs a fixed number of queries, however many pages.
"""

import datetime

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from translations.availability import is_available
from translations.languages import language_codes, localized_field
from translations.links import alternates

from ..models import ArticlePage
from .common import absolute, site_name, w3c

PAGES_PER_SITEMAP = 10_000  # up to three URLs each: under the protocol's 50,000 URLs per file
NEWS_WINDOW = datetime.timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per news sitemap


def _xml(request, template, context):
    response = TemplateResponse(request, template, context, content_type="application/xml; charset=utf-8")
    response.headers["X-Robots-Tag"] = "noindex, noarchive"
    return response


def site_pages(request):
    """Live public pages of the request's site, the home page included."""
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    return Page.objects.live().public().descendant_of(site.root_page, inclusive=True)


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


def pages(request):
    paginator = Paginator(published_pages(request), PAGES_PER_SITEMAP)
    try:
        chunk = paginator.page(request.GET.get("p", 1))
    except InvalidPage as error:
        raise Http404(str(error)) from error
    urls = [entry for page in chunk.object_list for entry in page_entries(page, request)]
    return _xml(request, "seo/sitemap.xml", {"urlset": urls})


def news_articles(language: str):
    """Articles in ``language`` published in the last 48 hours, newest first."""
    since = timezone.now() - NEWS_WINDOW
    articles = ArticlePage.objects.published_in(language).filter(date__gte=since)
    return articles.defer_streamfields()[:NEWS_LIMIT]


def news(request, language):
    if language not in language_codes():
        raise Http404
    title_field = localized_field("title", language)
    urls = [
        {
            "location": url,
            "title": getattr(article, title_field),
            "publication_date": w3c(article.date),
        }
        for article in news_articles(language)
        if is_available(article, language)
        for code, url in alternates(article, request)
        if code == language
    ]
    context = {"urlset": urls, "publication": site_name(), "language": language}
    return _xml(request, "seo/news_sitemap.xml", context)


def sitemap_urls(request) -> list[str]:
    """Absolute URLs of every sitemap file: what the index and robots.txt list."""
    count = Paginator(site_pages(request).order_by("path"), PAGES_PER_SITEMAP).num_pages
    pages_url = absolute(request, reverse("sitemap_pages"))
    urls = [pages_url if number == 1 else f"{pages_url}?p={number}" for number in range(1, count + 1)]
    urls += [
        absolute(request, reverse("sitemap_news", kwargs={"language": code})) for code in language_codes()
    ]
    return urls


def index(request):
    last = w3c(site_pages(request).aggregate(last=Max("last_published_at"))["last"])
    entries = [
        {"location": url, "lastmod": last if "sitemap-pages" in url else ""} for url in sitemap_urls(request)
    ]
    return _xml(request, "seo/sitemap_index.xml", {"sitemaps": entries})
