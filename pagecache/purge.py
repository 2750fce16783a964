"""What a content change touches, and clearing it: the page cache at once, a CDN or Varnish after commit.

The page cache and the fragments are cleared by a new generation (:func:`pagecache.store.bump`), which
retires everything at once: no URL list can miss a page there. A bump is made straight away and again
once the transaction has committed, so that a page built from the old rows in between is retired too.

A front cache (``WAGTAILFRONTENDCACHE``: Varnish, a CDN) is told the URLs through Wagtail's
``frontend_cache`` after commit. For a page that is, in every language: the page, its old addresses
(the redirects ``translations.redirects`` keeps for them), its sections up to the home page, their
feeds and the language's feeds, its tags, its authors' pages and feeds, the corrections page, a live
article's updates endpoint, and the sitemaps. ``deploy/varnish.vcl`` takes a purged URL
with its query strings (``?page=2`` of a section), so every page of a listing goes with it. A change
that shows everywhere (an author, a tag, the site settings, the menu's site) purges ``<site>/*``,
which Varnish (and CloudFront) take as everything under the site.
"""

import logging
import threading
from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from navigation.menus import home_url
from seo.feed_links import feed_links
from translations.languages import language_codes
from translations.links import page_url

from . import store

logger = logging.getLogger("newsroom.pagecache")
EVERYTHING = "*"


def front_cache_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _root_urls() -> list[str]:
    return sorted({site.root_url for site in Site.objects.all()})


def _reverse(name: str, language: str, kwargs=None) -> str | None:
    try:
        with translation.override(language):
            return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def site_wide_paths(language: str) -> list[str]:
    """The language's feeds and the sitemaps, which list every page."""
    paths = [_reverse("sitemap_index", language), _reverse("sitemap_pages", language)]
    paths.append(_reverse("sitemap_news", language, {"language": language}))
    with translation.override(language):
        paths += [link["url"] for link in feed_links(language)]
    return [path for path in paths if path]


def page_paths(page, ancestors=None) -> set[str]:
    """Paths (no host) ``page``'s change shows on, in every language; ``ancestors`` overrides its own
    (a moved page's former sections)."""
    page = page.specific_deferred if type(page) is Page else page
    if ancestors is None:
        ancestors = list(page.get_ancestors().filter(depth__gte=2).specific(defer=True))
    authors = _authors(page)
    paths: set[str] = set()
    for language in language_codes():
        paths.update(site_wide_paths(language))
        paths.add(home_url(language))
        own = page_url(page, language)
        if own:
            paths.add(own)
        for ancestor in ancestors:
            url = page_url(ancestor, language)
            if not url:
                continue
            paths.add(url)
            if getattr(type(ancestor), "navigation_role", None) == "section":
                with translation.override(language):
                    paths.update(link["url"] for link in feed_links(language, {"title": "", "url": url}))
        for tag in _tags(page):
            path = _reverse("news:tag", language, {"slug": tag.slug})
            if path:
                paths.add(path)
        for author in authors:
            for name in ("news:author", "feeds:author_rss", "feeds:author_atom"):
                paths.add(_reverse(name, language, {"slug": author.slug}))
        if hasattr(page, "corrections"):  # an article: the corrections page may list it
            paths.add(_reverse("news:corrections", language))
        if getattr(page, "live_coverage", False) and page.pk:  # what its open pages poll (news.live_views)
            paths.add(_reverse("news:live_updates", language, {"page_id": page.pk}))
    paths.update(_old_paths(page))
    paths.discard(None)
    return paths


def _tags(page) -> list:
    tags = getattr(page, "tags", None)
    if tags is None or not page.pk:
        return []
    try:
        return list(tags.all())
    except ValueError:  # an unsaved page's relation
        return []


def _authors(page) -> list:
    """The article's authors (their pages and feeds list it), as the publish saved them."""
    links = getattr(page, "article_authors", None)
    if links is None or not page.pk:
        return []
    try:
        return [link.author for link in links.all() if getattr(link.author, "slug", "")]
    except ValueError:  # an unsaved page's relation
        return []


def _old_paths(page) -> set[str]:
    """Addresses the page had before a slug change or a move (``translations.redirects`` keeps them)."""
    if not page.pk:
        return set()
    old = Redirect.objects.filter(redirect_page_id=page.pk).values_list("old_path", flat=True)
    return {path.rstrip("/") + "/" for path in old}


def full_urls(paths) -> list[str]:
    return sorted({urljoin(root + "/", path.lstrip("/")) for root in _root_urls() for path in paths})


def purge_front_cache(paths) -> None:
    """Tell Varnish or the CDN (never raises: a front cache that does not answer is logged)."""
    if not front_cache_configured() or not paths:
        return
    try:
        purge_urls_from_cache(full_urls(paths))
    except Exception:  # a publish must never fail because a front cache is away
        logger.exception("Page cache: purging the front cache failed")


class _Batch:
    """What one transaction changed: purged once, after it commits."""

    def __init__(self):
        self.paths: set[str] = set()

    def add(self, paths, everything: bool) -> None:
        if everything:
            self.paths = {EVERYTHING}
        elif EVERYTHING not in self.paths:
            self.paths.update(paths)

    def flush(self) -> None:
        store.bump()
        purge_front_cache(self.paths)


_batches = threading.local()


def _open_batch() -> "_Batch | None":
    """This thread's batch if its transaction has not committed or rolled back yet."""
    batch = getattr(_batches, "current", None)
    if batch is None:
        return None
    pending = transaction.get_connection().run_on_commit
    return batch if any(callback[1] == batch.flush for callback in pending) else None


def content_changed(paths=(), everything: bool = False) -> None:
    """Retire every cached page now and after commit; after commit, purge ``paths`` from a front cache.

    Many changes in one transaction (a publish saves the page, its revision, redirects...) make one
    batch: a bump for each, then one bump and one front-cache purge after commit.
    """
    store.bump()
    batch = _open_batch()
    if batch is not None:
        batch.add(paths, everything)
        return
    batch = _batches.current = _Batch()
    batch.add(paths, everything)
    transaction.on_commit(batch.flush)  # at once outside a transaction


def wants_paths() -> bool:
    """Whether working out URLs is worth it: a front cache is configured and not already purging all."""
    if not front_cache_configured():
        return False
    batch = _open_batch()
    return batch is None or EVERYTHING not in batch.paths


def page_changed(page, ancestors=None) -> None:
    paths, everything = (), False
    if wants_paths():
        try:
            paths = page_paths(page, ancestors)
        except Exception:  # a publish must never fail over the front cache: purge it whole instead
            logger.exception("Page cache: could not work out the URLs of %r; purging everything", page)
            everything = True
    content_changed(paths, everything=everything)
