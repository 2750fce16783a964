"""From a reader's query to the pages to show, in a fixed number of queries.

1. the figures of the ranking (documents, lengths, how many documents hold each term), kept with the
   cached pages until the next publish (:func:`ranking`);
2. the newest matching documents (up to ``MAX_RANKED`` + 1, which gives the count), restricted to
   live, public pages that exist in that language (``translations.availability.visible_q``), ranked
   (``search.backends``): the pages' ids, best first, kept like the figures when the query matches
   many (:func:`ranked_pages`), and read a page of results at a time;
3. the articles of that page of results with their hero images and renditions (prefetched), any
   other pages (About, Donate) as their specific types, and the texts for the snippets.

When nothing matches, "Did you mean" (``search.suggest``) looks for close words.
"""

from django.conf import settings
from django.core.paginator import Paginator
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import parse_query_string

from news import renditions
from news.models import ArticlePage
from pagecache import fragments
from translations.availability import visible_q

from .analysis import language_fields
from .backends import MAX_RANKED, RankedDocuments, Ranking
from .indexing import indexed_models
from .models import SearchDocument
from .query import parse
from .snippets import snippet
from .suggest import suggestion

RESULTS_PER_PAGE = 12
LIVE_RESULTS = 5
# A query matching fewer documents is ranked on each request: cheap, and kept out of the shared store.
KEEP_RANKED_FROM = 100
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


def ranking(terms: list[str], language: str) -> Ranking:
    """The index's figures for ``terms`` (how many documents hold each, the average lengths), kept
    with the cached pages: they change only with what is published (one query with a count per term,
    3-4 ms for a common word at 30,000 articles)."""
    return fragments.cached(
        None, language, "search:ranking", tuple(terms), lambda: Ranking.load(terms, language)
    )


def ranked_documents(query, language: str) -> RankedDocuments:
    return RankedDocuments(query, language, visible_pages, figures=ranking)


class RankedPages(list):
    """Page ids, best first (at most ``MAX_RANKED``); ``more``: more documents match than are ranked."""

    def __init__(self, ids=(), more: bool = False):
        super().__init__(ids)
        self.more = more

    def __reduce__(self):
        return (RankedPages, (list(self), self.more))


def ranked_pages(query, language: str) -> RankedPages:
    """The pages matching ``query`` in ``language``, best first: every page of its results and the
    live box read this one list. A query matching at least ``KEEP_RANKED_FROM`` documents keeps it with
    the cached pages until the next publish: ranking a common word's newest ``MAX_RANKED`` matches costs
    10-12 ms at 30,000 articles on SQLite, and the common words are the ones readers search again."""

    def build():
        documents = ranked_documents(query, language)
        return RankedPages(documents[:MAX_RANKED], more=documents.more)

    vary = (tuple(map(tuple, query.groups)), query.prefix, tuple(query.prefix_terms))
    return fragments.cached(
        None,
        language,
        "search:ranked",
        vary,
        build,
        worth_keeping=lambda found: len(found) >= KEEP_RANKED_FROM,
    )


def load_pages(page_ids: list[int], *, images: bool = True) -> list[Page]:
    """The pages behind ``page_ids``, specific, in the given order (articles with their hero
    images and renditions when ``images``)."""
    # Cards never show the body: leave its (per-language, JSON) columns unread.
    articles = ArticlePage.objects.filter(pk__in=page_ids).defer(
        *[field.attname for field in ArticlePage._meta.concrete_fields if field.name.startswith("body")]
    )
    found = {page.pk: page for page in (articles.card_rows() if images else articles)}
    if images:
        renditions.attach([(page.hero_image, renditions.CARD) for page in found.values()])
    others = [pk for pk in page_ids if pk not in found]
    if others:
        found.update({page.pk: page for page in Page.objects.filter(pk__in=others).specific()})
    return [found[pk] for pk in page_ids if pk in found]


class Results:
    """A paginated list of results whose ``items`` hold the specific pages and their snippets."""

    def __init__(self, ranked_ids, page_number, *, query=None, language=None, per_page=RESULTS_PER_PAGE):
        self.page_obj = Paginator(ranked_ids, per_page).get_page(page_number)
        ids = list(self.page_obj.object_list)
        self.pages = load_pages(ids)
        texts = {}
        if query is not None and ids:
            documents = SearchDocument.objects.filter(page_id__in=ids, language=language)
            texts = {
                page: (text, terms)
                for page, text, terms in documents.values_list("page_id", "text", "body_terms")
            }
        self.items = []
        for page in self.pages:
            text, stored = texts.get(page.pk, ("", ""))
            self.items.append(
                {
                    "page": page,
                    "is_article": isinstance(page, ArticlePage),
                    "snippet": snippet(text, query, language, stored=stored) if query is not None else "",
                }
            )
        self.suggestion = None

    @property
    def count(self) -> int:
        return self.page_obj.paginator.count

    @property
    def more(self) -> bool:
        """More match than are ranked and counted (``search.backends.MAX_RANKED``)."""
        return bool(getattr(self.page_obj.paginator.object_list, "more", False))


def search(text: str, language: str, page_number=None) -> Results | None:
    query = parse(text, language)
    if not query:
        return None
    if uses_wagtail_engine():
        return Results(wagtail_ranked_ids(text, language), page_number)
    results = Results(ranked_pages(query, language), page_number, query=query, language=language)
    if not results.count:
        results.suggestion = suggest(query, language)
    return results


def suggest(query, language: str) -> str | None:
    """A corrected query that finds something, or None."""
    corrected = suggestion(query.typed, language)
    if corrected is None:
        return None
    parsed = parse(corrected, language)
    return corrected if parsed and ranked_documents(parsed, language).count() else None


def live_search(text: str, language: str) -> list[Page]:
    """Up to five pages for the header box: the first five of the results page for ``text``."""
    query = parse(text, language)
    if not query:
        return []
    if uses_wagtail_engine():
        return load_pages(wagtail_ranked_ids(text, language, LIVE_RESULTS), images=False)[:LIVE_RESULTS]
    return load_pages(ranked_pages(query, language)[:LIVE_RESULTS], images=False)
