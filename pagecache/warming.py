"""Build the pages readers go to first after a content change, before they arrive.

A publish stores a new generation (:mod:`pagecache.store`), which retires every cached page and
fragment at once; the first reader of each page then builds it, and the first readers of a breaking
story (sent by a push notification or a social post, all at the same moment) would each build the
same page. :func:`warm` requests, once per generation, the home page and the newest articles with
their sections in every language, as an anonymous reader of the default site: the page cache keeps
them, and what every page shares (the Site, "New articles", "Related", menu, footer) is ready for
the pages it did not request. ``run_scheduler`` calls it (``manage.py warm_pages``) after making the
renditions of new articles, so the pages it builds carry their pictures.

The requests go through the whole stack in this process (Django's test client: no socket, no front
cache), with the site's host name and scheme, so the entries are the ones readers' requests look up.
Views are counted by the reader's browser (``readership``), so these requests count none.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client
from wagtail.models import Site

from navigation.menus import home_url, section_url
from news.models import ArticlePage
from translations.languages import language_codes
from translations.links import page_url

from . import store

logger = logging.getLogger("newsroom.pagecache")

WARMED_KEY = "pagecache:warmed"
NEWEST_ARTICLES = 3


def paths(language: str, site: Site, articles: int = NEWEST_ARTICLES) -> list[str]:
    """The home page, then the newest ``articles`` of ``site`` in ``language`` and their sections."""
    newest = ArticlePage.objects.published_in(language).descendant_of(site.root_page)[:articles]
    found = [home_url(language)]
    for article in newest:
        found += [page_url(article, language), section_url(article, language)]
    return list(dict.fromkeys(path for path in found if path))


def warm(force: bool = False, articles: int = NEWEST_ARTICLES) -> int:
    """Request the pages of :func:`paths` in every language unless this generation was warmed already;
    returns how many were requested."""
    if not (settings.PAGE_CACHE or settings.FRAGMENT_CACHE):
        return 0
    cache = store.cache()
    generation = store.current_generation(cache.get(store.GENERATION_KEY))
    if not force and cache.get(WARMED_KEY) == generation:
        return 0  # what the scheduler finds every few seconds: two cache reads, no query
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return 0
    address = urlsplit(site.root_url)
    reader = Client(HTTP_HOST=address.netloc, raise_request_exception=False)
    requested = 0
    for language in language_codes():
        for path in paths(language, site, articles):
            # The port too: the Site copy is shared per host and port (pagecache.sites).
            response = reader.get(path, secure=address.scheme == "https", SERVER_PORT=str(site.port))
            requested += 1
            if response.status_code != 200:
                logger.warning("warming %s answered %s", path, response.status_code)
    # Stored with the generation it started under: a change made meanwhile gets its own pass.
    cache.set(WARMED_KEY, generation, None)
    return requested
