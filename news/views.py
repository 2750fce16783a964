"""Views outside the page tree: a tag's articles (GET and HEAD; other methods get 405)."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from seo.metadata import for_view
from translations.languages import request_language

from . import renditions
from .listings import languages_with_page, with_page
from .models import ArticlePage, Tag
from .models.pages import ARTICLES_PER_PAGE, paginate


def tagged(tag, language: str):
    return ArticlePage.objects.published_in(language).filter(tags=tag)


@require_safe
def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    language = request_language(request)
    articles = paginate(request, tagged(tag, language).card_rows().with_authors())
    renditions.attach([(article.hero_image, renditions.CARD) for article in articles])
    meta = for_view(request, language, title=tag.name)
    if articles.number > 1:
        # Page n is its own canonical; hreflang to page n in the languages where the tag has one.
        meta.canonical = with_page(meta.canonical, articles.number)
        others = {
            code: tagged(tag, code) for code, _url in meta.alternates if code not in ("x-default", language)
        }
        having = languages_with_page(others, articles.number, ARTICLES_PER_PAGE) | {language}
        kept = {url for code, url in meta.alternates if code in having}
        meta.alternates = [
            (code, with_page(url, articles.number)) for code, url in meta.alternates if url in kept
        ]
    context = {"tag": tag, "articles": articles, "meta": meta}
    return render(request, "news/tag.html", context)
