"""What readers see of articles: the one definition of "published for readers of a language",
"newest first", and what a listing card needs loaded."""

from django.db.models import Prefetch
from wagtail.models import PageManager, PageQuerySet

from translations.availability import visible_q


class ArticlePageQuerySet(PageQuerySet):
    def for_readers(self, language: str):
        """Live, public, and available in ``language`` (``translations.availability.visible_q``)."""
        return self.filter(visible_q(language))

    def newest(self):
        return self.order_by("-date", "-pk")

    def published_in(self, language: str):
        """Articles readers of ``language`` see in listings, newest first."""
        return self.for_readers(language).newest()

    def cards(self):
        """What a listing card shows: hero image (joined) and its renditions (one query for all cards).

        ``Prefetch("hero_image", queryset=...prefetch_renditions())`` would be skipped by Django once
        ``select_related("hero_image")`` has loaded the images, leaving one rendition query per card;
        prefetching ``hero_image__renditions`` works on the joined images.
        """
        return self.select_related("hero_image").prefetch_related("hero_image__renditions")

    def with_authors(self, photos: bool = False):
        """Bylines in one extra query (``article.authors`` reads it); with ``photos`` their images too."""
        links = self.model._meta.get_field("article_authors").related_model.objects
        related = "author__photo" if photos else "author"
        return self.prefetch_related(Prefetch("article_authors", queryset=links.select_related(related)))


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)
