"""The news app's URLs.

``urlpatterns`` sit inside the language prefix (tag pages); ``feed_patterns`` are included under
``/<lang>/feed/`` with the namespace ``feeds``; ``root_patterns`` sit at the root beside the other
sitemaps (``/sitemap-news-<lang>.xml``).
"""

from django.urls import path

from . import sitemaps, views
from .feeds import LatestArticlesAtomFeed, LatestArticlesFeed

app_name = "news"
urlpatterns = [path("tags/<slug:slug>/", views.tag, name="tag")]

feed_patterns = [
    path("rss/", LatestArticlesFeed.as_view(), name="rss"),
    path("atom/", LatestArticlesAtomFeed.as_view(), name="atom"),
    path("<path:section>/rss/", LatestArticlesFeed.as_view(), name="section_rss"),
    path("<path:section>/atom/", LatestArticlesAtomFeed.as_view(), name="section_atom"),
]

root_patterns = [path("sitemap-news-<str:language>.xml", sitemaps.news, name="sitemap_news")]
