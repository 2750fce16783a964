"""Index the demo once at the end instead of on every save.

Creating and publishing a page saves it three times; Wagtail's search index and reference index
(the "usage" counts in the admin) would each be rebuilt for every save. While the demo is built,
both auto-updates are paused and every object saved is indexed once afterwards.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def deferred_indexing():
    """Pause search and reference index updates; index every object saved meanwhile on exit."""
    models = [
        model for model in search_index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    saved: dict = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw and instance.pk is not None:
            saved[(sender, instance.pk)] = instance

    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(remember, weak=False, dispatch_uid="demo-deferred-indexing")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="demo-deferred-indexing")
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    for (sender, _pk), instance in saved.items():
        if sender in models:
            search_index.insert_or_update_object(instance)
        if ReferenceIndex.is_indexed(sender):
            ReferenceIndex.create_or_update_for_object(instance)
