"""Sections (CategoryIndexPage) and articles (ArticlePage)."""

import math

from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from navigation.menus import breadcrumbs, section_of, section_url, subsections
from sanitize.validators import validate_web_url
from seo import structured_data
from seo.absolute import w3c
from seo.feed_links import feed_links
from seo.images import share_image
from seo.metadata import for_page
from translations.availability import is_available
from translations.forms import TranslationReadinessForm
from translations.languages import language_codes, request_language
from translations.links import language_versions, page_url
from translations.mixins import DefaultLanguageColumnsMixin

from ..blocks import ARTICLE_BODY_BLOCKS
from ..querysets import ArticlePageManager

ARTICLES_PER_PAGE = 12
RELATED_COUNT = 8
NEW_ARTICLES_COUNT = 10
WORDS_PER_MINUTE = 200


def paginate(request, queryset, per_page=ARTICLES_PER_PAGE):
    """A page of results; a bad ``?page=`` (text, 0, negative, too large) gives the nearest real page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


class CategoryIndexPage(DefaultLanguageColumnsMixin, Page):
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = request_language(request)
        articles = ArticlePage.objects.published_in(language).descendant_of(self).cards().with_authors()
        context["articles"] = paginate(request, articles)
        context["subsections"] = subsections(self, language)
        context["breadcrumbs"] = crumbs = breadcrumbs(self, language)
        context["language_versions"] = language_versions(self, request)
        context["meta"] = self.get_metadata(request, language, crumbs)
        return context

    def get_metadata(self, request, language, crumbs):
        """The section's own feeds besides the language's, its breadcrumbs and the WebSite."""
        this_section = {"title": self.title, "url": page_url(self, language, request)}
        meta = for_page(self, request, language, crumbs=crumbs, feeds=feed_links(language, this_section))
        meta.json_ld.append(structured_data.website(request, language))
        return meta


class ArticleAuthor(Orderable):
    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey("news.Author", on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class ArticlePage(DefaultLanguageColumnsMixin, Page):
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

    objects = ArticlePageManager()

    base_form_class = TranslationReadinessForm

    content_panels = Page.content_panels + [
        FieldPanel("ready"),
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

    # --- Routing ------------------------------------------------------------------------------
    @classmethod
    def get_route_queryset(cls):
        """How HomePage.route loads an article: everything the page shows, in a fixed few queries."""
        return (
            # One hero image and a few author photos: joined; their renditions come from the
            # rendition cache (a prefetch would cost a query on every view to save one on a cold cache).
            cls.objects.select_related("hero_image").with_authors(photos=True).prefetch_related("tags")
        )

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
        return [link.author for link in self.article_authors.all()]

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
        published = ArticlePage.objects.published_in(language).exclude(pk=self.pk)
        # At most eight cards: their renditions come from the rendition cache, which saves the
        # article page the prefetch query listings make (ArticlePageQuerySet.cards).
        context["related_articles"] = published.filter(
            path__startswith=self.section_path, depth=self.depth
        ).select_related("hero_image")[:RELATED_COUNT]
        context["new_articles"] = published.only(
            *[f"title_{code}" for code in language_codes()],
            *[f"url_path_{code}" for code in language_codes()],
            "title",
            "url_path",
            "date",
            "path",
            "depth",
        )[:NEW_ARTICLES_COUNT]
        context["breadcrumbs"] = crumbs = breadcrumbs(self, language)
        context["section"] = section = section_of(self, language)
        context["language_versions"] = language_versions(
            self, request, fallback=lambda code: section_url(self, code)
        )
        context["meta"] = self.get_metadata(request, language, crumbs, section)
        return context

    def get_metadata(self, request, language, crumbs, section):
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
        meta.json_ld.insert(0, article)
        return meta
