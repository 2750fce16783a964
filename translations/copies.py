"""A language version still repeating another word for word: copied, not translated.

"Start Russian from English" (translations.copying) and the editor's "copy content from" fill the Russian
fields with the English text. Until someone translates it, the Russian version says the same as the
English one: the status shows it as "copied, not translated" (translations.status) and the edit form
asks for an explicit confirmation before such a version is made ready for readers (translations.forms).

Only running text counts (the standfirst and the body's words); a body of pictures and embeds, or a
caption that is a name, may rightly be the same in every language.
"""

from wagtail.fields import StreamField

from .languages import default_language, language_codes, localized_field

TEXT_FIELDS = ("intro", "body")


def text_fields(model) -> list[str]:
    return [name for name in TEXT_FIELDS if hasattr(model, localized_field(name, default_language()))]


def plain_text(model, field_name: str, value) -> str:
    """The words of a field's value, whitespace collapsed (rich text without its tags)."""
    field = model._meta.get_field(field_name)
    if isinstance(field, StreamField):
        parts = field.get_searchable_content(value) if value else []
        return " ".join(" ".join(str(part).split()) for part in parts if part)
    return " ".join(str(value or "").split())


def copy_source(model, value_of, language: str) -> str:
    """The language whose text ``language`` repeats word for word in one of its text fields, else ``""``.

    ``value_of(field_name)`` gives a field's value: ``getattr`` on a page, ``cleaned_data.get`` in a form.
    The default language is the original, never a copy.
    """
    if language == default_language():
        return ""
    names = text_fields(model)
    mine = {
        name: plain_text(model, localized_field(name, language), value_of(localized_field(name, language)))
        for name in names
    }
    for other in language_codes():
        if other == language:
            continue
        for name, text in mine.items():
            if text and text == plain_text(
                model, localized_field(name, other), value_of(localized_field(name, other))
            ):
                return other
    return ""


def page_copy_source(page, language: str) -> str:
    return copy_source(type(page), lambda name: getattr(page, name, None), language)
