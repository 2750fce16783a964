from modeltranslation.translator import TranslationOptions, register

from .models import ArticleCorrection, ArticlePage, Author, CategoryIndexPage, LiveUpdate, Tag


@register(CategoryIndexPage)
class CategoryIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(ArticlePage)
class ArticlePageTR(TranslationOptions):
    fields = ("intro", "hero_caption", "hero_alt", "source_name", "body", "ready")


@register(Author)
class AuthorTR(TranslationOptions):
    fields = ("name", "role", "bio")


@register(Tag)
class TagTR(TranslationOptions):
    fields = ("name",)


@register(ArticleCorrection)
class ArticleCorrectionTR(TranslationOptions):
    fields = ("text",)


@register(LiveUpdate)
class LiveUpdateTR(TranslationOptions):
    fields = ("headline", "text")
