"""What readers see of the section tree, in one language: menu, sub-sections, breadcrumbs, footer.

Every function takes the language explicitly and reads the cached tree (``navigation.tree``): no query.
``section_of`` is the one answer to "which section is this page filed under".
"""

from django.utils.translation import gettext as _

from translations.languages import default_language

from .tree import section_tree


def _localize(entry: dict, language: str) -> dict:
    return {
        "title": entry["titles"].get(language) or entry["titles"][default_language()],
        "url": entry["urls"].get(language),
        "path": entry.get("path", ""),
    }


def home_url(language: str) -> str:
    home = section_tree()["home"]
    return home["urls"].get(language, f"/{language}/") if home else f"/{language}/"


def main_menu(language: str, current_path: str = "") -> list[dict]:
    """Top-level sections shown in the menu, each with its sub-sections in the menu."""
    sections = section_tree()["sections"]
    top_depth = min((s["depth"] for s in sections), default=0)
    menu = []
    for section in sections:
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


def subsections(page, language: str) -> list[dict]:
    """The sub-sections of ``page`` shown in menus (``{title, url, path}``)."""
    return [
        _localize(section, language)
        for section in section_tree()["sections"]
        if section["in_menu"] and section["depth"] == page.depth + 1 and section["path"].startswith(page.path)
    ]


def breadcrumbs(page, language: str) -> list[dict]:
    """Home and every section above ``page`` (not ``page`` itself), in ``language``."""
    crumbs = [{"title": _("Home"), "url": home_url(language), "path": ""}]
    path = getattr(page, "path", "") or ""
    for section in section_tree()["sections"]:
        if path.startswith(section["path"]) and path != section["path"]:
            crumbs.append(_localize(section, language))
    return crumbs


def section_of(page, language: str) -> dict | None:
    """The section ``page`` is filed under (``{title, url, path}``); None for pages outside sections."""
    crumbs = breadcrumbs(page, language)
    return crumbs[-1] if len(crumbs) > 1 else None


def section_url(page, language: str) -> str:
    """The URL of the section ``page`` is filed under, in ``language`` (the home page if none)."""
    section = section_of(page, language)
    return section["url"] if section else home_url(language)


def footer_pages(language: str) -> list[dict]:
    """The content pages linked from the footer ("Who we are", Donate...), in ``language``."""
    return [{"kind": page["kind"], **_localize(page, language)} for page in section_tree().get("pages", [])]
