"""Every content change readers can see retires the cached pages (connected in PagecacheConfig.ready).

Pages: published (scheduled go-live too: ``publish_scheduled`` publishes through the same signal),
unpublished (and expired), moved, deleted, and saved live outside a revision (code, imports). A page
saved as a draft changes nothing readers see and is ignored. Privacy set on a page or lifted (a view
restriction) changes what anonymous readers may see of it and of everything below it. Snippets
(authors, tags and any added later), Wagtail settings (footer, social links), sites (the root and host
of every URL) and redirects (an old address now leads elsewhere) retire everything too.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from . import purge

# What Wagtail writes on a page when a draft is saved, locked or scheduled: nothing readers see.
DRAFT_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "wagtail_admin_comments",
    "go_live_at",
    "expire_at",
}


def on_page_published(sender, instance, **kwargs):
    purge.page_changed(instance)


def on_page_unpublished(sender, instance, **kwargs):
    purge.page_changed(instance)


def on_page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    if parent_page_before is not None and parent_page_before != parent_page_after:
        # The sections it left no longer list it.
        before = parent_page_before.get_ancestors(inclusive=True).filter(depth__gte=2)
        before = list(before.specific(defer=True))
        purge.page_changed(instance, ancestors=before)
    purge.page_changed(instance)


def on_saved(sender, instance, update_fields=None, created=False, **kwargs):
    """Any model's save: pages saved live, redirects, snippets, settings and sites."""
    if isinstance(instance, Page):
        if not instance.live or (update_fields is not None and set(update_fields) <= DRAFT_FIELDS):
            return
        # A publish saves the page, then sends page_published, which works out the URLs for the
        # front cache; here (saves outside revisions too) the cached pages are retired.
        purge.content_changed()
    elif created and isinstance(instance, (BaseSiteSetting, BaseGenericSetting)):
        # Wagtail creates a settings row, with its defaults, the first time a page reads it: readers
        # already saw those defaults. Editing it in the admin is an update.
        return
    else:
        _on_other_changed(instance)


def on_deleted(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        _on_other_changed(instance)


def on_page_deleting(sender, instance, **kwargs):
    # A page and its descendants, one signal each: the front cache is purged whole, once.
    if isinstance(instance, Page) and instance.live:
        purge.content_changed(everything=True)


def _on_other_changed(instance):
    if isinstance(instance, Redirect):
        purge.content_changed([instance.old_path.rstrip("/") + "/"])
    elif isinstance(instance, PageViewRestriction):
        # The page and every page below it, in the listings, feeds and sitemaps too: rare, so all of it.
        purge.content_changed(everything=True)
    elif isinstance(instance, everywhere_models()):
        purge.content_changed(everything=True)


def everywhere_models() -> tuple[type, ...]:
    """Snippets, settings and sites: shown on every page. Read when a save happens, because Wagtail
    registers snippets after this app is ready."""
    return (Site, BaseSiteSetting, BaseGenericSetting, *get_snippet_models())


def connect():
    page_published.connect(on_page_published, dispatch_uid="pagecache-published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="pagecache-moved")
    post_save.connect(on_saved, dispatch_uid="pagecache-saved")
    post_delete.connect(on_deleted, dispatch_uid="pagecache-deleted")
    pre_delete.connect(on_page_deleting, dispatch_uid="pagecache-page-deleting")
