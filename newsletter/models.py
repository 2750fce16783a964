"""A confirmed subscriber: the address, language, frequency and time of consent, the key behind the
unsubscribe links and how far the last digest reached. Nothing else is stored; an address that has not
confirmed is not stored at all (its sign-up lives only in the signed confirmation link, ``tokens``)."""

import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def language_choices():
    # Callable, so a language added to settings.LANGUAGES needs no migration here.
    return settings.LANGUAGES


def new_key() -> str:
    return secrets.token_urlsafe(18)


def normalize_address(address: str) -> str:
    """One spelling per mailbox: trimmed and lower-cased, so ``Ann@Mail.az`` cannot subscribe twice."""
    return address.strip().lower()


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class SubscriberManager(models.Manager):
    def subscribe(self, email: str, language: str, frequency: str) -> "Subscriber":
        """Record a confirmed sign-up. An address already subscribed keeps its one subscription (and
        its unsubscribe links and digest position); its language and frequency become the new ones."""
        values = {"language": language, "frequency": frequency, "consented_at": timezone.now()}
        for _attempt in range(2):
            try:
                with transaction.atomic():
                    subscriber, _created = self.update_or_create(email=email, defaults=values)
                return subscriber
            except IntegrityError:
                continue  # the same link confirmed twice at once: the other request created it
        return self.get(email=email)

    def unsubscribe(self, key: str) -> bool:
        """Forget the subscriber behind an unsubscribe link; False when there is none (any more)."""
        deleted, _per_model = self.filter(unsubscribe_key=key).delete()
        return bool(deleted)


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=8, choices=language_choices)
    frequency = models.CharField(_("frequency"), max_length=8, choices=Frequency.choices)
    consented_at = models.DateTimeField(_("consent given"))
    # Signed into every unsubscribe link (tokens.unsubscribe_token); a new one on each new subscription.
    unsubscribe_key = models.CharField(max_length=32, unique=True, default=new_key, editable=False)
    # The end of the period the last digest covered (sent, or skipped because nothing was new).
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True, editable=False)

    objects = SubscriberManager()

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-consented_at"]

    def __str__(self):
        return self.email

    @property
    def digest_since(self):
        """Where the next digest starts: the end of the last one, else the moment of consent."""
        return self.last_digest_at or self.consented_at
