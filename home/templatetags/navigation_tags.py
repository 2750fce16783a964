from django import template

from home.navigation import home_url, main_menu
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
