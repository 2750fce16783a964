from modeltranslation.translator import TranslationOptions, register

from .models import AboutPage, ContentPage


@register(AboutPage)
class AboutPageTR(TranslationOptions):
    fields = ("intro", "body")


@register(ContentPage)
class ContentPageTR(TranslationOptions):
    fields = ("intro", "body")
