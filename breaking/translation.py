from modeltranslation.translator import TranslationOptions, register

from .models import BreakingNews


@register(BreakingNews)
class BreakingNewsTR(TranslationOptions):
    fields = ("headline", "link")
    # No fallback to English: a language whose headline is empty shows no banner.
    fallback_languages = {"default": ()}
