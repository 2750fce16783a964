"""From a reader's query to the pages to show, in a fixed number of queries.

1. the ranked SearchDocument ids of the query's language, restricted to live, public pages that
   exist in that language (``translations.availability.available_q``), a page of them at a time;
2. the articles of that page of results with their hero images and renditions (prefetched);
3. any other pages (About, Donate) as their specific types.
"""

from django.core.paginator import Paginator
from django.db.models import Subquery
from wagtail.models import Page

from news.models import ArticlePage
from news.models.pages import article_cards
from translations.availability import available_q

from .backends import matching_documents
from .normalize import stem_words
from .query import SearchQuery, parse

RESULTS_PER_PAGE = 12
LIVE_RESULTS = 5


def visible_pages(language: str):
    return Page.objects.live().public().filter(available_q(language))


def ranked_documents(query: SearchQuery, language: str):
    prefix_stem = stem_words([query.prefix], language)[0] if query.prefix else None
    documents = matching_documents(query, language, prefix_stem)
    return documents.filter(page_id__in=Subquery(visible_pages(language).values("pk")))


def load_pages(page_ids: list[int], *, images: bool = True) -> list[Page]:
    """The pages behind ``page_ids``, specific, in the given order (articles with their hero
    images and renditions when ``images``)."""
    # Cards never show the body: leave its (per-language, JSON) columns unread.
    articles = ArticlePage.objects.filter(pk__in=page_ids).defer(
        *[field.attname for field in ArticlePage._meta.concrete_fields if field.name.startswith("body")]
    )
    found = {page.pk: page for page in (article_cards(articles) if images else articles)}
    others = [pk for pk in page_ids if pk not in found]
    if others:
        found.update({page.pk: page for page in Page.objects.filter(pk__in=others).specific()})
    return [found[pk] for pk in page_ids if pk in found]


class Results:
    """A paginated list of results whose ``object_list`` are the specific pages."""

    def __init__(self, query: SearchQuery, language: str, page_number, per_page=RESULTS_PER_PAGE):
        documents = ranked_documents(query, language).values_list("page_id", flat=True)
        self.page_obj = Paginator(documents, per_page).get_page(page_number)
        self.pages = load_pages(list(self.page_obj.object_list))
        self.items = [{"page": page, "is_article": isinstance(page, ArticlePage)} for page in self.pages]

    @property
    def count(self) -> int:
        return self.page_obj.paginator.count


def search(text: str, language: str, page_number=None) -> Results | None:
    query = parse(text, language)
    return Results(query, language, page_number) if query else None


def live_search(text: str, language: str) -> list[Page]:
    """Up to five pages for the header box; the last word typed also matches as a prefix."""
    query = parse(text, language, prefix=True)
    if not query:
        return []
    ids = list(ranked_documents(query, language).values_list("page_id", flat=True)[:LIVE_RESULTS])
    return load_pages(ids, images=False)
