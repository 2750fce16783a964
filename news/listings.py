"""Listings whose cost stays flat as the archive grows: pages of a section or tag, and the home page's blocks.

- A listing shows at most ``MAX_PAGES`` pages (counted over at most that many articles, not the whole
  archive); older articles stay reachable through their sections' feeds, search and
  the sitemaps. Each page of a listing is its own canonical URL (``?page=1`` canonicalises to the
  bare URL); a page number that is not a whole number from 1 to the last page answers 404.
- A listing is read as the ids of the rows its pages can show (:func:`newest_ids`: at most
  ``MAX_PAGES`` pages and one row more, newest first), kept by the page cache's store for as long as the
  pages that show them (:func:`keep_lists_with`). Every page of the list, its page count and whether
  another language has page N come from those ids, and a page's rows are read by primary key: no count,
  no OFFSET walk past the rows of the pages before, no sort of a tag's thousands of articles.
- ``ArticlePage.top_section`` (kept here on save and on page moves) lets a section's newest articles
  be read from one index range, ``(top_section, date)``.
"""

import functools

from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.models import Page

MAX_PAGES = 50


class CappedPaginator(Paginator):
    """A Django ``Paginator`` over a listing's ids (:func:`newest_ids`, at most ``max_pages`` pages and
    one more row): ``capped`` says there are more than it counts."""

    def __init__(self, ids: list[int], per_page, max_pages=None):
        super().__init__(ids, per_page)
        self.max_pages = max_pages or MAX_PAGES
        self.capped = False

    @cached_property
    def count(self):
        limit = self.max_pages * self.per_page
        self.capped = len(self.object_list) > limit
        return min(len(self.object_list), limit)


def requested_page(request) -> int:
    """The ``?page=`` number asked for: 1 when absent; 404 for anything but a whole number from 1 to
    ``MAX_PAGES``."""
    value = request.GET.get("page")
    if value is None:
        return 1
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= MAX_PAGES:
        raise Http404(_("There is no page %(page)s of this list.") % {"page": value[:20]})
    return int(value)


def paginate(request, queryset, per_page, ids: list[int]):
    """The requested page of a listing whose rows have ``ids`` (:func:`newest_ids`), as a
    ``django.core.paginator.Page`` of rows read by id from ``queryset``, in its order; 404 past the
    last page."""
    number = requested_page(request)
    paginator = CappedPaginator(ids, per_page)
    if number > max(paginator.num_pages, 1):
        raise Http404(_("There is no page %(page)s of this list.") % {"page": number})
    page = paginator.page(number)
    page.object_list = list(queryset.filter(pk__in=list(page.object_list))) if page.object_list else []
    return page


def with_page(url: str, number: int) -> str:
    """``url`` of page ``number`` of a listing (page 1 is the bare URL)."""
    if not url or number <= 1:
        return url
    return f"{url}{'&' if '?' in url else '?'}page={number}"


def union_of(querysets, marker: str | None = None, values=()) -> RawSQL:
    """One ``UNION ALL`` of bounded queries (each ordered and sliced), for ``pk__in=``: several index
    ranges in one round trip. With ``marker``, ``querysets`` is one queryset compiled once and sent once
    per item of ``values``, each in place of the parameter ``marker`` (compiling costs more than running)."""
    parts, params = [], []
    if marker is not None:
        (queryset,) = querysets
        sql, sql_params = queryset.values("pk").query.sql_with_params()
        for value in values:
            parts.append(f"SELECT * FROM ({sql}) AS part_{len(parts)}")  # noqa: S608 - compiled ORM SQL
            params.extend(value if param == marker else param for param in sql_params)
    else:
        for queryset in querysets:
            sql, sql_params = queryset.values("pk").query.sql_with_params()
            parts.append(f"SELECT * FROM ({sql}) AS part_{len(parts)}")  # noqa: S608 - compiled ORM SQL
            params.extend(sql_params)
    return RawSQL(" UNION ALL ".join(parts), params)  # noqa: S611 - compiled ORM SQL, parameters apart


# --- A listing's ids, kept -------------------------------------------------------------------------
def _build(request, language, name, vary, build):
    return build()


_keeper = {"keep": _build}


def keep_lists_with(keep) -> None:
    """Have ``keep(request, language, name, vary, build)`` keep the listings' ids: it returns the value
    kept under (language, name, vary), or ``build()``'s, kept. The page cache registers its store
    (``pagecache.apps``), which retires them with the pages that show them; without it every view
    reads them."""
    _keeper["keep"] = keep


def newest_ids(request, language: str, name: str, vary, articles, per_page: int) -> list[int]:
    """The ids of the rows the pages of a listing can show: ``articles()`` (a queryset, newest first,
    built only when they are read), at most ``MAX_PAGES`` pages of ``per_page`` and one more row (there
    are more), in one index-ordered query. ``name`` and ``vary`` say which listing it is (``"tag"``, the
    tag's id)."""
    limit = MAX_PAGES * per_page + 1

    def build():
        return list(articles().values_list("pk", flat=True)[:limit])

    return kept(request, language, f"listing:{name}", vary, build)


def kept(request, language: str, name: str, vary, build):
    """``build()``'s value for (language, name, vary), kept as the listings' ids are (retired with the
    pages that show it): for what is read from the whole archive and changes only with what is published."""
    return _keeper["keep"](request, language, name, vary, build)


class Listing:
    """A list of articles (a section's, a tag's, an author's) in every language: ``articles(code)`` is
    its queryset in a language, newest first; ``name`` and ``vary`` say which list it is."""

    def __init__(self, request, name: str, vary, articles, per_page: int, rows_from=None):
        """``rows_from(code)``: the queryset a page's rows are read from by id (default ``articles``),
        in the listing's order; a wider one (every article readers of the language see) lets the
        database look the ids up instead of walking the listing's own index range."""
        self.request = request
        self.name = name
        self.vary = vary
        self.articles = articles
        self.rows_from = rows_from or articles
        self.per_page = per_page
        self._ids: dict[str, list[int]] = {}

    def ids(self, language: str) -> list[int]:
        if language not in self._ids:
            articles = functools.partial(self.articles, language)
            self._ids[language] = newest_ids(
                self.request, language, self.name, self.vary, articles, self.per_page
            )
        return self._ids[language]

    def page(self, language: str, rows):
        """The requested page in ``language`` (404 past the last); ``rows(queryset)`` says what its
        rows load (``card_rows()``...)."""
        return paginate(self.request, rows(self.rows_from(language)), self.per_page, ids=self.ids(language))

    def languages_having(self, codes, number: int) -> set[str]:
        """Which of ``codes`` have a page ``number`` of this list."""
        return {code for code in codes if len(self.ids(code)) > (number - 1) * self.per_page}


# --- ArticlePage.top_section -------------------------------------------------------------------------
def _ancestor_paths(path: str, steplen: int) -> list[str]:
    return [path[:end] for end in range(steplen, len(path), steplen)]


def top_section_id(path: str) -> int | None:
    """The id of the highest section above the page at ``path`` (one indexed query)."""
    ancestors = _ancestor_paths(path, Page.steplen)
    if not ancestors:
        return None
    return (
        apps.get_model("news", "CategoryIndexPage")
        .objects.filter(path__in=ancestors)
        .order_by("depth")
        .values_list("pk", flat=True)
        .first()
    )


def refresh_top_sections(path: str = "") -> int:
    """Recompute ``top_section`` of the articles at or under ``path`` (all when empty): after a page
    move, whose SQL path updates bypass ``save()``. Returns the number of articles updated."""
    article_model = apps.get_model("news", "ArticlePage")
    sections = dict(apps.get_model("news", "CategoryIndexPage").objects.values_list("path", "pk"))
    articles = article_model.objects.all()
    if path:
        articles = articles.filter(path__startswith=path)
    wanted: dict[int | None, list[int]] = {}
    current = articles.values_list("pk", "path", "top_section_id")
    for pk, article_path, old in current.iterator(chunk_size=2000):
        new = next((sections[p] for p in _ancestor_paths(article_path, Page.steplen) if p in sections), None)
        if new != old:
            wanted.setdefault(new, []).append(pk)
    updated = 0
    for section_id, pks in wanted.items():
        for start in range(0, len(pks), 500):
            chunk = pks[start : start + 500]
            updated += article_model.objects.filter(pk__in=chunk).update(top_section_id=section_id)
    return updated


def on_page_moved(instance, **_kwargs) -> None:
    """``post_page_move``: the moved page's articles (itself, or everything under a section)."""
    refresh_top_sections(instance.path)


def in_section(section, top_level: bool) -> Q:
    """Articles filed under ``section``: one index range for a top-level section, its path otherwise."""
    if top_level:
        return Q(top_section=section)
    return Q(path__startswith=section.path, depth__gt=section.depth)
