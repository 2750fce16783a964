"""Article views per language and hour, moved here from the cache by ``flush_read_counts``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReadCount(models.Model):
    """How many readers of ``language`` opened ``article`` during ``hour`` (its first second, UTC).

    Written only by ``flush_read_counts`` (one upsert per batch, :func:`readership.flush.flush`), never per
    view; rows older than ``KEEP_DAYS`` are pruned by the same command.
    """

    article = models.ForeignKey(
        "news.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="read_counts"
    )
    language = models.CharField(_("language"), max_length=8)
    hour = models.DateTimeField(_("hour"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("read count")
        verbose_name_plural = _("read counts")
        constraints = [
            models.UniqueConstraint(fields=["article", "language", "hour"], name="readership_one_per_hour")
        ]
        indexes = [models.Index(fields=["language", "hour"], name="readership_language_hour")]

    def __str__(self):
        return f"{self.article_id} {self.language} {self.hour:%Y-%m-%d %H}h: {self.views}"
