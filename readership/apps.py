"""Most read: article views counted without cookies or a database write per view, per language."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadershipConfig(AppConfig):
    name = "readership"
    verbose_name = _("Readership")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished

        from news.models import ArticlePage

        from .ranking import forget, forget_if_read

        # A title changed, an article left the site: the cached lists are rebuilt on the next page.
        for signal in (page_published, page_unpublished):
            signal.connect(forget_if_read, sender=ArticlePage, dispatch_uid=f"readership-forget-{id(signal)}")
        # Its reads are deleted with it (before this signal), so the lists go whatever they held.
        post_delete.connect(forget, sender=ArticlePage, dispatch_uid="readership-forget-deleted")
