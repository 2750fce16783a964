"""Index imported pages once, at the end of the import, instead of on every save and publish.

Each save of a page would update Wagtail's admin search index and reference index ("usage" counts) and
each save and publish the readers' search documents. During an import the admin indexes are paused and
every object saved is indexed once at the end (as ``demo.indexing`` does for demo content); the readers'
search documents of every page published are written at the end too, 500 pages a query, with one write
of the new words (``search.indexing``). Measured on bench/import.py (300 posts): about 40% of the
import's time; the readers' documents in bulk were 15% of what remained (1,000 posts).
"""

from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from search import signals as reader_search
from search.indexing import documents_for, indexed_models, save_vocabulary
from search.models import SearchDocument
from translations import tracking

CHUNK = 500
TRACKING_UID = "translation-state-revision"  # translations.apps


@contextmanager
def deferred_indexing():
    models = [m for m in search_index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    saved: dict = {}
    published: set = set()

    def remember(sender, instance, raw=False, **kwargs):
        if not raw and instance.pk is not None:
            saved[(sender, instance.pk)] = sender

    def remember_published(sender, instance, **kwargs):
        published.add(instance.pk)

    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    for model in indexed_models():
        post_save.disconnect(sender=model, dispatch_uid=f"newsroom_search_saved_{model.__name__}")
    post_save.connect(remember, weak=False, dispatch_uid="wordpress-deferred-indexing")
    page_published.disconnect(dispatch_uid="newsroom_search_published")
    page_published.connect(remember_published, weak=False, dispatch_uid="wordpress-deferred-published")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="wordpress-deferred-indexing")
        page_published.disconnect(dispatch_uid="wordpress-deferred-published")
        page_published.connect(reader_search.on_published, dispatch_uid="newsroom_search_published")
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
        for model in indexed_models():
            post_save.connect(
                reader_search.on_saved, sender=model, dispatch_uid=f"newsroom_search_saved_{model.__name__}"
            )
        _index(saved, models)
        _index_for_readers(published)


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


def _index_for_readers(page_ids) -> None:
    """The readers' search documents of the pages published, as ``search.signals.on_published`` writes
    them one page at a time; a page rolled back or not live any more has none."""
    ids = sorted(page_ids)
    vocabulary: dict = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        with transaction.atomic():
            SearchDocument.objects.filter(page_id__in=chunk).delete()
            documents = []
            for page in Page.objects.filter(pk__in=chunk, live=True).specific():
                if isinstance(page, indexed_models()):
                    documents.extend(documents_for(page, vocabulary))
            SearchDocument.objects.bulk_create(documents)
    save_vocabulary(vocabulary)


@contextmanager
def revision_tracking_paused():
    """Without ``translations.tracking.on_revision_saved``, which reads a new revision back into a page to
    note which languages changed (a third of the time of publishing an imported page): for a revision of
    content the page was just saved with, whose save noted the same."""
    post_save.disconnect(sender=Revision, dispatch_uid=TRACKING_UID)
    try:
        yield
    finally:
        post_save.connect(tracking.on_revision_saved, sender=Revision, dispatch_uid=TRACKING_UID)
