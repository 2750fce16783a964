"""Google News sitemaps, ``/sitemap-news-<lang>.xml``: a language's articles of the last 48 hours;
and ``/sitemap-authors.xml``: each author's page in every language they have articles in.

Listed by the sitemap index and robots.txt (``seo.sitemaps``).
"""

import datetime

from django.db.models import Max
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_safe

from seo.absolute import absolute, site_name, w3c
from seo.sitemaps import urlset_response, xml_response
from translations.availability import is_available
from translations.languages import default_language, language_codes, localized_field
from translations.links import page_url

from .feeds import plain
from .listings import kept
from .models import ArticleAuthor, ArticlePage, Author

NEWS_WINDOW = datetime.timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per news sitemap


def news_articles(language: str):
    """Articles in ``language`` published in the last 48 hours, newest first."""
    since = timezone.now() - NEWS_WINDOW
    articles = ArticlePage.objects.published_in(language).filter(date__gte=since)
    return articles.defer_streamfields()[:NEWS_LIMIT]


@require_safe
def news(request, language):
    if language not in language_codes():
        raise Http404
    title_field = localized_field("title", language)
    urls = [
        {
            "location": page_url(article, language, request, full=True),
            "title": plain(getattr(article, title_field)),  # less what XML 1.0 cannot carry
            "publication_date": w3c(article.date),
        }
        for article in news_articles(language)
        if is_available(article, language)
    ]
    context = {"urlset": urls, "publication": site_name(), "language": language}
    return xml_response(request, "seo/news_sitemap.xml", context)


def author_url(request, slug: str, language: str) -> str:
    with translation.override(language):
        return absolute(request, reverse("news:author", kwargs={"slug": slug}))


def newest_by_author() -> dict[tuple[int, str], datetime.datetime]:
    """The date of each author's newest article in each language they have any in: one query per
    language, over the whole archive (140 ms at 30,000 articles on SQLite)."""
    newest = {}
    for code in language_codes():
        written = ArticleAuthor.objects.filter(page__in=ArticlePage.objects.for_readers(code).values("pk"))
        for author_id, last in written.values_list("author_id").annotate(last=Max("page__date")):
            newest[(author_id, code)] = last
    return newest


@require_safe
def authors(request):
    """One ``<url>`` per author and language they have articles in (the page of a language without
    any says so and is left out), lastmod their newest article there; alternates as the page's head
    lists them (every language, x-default English). The newest dates are kept until the next publish,
    as the listings' ids are."""
    newest = kept(request, "", "sitemap:authors", None, newest_by_author)
    slugs = dict(Author.objects.filter(pk__in={pk for pk, _code in newest}).values_list("pk", "slug"))
    urls = []
    for pk, slug in sorted(slugs.items(), key=lambda item: item[1]):
        links = [(code, author_url(request, slug, code)) for code in language_codes()]
        links.append(("x-default", dict(links)[default_language()]))
        urls += [
            {"location": url, "lastmod": w3c(newest[(pk, code)]), "alternates": links}
            for code, url in links
            if (pk, code) in newest
        ]
    return urlset_response(urls)
