"""Keep the cached navigation in step with the page tree (connected in NavigationConfig.ready)."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .tree import invalidate, is_navigation_page


def _on_page_saved(sender, instance, **kwargs):
    # Sections feed the menu and breadcrumbs, footer pages the footer links, the home page both.
    if is_navigation_page(instance):
        invalidate()


def connect():
    page_published.connect(invalidate, dispatch_uid="navigation-published")
    page_unpublished.connect(invalidate, dispatch_uid="navigation-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="navigation-moved")
    post_save.connect(_on_page_saved, dispatch_uid="navigation-saved")
    post_delete.connect(_on_page_saved, dispatch_uid="navigation-deleted")
