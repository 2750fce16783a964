"""Which addresses may become a link on the site.

A scheme is read the way a browser reads it: tabs, newlines and other control characters or spaces
anywhere are ignored (``jav&#9;ascript:`` is ``javascript:``), so they are removed before looking.
An address without a scheme (``/about/``, ``#notes``, ``example.org``) is relative, and safe.
"""

import re

# Addresses readers may be sent to from a URL field, a related link or an embed.
WEB_SCHEMES = frozenset({"http", "https"})
# A link in rich text may also write an e-mail or call a number, as the editor's link chooser offers.
LINK_SCHEMES = WEB_SCHEMES | {"mailto", "tel"}

_IGNORED = re.compile(r"[\x00-\x20\x7f-\xa0\s\ufffd]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)


def url_scheme(url: str) -> str | None:
    """The scheme of ``url`` in lower case (``"javascript"``), or ``None`` for a relative address."""
    match = _SCHEME.match(_IGNORED.sub("", url or ""))
    return match.group(1).lower() if match else None


def is_safe_url(url: str, schemes=WEB_SCHEMES) -> bool:
    """True for an empty or relative address and for one whose scheme is in ``schemes``."""
    scheme = url_scheme(url)
    return scheme is None or scheme in schemes


def is_web_url(url: str) -> bool:
    """True for an absolute ``http(s)://`` address: what a URL field should hold."""
    return url_scheme(url) in WEB_SCHEMES
