"""Absolute URLs and dates as machines want them, and the site's name."""

from urllib.parse import urljoin

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site


def site_name() -> str:
    return settings.WAGTAIL_SITE_NAME


def w3c(value) -> str:
    """A W3C / ISO 8601 datetime in the site's time zone, whole seconds: ``2026-11-25T13:05:00+04:00``."""
    return timezone.localtime(value).replace(microsecond=0).isoformat() if value else ""


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
