"""Live coverage: an article that follows a developing story with timestamped updates, newest first.

An editor ticks "Live coverage" on an article and adds updates (a time, an optional headline and the
text, both translated). Readers see them newest first, each with its own anchor (``#update-<id>``),
a "Live" badge on the article and on its cards, and new updates appear without a reload
(``static/js/live.js`` polls ``news.live_views.updates``). Ticking "Coverage has ended" ends it: the
time is recorded (``live_ended_at``), the badge goes, the article says "Live coverage ended" and the
page stops polling. An update with no text in a language is not shown in that language.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from seo import structured_data
from translations.languages import default_language, language_codes, localized_field

from ..blocks import PARAGRAPH_FEATURES

# What the update editor offers: the body's paragraph features (sanitize cleans saved text to them).
LIVE_UPDATE_FEATURES = PARAGRAPH_FEATURES
# At most this many updates in one answer of the endpoint and in the JSON-LD.
ENDPOINT_LIMIT = 50
JSON_LD_LIMIT = 50


def poll_seconds() -> float:
    """How often an open article asks for new updates (``LIVE_POLL_SECONDS``)."""
    return float(settings.LIVE_POLL_SECONDS)


def max_age_seconds() -> int:
    """How long browsers and a CDN may keep an answer of the updates endpoint (``LIVE_UPDATES_MAX_AGE``)."""
    return int(settings.LIVE_UPDATES_MAX_AGE)


def in_language(language: str) -> Q:
    """Updates with text in ``language`` (an empty paragraph is filtered out in :func:`shown_in`)."""
    field = localized_field("text", language)
    return Q(**{f"{field}__isnull": False}) & ~Q(**{field: ""})


def has_text(html: str | None) -> bool:
    return bool(strip_tags(html or "").replace("\xa0", " ").strip())


@dataclass(frozen=True)
class ShownUpdate:
    """An update as readers of one language see it (read from that language's columns only: the
    model's own ``headline``/``text`` would fall back to English)."""

    id: int | None  # None: an update not saved yet (a preview)
    published_at: datetime
    headline: str
    text: str  # rich text in the database format; templates render it with ``|richtext``

    @property
    def anchor(self) -> str:
        return f"update-{self.id}" if self.id else ""

    @property
    def plain_text(self) -> str:
        return " ".join(strip_tags(self.text).replace("\xa0", " ").split())

    @property
    def title(self) -> str:
        """The headline, or the start of the text: what JSON-LD calls the update's headline."""
        return self.headline or Truncator(self.plain_text).chars(110)


def shown_in(updates, language: str) -> list[ShownUpdate]:
    """``updates`` (``LiveUpdate`` objects) that have text in ``language``, newest first."""
    shown = [shown for update in updates if (shown := update.in_language(language)) is not None]
    return sorted(shown, key=lambda update: (update.published_at, update.id or 0), reverse=True)


class LiveUpdate(Orderable):
    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="live_updates")
    published_at = models.DateTimeField(
        _("time"),
        default=timezone.now,
        help_text=_("When this happened or was reported. Updates are shown newest first."),
    )
    headline = models.CharField(_("headline"), max_length=200, blank=True)
    text = RichTextField(
        _("text"),
        blank=True,
        features=LIVE_UPDATE_FEATURES,
        help_text=_("Readers of a language see only the updates written in it."),
    )

    panels = [FieldPanel("published_at"), FieldPanel("headline"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("live update")
        verbose_name_plural = _("live updates")
        indexes = [models.Index(fields=["page", "-published_at"], name="news_liveupdate_page_time")]

    def __str__(self):
        return f"{self.published_at:%Y-%m-%d %H:%M} {self.headline or strip_tags(self.text or '')[:60]}"

    def clean(self):
        super().clean()
        if not any(has_text(getattr(self, localized_field("text", code), "")) for code in language_codes()):
            raise ValidationError(
                {localized_field("text", default_language()): _("Write the update in at least one language.")}
            )

    def in_language(self, language: str) -> ShownUpdate | None:
        text = getattr(self, localized_field("text", language), "") or ""
        if not has_text(text):
            return None
        headline = (getattr(self, localized_field("headline", language), "") or "").strip()
        return ShownUpdate(self.pk, self.published_at, headline, text)


@dataclass
class LiveCoverage:
    """What an article page shows of its live coverage in one language (``LiveCoverageMixin.live_in``)."""

    updates: list[ShownUpdate]
    active: bool  # live now: polled, badged
    ended_at: datetime | None
    started_at: datetime | None
    poll_seconds: float
    poll_url: str = ""

    @property
    def ended(self) -> bool:
        return not self.active

    @property
    def after(self) -> int:
        """The newest update shown (by number): the page asks for the ones after it."""
        return max((update.id or 0 for update in self.updates), default=0)


def updates_url(page_id: int) -> str:
    """The endpoint's address in the active language (``/ru/live/42/updates/``)."""
    return reverse("news:live_updates", kwargs={"page_id": page_id})


class LiveCoverageMixin(models.Model):
    """The article's live-coverage switch and its end, for ``ArticlePage``."""

    live_coverage = models.BooleanField(
        _("live coverage"),
        default=False,
        help_text=_(
            "A developing story: readers see the updates below newest first, a “Live” badge, and new "
            "updates without reloading the page."
        ),
    )
    live_ended = models.BooleanField(
        _("coverage has ended"),
        default=False,
        help_text=_("Tick to end the live coverage: the “Live” badge goes and the updates stay."),
    )
    live_ended_at = models.DateTimeField(_("coverage ended at"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        # The time coverage ended is recorded when the editor ends it (the form, a revision, a publish
        # all run ``clean``), and forgotten when it is reopened.
        if self.live_ended and self.live_ended_at is None:
            self.live_ended_at = timezone.now()
        elif not self.live_ended:
            self.live_ended_at = None

    @property
    def is_live_now(self) -> bool:
        """Live coverage that has not ended: the "Live" badge (cards read the two columns only)."""
        return bool(self.live_coverage and not self.live_ended)

    def live_in(self, language: str, request=None) -> LiveCoverage | None:
        """The coverage readers of ``language`` see, or ``None`` for an article that is not live
        coverage. Reads ``live_updates`` as the page holds them: the database, or a preview's revision."""
        if not self.live_coverage:
            return None
        updates = shown_in(self.live_updates.all(), language)
        first = min((update.published_at for update in updates), default=None)
        started = min(filter(None, [getattr(self, "date", None), first]), default=None)
        coverage = LiveCoverage(
            updates=updates,
            active=self.is_live_now,
            ended_at=self.live_ended_at if self.live_ended else None,
            started_at=started,
            poll_seconds=poll_seconds(),
        )
        if coverage.active and self.pk and not getattr(request, "is_preview", False):
            coverage.poll_url = updates_url(self.pk)
        return coverage

    def live_structured_data(self, article: dict, coverage: LiveCoverage | None) -> dict:
        """The NewsArticle JSON-LD ``article`` as a LiveBlogPosting when this is live coverage."""
        if coverage is None:
            return article
        updates = [
            {"anchor": u.anchor, "headline": u.title, "published": u.published_at, "text": u.plain_text}
            for u in coverage.updates[:JSON_LD_LIMIT]
            if u.anchor
        ]
        return structured_data.live_blog_posting(
            article, start=coverage.started_at, end=coverage.ended_at, updates=updates
        )
