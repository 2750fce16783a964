"""What a page's ``<head>`` tells search engines, social networks and feed readers.

Each page type builds its own :class:`Metadata` in ``get_context`` (``context["meta"]``) from what it
has already worked out (breadcrumbs, section, lead image), starting from :func:`for_page`; views
outside the page tree (tag pages, search) use :func:`for_view`; error pages get :func:`fallback`.
``templates/components/meta.html`` prints it: description, canonical URL, hreflang alternates, Open
Graph and Twitter card values, feed autodiscovery links and JSON-LD.
"""

from dataclasses import dataclass, field

from django.urls import translate_url
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from translations.availability import is_available
from translations.languages import default_language, language_codes
from translations.links import alternates as page_alternates
from translations.links import page_url

from . import structured_data
from .absolute import absolute, site_name
from .feed_links import feed_links
from .images import ShareImage

DESCRIPTION_MAX = 300
# Open Graph wants language_TERRITORY; a language missing here falls back to Django's locale name.
OG_LOCALES = {"en": "en_US", "az": "az_AZ", "ru": "ru_RU"}


def og_locale(code: str) -> str:
    return OG_LOCALES.get(code) or translation.to_locale(code)


def default_description() -> str:
    return _("News, analysis and opinion from Azerbaijan and the region.")


def clean_description(text) -> str:
    return Truncator(" ".join(str(text or "").split())).chars(DESCRIPTION_MAX)


def x_handle(url: str) -> str:
    """``https://x.com/azemedia`` -> ``@azemedia`` (for ``twitter:site``)."""
    name = (url or "").rstrip("/").rsplit("/", 1)[-1]
    return f"@{name.lstrip('@')}" if name else ""


@dataclass
class Metadata:
    title: str
    description: str
    language: str
    canonical: str = ""
    alternates: list[tuple[str, str]] = field(default_factory=list)
    og_type: str = "website"
    image: ShareImage | None = None
    article: dict | None = None  # article:published_time, section, tags, authors
    feeds: list[dict] = field(default_factory=list)
    json_ld: list[dict] = field(default_factory=list)
    site_name: str = field(default_factory=site_name)

    @property
    def locale(self) -> str:
        return og_locale(self.language)

    @property
    def locale_alternates(self) -> list[str]:
        return [og_locale(code) for code, _url in self.alternates if code not in ("x-default", self.language)]

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image else "summary"


def for_page(page, request, language: str, *, crumbs=(), feeds=None) -> Metadata:
    """The head of a page of the tree in ``language``: canonical URL and hreflang for the versions that
    exist, a description, the language's feeds (or ``feeds``), and a BreadcrumbList when ``crumbs``
    (``navigation.menus.breadcrumbs``) are given. A page not saved yet (a preview) has no URL."""
    intro = getattr(page, "intro", "") or getattr(page, "tagline", "")
    meta = Metadata(
        title=page.seo_title or page.title,
        description=clean_description(page.search_description or intro) or default_description(),
        language=language,
        feeds=feed_links(language) if feeds is None else feeds,
    )
    if not page.pk:
        return meta
    meta.alternates = page_alternates(page, request)
    if is_available(page, language):
        meta.canonical = page_url(page, language, request, full=True)
    if crumbs:
        current = {"title": page.title, "url": meta.canonical}
        meta.json_ld.append(structured_data.breadcrumb_list(request, crumbs, current))
    return meta


def view_alternates(request) -> list[tuple[str, str]]:
    """hreflang for a view outside the page tree (a tag page): the same path in every language."""
    links = [(code, absolute(request, translate_url(request.path, code))) for code in language_codes()]
    return [*links, ("x-default", dict(links)[default_language()])]


def for_view(request, language: str, title: str, *, indexable: bool = True) -> Metadata:
    """A reader view outside the page tree that exists in every language (a tag page). Views kept out
    of search engines (search results: ``indexable=False``) get no canonical URL and no alternates."""
    alternates = view_alternates(request) if indexable else []
    return Metadata(
        title=title or site_name(),
        description=default_description(),
        language=language,
        canonical=dict(alternates).get(language, ""),
        alternates=alternates,
        feeds=feed_links(language),
    )


def fallback(request, language: str, title: str = "") -> Metadata:
    """Pages that built no metadata (error pages): the site's name and the language's feeds."""
    return Metadata(
        title=title or site_name(),
        description=default_description(),
        language=language,
        feeds=feed_links(language),
    )
