"""Views outside the page tree: a tag's articles (GET and HEAD; other methods get 405)."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from seo.metadata import for_view
from translations.languages import request_language

from .models import ArticlePage, Tag
from .models.pages import paginate


@require_safe
def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    language = request_language(request)
    articles = ArticlePage.objects.published_in(language).filter(tags=tag).cards().with_authors()
    context = {
        "tag": tag,
        "articles": paginate(request, articles),
        "meta": for_view(request, language, title=tag.name),
    }
    return render(request, "news/tag.html", context)
