from modeltranslation.translator import TranslationOptions, register

from .models import ArticlePage, Author, CategoryIndexPage, Tag


@register(CategoryIndexPage)
class CategoryIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(ArticlePage)
class ArticlePageTR(TranslationOptions):
    fields = ("intro", "hero_caption", "hero_alt", "source_name", "body", "ready")


@register(Author)
class AuthorTR(TranslationOptions):
    fields = ("name", "bio")


@register(Tag)
class TagTR(TranslationOptions):
    fields = ("name",)
