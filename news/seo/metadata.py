"""What a page's ``<head>`` tells search engines, social networks and feed readers.

``page_metadata(context)`` gathers it in one place for ``templates/components/meta.html``: description,
canonical URL, hreflang alternates, Open Graph and Twitter card values, feed autodiscovery links and
JSON-LD. Views outside the page tree (tag pages, search) get the same treatment from their URL.
"""

from django.urls import translate_url
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Page

from translations.availability import is_available
from translations.languages import current_language, default_language, language_codes
from translations.links import alternates as page_alternates
from translations.links import page_url

from ..feeds import feed_links
from . import structured_data
from .common import absolute, section_of, share_image, site_name, w3c

DESCRIPTION_MAX = 300
# Open Graph wants language_TERRITORY; a language missing here falls back to Django's locale name.
OG_LOCALES = {"en": "en_US", "az": "az_AZ", "ru": "ru_RU"}


def og_locale(code: str) -> str:
    return OG_LOCALES.get(code) or translation.to_locale(code)


def default_description() -> str:
    return _("News, analysis and opinion from Azerbaijan and the region.")


def _clean(text) -> str:
    return Truncator(" ".join(str(text or "").split())).chars(DESCRIPTION_MAX)


def x_handle(site_settings) -> str:
    """``https://x.com/azemedia`` -> ``@azemedia`` (for ``twitter:site``)."""
    url = getattr(site_settings, "x_url", "") or ""
    name = url.rstrip("/").rsplit("/", 1)[-1] if url else ""
    return f"@{name.lstrip('@')}" if name else ""


def _twitter_site(request) -> str:
    from home.models import SiteSettings

    if request is None:
        return ""
    return x_handle(SiteSettings.for_request(request))  # cached on the request, shared with the footer


def _page_kind(page) -> str:
    from home.models import HomePage

    from ..models import ArticlePage, CategoryIndexPage

    for kind, model in (("article", ArticlePage), ("section", CategoryIndexPage), ("home", HomePage)):
        if isinstance(page, model):
            return kind
    return "page"


def _view_alternates(request) -> list[tuple[str, str]]:
    """hreflang for a view outside the page tree (a tag page): the same path in every language."""
    path = request.path
    links = [(code, absolute(request, translate_url(path, code))) for code in language_codes()]
    return [*links, ("x-default", dict(links)[default_language()])]


def page_metadata(context) -> dict:
    request = context.get("request")
    page = context.get("page")
    language = current_language()
    if isinstance(page, Page) and page.pk:
        meta = _for_page(context, request, page, language)
    else:
        meta = _for_view(context, request, language)
    meta.update(
        site_name=site_name(),
        locale=og_locale(language),
        locale_alternates=[
            og_locale(code) for code, _url in meta["alternates"] if code not in ("x-default", language)
        ],
        twitter_card="summary_large_image" if meta.get("image") else "summary",
        twitter_site=_twitter_site(request),
    )
    return meta


def _for_page(context, request, page, language) -> dict:
    kind = _page_kind(page)
    alternates = page_alternates(page, request)
    canonical = page_url(page, language, request, full=True) if is_available(page, language) else ""
    intro = getattr(page, "intro", "") or getattr(page, "tagline", "")
    description = _clean(page.search_description or intro) or default_description()
    title = page.seo_title or page.title
    meta = {
        "title": title,
        "description": description,
        "canonical": canonical,
        "alternates": alternates,
        "og_type": "article" if kind == "article" else "website",
        "image": None,
        "article": None,
        "feeds": [],
        "json_ld": [],
    }
    crumbs = context.get("breadcrumbs") or []
    current = {"title": page.title, "url": canonical}
    if kind == "article":
        section = section_of(page, language)
        image = share_image(page.hero_image, request, page.hero_alt_text)
        meta["image"] = image
        meta["article"] = {
            "published_time": w3c(page.date),
            "modified_time": w3c(max(filter(None, [page.date, page.last_published_at]))),
            "section": section["title"] if section else "",
            "tags": [tag.name for tag in page.tags.all()],
            "authors": [author.name for author in page.authors],
        }
        meta["feeds"] = feed_links(language, section)
        meta["json_ld"] = [
            structured_data.news_article(
                request,
                page,
                language=language,
                url=canonical,
                description=description,
                section=section,
                alternates=alternates,
            ),
        ]
        if crumbs:
            meta["json_ld"].append(structured_data.breadcrumb_list(request, crumbs, current))
    elif kind == "section":
        meta["feeds"] = feed_links(language, {"title": page.title, "url": page_url(page, language, request)})
        meta["json_ld"] = [
            structured_data.breadcrumb_list(request, crumbs, current),
            structured_data.website(request, language),
        ]
    elif kind == "home":
        lead = context.get("lead")
        if lead is not None:
            meta["image"] = share_image(lead.hero_image, request, lead.hero_alt_text)
        meta["feeds"] = feed_links(language)
        meta["json_ld"] = [structured_data.website(request, language)]
    else:
        meta["feeds"] = feed_links(language)
        if crumbs:
            meta["json_ld"] = [structured_data.breadcrumb_list(request, crumbs, current)]
    return meta


def _for_view(context, request, language) -> dict:
    """Tag pages, search results and other views without a saved ``page`` (a new page's preview).

    Search results get no canonical URL and no alternates (``templates/search/search.html`` marks them
    ``noindex`` and robots.txt keeps crawlers out).
    """
    match = getattr(request, "resolver_match", None)
    is_search = bool(match and match.namespace == "search")
    tag = context.get("tag")
    page = context.get("page")
    unsaved_page = isinstance(page, Page)
    title = (
        (page.title if unsaved_page else "")
        or str(context.get("page_title") or "")
        or (tag.name if tag is not None else "")
        or site_name()
    )
    description = _clean(getattr(page, "intro", "")) if unsaved_page else ""
    # Alternates only for reader views that exist in every language (not error pages, not the admin).
    reader_view = (
        request is not None and request.path.startswith(f"/{language}/") and context.get("exception") is None
    )
    alternates = _view_alternates(request) if reader_view and not is_search and not unsaved_page else []
    return {
        "title": title,
        "description": description or default_description(),
        "canonical": dict(alternates).get(language, ""),
        "alternates": alternates,
        "og_type": "website",
        "image": None,
        "article": None,
        "feeds": feed_links(language),
        "json_ld": [],
    }
