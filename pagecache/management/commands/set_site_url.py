"""``manage.py set_site_url [URL]``: the address readers reach the site at, into the default Wagtail Site.

Every absolute URL the site prints (canonical, hreflang, Open Graph, JSON-LD, sitemaps, feeds) comes from
the Wagtail Site record (``Site.root_url``: its host name and port; port 443 means https). ``make serve``
runs this with ``SITE_URL`` from the environment and ``make run`` with its own ``http://HOST:PORT``, so
the site advertises the address it is actually served at.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


def parse(url: str) -> tuple[str, int]:
    """``("aze.media", 443)`` for ``https://aze.media``; CommandError for anything else."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CommandError(f"{url!r} is not an http:// or https:// address (e.g. https://aze.media).")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise CommandError(f"{url!r}: give the site's base address only, without a path.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise CommandError(f"{url!r}: {error}.") from error
    if parts.scheme == "https" and port != 443:
        raise CommandError(f"{url!r}: Wagtail sites use https on port 443 only (http on any other port).")
    if parts.scheme == "http" and port == 443:
        raise CommandError(f"{url!r}: port 443 is https for Wagtail; use https://{parts.hostname}.")
    return parts.hostname, port


class Command(BaseCommand):
    help = "Write the site's public address (SITE_URL, or the URL given) into the default Wagtail Site."

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="e.g. https://aze.media (default: SITE_URL)")

    def handle(self, *args, url=None, **options):
        url = url or settings.SITE_URL
        if not url:
            self.stdout.write("SITE_URL is not set: the Wagtail Site record is left as it is.")
            return
        hostname, port = parse(url)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stdout.write("No default Wagtail Site yet: nothing to set (create the site first).")
            return
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save(update_fields=["hostname", "port"])
        self.stdout.write(f"The site's address is {site.root_url}")
