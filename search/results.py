"""From a reader's query to the pages to show, in a fixed number of queries.

1. the ranked SearchDocument ids of the query's language, restricted to live, public pages that
   exist in that language (``translations.availability.visible_q``), a page of them at a time;
2. the articles of that page of results with their hero images and renditions (prefetched);
3. any other pages (About, Donate) as their specific types.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import parse_query_string

from news.models import ArticlePage
from translations.availability import visible_q

from .analysis import language_fields
from .backends import matching_documents
from .indexing import indexed_models
from .normalize import stem_words
from .query import SearchQuery, parse

RESULTS_PER_PAGE = 12
LIVE_RESULTS = 5
# The "wagtail" engine ranks this many hits per page type, then keeps those readers may see.
WAGTAIL_CANDIDATES = 200


def uses_wagtail_engine() -> bool:
    return getattr(settings, "NEWSROOM_SEARCH_ENGINE", "documents") == "wagtail"


def wagtail_ranked_ids(text: str, language: str, limit: int = WAGTAIL_CANDIDATES) -> list[int]:
    """Page ids from Wagtail's search backend (Elasticsearch/OpenSearch with the per-language
    analysers of search.analysis), searching only ``language``'s fields, best first."""
    _filters, query = parse_query_string(text, operator="and")  # "quoted phrases" stay phrases
    # Elasticsearch/OpenSearch search the language's fields, each with its analyser; Wagtail's
    # database backends cannot restrict to a field's column and search all of a page's text.
    # (ElasticsearchBaseSearchBackend is the base of Wagtail's Elasticsearch 7-9 and OpenSearch 2-3
    # backends and needs neither client package; the database backends share no base class and each
    # of their modules can only be imported on its own database.)
    per_field = isinstance(get_search_backend(), ElasticsearchBaseSearchBackend)
    ids = []
    for model in indexed_models():
        fields = language_fields(model, language) if per_field else None
        hits = model.objects.live().search(query, fields=fields, operator="and")[:limit]
        ids.extend(hit.pk for hit in hits)
    visible = set(visible_pages(language).filter(pk__in=ids).values_list("pk", flat=True))
    return [pk for pk in ids if pk in visible]


def visible_pages(language: str):
    return Page.objects.filter(visible_q(language))


def ranked_documents(query: SearchQuery, language: str):
    prefix_stem = stem_words([query.prefix], language)[0] if query.prefix else None
    documents = matching_documents(query, language, prefix_stem)
    # A correlated EXISTS checks only the matching documents (an IN over every visible page was
    # 3-6x slower on SQLite at 30,000 articles; bench/search.py).
    visible = visible_pages(language).order_by().filter(pk=OuterRef("page_id"))
    return documents.filter(Exists(visible))


def load_pages(page_ids: list[int], *, images: bool = True) -> list[Page]:
    """The pages behind ``page_ids``, specific, in the given order (articles with their hero
    images and renditions when ``images``)."""
    # Cards never show the body: leave its (per-language, JSON) columns unread.
    articles = ArticlePage.objects.filter(pk__in=page_ids).defer(
        *[field.attname for field in ArticlePage._meta.concrete_fields if field.name.startswith("body")]
    )
    found = {page.pk: page for page in (articles.cards() if images else articles)}
    others = [pk for pk in page_ids if pk not in found]
    if others:
        found.update({page.pk: page for page in Page.objects.filter(pk__in=others).specific()})
    return [found[pk] for pk in page_ids if pk in found]


class Results:
    """A paginated list of results whose ``object_list`` are the specific pages."""

    def __init__(self, ranked_ids, page_number, per_page=RESULTS_PER_PAGE):
        self.page_obj = Paginator(ranked_ids, per_page).get_page(page_number)
        self.pages = load_pages(list(self.page_obj.object_list))
        self.items = [{"page": page, "is_article": isinstance(page, ArticlePage)} for page in self.pages]

    @property
    def count(self) -> int:
        return self.page_obj.paginator.count


def search(text: str, language: str, page_number=None) -> Results | None:
    query = parse(text, language)
    if not query:
        return None
    if uses_wagtail_engine():
        return Results(wagtail_ranked_ids(text, language), page_number)
    return Results(ranked_documents(query, language).values_list("page_id", flat=True), page_number)


def live_search(text: str, language: str) -> list[Page]:
    """Up to five pages for the header box; the last word typed also matches as a prefix."""
    query = parse(text, language, prefix=True)
    if not query:
        return []
    if uses_wagtail_engine():
        return load_pages(wagtail_ranked_ids(text, language, LIVE_RESULTS), images=False)[:LIVE_RESULTS]
    ids = list(ranked_documents(query, language).values_list("page_id", flat=True)[:LIVE_RESULTS])
    return load_pages(ids, images=False)
