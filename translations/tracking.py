"""Record when each language version of a translated page changes.

A fingerprint of each language's content (title and the page type's translated fields, except
slugs, URL paths, SEO fields and the ``ready`` flag) is kept in ``TranslationState``; when it differs
from the stored one, that language's ``changed_at`` moves to the time of the save. Drafts count:
a revision saved in the admin updates the state as well as a publish or a save in code.
"""

import hashlib
import json
import re

from django.utils import timezone
from modeltranslation.translator import translator
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField

from .availability import readiness_models
from .copies import page_copy_source
from .languages import language_codes, localized_field
from .models import TranslationState

NOT_CONTENT = {"slug", "url_path", "seo_title", "search_description", "draft_title", "ready"}


def content_fields(model) -> list[str]:
    """The translated content fields of ``model``, in the order the model declares them."""
    fields = translator.get_options_for_model(model).all_fields
    declared = [field.name for field in model._meta.get_fields()]
    return [name for name in declared if name in fields and name not in NOT_CONTENT]


def is_tracked(model) -> bool:
    return issubclass(model, readiness_models())


def _without_ids(value):
    """Stream data without block ids, which change when blocks are copied, not when text does."""
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    return value


BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')


def _without_block_keys(value):
    """Rich text without the ``data-block-key`` attributes the editor adds anew on each save."""
    if isinstance(value, str):
        return BLOCK_KEY.sub("", value)
    if isinstance(value, list):
        return [_without_block_keys(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_block_keys(item) for key, item in value.items()}
    return value


def _stream_data(field, value) -> list:
    """A stream as its blocks would save it: every block converted through its definition.

    Raw stream data (demo content, imports, code) is kept as written until a block is used; the admin
    saves each block through its definition, which adds block ids and item ids, missing keys
    (``"alt": ""``) and the ``{"type": "item", "value": ...}`` form of list items. Converting both the
    same way makes a first admin save of an article written elsewhere compare equal to it.
    """
    stream = value if isinstance(value, StreamValue) else field.to_python(value)
    return [{"type": child.block_type, "value": child.block.get_prep_value(child.value)} for child in stream]


def _none_as_empty(value):
    """A child value left out of raw data (``None``) reads the same as the empty one the editor saves."""
    if value is None:
        return ""
    if isinstance(value, list):
        return [_none_as_empty(item) for item in value]
    if isinstance(value, dict):
        return {key: _none_as_empty(item) for key, item in value.items()}
    return value


def comparable(field, value):
    """``value`` of ``field`` as plain data that compares equal when the text is the same
    (stream data in its saved form without block ids, rich text without block keys, empty values alike)."""
    if isinstance(field, StreamField):
        value = _stream_data(field, value) if value is not None else []
        return _none_as_empty(_without_block_keys(_without_ids(value))) if value else ""
    value = field.get_prep_value(value)
    if isinstance(value, str) and value.startswith("["):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    return _without_block_keys(_without_ids(value)) if value not in (None, "", []) else ""


def _prepared(page, name: str):
    return comparable(page._meta.get_field(name), getattr(page, name))


# Fingerprints carry the version of the comparison that made them. A row from an older version (which
# compared stream data as stored, so an admin save of imported content looked like a change) gets a new
# fingerprint on the next save without moving its date.
FINGERPRINT_VERSION = "2:"


def fingerprint(page, language: str) -> str:
    data = {name: _prepared(page, localized_field(name, language)) for name in content_fields(type(page))}
    encoded = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False).encode()
    return FINGERPRINT_VERSION + hashlib.sha256(encoded).hexdigest()[: 64 - len(FINGERPRINT_VERSION)]


def record_changes(page, when=None) -> list[str]:
    """Update the page's TranslationState rows; returns the languages whose content changed."""
    if not page.pk or not is_tracked(type(page)):
        return []
    when = when or timezone.now()
    states = {state.language: state for state in TranslationState.objects.filter(page_id=page.pk)}
    changed = []
    for code in language_codes():
        digest = fingerprint(page, code)
        copy_of = page_copy_source(page, code)
        state = states.get(code)
        if state is None:
            TranslationState.objects.create(
                page_id=page.pk, language=code, fingerprint=digest, changed_at=when, copy_of=copy_of
            )
            changed.append(code)
            continue
        update = []
        if not state.fingerprint.startswith(FINGERPRINT_VERSION):
            state.fingerprint = digest
            update.append("fingerprint")
        elif state.fingerprint != digest:
            state.fingerprint, state.changed_at = digest, when
            update += ["fingerprint", "changed_at"]
            changed.append(code)
        if state.copy_of != copy_of:
            state.copy_of = copy_of
            update.append("copy_of")
        if update:
            state.save(update_fields=update)
    return changed


def on_page_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        record_changes(instance)


def on_revision_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or not created:
        return
    model = instance.content_type.model_class()
    if model is not None and is_tracked(model):
        record_changes(instance.as_object(), when=instance.created_at)
