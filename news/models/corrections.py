"""Corrections: dated notes an editor adds to an article, shown at its foot and on the corrections page.

Each note's text is translated (``text_en``, ``text_az``...); a note is shown in the languages it is
written in (:func:`in_language`), so a reader never sees a correction in another language.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from translations.languages import default_language, language_codes, localized_field


def today():
    return timezone.localdate()


def in_language(language: str, prefix: str = "") -> Q:
    """Corrections written in ``language`` (``prefix``: the path to them, ``"corrections__"``)."""
    field = f"{prefix}{localized_field('text', language)}"
    return Q(**{f"{field}__isnull": False}) & ~Q(**{field: ""})


class ArticleCorrection(Orderable):
    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="corrections")
    date = models.DateField(_("date"), default=today)
    text = models.TextField(
        _("correction"),
        max_length=1000,
        blank=True,  # each language's text is optional; clean() wants at least one
        help_text=_(
            "What was wrong and what is right now, in plain words. Write it in every language the "
            "article is published in: readers of a language see only the notes written in it."
        ),
    )

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        indexes = [models.Index(fields=["page", "-date"], name="news_correction_page_date")]

    def __str__(self):
        return f"{self.date}: {self.text}"

    def clean(self):
        super().clean()
        if not any(
            (getattr(self, localized_field("text", code), "") or "").strip() for code in language_codes()
        ):
            raise ValidationError(
                {
                    localized_field("text", default_language()): _(
                        "Write the correction in at least one language."
                    )
                }
            )
