"""Keeping SearchDocument in step with published pages.

A page gets one document per language it exists in (``translations.availability``); publishing
rewrites them, unpublishing or deleting removes them. ``rebuild_search_documents`` rebuilds all.
"""

from django.db import transaction
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.search import index

from about.models import AboutPage, ContentPage
from news.models import ArticlePage
from translations.availability import is_available
from translations.languages import language_codes

from .models import SearchDocument
from .normalize import document


def indexed_models():
    """Page types readers can find: articles and the generic pages (About, Donate)."""
    return (ArticlePage, AboutPage, ContentPage)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_text(item) for item in value)
    return strip_tags(str(value))


def page_text(page, language: str) -> tuple[str, str]:
    """(title, body) of ``page`` in ``language``: its translated search fields, flattened."""
    suffixes = tuple(f"_{code}" for code in language_codes())
    title = getattr(page, f"title_{language}", None) or ""
    parts = []
    with translation.override(language):
        for field in page.get_search_fields():
            name = field.field_name
            if not isinstance(field, index.SearchField) or name == "title" or name.endswith(suffixes):
                continue
            # Read the language's own column: the plain name would fall back to English.
            if hasattr(page, f"{name}_{language}"):
                field = index.SearchField(f"{name}_{language}")
            parts.append(_text(field.get_value(page)))
        for author in getattr(page, "authors", None) or []:
            parts.append(author.name or "")
    return title, " ".join(part for part in parts if part)


def documents_for(page) -> list[SearchDocument]:
    docs = []
    for language in language_codes():
        if not is_available(page, language):
            continue
        title, body = page_text(page, language)
        docs.append(
            SearchDocument(
                page_id=page.pk,
                language=language,
                title_terms=document(title, language),
                body_terms=document(body, language),
            )
        )
    return docs


def index_page(page, *, reload: bool = False) -> None:
    """Write the documents of a live page of an indexed type; remove those of any other page.
    With ``reload`` the page is read back from the database (its published content)."""
    if reload:
        page = type(page)._base_manager.filter(pk=page.pk).first()
        if page is None:
            return
    page = page.specific
    with transaction.atomic():
        SearchDocument.objects.filter(page_id=page.pk).delete()
        if page.live and isinstance(page, indexed_models()):
            SearchDocument.objects.bulk_create(documents_for(page))


def remove_page(page) -> None:
    SearchDocument.objects.filter(page_id=page.pk).delete()


def rebuild(batch_size: int = 500) -> int:
    """Rebuild every document; returns how many were written."""
    written = 0
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        for model in indexed_models():
            pages = model.objects.live().order_by("pk")
            if hasattr(model, "article_authors"):
                pages = pages.prefetch_related("article_authors__author")
            batch = []
            for page in pages.iterator(chunk_size=batch_size):
                batch.extend(documents_for(page))
                if len(batch) >= batch_size:
                    written += len(SearchDocument.objects.bulk_create(batch))
                    batch = []
            written += len(SearchDocument.objects.bulk_create(batch))
    return written
