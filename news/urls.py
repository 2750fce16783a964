"""The news app's URLs.

``urlpatterns`` sit inside the language prefix (tag and author pages, the corrections page);
``feed_patterns`` are included under ``/<lang>/feed/`` with the namespace ``feeds``; ``root_patterns``
sit at the root beside the other sitemaps (``/sitemap-news-<lang>.xml``, ``/sitemap-authors.xml``).
"""

from django.urls import path

from . import live_views, sitemaps, views
from .feeds import AuthorArticlesAtomFeed, AuthorArticlesFeed, LatestArticlesAtomFeed, LatestArticlesFeed

app_name = "news"
urlpatterns = [
    path("tags/<slug:slug>/", views.tag, name="tag"),
    path("authors/<slug:slug>/", views.author, name="author"),
    path("corrections/", views.corrections, name="corrections"),
    # What is new on a live article, polled by static/js/live.js (news.live_views).
    path("live/<int:page_id>/updates/", live_views.updates, name="live_updates"),
]

feed_patterns = [
    path("rss/", LatestArticlesFeed.as_view(), name="rss"),
    path("atom/", LatestArticlesAtomFeed.as_view(), name="atom"),
    # Before the section feeds, whose <path:section> would take "authors/<slug>" too.
    path("authors/<slug:slug>/rss/", AuthorArticlesFeed.as_view(), name="author_rss"),
    path("authors/<slug:slug>/atom/", AuthorArticlesAtomFeed.as_view(), name="author_atom"),
    path("<path:section>/rss/", LatestArticlesFeed.as_view(), name="section_rss"),
    path("<path:section>/atom/", LatestArticlesAtomFeed.as_view(), name="section_atom"),
]

root_patterns = [
    path("sitemap-news-<str:language>.xml", sitemaps.news, name="sitemap_news"),
    path("sitemap-authors.xml", sitemaps.authors, name="sitemap_authors"),
]
