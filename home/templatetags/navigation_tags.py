from django import template

from home.navigation import breadcrumbs, footer_pages, home_url, main_menu
from translations.languages import current_language

register = template.Library()


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The header menu in the active language, the current section marked active."""
    page = context.get("page")
    return main_menu(current_language(), getattr(page, "path", ""))


@register.simple_tag
def site_home_url():
    return home_url(current_language())


@register.simple_tag
def site_footer_pages():
    """The "Who we are", Donate and other content pages, from the cached tree (no query)."""
    return footer_pages(current_language())


@register.simple_tag
def section_of(page):
    """The section ``page`` is filed under (``{title, url}``), from the cached tree; None at the top."""
    path = getattr(page, "path", "")
    if not path:
        return None
    crumbs = breadcrumbs(page, current_language())
    return crumbs[-1] if len(crumbs) > 1 else None
