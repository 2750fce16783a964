"""Newsletter subscribers in the admin: editors with the model's view/delete permissions list them,
filter by language and frequency, export the confirmed ones as CSV or XLSX (the listing's own export)
and delete them, one by one or selected in bulk (the snippet bulk action). Nobody adds or edits a
subscriber by hand: a subscription exists only by its owner's consent (newsletter.views)."""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Subscriber


class ViewAndDeletePolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action in ("view", "delete") and super().user_has_permission(user, action)


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Newsletter subscribers")
    menu_name = "newsletter-subscribers"
    add_to_admin_menu = True
    menu_order = 850
    list_display = ["email", "language", "frequency", "consented_at", "last_digest_at"]
    list_filter = ["language", "frequency"]
    list_export = ["email", "language", "frequency", "consented_at"]
    export_filename = "newsletter-subscribers"
    search_fields = ["email"]
    search_backend_name = None  # a plain database filter on the address
    inspect_view_enabled = True
    inspect_view_fields = ["email", "language", "frequency", "consented_at", "last_digest_at"]
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return ViewAndDeletePolicy(self.model)

    def get_queryset(self, request):
        # Only confirmed subscriptions are ever stored; the filter keeps the export honest regardless.
        return Subscriber.objects.filter(consented_at__isnull=False)


register_snippet(SubscriberViewSet)
