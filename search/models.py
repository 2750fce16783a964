"""The per-language search index: one row per page and language, text already folded and stemmed,
and the vocabulary of the indexed text (for the live box's prefixes and "Did you mean").

The full-text index over it is backend-specific and lives outside the ORM (see ``search.backends``):
an FTS5 table kept in step by triggers on SQLite, a generated ``tsvector`` column with a GIN index on
PostgreSQL. Both were created by this app's migrations.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .fts import FTS_TABLE, FTS5TableColumn


class SearchDocument(models.Model):
    """``title_terms``/``body_terms`` are the terms separated by single spaces, with a space before the
    first and after the last (``" a b "``), so that ranking can count a term as ``" term "`` (search.ranking).
    ``text`` is the body as readers see it, for the snippets on the results page."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    title_length = models.PositiveIntegerField(default=0)
    body_length = models.PositiveIntegerField(default=0)
    text = models.TextField(blank=True)
    date = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search document")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="search_document_page_language")
        ]
        # The newest matches of a language first, without sorting them, with their pages, and the
        # language's lengths for the ranking, without reading the rows (search.backends): a row's
        # columns after its terms are read through its overflow pages on SQLite (with ``page`` in the
        # index, the newest 1,000 matches of a common word at 30,000 articles: 1.9 -> 1.0 ms).
        indexes = [
            models.Index(
                fields=["language", "date", "id", "page", "title_length", "body_length"],
                name="search_document_newest",
            )
        ]

    def __str__(self):
        return f"{self.page_id}/{self.language}"


class SearchWord(models.Model):
    """A folded word of the indexed text and its term: the live box completes a typed prefix to the
    terms of the words it begins ("respublikas" → "respublik"), and "Did you mean" looks for a close
    word here. ``head`` (the first two letters) keeps both lookups to an index range on any database
    and collation. Rows are added as pages are indexed and rebuilt with the documents."""

    language = models.CharField(max_length=8)
    head = models.CharField(max_length=2)
    word = models.CharField(max_length=40)
    term = models.CharField(max_length=40)
    shown = models.CharField(max_length=80)  # as written in the text, lower case: "Did you mean"

    class Meta:
        verbose_name = _("search word")
        constraints = [models.UniqueConstraint(fields=["language", "word"], name="search_word_language_word")]
        indexes = [models.Index(fields=["language", "head"], name="search_word_language_head")]

    def __str__(self):
        return f"{self.language}:{self.word}"


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
