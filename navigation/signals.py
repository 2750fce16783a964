"""Keep the cached navigation in step with the page tree (connected in NavigationConfig.ready).

Only what the tree is built from clears it: sections, footer pages and the home page (published,
unpublished, moved, saved or deleted), sites (the root of the tree) and view restrictions (a private
section leaves the menu). Articles, image renditions, search documents and every other save leave it
alone: each of them used to clear it, so the scheduler making a new article's renditions, or any
publish, cost the next page view a rebuild (4 queries).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .tree import invalidate, is_navigation_page


def _on_page_changed(sender, instance, **kwargs):
    if is_navigation_page(instance):
        invalidate()


def _on_saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _on_page_changed(sender, instance)
    elif isinstance(instance, (Site, PageViewRestriction)):
        invalidate()


def connect():
    page_published.connect(_on_page_changed, dispatch_uid="navigation-published")
    page_unpublished.connect(_on_page_changed, dispatch_uid="navigation-unpublished")
    post_page_move.connect(_on_page_changed, dispatch_uid="navigation-moved")
    post_save.connect(_on_saved_or_deleted, dispatch_uid="navigation-saved")
    post_delete.connect(_on_saved_or_deleted, dispatch_uid="navigation-deleted")
