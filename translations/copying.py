"""Start a translation from another language's content.

Copies the source language's content fields (the body StreamField with its images and structure, the
standfirst, captions...) into the target language's fields that are still empty. The title is not
copied: the translator writes it, and with it the version starts to exist. Nothing already written in
the target language is overwritten, and the target version is marked not ready for readers.
"""

from django.utils import translation
from wagtail.fields import StreamField

from .availability import READY_FIELD
from .languages import default_language, localized_field
from .tracking import _without_ids, content_fields


def copyable_fields(model) -> list[str]:
    return [name for name in content_fields(model) if name != "title"]


def is_empty(page, field_name: str) -> bool:
    value = getattr(page, field_name, None)
    if value is None:
        return True
    if isinstance(page._meta.get_field(field_name), StreamField):
        return len(value) == 0
    return not str(value).strip()


def plan(page, source: str, target: str) -> tuple[list[str], list[str]]:
    """``(fields to fill, fields kept because the target already has text)``; base names."""
    fill, keep = [], []
    for name in copyable_fields(type(page)):
        if is_empty(page, localized_field(name, source)):
            continue
        (fill if is_empty(page, localized_field(name, target)) else keep).append(name)
    return fill, keep


def copy_translation(page, source: str, target: str, user=None):
    """Copy into the page's latest draft; saves a new revision. Returns ``(revision, copied fields)``."""
    draft = page.get_latest_revision_as_object()
    fill, _keep = plan(draft, source, target)
    if not fill:
        return None, []
    for name in fill:
        source_field = localized_field(name, source)
        value = getattr(draft, source_field)
        if isinstance(draft._meta.get_field(source_field), StreamField):
            value = _without_ids(value.get_prep_value())
        setattr(draft, localized_field(name, target), value)
    ready_field = localized_field(READY_FIELD, target)
    if hasattr(draft, ready_field):
        setattr(draft, ready_field, False)
    with translation.override(default_language()):
        revision = draft.save_revision(user=user, log_action=True)
    return revision, fill
