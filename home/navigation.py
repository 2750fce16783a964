"""The section tree behind the header menu and the breadcrumbs, cached per site.

Built once from the page tree (one query) and kept in the cache until a page is published,
unpublished, moved or deleted (see home.signals), so page views spend no query on navigation.
"""

from django.core.cache import cache
from django.utils.translation import gettext as _

from translations.languages import language_codes
from translations.urls import page_url

CACHE_KEY = "navigation:sections:v2"
CACHE_SECONDS = 60 * 60 * 24


def _build():
    from news.models import CategoryIndexPage

    from .models import HomePage

    home = HomePage.objects.live().first()
    if home is None:
        return {"home": None, "sections": []}
    codes = language_codes()
    sections = []
    for page in CategoryIndexPage.objects.live().public().descendant_of(home).order_by("path"):
        sections.append(
            {
                "path": page.path,
                "depth": page.depth,
                "in_menu": page.show_in_menus,
                "titles": {code: getattr(page, f"title_{code}") or page.title for code in codes},
                "urls": {code: page_url(page, code) for code in codes},
            }
        )
    return {
        "home": {"path": home.path, "urls": {code: page_url(home, code) for code in codes}},
        "sections": sections,
        "pages": _content_pages(home, codes),
    }


def _content_pages(home, codes):
    """The "Who we are" page and other content pages (Donate...) for the footer."""
    from about.models import AboutPage, ContentPage

    pages = []
    for model in (AboutPage, ContentPage):
        for page in model.objects.live().public().child_of(home).order_by("path"):
            pages.append(
                {
                    "kind": "about" if model is AboutPage else page.slug,
                    "titles": {code: getattr(page, f"title_{code}") or page.title for code in codes},
                    "urls": {code: page_url(page, code) for code in codes},
                }
            )
    return pages


def footer_pages(language: str):
    """The content pages linked from the footer, in ``language``."""
    return [
        {
            "kind": page["kind"],
            "title": page["titles"].get(language) or page["titles"]["en"],
            "url": page["urls"].get(language),
        }
        for page in section_tree().get("pages", [])
    ]


def section_tree():
    tree = cache.get(CACHE_KEY)
    if tree is None:
        tree = _build()
        cache.set(CACHE_KEY, tree, CACHE_SECONDS)
    return tree


def invalidate(**_kwargs):
    cache.delete(CACHE_KEY)


def _localize(section, language):
    return {
        "title": section["titles"].get(language) or section["titles"]["en"],
        "url": section["urls"].get(language),
        "path": section["path"],
    }


def main_menu(language: str, current_path: str = ""):
    """Top-level sections shown in the menu, each with its sub-sections in the menu."""
    tree = section_tree()
    top_depth = min((s["depth"] for s in tree["sections"]), default=0)
    menu = []
    for section in tree["sections"]:
        if not section["in_menu"]:
            continue
        item = _localize(section, language)
        item["active"] = bool(current_path) and current_path.startswith(section["path"])
        if section["depth"] == top_depth:
            item["children"] = []
            menu.append(item)
        elif menu and section["depth"] == top_depth + 1 and section["path"].startswith(menu[-1]["path"]):
            menu[-1]["children"].append(item)
    return menu


def subsections(page, language: str):
    """The sub-sections of ``page`` shown in menus (``{title, url, path}``), from the cache."""
    return [
        _localize(section, language)
        for section in section_tree()["sections"]
        if section["in_menu"]
        and section["depth"] == page.depth + 1
        and section["path"].startswith(page.path)
    ]


def home_url(language: str) -> str:
    home = section_tree()["home"]
    return home["urls"].get(language, f"/{language}/") if home else f"/{language}/"


def breadcrumbs(page, language: str):
    """Home and every section above ``page`` (not ``page`` itself), in ``language``."""
    crumbs = [{"title": _("Home"), "url": home_url(language), "path": ""}]
    for section in section_tree()["sections"]:
        if page.path.startswith(section["path"]) and page.path != section["path"]:
            crumbs.append(_localize(section, language))
    return crumbs


def section_url(page, language: str) -> str:
    """The URL of the section ``page`` is filed under, in ``language`` (the home page if none)."""
    parents = breadcrumbs(page, language)
    return parents[-1]["url"]
