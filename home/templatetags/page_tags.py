"""Presentation helpers for reader pages: share links and pagination numbers."""

from urllib.parse import urlencode

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def share_links(context, title=""):
    """Plain share URLs (no third-party scripts) for the current page's address."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    text = f"{title} {url}".strip()
    return [
        {
            "network": "facebook",
            "name": "Facebook",
            "label": _("Share on Facebook"),
            "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        },
        {
            "network": "x",
            "name": "X",
            "label": _("Share on X"),
            "url": "https://x.com/intent/post?" + urlencode({"url": url, "text": title}),
        },
        {
            "network": "telegram",
            "name": "Telegram",
            "label": _("Share on Telegram"),
            "url": "https://t.me/share/url?" + urlencode({"url": url, "text": title}),
        },
        {
            "network": "whatsapp",
            "name": "WhatsApp",
            "label": _("Share on WhatsApp"),
            "url": "https://wa.me/?" + urlencode({"text": text}),
        },
    ]


@register.simple_tag(takes_context=True)
def share_url(context):
    request = context["request"]
    return request.build_absolute_uri(request.path)


@register.simple_tag
def page_numbers(page_obj, on_each_side=1, on_ends=1):
    """Page numbers around the current one, with ``None`` for the gaps ("1 … 4 5 6 … 20")."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    ]
