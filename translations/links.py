"""Links between language versions: a page's URL in each language, the switcher's entries, hreflang."""

from dataclasses import dataclass

from django.utils import translation

from .availability import is_available
from .languages import default_language, language_codes, language_name, request_language


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str
    exists: bool  # False: the page has no version in this language; url leads somewhere sensible
    current: bool


def page_url(page, language: str, request=None, full: bool = False) -> str:
    """The page's URL in ``language`` (``/ru/novosti/...``), with its slugs in that language."""
    with translation.override(language):
        return page.get_full_url(request) if full else page.get_url(request)


def language_versions(page, request=None, fallback=None) -> list[LanguageVersion]:
    """One entry per site language for the switcher.

    Where ``page`` has no version in a language, the entry points at ``fallback(language)``:
    the URL of a page that does exist there, such as the article's section.
    """
    current = request_language(request)
    versions = []
    for code in language_codes():
        exists = is_available(page, code) or fallback is None
        versions.append(
            LanguageVersion(
                code=code,
                name=language_name(code),
                url=page_url(page, code, request) if exists else fallback(code),
                exists=exists,
                current=code == current,
            )
        )
    return versions


def alternates(page, request=None) -> list[tuple[str, str]]:
    """``(hreflang, absolute URL)`` for every existing version, plus ``x-default``."""
    links = [
        (code, page_url(page, code, request, full=True))
        for code in language_codes()
        if is_available(page, code)
    ]
    if links:
        by_code = dict(links)
        links.append(("x-default", by_code.get(default_language(), links[0][1])))
    return links
