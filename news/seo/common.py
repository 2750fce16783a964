"""Small helpers the feeds, sitemaps and page metadata share: absolute URLs, share images, names."""

import mimetypes
from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone
from wagtail.models import Site

from navigation.menus import breadcrumbs, home_url

# One rendition for feeds, Open Graph, Twitter cards and JSON-LD: the 1.91:1 shape social networks crop to.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
# Google's article structured data asks for 16:9, 4:3 and 1:1 versions of the lead image.
STRUCTURED_DATA_IMAGE_SPECS = (
    "fill-1200x675|format-jpeg",
    "fill-1200x900|format-jpeg",
    "fill-1200x1200|format-jpeg",
)
PUBLISHER_LOGO = "img/publisher-logo.png"
PUBLISHER_LOGO_SIZE = (600, 60)


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    mime_type: str
    length: int
    alt: str = ""


def w3c(value) -> str:
    """A W3C / ISO 8601 datetime in the site's time zone, whole seconds: ``2026-11-25T13:05:00+04:00``."""
    return timezone.localtime(value).replace(microsecond=0).isoformat() if value else ""


def site_name() -> str:
    return settings.WAGTAIL_SITE_NAME


def root_url(request) -> str:
    """``https://aze.media``: the Wagtail site serving ``request`` (the same base page URLs use)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        return site.root_url
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(request, url: str) -> str:
    return urljoin(root_url(request) + "/", url)


def share_image(image, request, alt: str = "") -> ShareImage | None:
    """The share rendition of ``image`` with its size; uses prefetched renditions when there are some."""
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    try:
        length = rendition.file.size
    except OSError:
        length = 0
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    return ShareImage(
        url=absolute(request, rendition.url),
        width=rendition.width,
        height=rendition.height,
        mime_type=mime_type,
        length=length,
        alt=alt,
    )


def structured_data_images(image, request) -> list[dict]:
    """The 16:9, 4:3 and 1:1 renditions of ``image`` as schema.org ImageObjects (one batch)."""
    if image is None:
        return []
    renditions = image.get_renditions(*STRUCTURED_DATA_IMAGE_SPECS)
    return [
        {
            "@type": "ImageObject",
            "url": absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }
        for rendition in (renditions[spec] for spec in STRUCTURED_DATA_IMAGE_SPECS)
    ]


def publisher_logo(request) -> dict:
    width, height = PUBLISHER_LOGO_SIZE
    return {"url": absolute(request, static(PUBLISHER_LOGO)), "width": width, "height": height}


def section_of(page, language: str) -> dict | None:
    """The section ``page`` is filed under (``{"title", "url", "path"}``), from the cached section tree."""
    crumbs = breadcrumbs(page, language)
    return crumbs[-1] if len(crumbs) > 1 else None


def section_feed_path(section_url: str, language: str) -> str:
    """``/ru/novosti/ekonomika/`` -> ``novosti/ekonomika``: what the section feed URLs take."""
    home = home_url(language)
    path = section_url[len(home) :] if section_url.startswith(home) else section_url
    return path.strip("/")
