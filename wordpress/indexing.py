"""Index imported pages once, at the end of the import, instead of on every save.

Creating and publishing a page saves it three times, and each save would update Wagtail's admin search
index and reference index ("usage" counts) and the readers' search documents. During an import the
admin indexes are paused and every object saved is indexed once at the end (as ``demo.indexing`` does
for demo content); readers' search documents are written once per page, when the page is published
(``search.signals.on_published``), not also on each intermediate save. Measured on bench/import.py
(300 posts): about 40% of the import's time.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from search import signals as reader_search
from search.indexing import indexed_models

CHUNK = 500


@contextmanager
def deferred_indexing():
    models = [m for m in search_index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    saved: dict = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw and instance.pk is not None:
            saved[(sender, instance.pk)] = sender

    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    for model in indexed_models():
        post_save.disconnect(sender=model, dispatch_uid=f"newsroom_search_saved_{model.__name__}")
    post_save.connect(remember, weak=False, dispatch_uid="wordpress-deferred-indexing")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="wordpress-deferred-indexing")
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
        for model in indexed_models():
            post_save.connect(
                reader_search.on_saved, sender=model, dispatch_uid=f"newsroom_search_saved_{model.__name__}"
            )
        _index(saved, models)


def _index(saved: dict, models) -> None:
    """Each saved object once: admin search in bulk per model, then the reference index."""
    by_model: dict = {}
    for sender, pk in saved:
        if sender in models or ReferenceIndex.is_indexed(sender):
            by_model.setdefault(sender, []).append(pk)
    backends = get_search_backends(with_auto_update=True)
    for sender, pks in by_model.items():
        for start in range(0, len(pks), CHUNK):
            objects = list(sender._default_manager.filter(pk__in=pks[start : start + CHUNK]))
            if sender in models:
                indexed = [obj for obj in (search_index.get_indexed_instance(o) for o in objects) if obj]
                by_class: dict = {}
                for obj in indexed:
                    by_class.setdefault(type(obj), []).append(obj)
                for model, items in by_class.items():
                    for backend in backends:
                        backend.add_bulk(model, items)
            if ReferenceIndex.is_indexed(sender):
                for obj in objects:
                    ReferenceIndex.create_or_update_for_object(obj)
