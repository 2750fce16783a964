"""The admin dashboard panel: how many articles are translated, outdated or missing per language."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from news.models import ArticlePage
from translations.status import counts


class TranslationCountsPanel(Component):
    name = "translation_counts"
    template_name = "newsdesk/dashboard_panel.html"
    order = 150

    def get_context_data(self, parent_context=None):
        return {"rows": counts(ArticlePage.objects.all()), "status_url": reverse("newsdesk:status")}
