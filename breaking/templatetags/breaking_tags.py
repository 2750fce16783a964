from django import template

from translations.languages import request_language

from ..banner import current

register = template.Library()


@register.simple_tag(takes_context=True)
def breaking_news(context):
    """The banner of the page's language (``breaking.banner.current``), or ``None``."""
    return current(request_language(context.get("request")))
