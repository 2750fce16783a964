"""What readers see of articles: the one definition of "published for readers of a language",
"newest first", and what a listing card needs loaded."""

from django.db.models import Max, Prefetch, Q
from wagtail.models import PageManager, PageQuerySet

from translations.availability import READY_FIELD, public_q
from translations.languages import language_codes, localized_field

# Where ``with_authors`` leaves an article's bylines (ArticleAuthor rows, their authors joined).
BYLINES = "prefetched_bylines"


def bylines(model, photos: bool = False):
    """The bylines of ``model``'s articles in byline order, with their authors (and photos)."""
    links = model._meta.get_field("article_authors").related_model.objects
    return links.select_related("author__photo" if photos else "author").order_by("sort_order", "pk")


def card_fields() -> list[str]:
    """The columns a listing card reads (title, URL, standfirst, date, section, picture): not the
    bodies (three JSON columns) nor the editors' fields, which the ORM would otherwise load and compile."""
    translated = ["title", "url_path", "slug", "intro", "hero_alt", "hero_caption", READY_FIELD]
    return [
        "id",
        "title",
        "url_path",
        "slug",
        "path",
        "depth",
        "live",
        "locale_id",
        "content_type_id",
        "date",
        "last_published_at",
        "first_published_at",
        "hero_image",
        "live_coverage",  # the "Live" badge (news.models.live)
        "live_ended",
        *[localized_field(name, code) for name in translated for code in language_codes()],
    ]


class ArticlePageQuerySet(PageQuerySet):
    def for_readers(self, language: str):
        """Live, public, and available in ``language``: ``translations.availability.visible_q`` for
        articles, with the readiness flag read from the article's own row instead of a correlated
        ``NOT EXISTS`` on the same table (73 % of a Russian home view at 30,000 articles went there)."""
        title = localized_field("title", language)
        available = Q(**{f"{title}__isnull": False}) & ~Q(**{title: ""})
        ready = Q(**{localized_field(READY_FIELD, language): True})
        return self.filter(Q(live=True) & public_q() & available & ready)

    def newest(self):
        return self.order_by("-date", "-pk")

    def published_in(self, language: str):
        """Articles readers of ``language`` see in listings, newest first."""
        return self.for_readers(language).newest()

    def card_rows(self):
        """What a listing card shows: the card's columns and the hero image (joined). The caller attaches
        the renditions of the whole page in one query (``news.renditions.attach``)."""
        return self.select_related("hero_image").only(*card_fields())

    def with_authors(self, photos: bool = False):
        """Bylines in one extra query (``article.authors`` reads it); with ``photos`` their images too.

        Kept as a plain list on each article (``BYLINES``), not as its ``article_authors`` manager's
        cache: Django builds a filtered queryset per article to hold a prefetch there, 30 of them for a
        feed (news.models.pages.ArticlePage.authors)."""
        links = bylines(self.model, photos)
        return self.prefetch_related(Prefetch("article_authors", queryset=links, to_attr=BYLINES))

    def by_author(self, author):
        """Articles ``author`` wrote or co-wrote (a subquery on the byline table: one row per article
        even when the author is listed twice)."""
        links = self.model._meta.get_field("article_authors").related_model.objects
        return self.filter(pk__in=links.filter(author=author).values("page_id"))

    def corrected_in(self, language: str):
        """Articles with a correction written in ``language``, newest correction first
        (``latest_correction``: the date of the newest)."""
        text = localized_field("text", language)
        written = Q(**{f"corrections__{text}__isnull": False}) & ~Q(**{f"corrections__{text}": ""})
        return (
            self.annotate(latest_correction=Max("corrections__date", filter=written))
            .filter(latest_correction__isnull=False)
            .order_by("-latest_correction", "-date", "-pk")
        )

    def with_corrections(self, language: str):
        """``article.corrections_shown``: its corrections written in ``language``, oldest first
        (one query)."""
        corrections = self.model._meta.get_field("corrections").related_model
        text = localized_field("text", language)
        written = corrections.objects.exclude(**{f"{text}__isnull": True}).exclude(**{text: ""})
        return self.prefetch_related(
            Prefetch("corrections", queryset=written.order_by("date", "pk"), to_attr="corrections_shown")
        )


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)
