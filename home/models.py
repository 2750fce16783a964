"""The site root (HomePage) and the settings editors change for the whole site."""

from django.db import models
from django.db.models import Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

from navigation.menus import main_menu
from news import renditions
from news.listings import union_of
from news.models import ArticlePage
from sanitize.validators import validate_web_url
from seo import structured_data
from seo.images import share_image
from seo.metadata import for_page
from translations.languages import request_language
from translations.links import language_versions
from translations.mixins import DefaultLanguageColumnsMixin
from translations.routing import RouteByLanguagePathMixin, RoutedPageMixin

LATEST_COUNT = 6
PER_SECTION_COUNT = 4


class HomePage(RouteByLanguagePathMixin, DefaultLanguageColumnsMixin, RoutedPageMixin, Page):
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)

    content_panels = Page.content_panels + [FieldPanel("tagline")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.CategoryIndexPage", "about.AboutPage", "about.ContentPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = request_language(request)
        articles = ArticlePage.objects.published_in(language)
        latest = list(articles.card_rows()[: LATEST_COUNT + 1])
        context["lead"] = latest[0] if latest else None
        context["latest"] = latest[1:]
        context["sections"] = blocks = self.section_blocks(articles, language, exclude={a.pk for a in latest})
        # Every picture on the page (and the share image) in one query.
        cards = [article for block in blocks for article in block["articles"]] + latest[1:]
        lead = [(latest[0].hero_image, renditions.LEAD_CARD)] if latest else []
        renditions.attach(lead + [(article.hero_image, renditions.CARD) for article in cards])
        context["language_versions"] = language_versions(self, request)
        context["meta"] = self.get_metadata(request, language, context["lead"])
        return context

    def get_metadata(self, request, language, lead):
        """The WebSite (with its search box), the lead article's picture as the share image."""
        meta = for_page(self, request, language)
        if lead is not None:
            meta.image = share_image(lead.hero_image, request, lead.hero_alt_text)
        meta.json_ld.append(structured_data.website(request, language))
        return meta

    def section_blocks(self, articles, language, exclude):
        """The newest few articles of every top-level section in the menu, sub-sections included.

        One bounded query per section (``top_section`` and date, newest first, ``LIMIT``), all sent as
        one ``UNION ALL``: each reads a few index entries, whatever the archive's size. (The window
        query it replaces ranked every article of the language: 73 % of a Russian home view at 30,000.)
        """
        menu = main_menu(language)
        if not menu:
            return []
        # Compiled once (an ORM compile of this query costs more than running it), then sent once per
        # section with that section's path in place of the marker.
        marker = "\x00top-section\x00"
        newest = articles.exclude(pk__in=exclude).filter(
            top_section=Subquery(Page.objects.filter(path=marker).values("pk"))
        )[:PER_SECTION_COUNT]
        union = union_of([newest], marker=marker, values=[section["path"] for section in menu])
        chosen = articles.filter(pk__in=union).card_rows()
        by_section: dict[str, list] = {}
        for article in chosen:
            section = next((s["path"] for s in menu if article.path.startswith(s["path"])), None)
            by_section.setdefault(section, []).append(article)
        return [
            {"section": section, "articles": by_section[section["path"]]}
            for section in menu
            if by_section.get(section["path"])
        ]


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    footer_about = models.TextField(_("about the outlet (footer)"), blank=True, max_length=600)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    copyright_line = models.CharField(_("copyright line"), max_length=200, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True, validators=[validate_web_url])
    x_url = models.URLField(_("X (Twitter)"), blank=True, validators=[validate_web_url])
    telegram_url = models.URLField(_("Telegram"), blank=True, validators=[validate_web_url])
    youtube_url = models.URLField(_("YouTube"), blank=True, validators=[validate_web_url])
    instagram_url = models.URLField(_("Instagram"), blank=True, validators=[validate_web_url])

    panels = [
        FieldPanel("footer_about"),
        FieldPanel("contact_email"),
        FieldPanel("copyright_line"),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("telegram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("instagram_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("Telegram", self.telegram_url),
            ("YouTube", self.youtube_url),
            ("Instagram", self.instagram_url),
        ]
        return [(name, url) for name, url in links if url]
