"""Which language versions of a page readers can see.

Policy: an article exists in a language when its title in that language is filled in. An article
missing a language is left out of that language's listings; asking for it in that language sends the
reader to its section in that language (see news.models.ArticlePage.serve), and the language switcher
points there too, so it never leads to a 404. Other page types fall back to English.
"""

from django.db.models import Q

from .languages import language_codes, localized_field


def available_q(language: str) -> Q:
    """A filter for pages that have a version in ``language``."""
    field = localized_field("title", language)
    return Q(**{f"{field}__isnull": False}) & ~Q(**{field: ""})


def is_available(page, language: str) -> bool:
    return bool((getattr(page, localized_field("title", language), None) or "").strip())


def available_languages(page) -> list[str]:
    return [code for code in language_codes() if is_available(page, code)]
