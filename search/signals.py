"""Signal handlers connected in SearchConfig.ready()."""

from django.db.models.signals import post_save
from wagtail.signals import page_published, page_unpublished

from .indexing import index_page, indexed_models, remove_page


def on_published(sender, instance, **kwargs):
    index_page(instance)


def on_unpublished(sender, instance, **kwargs):
    remove_page(instance)


def on_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """Pages made live without a revision (imports, ``add_child`` of a live page). Saves of a draft
    revision only touch bookkeeping columns (``update_fields`` without ``live``) and are skipped;
    the page is re-read from the database so unpublished text never reaches the index."""
    if raw or (update_fields is not None and "live" not in update_fields):
        return
    index_page(instance, reload=True)


def connect():
    page_published.connect(on_published, dispatch_uid="newsroom_search_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="newsroom_search_unpublished")
    for model in indexed_models():
        post_save.connect(on_saved, sender=model, dispatch_uid=f"newsroom_search_saved_{model.__name__}")
    # Deleting a page deletes its documents through the foreign key's cascade.
