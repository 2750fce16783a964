"""Breaking news in the admin: its own menu entry; editors write the headline and link per language."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import BreakingNews


class BreakingNewsViewSet(SnippetViewSet):
    model = BreakingNews
    icon = "warning"
    menu_label = _("Breaking news")
    menu_name = "breaking-news"
    add_to_admin_menu = True
    menu_order = 150
    list_display = ["__str__", "expires_at", "status", "created_at"]
    list_filter = ["live"]
    search_fields = None
    copy_view_enabled = False


register_snippet(BreakingNewsViewSet)
