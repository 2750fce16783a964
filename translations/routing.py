"""Path in a language -> page: one indexed lookup on ``url_path_<language>``, at any depth.

wagtail-modeltranslation's ``route`` walks the tree level by level and loads every child of each
level, so a section with thousands of articles would slow every article view; this is one query for
the page row (its type's ``get_route_queryset()``: what its view reads) and what the type's
``load_route_relations()`` adds, each compiled once.

The same lookup tells whether a view restriction applies to the page (its own or an ancestor's) or an
alias is on its path; when neither does, Wagtail's check before serving it (``get_view_restrictions``:
two queries on every page view) is answered without a query (:class:`RoutedPageMixin`).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Value
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

from . import compiled
from .availability import restricted, under_an_alias
from .languages import current_language, localized_field, request_language


def page_at(url_path: str, language: str, queryset=None):
    """The specific page whose ``url_path`` in ``language`` is ``url_path`` (``/home/novosti/``), or None.

    ``queryset`` narrows the candidates (``Page.objects.live()``...); the page comes back loaded by
    :func:`_load`.
    """
    if queryset is None:
        match = _lookup(url_path, language)
    else:
        match = _guarded(queryset.filter(**{localized_field("url_path", language): url_path})).first()
    if match is None:
        return None
    pk, content_type_id, is_restricted, aliased = match
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = _load(model, pk)
    if page is None:  # deleted between the two queries
        return None
    page.open_to_all = not (is_restricted or aliased)
    return page


def _load(model, pk):
    """The page of type ``model`` with primary key ``pk``: its type's ``get_route_queryset()`` (the
    columns and joins its view reads), compiled once per type and active language (the queryset may
    depend on it: ``translations.compiled``), then its ``load_route_relations()`` if it has one."""
    get_queryset = getattr(model, "get_route_queryset", None) or model.objects.all

    def build():
        return get_queryset().order_by().filter(pk=Value(compiled.VALUE))

    found = compiled.instances(("page by pk", model._meta.label, current_language()), build, pk)
    if not found:
        return None
    page = found[0]
    load_relations = getattr(page, "load_route_relations", None)
    if load_relations is not None:
        load_relations()
    return page


def note_if_open_to_all(page) -> None:
    """For a page loaded some other way and kept (a site's root page): one query."""
    is_restricted, aliased = (
        _with_guards(Page.objects.filter(pk=page.pk)).values_list("restricted", "aliased").get()
    )
    page.open_to_all = not (is_restricted or aliased)


def _with_guards(pages):
    return pages.annotate(restricted=restricted(), aliased=under_an_alias())


_MATCH = ("pk", "content_type_id", "restricted", "aliased")


def _guarded(pages):
    return _with_guards(pages).values_list(*_MATCH)


def _lookup(url_path: str, language: str):
    """:func:`page_at`'s first query for any page, built once per database and language
    (:mod:`translations.compiled`)."""

    def build():
        pages = Page.objects.filter(**{localized_field("url_path", language): compiled.VALUE})
        sql, params = _guarded(pages).order_by("pk")[:1].query.sql_with_params()
        # In the order asked for: the ORM puts a values_list's columns in its own order and sorts them back.
        columns = ", ".join(connection.ops.quote_name(name) for name in _MATCH)
        return f"SELECT {columns} FROM ({sql}) AS page_match", params  # noqa: S608

    found = compiled.rows(("page at path", language), build, url_path)
    if not found:
        return None
    pk, content_type_id, is_restricted, aliased = found[0]
    return pk, content_type_id, bool(is_restricted), bool(aliased)


class RoutedPageMixin:
    """For page types: a page :func:`page_at` found open to all (no view restriction on it or above it,
    no alias on its path) tells Wagtail so without the two queries of its own check."""

    open_to_all = False  # set on the instance by page_at

    def get_view_restrictions(self):
        if self.open_to_all:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


# Wagtail's tree paths (``path``: 255 characters, 4 per level) hold no deeper page than this.
MAX_LEVELS = Page._meta.get_field("path").max_length // Page.steplen


class RouteByLanguagePathMixin:
    """For the site root: find any page below it by its path in the request's language in one lookup.

    A path that is no page answers 404 after one more query (the longest path that is a page, in case it
    is a RoutablePage that serves the rest), never by walking the tree: the level-by-level ``route``
    loads every child of each level (all the articles of a section), which made a mistyped or removed
    article's address cost 140-220 ms at 30,000 articles. An address of more levels than the tree can
    have is a 404 at once.

    wagtail-modeltranslation replaces ``route`` on every model it translates when it starts, so the
    root page type's AppConfig.ready() must re-install it: ``Model.route = Model.route_by_language_path``.
    """

    def route_by_language_path(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        if len(path_components) >= MAX_LEVELS:
            raise Http404
        language = request_language(request)
        paths = [
            self.url_path + "/".join(path_components[:end]) + "/"
            for end in range(1, len(path_components) + 1)
        ]
        page = page_at(paths[-1], language)
        if page is not None:
            return page.route(request, [])
        # The longest of the shorter paths that is a page, in one query: only a RoutablePage serves the rest.
        field = localized_field("url_path", language)
        found = (
            Page.objects.filter(**{f"{field}__in": paths[:-1]})
            .order_by("-depth")
            .values_list(field, "content_type_id")
            .first()
        )
        if found is not None:
            path, content_type_id = found
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is not None and issubclass(model, RoutablePageMixin):
                page = page_at(path, language)
                if page is not None:
                    return page.route(request, path_components[path.count("/") - self.url_path.count("/") :])
        raise Http404

    route = route_by_language_path
