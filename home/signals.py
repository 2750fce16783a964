"""Keep the cached navigation in step with the page tree."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .navigation import invalidate


def _on_page_saved(sender, instance, **kwargs):
    from about.models import AboutPage, ContentPage
    from news.models import CategoryIndexPage

    from .models import HomePage

    # Sections feed the menu and breadcrumbs; about/content pages feed the footer links.
    if isinstance(instance, (CategoryIndexPage, HomePage, AboutPage, ContentPage)):
        invalidate()


def connect():
    page_published.connect(invalidate, dispatch_uid="navigation-published")
    page_unpublished.connect(invalidate, dispatch_uid="navigation-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="navigation-moved")
    post_save.connect(_on_page_saved, dispatch_uid="navigation-saved")
    post_delete.connect(_on_page_saved, dispatch_uid="navigation-deleted")
