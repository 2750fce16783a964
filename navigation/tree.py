"""The section tree behind the header menu, the breadcrumbs and the footer links, cached.

Built from the page tree in a few queries and kept in the cache until a section, a footer page or the
home page is published, unpublished, moved, saved or deleted, or a site or a view restriction changes
(``navigation.signals``), so page views spend no query on navigation.
A cache that is down (Redis stopped or frozen) costs no error: the tree is built from the database and
kept in this process for a few seconds (``LOCAL_SECONDS``), since a page looks it up a dozen times.
Within a request the tree is read from the cache once (:class:`_RequestCopy`): an article reads it 8
times, each a Redis round trip and an unpickling in production (3-4 ms of a 10 ms page).

Navigation knows pages only through Wagtail's ``Page`` and ``Site``: a page type joins the menu by
declaring ``navigation_role = "section"`` and the footer with ``navigation_role = "footer"``
(optionally ``footer_kind``, else its slug names the link). The home page is the default site's root.
"""

import time

from asgiref.local import Local
from django.core.cache import cache
from wagtail.models import Page, Site, get_page_models

from translations.availability import public_q
from translations.languages import language_codes, localized_field
from translations.links import page_url

CACHE_KEY = "navigation:sections:v3"
# A minute, not a day: publishing clears the tree, but a clearing can be lost (Redis down or frozen while an
# editor publishes; without Redis, the in-memory caches of the other workers), and then the expiry is what
# bounds a stale menu. A rebuild costs 4 queries and about 15 ms (test tree), once a minute per cache.
CACHE_SECONDS = 60
# While the cache cannot store the tree, each process keeps the one it built this long (a page reads the
# tree 6-16 times: without this each read would rebuild it). A publish in another process reaches this
# process's menu at most this much later; in this process ``invalidate`` clears it at once.
LOCAL_SECONDS = 5
SECTION = "section"
FOOTER = "footer"


def models_with_role(role: str) -> list[type[Page]]:
    return [model for model in get_page_models() if getattr(model, "navigation_role", None) == role]


def is_navigation_page(page) -> bool:
    """Whether a change to ``page`` (a specific page or a plain ``Page``) can change the menu, breadcrumbs
    or footer: a section, a footer page, the home page or the tree's root."""
    model = type(page)
    if model is Page:
        model = page.specific_class or Page
    return getattr(model, "navigation_role", None) is not None or (page.depth or 0) <= 2


def _titles(page, codes) -> dict[str, str]:
    return {code: getattr(page, localized_field("title", code)) or page.title for code in codes}


def _urls(page, codes) -> dict[str, str]:
    return {code: page_url(page, code) for code in codes}


def _live_of(models, home):
    if not models:
        return Page.objects.none()
    return (
        Page.objects.live()
        .filter(public_q())
        .type(*models)
        .descendant_of(home)
        .specific(defer=True)
        .order_by("path")
    )


def _build() -> dict:
    site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    home = site.root_page.specific if site and site.root_page.live else None
    if home is None:
        return {"home": None, "sections": [], "pages": []}
    codes = language_codes()
    sections = [
        {
            "path": page.path,
            "depth": page.depth,
            "in_menu": page.show_in_menus,
            "titles": _titles(page, codes),
            "urls": _urls(page, codes),
        }
        for page in _live_of(models_with_role(SECTION), home)
    ]
    pages = [
        {
            "kind": getattr(page, "footer_kind", "") or page.slug,
            "titles": _titles(page, codes),
            "urls": _urls(page, codes),
        }
        for page in _live_of(models_with_role(FOOTER), home).child_of(home)
    ]
    return {
        "home": {"path": home.path, "urls": _urls(home, codes)},
        "sections": sections,
        "pages": pages,
    }


class _LocalCopy:
    """The tree this process built while the shared cache was down, for ``LOCAL_SECONDS``."""

    def __init__(self):
        self._kept: tuple[dict | None, float] = (None, 0.0)  # (tree, until): replaced whole, no lock needed

    def get(self) -> dict | None:
        tree, until = self._kept
        return tree if time.monotonic() < until else None

    def keep(self, tree: dict) -> None:
        self._kept = (tree, time.monotonic() + LOCAL_SECONDS)

    def clear(self) -> None:
        self._kept = (None, 0.0)


_local_copy = _LocalCopy()


class _RequestCopy:
    """The tree read for the request being served, in this thread: from ``request_started`` to
    ``request_finished`` (connected in NavigationConfig.ready). Outside a request (commands, the
    scheduler between its requests) nothing is kept."""

    def __init__(self):
        self._local = Local()

    def begin(self, **_kwargs) -> None:
        self._local.serving = True
        self._local.tree = None

    def end(self, **_kwargs) -> None:
        self._local.serving = False
        self._local.tree = None

    def get(self) -> dict | None:
        return getattr(self._local, "tree", None)

    def keep(self, tree: dict) -> None:
        if getattr(self._local, "serving", False):
            self._local.tree = tree

    def clear(self) -> None:
        self._local.tree = None


request_copy = _RequestCopy()


def section_tree() -> dict:
    tree = request_copy.get()
    if tree is not None:
        return tree
    tree = cache.get(CACHE_KEY)
    if tree is None:
        tree = _local_copy.get()
    if tree is None:
        tree = _build()
        # add() answers True (stored) or False (another process stored one first); django-redis with
        # IGNORE_EXCEPTIONS answers None when Redis failed, and then this process keeps its own copy.
        if cache.add(CACHE_KEY, tree, CACHE_SECONDS) is None:
            _local_copy.keep(tree)
    request_copy.keep(tree)
    return tree


def invalidate(**_kwargs) -> None:
    # Never raises: with Redis down django-redis ignores the error, and CACHE_SECONDS bounds what is left.
    request_copy.clear()
    _local_copy.clear()
    cache.delete(CACHE_KEY)
