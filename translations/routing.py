"""Path in a language -> page: one indexed lookup on ``url_path_<language>``, at any depth.

wagtail-modeltranslation's ``route`` walks the tree level by level and loads every child of each
level, so a section with thousands of articles would slow every article view; this is one query for
the page row plus the page type's own ``get_route_queryset()`` (what its view needs, prefetched).
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from .languages import localized_field, request_language


def page_at(url_path: str, language: str, queryset=None):
    """The specific page whose ``url_path`` in ``language`` is ``url_path`` (``/home/novosti/``), or None.

    ``queryset`` narrows the candidates (``Page.objects.live()``...); the page comes back loaded with
    its type's ``get_route_queryset()`` when it has one.
    """
    candidates = Page.objects.all() if queryset is None else queryset
    match = (
        candidates.filter(**{localized_field("url_path", language): url_path})
        .values_list("pk", "content_type_id")
        .first()
    )
    if match is None:
        return None
    model = ContentType.objects.get_for_id(match[1]).model_class()
    get_queryset = getattr(model, "get_route_queryset", None)
    return (get_queryset() if get_queryset else model.objects.all()).get(pk=match[0])


class RouteByLanguagePathMixin:
    """For the site root: find any page below it by its path in the request's language in one lookup.

    wagtail-modeltranslation replaces ``route`` on every model it translates when it starts, so the
    root page type's AppConfig.ready() must re-install it: ``Model.route = Model.route_by_language_path``.
    """

    def route_by_language_path(self, request, path_components):
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            page = page_at(url_path, request_language(request))
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    route = route_by_language_path
