"""The site's languages, read from settings.LANGUAGES: the one list everything else loops over."""

from django.conf import settings
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def default_language() -> str:
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def current_language() -> str:
    """The active language, reduced to one of ours (``ru-ru`` -> ``ru``), else the default."""
    code = (translation.get_language() or "").lower()
    codes = language_codes()
    if code in codes:
        return code
    base = code.split("-")[0]
    return base if base in codes else default_language()


def request_language(request) -> str:
    """The language of ``request``: resolved once (from the language Django activated for it) and
    kept on the request, so routing, views, templates and metadata all agree without re-reading it."""
    if request is None:
        return current_language()
    language = getattr(request, "newsroom_language", None)
    if language is None:
        language = current_language()
        request.newsroom_language = language
    return language


def localized_field(name: str, language: str) -> str:
    """``localized_field("title", "ru") == "title_ru"``."""
    return build_localized_fieldname(name, language)


def language_name(code: str) -> str:
    """The language's own name for itself (the switcher shows "Русский", not "Russian")."""
    return translation.get_language_info(code)["name_local"]


def language_label(code: str) -> str:
    """The language's name in the active language ("Russian" in the English admin, "Русский" in Russian)."""
    return str(dict(settings.LANGUAGES).get(code, code))
