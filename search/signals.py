"""Signal handlers connected in SearchConfig.ready()."""

from wagtail.signals import page_published, page_unpublished

from .indexing import index_page, remove_page


def on_published(sender, instance, **kwargs):
    index_page(instance)


def on_unpublished(sender, instance, **kwargs):
    remove_page(instance)


def connect():
    page_published.connect(on_published, dispatch_uid="newsroom_search_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="newsroom_search_unpublished")
    # Deleting a page deletes its documents through the foreign key's cascade.
