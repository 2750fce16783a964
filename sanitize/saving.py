"""Clean on save: a ``pre_save`` hook for every model with rich text or addresses, one for revisions.

Which fields are cleaned is read from the model, not from a list: every concrete field that is a
``StreamField`` (its raw data, see ``streams``), a ``RichTextField`` (with its features) or a
``URLField``. django-modeltranslation's per-language columns (``body_en``, ``body_ru`` ...) are
fields of the same class, so every language is cleaned.

- A model saved through the ORM (``save()``, ``add_child``, publishing a revision, ``loaddata``) is
  cleaned just before it is written. A URL field keeps an unsafe address only until then: it is
  emptied and a warning logged (``full_clean()``, which the admin and Wagtail's ``Page.save()`` of a
  live page run, refuses it before that with the field's validators).
- ``save_revision()`` serialises the page before the page itself is saved, so the revision's content
  is cleaned the same way when the revision is saved: previews and later publishing start clean.

Not covered: writes that skip ``pre_save`` (``QuerySet.update()``, ``bulk_create()``, raw SQL).
"""

import functools
import json
import logging

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import pre_save
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Revision

from .streams import Report, clean_html, clean_stream, clean_url

logger = logging.getLogger(__name__)

STREAM, RICH_TEXT, URL = "stream", "rich_text", "url"


def field_kind(field) -> str | None:
    if isinstance(field, StreamField):
        return STREAM
    if isinstance(field, RichTextField):
        return RICH_TEXT
    if isinstance(field, models.URLField):
        return URL
    return None


@functools.cache
def fields_to_clean(model) -> tuple:
    """``(field, kind)`` for every field of ``model`` to clean, per-language columns first.

    Read on first use, once django-modeltranslation has added the per-language columns. The base
    column of a translated field reads its value from the language columns, so it comes last and is
    then already clean.
    """
    found = [(field, kind) for field in model._meta.concrete_fields if (kind := field_kind(field))]
    return tuple(sorted(found, key=lambda pair: not hasattr(pair[0], "translated_field")))


def clean_field_value(field, kind, value, report: Report):
    """``value`` of ``field`` cleaned: raw stream data, rich text or an address."""
    if kind == STREAM:
        return clean_stream(field.stream_block, value, report)
    if kind == RICH_TEXT:
        return clean_html(value, field.features, report)
    return clean_url(value, report)


def clean_instance(instance, update_fields=None) -> None:
    """Clean ``instance``'s fields in place (only ``update_fields`` if given)."""
    for field, kind in fields_to_clean(type(instance)):
        if update_fields is not None and field.name not in update_fields:
            continue
        value = getattr(instance, field.attname)
        if kind == STREAM:
            if not value:
                continue
            value = value.get_prep_value()  # raw data: blocks not yet converted come as they were set
        report = Report()
        cleaned = clean_field_value(field, kind, value, report)
        if report:
            setattr(instance, field.attname, cleaned)
            _warn(f"{instance._meta.label} pk={instance.pk}", field.name, report)


def clean_revision_content(model, content: dict, label: str = "") -> None:
    """Clean a revision's serialised ``content`` of a ``model`` object in place.

    Stream fields are stored there as JSON text (``StreamField.value_to_string``), other fields as values.
    """
    for field, kind in fields_to_clean(model):
        if field.name not in content or not content[field.name]:
            continue
        value = content[field.name]
        as_text = kind == STREAM and isinstance(value, str)
        if as_text:
            try:
                value = json.loads(value)
            except ValueError:
                continue
        report = Report()
        cleaned = clean_field_value(field, kind, value, report)
        if report:
            content[field.name] = json.dumps(cleaned, cls=field.json_field.encoder) if as_text else cleaned
            _warn(label or f"a revision of {model._meta.label}", field.name, report)


def _warn(what: str, field_name: str, report: Report) -> None:
    logger.warning("Sanitised %s of %s: %s", field_name, what, report)


# --- Signal receivers ---------------------------------------------------------------------------
def clean_before_save(sender, instance, update_fields=None, **kwargs):
    clean_instance(instance, update_fields)


def clean_revision_before_save(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and "content" not in update_fields:
        return
    if not isinstance(instance.content, dict):
        return
    if not instance.content_type_id:
        return
    model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
    if model is None or not fields_to_clean(model):
        return
    clean_revision_content(
        model, instance.content, f"a revision of {model._meta.label} pk={instance.object_id}"
    )


def models_to_clean():
    """Every installed model with a field to clean (translation columns or not)."""
    return [model for model in apps.get_models() if any(field_kind(f) for f in model._meta.concrete_fields)]


def connect_all():
    for model in models_to_clean():
        pre_save.connect(clean_before_save, sender=model, dispatch_uid=f"sanitize:{model._meta.label}")
    pre_save.connect(clean_revision_before_save, sender=Revision, dispatch_uid="sanitize:revision")
