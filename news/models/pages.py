"""Sections (CategoryIndexPage) and articles (ArticlePage)."""

import functools
import math

from django.db import models
from django.db.models import Value
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from navigation.menus import breadcrumbs, section_of, section_url, subsections
from navigation.tree import section_tree
from sanitize.validators import validate_web_url
from seo import structured_data
from seo.absolute import w3c
from seo.feed_links import feed_links
from seo.images import share_image
from seo.metadata import for_page
from translations import compiled
from translations.availability import is_available
from translations.forms import TranslationReadinessForm
from translations.languages import (
    current_language,
    default_language,
    language_codes,
    localized_field,
    request_language,
)
from translations.links import language_versions, page_url
from translations.mixins import DefaultLanguageColumnsMixin
from translations.panels import CopyConfirmationPanel
from translations.routing import RoutedPageMixin
from translations.widgets import SnippetChooser

from .. import renditions
from ..blocks import ARTICLE_BODY_BLOCKS
from ..listings import Listing, in_section, top_section_id, with_page
from ..querysets import BYLINES, ArticlePageManager, bylines, card_fields
from .live import LiveCoverageMixin
from .snippets import Author, Tag

ARTICLES_PER_PAGE = 12
RELATED_COUNT = 8
NEW_ARTICLES_COUNT = 10
WORDS_PER_MINUTE = 200


class CategoryIndexPage(DefaultLanguageColumnsMixin, RoutedPageMixin, Page):
    """A section (News, Opinion, ...) or a sub-section (News > Economy)."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    navigation_role = "section"  # in the menu and breadcrumbs (navigation.tree)

    parent_page_types = ["home.HomePage", "news.CategoryIndexPage"]
    subpage_types = ["news.CategoryIndexPage", "news.ArticlePage"]

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def articles_in(self, language: str, top_level: bool):
        if self.pk is None:  # the preview of a section not saved yet
            return ArticlePage.objects.none()
        return ArticlePage.objects.published_in(language).filter(in_section(self, top_level))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = request_language(request)
        context["breadcrumbs"] = crumbs = breadcrumbs(self, language)
        home = section_tree()["home"]
        top_level = bool(home) and self.depth == len(home["path"]) // self.steplen + 1  # a child of Home
        listing = self.listing(request, top_level)
        articles = listing.page(language, lambda queryset: queryset.card_rows().with_authors())
        renditions.attach([(article.hero_image, renditions.CARD) for article in articles])
        context["articles"] = articles
        context["subsections"] = subsections(self, language)
        context["language_versions"] = language_versions(self, request)
        context["meta"] = self.get_metadata(request, language, crumbs, articles.number, listing)
        return context

    def listing(self, request, top_level: bool) -> Listing:
        """The section's articles in every language (``top_level``: a child of Home, whose articles are
        one index range)."""
        articles = functools.partial(self.articles_in, top_level=top_level)
        published = ArticlePage.objects.published_in
        return Listing(request, "section", (self.pk, top_level), articles, ARTICLES_PER_PAGE, published)

    def get_metadata(self, request, language, crumbs, number=1, listing=None):
        """The section's own feeds besides the language's, its breadcrumbs and the WebSite. Page ``number``
        of the list is its own canonical URL, with hreflang to the same page in the languages that have it."""
        this_section = {"title": self.title, "url": page_url(self, language, request)}
        meta = for_page(self, request, language, crumbs=crumbs, feeds=feed_links(language, this_section))
        meta.json_ld.append(structured_data.website(request, language))
        if number > 1 and listing is not None:
            meta.canonical = with_page(meta.canonical, number)
            others = [code for code, _url in meta.alternates if code not in ("x-default", language)]
            having = listing.languages_having(others, number) | {language}
            kept = {url for code, url in meta.alternates if code in having}
            meta.alternates = [(code, with_page(url, number)) for code, url in meta.alternates if url in kept]
        return meta


class ArticleAuthor(Orderable):
    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey("news.Author", on_delete=models.PROTECT, related_name="+")

    panels = [
        FieldPanel(
            "author",
            heading=_("Author"),
            widget=SnippetChooser(
                Author,
                choose_one_text=_("Choose author"),
                choose_another_text=_("Choose another author"),
                link_to_chosen_text=_("Edit this author"),
            ),
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class ArticlePage(LiveCoverageMixin, DefaultLanguageColumnsMixin, RoutedPageMixin, Page):
    intro = models.TextField(_("standfirst"), blank=True, max_length=600)
    date = models.DateTimeField(_("publication date"), default=timezone.now, db_index=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("caption"), max_length=300, blank=True)
    hero_alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for readers who cannot see it. Defaults to the caption."),
    )
    hero_credit = models.CharField(_("photo credit"), max_length=120, blank=True)
    source_name = models.CharField(
        _("republished from"),
        max_length=120,
        blank=True,
        help_text=_("The outlet this article first appeared in, e.g. The Moscow Times."),
    )
    source_url = models.URLField(_("link to the original"), blank=True, validators=[validate_web_url])
    tags = ParentalManyToManyField("news.Tag", blank=True, related_name="articles", verbose_name=_("tags"))
    body = StreamField(ARTICLE_BODY_BLOCKS, blank=True, verbose_name=_("body"))
    # Translated (ready_en, ready_az, ...): a language version reaches readers only once ticked.
    # See translations.availability and translations.forms.
    ready = models.BooleanField(
        _("ready for readers"),
        default=True,
        help_text=_("Show this language version to readers. Leave unticked while it is being translated."),
    )
    # Denormalised from ``path`` (save() and page moves keep it, ``news.listings``): the top-level section
    # the article is filed under, so a section's newest articles are one index range (top_section, date)
    # however large the archive, instead of a walk of every article's date with a path test on each.
    top_section = models.ForeignKey(
        "news.CategoryIndexPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    # Ticked by the editor for one publish (news.corrections.record_significant_update): readers see
    # "Updated <time>" and JSON-LD dateModified becomes ``last_significant_update``; the box is cleared.
    significant_update = models.BooleanField(
        _("significant update"),
        default=False,
        help_text=_(
            "Tick when this publish changes the story substantially: readers see “Updated” with the "
            "time, and search engines get the new date. Cleared once published."
        ),
    )
    last_significant_update = models.DateTimeField(
        _("last significant update"), null=True, blank=True, editable=False
    )
    # Kept by save(): whether the published article has correction notes, so that the page of one
    # without any (nearly all) reads none (a query on every article view otherwise).
    has_corrections = models.BooleanField(default=False, editable=False)

    objects = ArticlePageManager()

    base_form_class = TranslationReadinessForm

    content_panels = Page.content_panels + [
        FieldPanel("ready"),
        CopyConfirmationPanel("publish_copies"),
        FieldPanel("intro"),
        FieldPanel("date"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_caption"),
                FieldPanel("hero_alt"),
                FieldPanel("hero_credit"),
            ],
            heading=_("Hero image"),
        ),
        InlinePanel("article_authors", label=_("Authors"), min_num=1),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("live_coverage"),
                FieldPanel("live_ended"),
                InlinePanel("live_updates", label=_("Live updates")),
            ],
            heading=_("Live coverage"),
        ),
        MultiFieldPanel(
            [FieldPanel("significant_update"), InlinePanel("corrections", label=_("Corrections"))],
            heading=_("Updates and corrections"),
        ),
        MultiFieldPanel([FieldPanel("source_name"), FieldPanel("source_url")], heading=_("Source")),
        FieldPanel("tags"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        *[index.AutocompleteField(f"title_{code}") for code in language_codes()],
    ]

    parent_page_types = ["news.CategoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            # A section's pages and the home page's blocks: newest first within one top-level section.
            models.Index(fields=["top_section", "-date", "-page_ptr"], name="news_article_section_date"),
            # Everything newest first (home, feeds, new articles): the date with the tie-breaker.
            models.Index(fields=["-date", "-page_ptr"], name="news_article_date_pk"),
            # "Not ready in this language" (translations.availability.available_q): the few articles
            # held back, so that every listing's NOT EXISTS reads a tiny index instead of scanning
            # the whole table (21 ms at 30,000 articles on PostgreSQL).
            *[
                models.Index(
                    fields=["page_ptr"],
                    condition=models.Q(**{f"ready_{code}": False}),
                    name=f"news_article_unready_{code}",
                )
                for code in language_codes()
            ],
        ]

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.top_section_id = top_section_id(self.path) if self.path else None
            self.has_corrections = bool(self.corrections.all())
        return super().save(*args, **kwargs)

    # --- Routing ------------------------------------------------------------------------------
    @classmethod
    def get_route_queryset(cls):
        """The row HomePage.route loads for an article (``translations.routing``): the hero image joined
        (its renditions are loaded with the page's others, ``news.renditions``), the other languages'
        long text left out."""
        return cls.objects.select_related("hero_image").defer(*cls.other_languages_text(current_language()))

    def load_route_relations(self):
        """What an article's page shows besides its row: bylines with photos and tags, one query each,
        compiled once (a prefetch built and compiled both on every view: 1.1 of its 2.2 ms of routing),
        held where ``with_authors`` and ``prefetch_related("tags")`` hold them."""
        self.__dict__[BYLINES] = compiled.instances(
            ("article bylines",),
            lambda: bylines(type(self), photos=True).filter(page_id=Value(compiled.VALUE)),
            self.pk,
        )
        tags = self.tags.get_queryset()  # lazy: holds the rows below, as a prefetch would
        tags._result_cache = compiled.instances(
            ("article tags",), lambda: Tag.objects.filter(articles=Value(compiled.VALUE)), self.pk
        )
        tags._prefetch_done = True
        self.__dict__.setdefault("_prefetched_objects_cache", {})["tags"] = tags

    @staticmethod
    def other_languages_text(language: str) -> list[str]:
        """The long translated columns of the languages a view in ``language`` never reads (bodies,
        standfirsts, captions...): not the default language, which modeltranslation falls back to, nor
        titles, slugs, paths and readiness, which the switcher and hreflang read for every language."""
        unused = [code for code in language_codes() if code not in (language, default_language())]
        fields = [
            "body",
            "intro",
            "hero_caption",
            "hero_alt",
            "source_name",
            "seo_title",
            "search_description",
        ]
        return [f"{name}_{code}" for code in unused for name in fields]

    def clean(self):
        super().clean()
        # A scheduled article is published when it goes live, so its date moves with the schedule
        # (listings, feeds and the news sitemap sort and filter by it).
        if self.go_live_at and self.date and self.go_live_at > self.date:
            self.date = self.go_live_at

    def serve(self, request, *args, **kwargs):
        language = request_language(request)
        if not is_available(self, language) and not getattr(request, "is_preview", False):
            # No version in this language: the reader lands on the section in their language.
            return redirect(section_url(self, language))
        return super().serve(request, *args, **kwargs)

    # --- What the page shows ------------------------------------------------------------------
    @property
    def section_path(self) -> str:
        return self.path[: -self.steplen]

    @property
    def modified_date(self):
        """When readers last saw a change: the later of the publication date and the last publish."""
        return max(filter(None, [self.date, self.last_published_at]), default=None)

    @property
    def authors(self):
        """The article's authors in byline order: from ``with_authors`` when the article was loaded
        with it, else from its bylines (a query; in a preview, the bylines being edited)."""
        links = self.__dict__.get(BYLINES)
        if links is None:
            links = self.article_authors.all()
        return [link.author for link in links]

    @property
    def hero_credit_line(self) -> str:
        """The credit as shown ("Photo: Reuters"), like body images' ``credit_line``."""
        credit = (self.hero_credit or "").strip()
        return _("Photo: %(credit)s") % {"credit": credit} if credit else ""

    @property
    def hero_alt_text(self) -> str:
        return (self.hero_alt or "").strip() or (self.hero_caption or "").strip() or self.title

    def plain_text(self) -> str:
        """The article's text in the active language, for reading time and search snippets."""
        body = self._meta.get_field("body").get_searchable_content(self.body) if self.body else []
        return " ".join(part for part in [self.title or "", self.intro or "", *body] if part)

    def reading_time(self) -> int:
        """Minutes to read the active language's text, at least one."""
        words = len(self.plain_text().split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = request_language(request)
        # "New articles" and "Related" leave this article out of the newest (``NEW_ARTICLES_COUNT + 1``,
        # ``RELATED_COUNT + 1``). Both are read only when the template shows them: they are fragments
        # cached per language and per section, so most views show the cached copy and send no query
        # (nor build one: building the language's newest cost the ORM half a millisecond).
        context["newest"] = SimpleLazyObject(lambda: self.language_newest(language))
        context["section_newest"] = SimpleLazyObject(lambda: self.section_newest(language))
        # The hero, author photos and body images: one query.
        renditions.attach(renditions.article_images(self))
        context["breadcrumbs"] = crumbs = breadcrumbs(self, language)
        context["section"] = section = section_of(self, language)
        context["language_versions"] = language_versions(
            self, request, fallback=lambda code: section_url(self, code)
        )
        context["corrections"] = self.corrections_in(language, getattr(request, "is_preview", False))
        context["live"] = live = self.live_in(language, request)  # news.models.live
        context["meta"] = self.get_metadata(request, language, crumbs, section, live)
        return context

    @staticmethod
    def language_newest(language: str, count: int = NEW_ARTICLES_COUNT + 1) -> list:
        """The newest ``count`` articles in ``language``, as headlines: "New articles" shows them but the
        article showing them."""
        return list(ArticlePage.objects.published_in(language).only(*card_fields())[:count])

    def section_newest(self, language: str, count: int = RELATED_COUNT + 1) -> list:
        """The newest ``count`` articles of this article's section in ``language``, this one included,
        as listing cards with their pictures' renditions (two queries). "Related" shows them but this
        article, so that one list serves every article of the section."""
        same_section = ArticlePage.objects.published_in(language).filter(
            path__startswith=self.section_path, depth=self.depth
        )
        if self.top_section_id:  # the section's index range, newest first (at 30,000 articles: 16 -> 2 ms)
            same_section = same_section.filter(top_section_id=self.top_section_id)
        cards = list(same_section.card_rows()[:count])
        renditions.attach([(card.hero_image, renditions.CARD) for card in cards])
        return cards

    def corrections_in(self, language: str, preview: bool = False) -> list:
        """The corrections written in ``language``, oldest first (``news.models.corrections``): one
        query when the article has any; a preview reads the editor's unsaved ones from memory."""
        if not (self.has_corrections or preview):
            return []
        text = localized_field("text", language)
        written = [c for c in self.corrections.all() if (getattr(c, text, "") or "").strip()]
        return sorted(written, key=lambda correction: (correction.date, correction.pk or 0))

    def get_metadata(self, request, language, crumbs, section, live=None):
        """An Open Graph article with its share image, NewsArticle JSON-LD, the section's feeds."""
        meta = for_page(self, request, language, crumbs=crumbs, feeds=feed_links(language, section))
        meta.og_type = "article"
        if not self.pk:  # a new article's preview: no URL yet, nothing to describe to machines
            return meta
        meta.image = share_image(self.hero_image, request, self.hero_alt_text)
        meta.article = {
            "published_time": w3c(self.date),
            "modified_time": w3c(self.modified_date),
            "section": section["title"] if section else "",
            "tags": [tag.name for tag in self.tags.all()],
            "authors": [author.name for author in self.authors],
        }
        article = structured_data.news_article(
            request,
            self,
            language=language,
            url=meta.canonical,
            description=meta.description,
            section=section,
            alternates=meta.alternates,
        )
        meta.json_ld.insert(0, self.live_structured_data(article, live))
        return meta
