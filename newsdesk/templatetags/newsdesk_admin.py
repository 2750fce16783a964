"""Admin template filters of the desk."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext

register = template.Library()

# Breadcrumb labels Wagtail 7.4's snippet views translate once at start-up (so in English), by address.
STARTUP_LABELS = {"wagtailadmin_home": "Home", "wagtailsnippets:index": "Snippets"}


@register.filter
def breadcrumb_label(item) -> str:
    """``item["label"]``, translated now when it is one of :data:`STARTUP_LABELS` at its own address."""
    label = item.get("label")
    url = str(item.get("url") or "")
    for name, english in STARTUP_LABELS.items():
        if label == english and url == reverse(name):
            return gettext(english)
    return label
