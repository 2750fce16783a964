from django import template

from translations.languages import request_language

from ..menus import footer_pages, home_url, main_menu, section_of

register = template.Library()


def _language(context) -> str:
    return request_language(context.get("request"))


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The header menu in the request's language, the current section marked active."""
    page = context.get("page")
    return main_menu(_language(context), getattr(page, "path", ""))


@register.simple_tag(takes_context=True)
def site_home_url(context):
    return home_url(_language(context))


@register.simple_tag(takes_context=True)
def site_footer_pages(context):
    """The "Who we are", Donate and other content pages, from the cached tree (no query)."""
    return footer_pages(_language(context))


@register.simple_tag(takes_context=True, name="section_of")
def section_of_page(context, page):
    """The section ``page`` is filed under (``{title, url}``), from the cached tree; None at the top."""
    return section_of(page, _language(context))
