"""The server-error handler (``handler500``): a database outage answers 503, not 500.

While the database is down or refusing connections every page would fail; readers get a short,
translated maintenance page with ``Retry-After`` instead, rendered without touching the database (no
context processors, no navigation, no site settings). Persistent connections are checked before reuse
(``conn_health_checks``), so the site recovers by itself once the database is back.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 30
OUTAGE_ERRORS = (OperationalError, InterfaceError)  # not ProgrammingError/IntegrityError: those are bugs


def is_outage(exception) -> bool:
    return isinstance(exception, OUTAGE_ERRORS)


def unavailable(request) -> HttpResponse:
    html = loader.get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """Django calls this inside the ``except`` of the failed request, so ``sys.exc_info()`` is it."""
    if is_outage(sys.exc_info()[1]):
        return unavailable(request)
    return defaults.server_error(request, template_name)
