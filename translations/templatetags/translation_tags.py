from django import template
from django.urls import translate_url

from translations.languages import language_codes, language_name
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
