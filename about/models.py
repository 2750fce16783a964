""" "Who we are" and generic content pages such as Donate."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from navigation.menus import breadcrumbs
from news.blocks import CONTENT_BODY_BLOCKS
from seo.metadata import for_page
from translations.languages import request_language
from translations.links import language_versions
from translations.mixins import DefaultLanguageColumnsMixin
from translations.routing import RoutedPageMixin


class BaseContentPage(DefaultLanguageColumnsMixin, RoutedPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(CONTENT_BODY_BLOCKS, blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    navigation_role = "footer"  # linked from the footer (navigation.tree)

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = request_language(request)
        context["breadcrumbs"] = crumbs = breadcrumbs(self, language)
        context["language_versions"] = language_versions(self, request)
        context["meta"] = for_page(self, request, language, crumbs=crumbs)
        return context


class AboutPage(BaseContentPage):
    """ "Who we are": the outlet, its editors and how to reach them."""

    max_count = 1
    footer_kind = "about"

    class Meta:
        verbose_name = _("about page")


class ContentPage(BaseContentPage):
    """A generic page with a body: Donate, Terms, Privacy."""

    class Meta:
        verbose_name = _("content page")
