from django import template
from django.utils.html import format_html

from translations.languages import request_language

from ..absolute import site_name as configured_site_name
from ..metadata import fallback, x_handle
from ..structured_data import to_script

register = template.Library()


@register.simple_tag(takes_context=True)
def fallback_meta(context):
    """Head metadata for pages whose view built none (``context["meta"]``): error pages."""
    return fallback(context.get("request"), request_language(context.get("request")))


@register.simple_tag
def site_name():
    """The outlet's name (``WAGTAIL_SITE_NAME``); works in 500.html, which has no context processors."""
    return configured_site_name()


@register.simple_tag(takes_context=True)
def json_ld(context, data):
    """``{% json_ld data %}``: a ``<script type="application/ld+json">`` safe to put in the page,
    carrying the request's Content-Security-Policy nonce."""
    nonce = getattr(context.get("request"), "csp_nonce", None)  # lazy: reading it adds it to the header
    return to_script(data, "" if nonce is None else str(nonce))


@register.filter(name="x_handle")
def x_handle_filter(url):
    """``{{ settings.home.SiteSettings.x_url|x_handle }}`` -> ``@azemedia``."""
    return x_handle(url)


@register.filter
def wordmark(name):
    """``Aze.Media`` -> ``Aze<span class="logo-dot">.</span>Media``: the masthead's lettering."""
    head, dot, tail = str(name).rpartition(".")
    if not dot:
        return name
    return format_html('{}<span class="logo-dot">.</span>{}', head, tail)
