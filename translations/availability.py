"""Which language versions of a page readers can see.

Policy: a page exists in a language when its title in that language is filled in AND, for page
types with a translated ``ready`` flag (articles: ``ready_en``, ``ready_az``, ``ready_ru``), that
language is marked ready for readers. An article missing a language, or not yet ready in it, is left
out of that language's listings, feeds, search, sitemaps and hreflang; asking for it in that language
sends the reader to its section in that language (see news.models.ArticlePage.serve), and the
language switcher points there too, so it never leads to a 404. Other page types fall back to English.

The ``ready`` flags default to ticked (imports, fixtures and demo content are ready as written); the
admin form starts a new translation unticked (translations.forms), the default language ticked.
"""

from functools import cache

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction

from .languages import language_codes, localized_field

READY_FIELD = "ready"


def has_title(page, language: str) -> bool:
    return bool((getattr(page, localized_field("title", language), None) or "").strip())


@cache
def readiness_models() -> tuple:
    """Concrete models whose translated fields include ``ready`` (ArticlePage)."""
    from modeltranslation.translator import translator

    return tuple(
        model
        for model in translator.get_registered_models(abstract=False)
        if READY_FIELD in translator.get_options_for_model(model).fields
    )


def available_q(language: str) -> Q:
    """A filter for pages that have a version in ``language`` readers may see.

    Works on any page queryset (``Page.objects``, ``ArticlePage.objects``): readiness is checked with
    ``NOT EXISTS`` on the models that carry the flag.
    """
    field = localized_field("title", language)
    condition = Q(**{f"{field}__isnull": False}) & ~Q(**{field: ""})
    ready = localized_field(READY_FIELD, language)
    for model in readiness_models():
        not_ready = model._base_manager.filter(pk=OuterRef("pk"), **{ready: False})
        condition &= ~Q(Exists(not_ready))
    return condition


def is_ready(page, language: str) -> bool:
    return bool(getattr(page, localized_field(READY_FIELD, language), True))


def is_available(page, language: str) -> bool:
    return has_title(page, language) and is_ready(page, language)


def available_languages(page) -> list[str]:
    return [code for code in language_codes() if is_available(page, code)]


def public_q() -> Q:
    """Pages outside every private section (password, login or group restricted), as one condition.

    Same meaning as Wagtail's ``.public()``, which first loads every view restriction (one more query
    each time a listing is built); here the check is a subquery of the listing's own query.
    """
    return ~Q(restricted())


def restricted() -> Exists:
    """Whether a view restriction applies to a page: its own or an ancestor's (``EXISTS``)."""
    return Exists(
        PageViewRestriction.objects.annotate(prefix_length=Length("page__path")).filter(
            page__path=Substr(OuterRef("path"), 1, F("prefix_length"))
        )
    )


def under_an_alias() -> Exists:
    """Whether a page or one of its ancestors is an alias (``EXISTS``): Wagtail then takes the view
    restrictions of the alias's source page, not of its place in the tree."""
    return Exists(
        Page.objects.annotate(prefix_length=Length("path")).filter(
            alias_of__isnull=False, path=Substr(OuterRef("path"), 1, F("prefix_length"))
        )
    )


def visible_q(language: str) -> Q:
    """What readers of ``language`` may see: live, public, and available in ``language``.

    The one definition every reader-facing listing, feed, sitemap and search uses."""
    return Q(live=True) & public_q() & available_q(language)
