"""The translation status of articles: per language missing, translated or outdated.

* missing: no title in that language;
* copied: its text still repeats another language's word for word (translations.copies): copied, not
  translated;
* outdated: the default language's content changed after this language's content last changed;
* translated: otherwise.

Independently, a translated version may be held back from readers (its ``ready`` flag unticked).
"""

from django.db.models import Count, F, OuterRef, Q, Subquery, TextChoices
from django.utils.translation import gettext_lazy as _

from .availability import READY_FIELD
from .languages import default_language, language_codes, language_label, localized_field
from .models import TranslationState


class Status(TextChoices):
    MISSING = "missing", _("missing")
    COPIED = "copied", _("copied, not translated")
    OUTDATED = "outdated", _("outdated")
    TRANSLATED = "translated", _("translated")


NOT_READY = "not_ready"  # a filter, not a status: written but held back from readers


def changed_field(language: str) -> str:
    return f"changed_{language}"


def copied_field(language: str) -> str:
    return f"copy_of_{language}"


def with_change_times(queryset):
    """Annotate ``changed_<language>`` (when that language's content last changed) and ``copy_of_<language>``
    (the language it still repeats, or "") for every language."""
    for code in language_codes():
        states = TranslationState.objects.filter(page=OuterRef("pk"), language=code)
        queryset = queryset.annotate(
            **{
                changed_field(code): Subquery(states.values("changed_at")[:1]),
                copied_field(code): Subquery(states.values("copy_of")[:1]),
            }
        )
    return queryset


def missing_q(language: str) -> Q:
    field = localized_field("title", language)
    return Q(**{f"{field}__isnull": True}) | Q(**{field: ""})


def copied_q(language: str) -> Q:
    """For querysets annotated by :func:`with_change_times`."""
    if language == default_language():
        return Q(pk__isnull=True)  # never
    field = copied_field(language)
    return ~missing_q(language) & Q(**{f"{field}__isnull": False}) & ~Q(**{field: ""})


def outdated_q(language: str) -> Q:
    """For querysets annotated by :func:`with_change_times`."""
    source = default_language()
    if language == source:
        return Q(pk__isnull=True)  # never
    return (
        ~missing_q(language)
        & ~copied_q(language)
        & Q(**{f"{changed_field(source)}__gt": F(changed_field(language))})
    )


def status_q(language: str, status: str) -> Q:
    if status == NOT_READY:
        return not_ready_q(language)
    if status == Status.MISSING:
        return missing_q(language)
    if status == Status.COPIED:
        return copied_q(language)
    if status == Status.OUTDATED:
        return outdated_q(language)
    return ~missing_q(language) & ~copied_q(language) & ~outdated_q(language)


def not_ready_q(language: str) -> Q:
    return ~missing_q(language) & Q(**{localized_field(READY_FIELD, language): False})


def status_of(page, language: str) -> str:
    """The status of one annotated page in ``language``."""
    if not (getattr(page, localized_field("title", language), None) or "").strip():
        return Status.MISSING
    if language != default_language() and getattr(page, copied_field(language), ""):
        return Status.COPIED
    source_changed = getattr(page, changed_field(default_language()), None)
    changed = getattr(page, changed_field(language), None)
    if language != default_language() and source_changed and changed and source_changed > changed:
        return Status.OUTDATED
    return Status.TRANSLATED


def counts(queryset) -> list[dict]:
    """Per language: how many articles are translated, outdated, missing, and held back (not ready)."""
    annotated = with_change_times(queryset)
    aggregates = {}
    for code in language_codes():
        for status in Status:
            aggregates[f"{code}_{status}"] = Count("pk", filter=status_q(code, status))
        aggregates[f"{code}_not_ready"] = Count("pk", filter=not_ready_q(code))
    totals = annotated.aggregate(**aggregates)
    return [
        {
            "code": code,
            "name": language_label(code),
            **{status.value: totals[f"{code}_{status}"] for status in Status},
            "not_ready": totals[f"{code}_not_ready"],
        }
        for code in language_codes()
    ]
