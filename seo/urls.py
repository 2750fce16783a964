"""URLs outside the language prefix: ``/sitemap.xml``, ``/sitemap-pages.xml``, ``/robots.txt``.

A sitemap may only list URLs below its own folder, so the sitemaps live at the root. The Google News
sitemaps (``/sitemap-news-<lang>.xml``) and the feeds are articles: ``news.urls``.
"""

from django.urls import path

from . import robots, sitemaps

urlpatterns = [
    path("sitemap.xml", sitemaps.index, name="sitemap_index"),
    path("sitemap-pages.xml", sitemaps.pages, name="sitemap_pages"),
    path("robots.txt", robots.robots_txt, name="robots_txt"),
]
