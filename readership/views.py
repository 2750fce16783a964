"""The read beacon: ``POST /<lang>/read/<article id>/`` with the body ``read``, sent by
static/js/read-beacon.js (``navigator.sendBeacon``) once an article page is visible.

It answers 204 with no cookie and ``Cache-Control: no-store`` (a POST is never in the page cache), counts
the view in the cache (:mod:`readership.counting`) unless the sender is a bot, a signed-in editor or a
preview; a view the cache cannot take is lost, never an error. Anything else is a 4xx: another method
(405), another body or type (400), another site's page (403), no live article of that id in that
language (404). It is CSRF-exempt because it changes nothing but a counter, and cross-site senders are
refused by ``Sec-Fetch-Site``/``Origin``.
"""

from urllib.parse import urlsplit

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from news.models import ArticlePage
from translations.languages import request_language

from .counting import count_view, is_bot

BODY = b"read"


def _cross_site(request) -> bool:
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return True
    origin = request.headers.get("Origin")
    return bool(origin) and origin != "null" and urlsplit(origin).netloc != request.get_host()


def _is_reader(request) -> bool:
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated  # editors, previews
    return not signed_in and not is_bot(request.headers.get("User-Agent", ""))


@csrf_exempt
@never_cache
@require_POST
def read(request, page_id: int):
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = -1
    if length != len(BODY) or request.content_type != "text/plain" or request.body != BODY:
        return HttpResponse(status=400)
    if _cross_site(request):
        return HttpResponse(status=403)
    language = request_language(request)
    if not ArticlePage.objects.for_readers(language).filter(pk=page_id).exists():
        return HttpResponse(status=404)
    if _is_reader(request):
        count_view(language, page_id)
    return HttpResponse(status=204)
