"""A "significant update": an editor ticks the box and publishes; the article records when.

``ArticlePage.significant_update`` is a one-publish instruction: on ``page_published`` (a scheduled
go-live too) the time of the publish goes into ``last_significant_update`` (the "Updated" line of the
byline, JSON-LD ``dateModified``) and the box is cleared, in the page row and in the published
revision, so the next edit starts unticked and a minor fix later does not move the date again.
Corrections themselves are ``news.models.corrections.ArticleCorrection``.
"""

from django.utils import timezone


def record_significant_update(sender, instance, revision=None, **kwargs):
    if not getattr(instance, "significant_update", False):
        return
    when = instance.last_published_at or timezone.now()
    type(instance).objects.filter(pk=instance.pk).update(
        significant_update=False, last_significant_update=when
    )
    instance.significant_update = False
    instance.last_significant_update = when
    if revision is not None and isinstance(revision.content, dict):
        revision.content["significant_update"] = False
        revision.content["last_significant_update"] = when.isoformat()
        revision.save(update_fields=["content"])


def connect():
    from wagtail.signals import page_published

    from .models import ArticlePage

    page_published.connect(
        record_significant_update, sender=ArticlePage, dispatch_uid="news.significant_update"
    )
