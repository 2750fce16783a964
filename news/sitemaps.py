"""Google News sitemaps, ``/sitemap-news-<lang>.xml``: a language's articles of the last 48 hours.

Listed by the sitemap index and robots.txt (``seo.sitemaps``).
"""

import datetime

from django.http import Http404
from django.utils import timezone
from django.views.decorators.http import require_safe

from seo.absolute import site_name, w3c
from seo.sitemaps import xml_response
from translations.availability import is_available
from translations.languages import language_codes, localized_field
from translations.links import alternates

from .feeds import plain
from .models import ArticlePage

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
            "location": url,
            "title": plain(getattr(article, title_field)),  # less what XML 1.0 cannot carry
            "publication_date": w3c(article.date),
        }
        for article in news_articles(language)
        if is_available(article, language)
        for code, url in alternates(article, request)
        if code == language
    ]
    context = {"urlset": urls, "publication": site_name(), "language": language}
    return xml_response(request, "seo/news_sitemap.xml", context)
