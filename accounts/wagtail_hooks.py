"""Locked sign-ins in the admin: administrators see who is locked out and unlock them (delete the record).
The admin language switch that works for every account (accounts.admin_views)."""

from axes.models import AccessAttempt
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .admin_views import admin_language


class UnlockOnlyPolicy(ModelPermissionPolicy):
    """Failed sign-ins are recorded by django-axes; people may only look at them and remove them."""

    def user_has_permission(self, user, action):
        return action in ("view", "delete") and user.is_active and user.is_superuser


class LockedSignInViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Locked sign-ins")
    add_to_settings_menu = True
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    form_fields = ["username"]
    copy_view_enabled = False
    permission_policy = UnlockOnlyPolicy(AccessAttempt)


@hooks.register("register_admin_viewset")
def register_locked_sign_ins():
    return LockedSignInViewSet("locked_sign_ins")


@hooks.register("register_admin_urls")
def register_admin_language_url():
    return [path("account/language/", admin_language, name="accounts_admin_language")]


@hooks.register("register_account_menu_item")
def admin_language_menu_item(request):
    return {
        "url": reverse("accounts_admin_language"),
        "label": _("Admin language"),
        "help_text": _(
            "Choose the language the admin speaks; it works with or without a name on the account."
        ),
    }
