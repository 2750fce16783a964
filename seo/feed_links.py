"""Feed autodiscovery: the ``<link rel="alternate">`` of the language's feeds and of a section's.

The feeds themselves are articles, served by ``news.feeds``; their URL names (``feeds:rss``...) are the
only thing shared.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from navigation.menus import home_url

from .absolute import site_name

FEED_FORMATS = (("rss", "application/rss+xml", "RSS"), ("atom", "application/atom+xml", "Atom"))


def section_feed_path(section_url: str, language: str) -> str:
    """``/ru/novosti/ekonomika/`` -> ``novosti/ekonomika``: what the section feed URLs take."""
    home = home_url(language)
    path = section_url[len(home) :] if section_url.startswith(home) else section_url
    return path.strip("/")


def feed_links(language: str, section: dict | None = None) -> list[dict]:
    """Autodiscovery links for the language's feeds and, given ``section`` (``{"title", "url"}``, as
    ``navigation.menus.section_of`` returns it), the section's."""
    links = [
        {
            "type": mime,
            "title": _("%(site)s: latest articles (%(format)s)") % {"site": site_name(), "format": label},
            "url": reverse(f"feeds:{kind}"),
        }
        for kind, mime, label in FEED_FORMATS
    ]
    path = section_feed_path(section["url"], language) if section else ""
    if path:
        links += [
            {
                "type": mime,
                "title": _("%(site)s: %(section)s (%(format)s)")
                % {"site": site_name(), "section": section["title"], "format": label},
                "url": reverse(f"feeds:section_{kind}", kwargs={"section": path}),
            }
            for kind, mime, label in FEED_FORMATS
        ]
    return links
