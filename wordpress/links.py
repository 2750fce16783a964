"""Old WordPress addresses: recognising them in content and as paths to redirect.

WordPress links a post by its permalink (``https://example.org/az/2020/01/slug/``, Polylang's language
prefix included), by ``?p=ID`` / ``?page_id=ID`` or by its ``guid``. :class:`OldUrls` knows every form
for every post in the export, on the export's own hosts (``www.`` or not, http or https); an address on
another host is not ours. :func:`rewrite` turns a link to an imported post into a Wagtail page link
(``<a linktype="page" id="42">``), which renders as the page's URL in the language being read.
"""

import re
from html import unescape
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

HREF = re.compile(r'<a href="([^"]*)"')
ID_PARAMETERS = ("p", "page_id", "attachment_id")


def old_path(url: str, hosts) -> str | None:
    """``/az/2020/01/slug`` (no trailing slash, percent-decoded, query sorted) for an address on one of
    ``hosts``, or relative; ``None`` for another site's address or a fragment-only link."""
    url = unescape((url or "").strip())
    if not url or url.startswith(("#", "mailto:", "tel:")):
        return None
    parts = urlsplit(
        url
        if "://" in url or url.startswith("//")
        else "http://local" + ("" if url.startswith("/") else "/") + url
    )
    host = (parts.hostname or "").lower().removeprefix("www.")
    if host != "local" and host not in hosts:
        return None
    path = unquote(parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/")
    query = sorted(parse_qsl(parts.query, keep_blank_values=True))
    return path + ("?" + urlencode(query) if query else "")


def hosts_of(urls) -> set[str]:
    return {(urlsplit(url).hostname or "").lower().removeprefix("www.") for url in urls if url} - {""}


class OldUrls:
    """Every address of every post and page in the export -> its WordPress ID."""

    def __init__(self, index):
        self.hosts = hosts_of(index.site.urls + [entry.link for entry in list(index.entries.values())[:50]])
        self.by_path: dict[str, int] = {}
        for entry in index.entries.values():
            for url in (entry.link, entry.guid):
                path = old_path(url, self.hosts)
                if path:
                    self.by_path.setdefault(path, entry.post_id)

    def post_id(self, url: str) -> int | None:
        path = old_path(url, self.hosts)
        if path is None:
            return None
        found = self.by_path.get(path)
        if found:
            return found
        parts = urlsplit(path)
        for name, value in parse_qsl(parts.query):
            if name in ("p", "page_id") and value.isdigit():
                return int(value)
        return None


def rewrite(html: str, resolve) -> tuple[str, int]:
    """Links in cleaned rich text to imported posts -> page links; returns the HTML and how many links
    point at posts not imported yet (``resolve(href)`` returned ``False``)."""
    pending = 0

    def replace(match):
        nonlocal pending
        target = resolve(unescape(match.group(1)))
        if target is False:
            pending += 1
            return match.group(0)
        if target:
            return f'<a linktype="page" id="{int(target)}"'
        return match.group(0)

    if "<a " not in html:
        return html, 0
    return HREF.sub(replace, html), pending
