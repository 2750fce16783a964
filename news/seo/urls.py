"""URLs of what the site publishes for machines.

``root_patterns`` sit outside the language prefix (``/sitemap.xml``, ``/sitemap-pages.xml``,
``/sitemap-news-<lang>.xml``, ``/robots.txt``): a sitemap may only list URLs below its own folder, so the
sitemaps live at the root. ``feed_patterns`` are included under ``/<lang>/feed/`` with the namespace
``feeds``.
"""

from django.urls import path

from ..feeds import LatestArticlesAtomFeed, LatestArticlesFeed
from . import robots, sitemaps

root_patterns = [
    path("sitemap.xml", sitemaps.index, name="sitemap_index"),
    path("sitemap-pages.xml", sitemaps.pages, name="sitemap_pages"),
    path("sitemap-news-<str:language>.xml", sitemaps.news, name="sitemap_news"),
    path("robots.txt", robots.robots_txt, name="robots_txt"),
]

feed_patterns = [
    path("rss/", LatestArticlesFeed.as_view(), name="rss"),
    path("atom/", LatestArticlesAtomFeed.as_view(), name="atom"),
    path("<path:section>/rss/", LatestArticlesFeed.as_view(), name="section_rss"),
    path("<path:section>/atom/", LatestArticlesAtomFeed.as_view(), name="section_atom"),
]
