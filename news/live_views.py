"""What is new on a live article, for the page open in a reader's browser (``static/js/live.js``).

``GET /<lang>/live/<page_id>/updates/?after=<update number or ISO 8601 date-time>`` answers JSON::

    {"updates": [{"id": 7, "anchor": "update-7", "time": "2026-12-03T21:05:00+04:00", "html": "..."}],
     "count": 1, "notice": "1 new update", "ended": false}

the updates written in the language that are newer than ``after`` (a later number, or a later time),
newest first, at most ``ENDPOINT_LIMIT``, each rendered with the article's own template
(``news/live_update.html``). The page asks with the newest update it was built with, so every reader
of the same version of the page asks the same URL.

Public and short-lived (``Cache-Control: public, max-age=10, s-maxage=10``): the page cache
(``pagecache.middleware``) keeps the answer until the next publish, which retires it and names it to a
front cache (``pagecache.purge``). An unknown article, one not published or not in this language, or
one that is not live coverage answers 404; an ``after`` that is neither a number nor a date-time 400.
"""

from django.http import JsonResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from seo.absolute import w3c
from translations.languages import request_language

from .models import ArticlePage, LiveUpdate
from .models.live import ENDPOINT_LIMIT, in_language, max_age_seconds, shown_in

AFTER_MAX_LENGTH = 40


class BadAfter(ValueError):
    pass


def newer_than(value: str) -> dict:
    """The filter for ``?after=``: ``{}`` when absent, else updates after that number or time."""
    value = value.strip()
    if not value:
        return {}
    if len(value) > AFTER_MAX_LENGTH or not value.isascii():
        raise BadAfter(value)
    if value.isdigit():
        return {"pk__gt": int(value)}
    try:
        moment = parse_datetime(value)
        if moment is not None and timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
    except (ValueError, OverflowError):
        moment = None
    if moment is None:
        raise BadAfter(value)
    return {"published_at__gt": moment}


def answer(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    seconds = max_age_seconds()
    patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)
    return response


@require_safe
def updates(request, page_id: int):
    language = request_language(request)
    try:
        newer = newer_than(request.GET.get("after", ""))
    except BadAfter:
        message = _("“after” must be the number of an update or a date and time.")
        return answer({"error": message}, status=400)
    page = (
        ArticlePage.objects.for_readers(language)
        .filter(pk=page_id, live_coverage=True)
        .only("id", "live_coverage", "live_ended")
        .first()
    )
    if page is None:
        return answer({"error": _("There is no live coverage at this address.")}, status=404)
    rows = (
        LiveUpdate.objects.filter(page_id=page.pk)
        .filter(in_language(language), **newer)
        .order_by("-published_at", "-pk")[:ENDPOINT_LIMIT]
    )
    shown = shown_in(rows, language)
    count = len(shown)
    notice = ngettext("%(count)s new update", "%(count)s new updates", count) % {"count": count}
    return answer(
        {
            "updates": [
                {
                    "id": update.id,
                    "anchor": update.anchor,
                    "time": w3c(update.published_at),
                    "html": render_to_string("news/live_update.html", {"update": update}),
                }
                for update in shown
            ],
            "count": count,
            "notice": notice if count else "",
            "ended": not page.is_live_now,
        }
    )
