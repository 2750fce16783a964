"""``{% most_read as lists %}``: the language's most-read lists (``readership.ranking``), for the home
page's block and the aside beside articles."""

from django import template

from translations.languages import request_language

from ..ranking import most_read_lists

register = template.Library()


@register.simple_tag(takes_context=True)
def most_read(context):
    return most_read_lists(request_language(context.get("request")))
