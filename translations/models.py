"""When each language version of a page last changed: the basis of "outdated" translations."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationState(models.Model):
    """One row per page and language: a fingerprint of that language's content and when it changed.

    A row per language (not a column) means adding a language needs no migration here.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="translation_states")
    language = models.CharField(_("language"), max_length=15)
    fingerprint = models.CharField(max_length=64)
    changed_at = models.DateTimeField(_("changed at"))
    # The language whose text this one still repeats word for word (translations.copies), else "".
    copy_of = models.CharField(_("copy of"), max_length=15, blank=True, default="")

    class Meta:
        verbose_name = _("translation state")
        verbose_name_plural = _("translation states")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="one_state_per_page_language")
        ]

    def __str__(self):
        return f"{self.page_id} {self.language} {self.changed_at:%Y-%m-%d %H:%M}"
