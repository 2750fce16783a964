"""The Wagtail Site a request is for, looked up once per generation instead of once per request.

Wagtail finds it with a query that ranks every site matching the host (``get_site_for_hostname``:
4 ms of CPU per request, most of it building that query), and every page served, cached fragment or
not, starts with it. Sites and their root pages change only through saves that store a new
generation (:mod:`pagecache.signals`), so each process keeps the Site it found per host and port for
the current generation, and hands every request its own copy (unpickled: nothing one request caches
on it, such as the root page's ``specific``, reaches another). Wagtail's ``Site.find_for_request``
then answers from ``request._wagtail_site``, which it reads before looking anything up.
"""

import pickle
import threading

from django.http.request import split_domain_port
from wagtail.models import Site

_found: dict[tuple[str, int | str], tuple[str, bytes]] = {}
_lock = threading.Lock()
MAX_HOSTS = 64  # a bound for hosts that ALLOWED_HOSTS lets through ("*" in development)


def attach(request, generation: str) -> None:
    """Give ``request`` its Site (``request._wagtail_site``) from this process's copy for ``generation``."""
    if hasattr(request, "_wagtail_site"):
        return
    # The host and port Wagtail's own lookup goes by (Site._find_for_request).
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    held = _found.get(key)
    if held is not None and held[0] == generation:
        request._wagtail_site = pickle.loads(held[1])  # noqa: S301 - this process's own bytes
        return
    site = Site.find_for_request(request)
    with _lock:
        if len(_found) >= MAX_HOSTS:
            _found.clear()
        _found[key] = (generation, pickle.dumps(site))
