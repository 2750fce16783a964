"""Wagtail's HTTP purger for Varnish, with a timeout: a front cache that hangs must not hang a publish."""

from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend as WagtailHTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest, logger

TIMEOUT = 2.0  # seconds per PURGE


class HTTPBackend(WagtailHTTPBackend):
    """``PURGE <path>`` to ``LOCATION`` with the page's ``Host`` (as Wagtail's), within ``TIMEOUT``."""

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", TIMEOUT))
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{__version__}"},
        )
        try:
            urlopen(request, timeout=self.timeout).close()  # noqa: S310 (our own front cache's URL)
        except HTTPError as error:
            logger.error(
                "Couldn't purge '%s' from the front cache: HTTP %d %s", url, error.code, error.reason
            )
        except (URLError, OSError) as error:
            logger.error("Couldn't purge '%s' from the front cache: %s", url, getattr(error, "reason", error))
