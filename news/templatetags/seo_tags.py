from django import template

from news.seo.metadata import page_metadata
from news.seo.structured_data import to_script

register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Everything ``components/meta.html`` prints: see ``news.seo.metadata.page_metadata``."""
    return page_metadata(context)


@register.filter
def json_ld(data):
    """``{{ data|json_ld }}``: a ``<script type="application/ld+json">`` safe to put in the page."""
    return to_script(data)
