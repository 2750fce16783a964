"""The per-language search index: one row per page and language, text already folded and stemmed.

The full-text index over it is backend-specific and lives outside the ORM (see ``search.backends``):
an FTS5 table kept in step by triggers on SQLite, a generated ``tsvector`` column with a GIN index on
PostgreSQL. Both were created by this app's migrations.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .fts import FTS_TABLE, FTS5TableColumn


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


# The FTS5 table on SQLite, joined to SearchDocument by rowid (search.fts explains it).
class FullTextEntry(models.Model):
    document = models.OneToOneField(
        "SearchDocument",
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        related_name="fts",
    )
    table = FTS5TableColumn(db_column=FTS_TABLE, editable=False)

    class Meta:
        managed = False
        db_table = FTS_TABLE
        default_permissions = ()

    def __str__(self):
        return f"fts:{self.pk}"
