"""The search results page and the live-search endpoint behind the header box.

Nothing is written to the database on a search: there are no query statistics to fill. Both answer
GET and HEAD; other methods get 405.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from navigation.menus import home_url, section_of
from seo.metadata import for_view
from translations.languages import request_language

from . import results
from .query import clean


@require_safe
def search(request):
    query = clean(request.GET.get("q"))
    language = request_language(request)
    found = results.search(query, language, request.GET.get("page")) if query else None
    title = _("Search results for “%(query)s”") % {"query": query} if query else _("Search")
    suggested = getattr(found, "suggestion", None)
    context = {
        "search_query": query,
        "results": found,
        "suggestion_url": f"?{urlencode({'q': suggested})}" if suggested else "",
        "query_string": urlencode({"q": query}),
        "page_title": title,
        # Results are kept out of search engines (noindex, robots.txt): no canonical, no alternates.
        "meta": for_view(request, language, title=title, indexable=False),
    }
    return render(request, "search/search.html", context)


@require_safe
def live(request):
    query = clean(request.GET.get("q"))
    language = request_language(request)
    pages = results.live_search(query, language) if query else []
    items = []
    for page in pages:
        date = getattr(page, "date", None) or page.last_published_at
        date = timezone.localtime(date) if date else None
        section = section_of(page, language)
        items.append(
            {
                "title": page.title,
                "url": page.url,
                "section": section["title"] if section else "",
                "section_url": section["url"] if section else home_url(language),
                "date": date.date().isoformat() if date else None,
                "date_display": date_format(date, "DATE_FORMAT") if date else "",
            }
        )
    all_url = f"{reverse('search:search')}?{urlencode({'q': query})}"
    response = JsonResponse(
        {
            "query": query,
            "results": items,
            "all_url": all_url,
            "labels": {
                "all": _("View all results"),
                "none": _("No results"),
                "count": _("No results")
                if not items
                else ngettext(
                    "%(count)d result, use the arrow keys to choose",
                    "%(count)d results, use the arrow keys to choose",
                    len(items),
                )
                % {"count": len(items)},
            },
        }
    )
    response["Cache-Control"] = "max-age=60"
    return response
