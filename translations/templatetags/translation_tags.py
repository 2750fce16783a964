from django import template
from django.urls import translate_url
from django.utils.translation import gettext, pgettext

from translations.languages import language_codes, language_label, language_name
from translations.links import LanguageVersion

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The switcher's entries: the same page in every language.

    Pages put ``language_versions`` in their context (see translations.links.language_versions);
    other views (search, tags) switch by translating the current URL, query string kept.
    """
    versions = context.get("language_versions")
    if versions:
        return versions
    request = context["request"]
    current = context.get("LANGUAGE_CODE")
    path = request.get_full_path()
    return [
        LanguageVersion(
            code=code,
            name=language_name(code),
            url=translate_url(path, code),
            exists=True,
            current=code == current,
        )
        for code in language_codes()
    ]


@register.simple_tag
def missing_translation_hint(language: str) -> str:
    """The switcher's hint for a language the page has no version in, phrased for that language.

    "No Russian version yet" reads naturally in every reader's language ("Rus dilində versiyası hələ
    yoxdur", "Русской версии пока нет"), which a language name dropped into one sentence does not.
    A language without its own sentence names it in the reader's language, as a label.
    """
    sentences = {
        "en": pgettext("missing translation", "No English version yet — opens the section"),
        "az": pgettext("missing translation", "No Azerbaijani version yet — opens the section"),
        "ru": pgettext("missing translation", "No Russian version yet — opens the section"),
    }
    if language in sentences:
        return sentences[language]
    return gettext("Not yet available in this language: %(language)s — opens the section") % {
        "language": language_label(language)
    }
