"""The search results page: articles and pages in the reader's language."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from news.models.pages import paginate
from translations.availability import available_q
from translations.languages import current_language

MAX_QUERY_LENGTH = 200


def search(request):
    query = (request.GET.get("q") or "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        language = current_language()
        pages = Page.objects.live().public().filter(available_q(language)).filter(depth__gt=2).specific()
        results = paginate(request, pages.search(query, operator="and"))
    return render(
        request,
        "search/search.html",
        {"search_query": query, "results": results, "page_title": _("Search")},
    )
