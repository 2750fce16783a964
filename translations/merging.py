"""Two people editing one page from the same revision never silently lose each other's work.

Wagtail's edit form posts the revision it was loaded from (``loaded_revision_id``). When someone saved
a newer revision meanwhile (a translator saved Russian while an editor had the English open), every
translated field of the form is merged three ways against the loaded revision:

* unchanged in this form, changed in the newer revision: the newer text is kept (the other's work);
* changed in this form only: this form's text;
* changed in both, differently: this form's text is saved, and the editor is told which fields they
  replaced (``newsdesk`` shows it after the save); the other text stays in the page's history.

So the languages one person did not touch always keep the other's newer text.
"""

from django.utils.text import capfirst
from wagtail.models import Revision

from .availability import READY_FIELD
from .languages import language_codes, language_label, localized_field
from .tracking import comparable, content_fields


def merged_fields(model) -> list[tuple[str, str, str]]:
    """``(form field, base name, language)`` for every translated content field and ready flag."""
    names = [*content_fields(model), READY_FIELD]
    return [
        (localized_field(name, code), name, code)
        for name in names
        if hasattr(model, localized_field(name, language_codes()[0]))
        for code in language_codes()
    ]


def field_label(model, name: str, language: str) -> str:
    return f"{capfirst(model._meta.get_field(name).verbose_name)} ({language_label(language)})"


def merge_concurrent_edits(form) -> None:
    """Three-way merge of ``form.cleaned_data`` against the revision the form was loaded from.

    Records on the page ``kept_newer`` (fields whose newer text was kept) and ``replaced_newer``
    (fields both people changed, saved from this form), as labels, for the messages after the save.
    """
    page = form.instance
    page.kept_newer, page.replaced_newer = [], []
    loaded_id = str(form.data.get("loaded_revision_id") or "")
    latest = page.get_latest_revision() if page.pk else None
    if not loaded_id.isdigit() or latest is None or latest.pk == int(loaded_id):
        return
    loaded = Revision.objects.filter(pk=int(loaded_id), object_id=str(page.pk)).first()
    if loaded is None:
        return
    base, newer = loaded.as_object(), latest.as_object()
    model = type(page)
    for name, base_name, language in merged_fields(model):
        if name not in form.cleaned_data:
            continue
        field = model._meta.get_field(name)
        mine = comparable(field, form.cleaned_data[name])
        original = comparable(field, getattr(base, name))
        theirs = comparable(field, getattr(newer, name))
        if theirs == original or mine == theirs:
            continue
        if mine == original:
            form.cleaned_data[name] = getattr(newer, name)
            page.kept_newer.append(field_label(model, base_name, language))
        else:
            page.replaced_newer.append(field_label(model, base_name, language))
