"""Breaking news: a short headline and link per language, shown at the top of every page until it expires."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BreakingConfig(AppConfig):
    name = "breaking"
    verbose_name = _("Breaking news")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .banner import forget
        from .models import BreakingNews

        post_save.connect(forget, sender=BreakingNews, dispatch_uid="breaking-forget-saved")
        post_delete.connect(forget, sender=BreakingNews, dispatch_uid="breaking-forget-deleted")
