"""The Wagtail Site a request is for, its root page and its settings, looked up once per generation
instead of once per request.

Wagtail finds it with a query that ranks every site matching the host (``get_site_for_hostname``:
4 ms of CPU per request, most of it building that query), and every page served, cached fragment or
not, starts with it. Sites and their root pages change only through saves that store a new
generation (:mod:`pagecache.signals`), so each process keeps the Site it found per host and port for
the current generation, and hands every request its own copy (unpickled: nothing one request caches
on it, such as the root page's ``specific``, reaches another). Wagtail's ``Site.find_for_request``
then answers from ``request._wagtail_site``, which it reads before looking anything up.

The copy carries what every page served reads next from the Site: its root page's ``specific`` (where
Wagtail's routing starts, one query), whether a view restriction applies to that page (Wagtail's check
before serving the home page, two queries; ``translations.routing``) and the site's settings
(``SiteSettings``: footer, social links; one query), which Wagtail's ``for_request`` reads from the
request before looking them up. Setting or lifting a restriction stores a new generation too.
"""

import pickle
import threading

from django.http.request import split_domain_port
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry
from wagtail.models import Site

from translations.routing import note_if_open_to_all

_found: dict[tuple[str, int | str], tuple[str, bytes]] = {}
_lock = threading.Lock()
MAX_HOSTS = 64  # a bound for hosts that ALLOWED_HOSTS lets through ("*" in development)


def attach(request, generation: str) -> None:
    """Give ``request`` its Site (``request._wagtail_site``) and the site's settings from this process's copy
    for ``generation``."""
    if hasattr(request, "_wagtail_site"):
        return
    # The host and port Wagtail's own lookup goes by (Site._find_for_request).
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    held = _found.get(key)
    if held is None or held[0] != generation:
        held = (generation, pickle.dumps(_find(request)))
        with _lock:
            if len(_found) >= MAX_HOSTS:
                _found.clear()
            _found[key] = held
    site, site_settings = pickle.loads(held[1])  # noqa: S301 - this process's own bytes
    request._wagtail_site = site
    for name, value in site_settings.items():
        value._request = request  # as Wagtail's for_request does (page URLs in the settings)
        setattr(request, name, value)


def _find(request) -> tuple:
    """The request's Site (None when no site matches) with its root page's ``specific`` loaded, and its
    settings by the request attribute Wagtail caches them under."""
    site = Site.find_for_request(request)
    site_settings = {}
    if site is not None:
        note_if_open_to_all(site.root_page.specific)  # loaded now, kept in the copy
        for model in registry:
            if issubclass(model, BaseSiteSetting):
                site_settings[model.get_cache_attr_name()] = model.for_site(site)
    return site, site_settings
