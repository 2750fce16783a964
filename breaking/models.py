"""Breaking news: a short headline and link per language, shown at the top of every page until it expires."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel

from translations.languages import language_codes, localized_field

from .validators import validate_link


class BreakingNewsQuerySet(models.QuerySet):
    def showing(self, now=None):
        """Live and not expired, newest first."""
        return self.filter(live=True, expires_at__gt=now or timezone.now()).order_by("-created_at", "-pk")

    def showing_in(self, language: str, now=None):
        """:meth:`showing` with a headline in ``language`` (no fallback: a language left empty shows none)."""
        headline = localized_field("headline", language)
        return self.showing(now).exclude(**{f"{headline}__isnull": True}).exclude(**{headline: ""})


class BreakingNews(models.Model):
    headline = models.CharField(
        _("headline"),
        max_length=140,
        blank=True,
        help_text=_("One short sentence. Leave a language empty to show nothing to its readers."),
    )
    link = models.CharField(
        _("link"),
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text=_("Where the headline leads: a web address or a path on this site, such as /en/news/."),
    )
    expires_at = models.DateTimeField(
        _("shown until"), help_text=_("The banner disappears from every page at this time.")
    )
    live = models.BooleanField(
        _("live"), default=True, help_text=_("Untick to take the banner down before it expires.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Set by ``expire_breaking_news`` once the pages showing it have been purged after its expiry.
    expiry_handled = models.BooleanField(default=False, editable=False)

    objects = BreakingNewsQuerySet.as_manager()

    panels = [FieldPanel("headline"), FieldPanel("link"), FieldPanel("expires_at"), FieldPanel("live")]

    class Meta:
        verbose_name = _("breaking news")
        verbose_name_plural = pgettext_lazy("plural", "breaking news")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["live", "expires_at"], name="breaking_live_expires")]

    def __str__(self):
        return self.headline or next((h for h in self.headlines().values() if h), "")

    def save(self, *args, **kwargs):
        if self.expires_at and self.expires_at > timezone.now():
            self.expiry_handled = False  # extended: its expiry is yet to come
        super().save(*args, **kwargs)

    def headlines(self) -> dict[str, str]:
        return {code: getattr(self, localized_field("headline", code), "") or "" for code in language_codes()}

    def clean(self):
        super().clean()
        if not any(headline.strip() for headline in self.headlines().values()):
            raise ValidationError(_("Write the headline in at least one language."))
        if self.expires_at and self.expires_at <= timezone.now():
            raise ValidationError({"expires_at": _("Choose a time in the future.")})

    def status(self) -> str:
        if not self.live:
            return _("Taken down")
        if self.expires_at <= timezone.now():
            return _("Expired")
        return _("Showing")

    status.short_description = _("status")
