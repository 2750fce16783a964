"""The Wagtail Site a request is for, its root page and its settings, looked up once per generation
instead of once per request, and shared by the processes of the site.

Wagtail finds it with a query that ranks every site matching the host (``get_site_for_hostname``:
4 ms of CPU per request, most of it building that query), and every page served, cached fragment or
not, starts with it. Sites and their root pages change only through saves that store a new
generation (:mod:`pagecache.signals`), so the Site found per host and port is kept for the current
generation in the page cache's store (shared, with a copy in each process that read it), and every
request gets its own copy (unpickled: nothing one request caches on it, such as the root page's
``specific``, reaches another). Wagtail's ``Site.find_for_request``
then answers from ``request._wagtail_site``, which it reads before looking anything up.

The copy carries what every page served reads next from the Site: its root page's ``specific`` (where
Wagtail's routing starts, one query), whether a view restriction applies to that page (Wagtail's check
before serving the home page, two queries; ``translations.routing``) and the site's settings
(``SiteSettings``: footer, social links; one query), which Wagtail's ``for_request`` reads from the
request before looking them up. Setting or lifting a restriction stores a new generation too.
"""

import hashlib
import pickle

from django.http.request import split_domain_port
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry
from wagtail.models import Site

from translations.routing import note_if_open_to_all

from . import store


def attach(request, generation: str) -> None:
    """Give ``request`` its Site (``request._wagtail_site``) and the site's settings from the copy for
    ``generation``: this process's, else the one another process built (the scheduler's warming
    builds it after each change, ``pagecache.warming``), else one built now and shared."""
    if hasattr(request, "_wagtail_site"):
        return
    key = _key(request)
    held = store.lookup_in(key, generation)
    if held is None:
        held = pickle.dumps(_find(request))
        store.save(key, generation, held)
    site, site_settings = pickle.loads(held)  # noqa: S301 - bytes this site's processes stored
    request._wagtail_site = site
    for name, value in site_settings.items():
        value._request = request  # as Wagtail's for_request does (page URLs in the settings)
        setattr(request, name, value)


def _key(request) -> str:
    # The host and port Wagtail's own lookup goes by (Site._find_for_request); the raw host is hashed.
    host_and_port = (split_domain_port(request._get_raw_host())[0], request.get_port())
    return "pagecache:site:" + hashlib.sha256(repr(host_and_port).encode()).hexdigest()


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
