"""Views outside the page tree: a tag's articles."""

from django.shortcuts import get_object_or_404, render

from translations.languages import current_language

from .models import Tag
from .models.pages import article_cards, articles_in, paginate, with_authors


def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = with_authors(article_cards(articles_in(current_language()).filter(tags=tag)))
    return render(request, "news/tag.html", {"tag": tag, "articles": paginate(request, articles)})
