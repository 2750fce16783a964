from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsdeskConfig(AppConfig):
    """The editors' and translators' desk in the admin: translation status, starting a translation."""

    name = "newsdesk"
    verbose_name = _("Newsdesk")
