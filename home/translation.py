from modeltranslation.translator import TranslationOptions, register

from .models import HomePage, SiteSettings


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("tagline",)


@register(SiteSettings)
class SiteSettingsTR(TranslationOptions):
    fields = ("footer_about", "copyright_line")
