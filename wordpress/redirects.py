"""Permanent redirects from every old WordPress address to the new page in the same language.

Wagtail's redirects (``wagtail.contrib.redirects``) answer an address that would otherwise be a 404.
An old address under one of the site's language prefixes (``/az/...``, what Polylang writes for a
language shown with its prefix) redirects to the *page*, which Wagtail shows in the language of that
prefix and which follows later moves. Any other old address (the default language's, often without a
prefix; ``/?p=12``; feeds) redirects to the page's URL in the old post's language, as written now.

Addresses made for each language version: its permalink and ``guid``, ``/?p=ID`` (``page_id`` for pages),
the post's comments feed; for sections the category archive (``/category/parent/child/``) and its feed;
for tags the tag archive and its feed; the language's main feeds; attachment pages (to the post they
belong to).
"""

from urllib.parse import urlsplit

from django.utils import translation
from wagtail.contrib.redirects.models import Redirect

from .links import hosts_of

MAX_PATH = 255


def page_url(page, language: str) -> str:
    with translation.override(language):
        return page.get_url(None) or ""


class Redirects:
    """Collects redirects for a post or a term and writes them together (one query to read, one to add)."""

    def __init__(self, index, site, site_codes):
        self.site = site
        self.site_codes = set(site_codes)
        self.hosts = hosts_of(index.site.urls + [entry.link for entry in list(index.entries.values())[:50]])
        self.pending: dict[str, tuple] = {}

    def add_url(self, url: str, page, language: str, suffix: str = "") -> None:
        if not url:
            return
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().removeprefix("www.")
        if host and host not in self.hosts:
            return
        path = parts.path or "/"
        if suffix:
            path = path.rstrip("/") + "/" + suffix
        self.add_path(path + ("?" + parts.query if parts.query and not suffix else ""), page, language)

    def add_path(self, raw_path: str, page, language: str, link: str = "") -> None:
        """Redirect ``raw_path`` to ``page`` in ``language`` (or to ``link``, a URL on this site)."""
        path = Redirect.normalise_path(raw_path)
        if not path or path == "/" or len(path) > MAX_PATH:
            return
        first = path.strip("/").split("/")[0].split("?")[0]
        if page is not None and not link and first == language and first in self.site_codes:
            self.pending[path] = (page, "")
        else:
            target = link or (page_url(page, language) if page is not None else "")
            if target and Redirect.normalise_path(target) != path:
                self.pending[path] = (None, target)

    def write(self) -> int:
        """Create or update the collected redirects; returns how many were created."""
        if not self.pending:
            return 0
        pending, self.pending = self.pending, {}
        existing = {
            r.old_path: r for r in Redirect.objects.filter(site=self.site, old_path__in=list(pending))
        }
        created = []
        for path, (page, link) in pending.items():
            redirect = existing.get(path)
            page_id = page.pk if page is not None else None
            if redirect is None:
                created.append(
                    Redirect(
                        site=self.site,
                        old_path=path,
                        redirect_page_id=page_id,
                        redirect_link=link,
                        is_permanent=True,
                        automatically_created=True,
                    )
                )
            elif redirect.redirect_page_id != page_id or redirect.redirect_link != link:
                redirect.redirect_page_id, redirect.redirect_link = page_id, link
                redirect.redirect_page_route_path = ""
                redirect.is_permanent = True
                redirect.save()
        Redirect.objects.bulk_create(created)
        return len(created)
