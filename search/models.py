"""The per-language search index: one row per page and language, text already folded and stemmed.

The full-text index over it is backend-specific and lives outside the ORM (see ``search.backends``):
an FTS5 table kept in step by triggers on SQLite, a generated ``tsvector`` column with a GIN index on
PostgreSQL. Both were created by this app's migrations.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search document")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="search_document_page_language")
        ]

    def __str__(self):
        return f"{self.page_id}/{self.language}"

from .fts import FullTextEntry  # noqa: E402,F401  (the FTS5 table, mapped for search.backends)
