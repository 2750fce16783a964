"""Who gets which digest, and sending them.

A subscriber is due once a day (``daily``) or once in seven days (``weekly``), from
``NEWSLETTER_SEND_HOUR`` o'clock in the site's time zone, so the scheduler may run the command as often
as it likes. Each digest covers the articles dated after the end of the subscriber's previous one
(or after consent) up to the moment of the run, published for readers of the subscriber's language
(``ArticlePage.objects.published_in``: live, public and translated); when there are none, no message
is sent but the period counts as done.

No duplicates: a subscriber is claimed before the message goes (a conditional UPDATE of
``last_digest_at``), so a second run, at once or in parallel, finds nobody due; a message that fails
gives the claim back, and the next run tries again. A refused address does not stop the others; a mail
server that cannot be reached stops the run (every further message would wait for its timeout).
"""

import datetime
import logging
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from news.models import ArticlePage
from translations.languages import default_language, language_codes

from . import emails
from .models import Frequency, Subscriber

logger = logging.getLogger(__name__)


@dataclass
class Report:
    sent: list[str] = field(default_factory=list)
    empty: int = 0  # due, but nothing new in their language: no message
    failed: list[tuple[str, str]] = field(default_factory=list)  # (address, reason)
    not_attempted: int = 0  # left for the next run after the mail server could not be reached

    @property
    def ok(self) -> bool:
        return not self.failed and not self.not_attempted


def due_subscribers(now: datetime.datetime):
    """Subscribers whose digest is due at ``now`` (none before ``NEWSLETTER_SEND_HOUR``)."""
    local = timezone.localtime(now)
    if local.hour < settings.NEWSLETTER_SEND_HOUR:
        return Subscriber.objects.none()
    today = local.replace(hour=0, minute=0, second=0, microsecond=0)
    last_week = today - datetime.timedelta(days=6)  # sent on or before the same weekday last week
    return (
        Subscriber.objects.annotate(since=Coalesce("last_digest_at", "consented_at"))
        .filter(
            Q(frequency=Frequency.DAILY, since__lt=today) | Q(frequency=Frequency.WEEKLY, since__lt=last_week)
        )
        .order_by("pk")
    )


def articles_between(language: str, since, until) -> tuple[list, int]:
    """Articles for ``language`` dated in (since, until], newest first: at most
    ``NEWSLETTER_DIGEST_MAX_ARTICLES``, and how many more there were."""
    limit = settings.NEWSLETTER_DIGEST_MAX_ARTICLES
    queryset = ArticlePage.objects.published_in(language).filter(date__gt=since, date__lte=until)
    articles = list(queryset.card_rows()[: limit + 1])
    if len(articles) <= limit:
        return articles, 0
    return articles[:limit], queryset.count() - limit


def digest_for(language: str, since, until) -> tuple[list[dict], int]:
    """:func:`articles_between` as the digest shows them (titles, absolute URLs)."""
    articles, more = articles_between(language, since, until)
    return emails.digest_items(articles, language), more


def _claim(subscriber, until) -> bool:
    """Take the subscriber for this run; False when another run already has."""
    previous = subscriber.last_digest_at
    same = Q(last_digest_at=previous) if previous else Q(last_digest_at__isnull=True)
    return bool(Subscriber.objects.filter(same, pk=subscriber.pk).update(last_digest_at=until))


def _give_back(subscriber, until) -> None:
    Subscriber.objects.filter(pk=subscriber.pk, last_digest_at=until).update(
        last_digest_at=subscriber.last_digest_at
    )


def _text(value) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


def _reason(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{code} {_text(message)}" for code, message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    return f"{type(error).__name__}: {error}"


def send_digests(now: datetime.datetime | None = None, *, dry_run: bool = False) -> Report:
    now = now or timezone.now()
    report = Report()
    subscribers = list(due_subscribers(now))
    if not subscribers:
        return report
    root = emails.site_root()
    found: dict[tuple[str, datetime.datetime], tuple[list, int]] = {}
    connection = get_connection()
    opened = False
    try:
        for position, subscriber in enumerate(subscribers):
            language = subscriber.language if subscriber.language in language_codes() else default_language()
            since = subscriber.digest_since
            if (language, since) not in found:  # most subscribers share the previous run's moment
                found[language, since] = digest_for(language, since, now)
            articles, more = found[language, since]
            if dry_run:
                if articles:
                    report.sent.append(subscriber.email)
                else:
                    report.empty += 1
                continue
            if not _claim(subscriber, now):
                continue
            if not articles:
                report.empty += 1
                continue
            try:
                message = emails.digest_message(subscriber, articles, root, more)
                if not opened:
                    connection.open()
                    opened = True
                message.connection = connection
                message.send()
            except (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused) as error:
                # This address (or this message) was refused; the connection is still good.
                _give_back(subscriber, now)
                report.failed.append((subscriber.email, _reason(error)))
            except OSError as error:  # the server went away or cannot be reached
                _give_back(subscriber, now)
                report.failed.append((subscriber.email, _reason(error)))
                connection.close()
                opened = False
                try:
                    connection.open()
                    opened = True
                except OSError as again:
                    report.not_attempted = len(subscribers) - position - 1
                    logger.error(
                        "newsletter: mail server unreachable (%s); %d left for the next run",
                        again,
                        report.not_attempted,
                    )
                    break
            except Exception as error:  # a bug in one message must not cost the others theirs
                _give_back(subscriber, now)
                report.failed.append((subscriber.email, _reason(error)))
                logger.exception("newsletter: the digest for subscriber %s could not be built", subscriber.pk)
            else:
                report.sent.append(subscriber.email)
    finally:
        if opened:
            connection.close()
    for address, reason in report.failed:
        logger.warning("newsletter: digest to %s failed: %s", address, reason)
    return report
