"""Keeping SearchDocument in step with published pages.

A page gets one document per language it exists in (``translations.availability``); publishing
rewrites them, unpublishing or deleting removes them. The words seen are added to the vocabulary
(``SearchWord``). ``rebuild_search_documents`` rebuilds both.
"""

import html

from django.db import transaction
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.search import index

from about.models import AboutPage, ContentPage
from news.models import ArticlePage
from translations.availability import is_available
from translations.languages import language_codes

from .models import SearchDocument, SearchWord
from .normalize import MAX_WORD_LENGTH, stem_words, tokens


def indexed_models():
    """Page types readers can find: articles and the generic pages (About, Donate)."""
    return (ArticlePage, AboutPage, ContentPage)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_text(item) for item in value)
    return html.unescape(strip_tags(str(value)))


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


def page_date(page):
    """The date results are ordered by when they score the same: an article's publication date,
    otherwise when the page was first published."""
    return getattr(page, "date", None) or page.first_published_at or page.last_published_at


def shown(word: str, language: str) -> str:
    """A word as written, in lower case (``İ`` → ``i``; ``I`` → ``ı`` in Azerbaijani)."""
    word = word.replace("İ", "i")
    if language == "az":
        word = word.replace("I", "ı")
    return word.lower()[:80]


def _terms(text: str, language: str, vocabulary: dict) -> list[str]:
    pairs = list(tokens(text))
    found_terms = stem_words([folded for _match, folded in pairs], language)
    for (match, folded), found in zip(pairs, found_terms, strict=True):
        if folded not in vocabulary:
            vocabulary[folded] = (found, shown(match.group(), language))
    return found_terms


def _padded(found_terms: list[str]) -> str:
    return f" {' '.join(found_terms)} " if found_terms else ""


def documents_for(page, vocabulary: dict | None = None) -> list[SearchDocument]:
    """The page's documents, one per language it exists in; ``vocabulary`` (``{(language, word): term}``)
    collects the words seen (``{(language, folded word): (term, as written)}``)."""
    docs = []
    vocabulary = {} if vocabulary is None else vocabulary
    for language in language_codes():
        if not is_available(page, language):
            continue
        title, body = page_text(page, language)
        seen = {}
        title_terms = _terms(title, language, seen)
        body_terms = _terms(body, language, seen)
        vocabulary.update({(language, word): value for word, value in seen.items()})
        docs.append(
            SearchDocument(
                page_id=page.pk,
                language=language,
                title_terms=_padded(title_terms),
                body_terms=_padded(body_terms),
                title_length=len(title_terms),
                body_length=len(body_terms),
                text=" ".join(body.split()),
                date=page_date(page),
            )
        )
    return docs


def save_vocabulary(vocabulary: dict, batch_size: int = 2000) -> None:
    rows = [
        SearchWord(language=language, head=word[:2], word=word, term=found[:MAX_WORD_LENGTH], shown=written)
        for (language, word), (found, written) in vocabulary.items()
        if word.isalpha()
    ]
    SearchWord.objects.bulk_create(rows, batch_size=batch_size, ignore_conflicts=True)


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
            vocabulary = {}
            SearchDocument.objects.bulk_create(documents_for(page, vocabulary))
            save_vocabulary(vocabulary)


def remove_page(page) -> None:
    SearchDocument.objects.filter(page_id=page.pk).delete()


def rebuild(batch_size: int = 500) -> int:
    """Rebuild every document; returns how many were written."""
    written = 0
    vocabulary = {}
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchWord.objects.all().delete()
        for model in indexed_models():
            pages = model.objects.live().order_by("pk")
            if hasattr(model, "article_authors"):
                pages = pages.prefetch_related("article_authors__author")
            batch = []
            for page in pages.iterator(chunk_size=batch_size):
                batch.extend(documents_for(page, vocabulary))
                if len(batch) >= batch_size:
                    written += len(SearchDocument.objects.bulk_create(batch))
                    batch = []
            written += len(SearchDocument.objects.bulk_create(batch))
        save_vocabulary(vocabulary)
    return written
