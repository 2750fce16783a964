"""Per-language analysers for Wagtail's Elasticsearch/OpenSearch backend.

wagtail-modeltranslation copies each translated ``SearchField`` once per language (``title_ru``,
``body_az`` ...) with the original's options. ``assign_language_analyzers`` (run from
``SearchConfig.ready``, after modeltranslation has made the copies) gives each copy its language's
analyser from ``settings.NEWSROOM_SEARCH_ANALYSIS`` through ``es_extra``, which only the
Elasticsearch/OpenSearch backends read; the database backend ignores it.
"""

from django.conf import settings
from wagtail.search import index

from translations.languages import language_codes


def analyzer_for(language: str) -> str | None:
    name = f"newsroom_{language}"
    return name if name in settings.NEWSROOM_SEARCH_ANALYSIS.get("analyzer", {}) else None


def language_fields(model, language: str) -> list[str]:
    """The names of ``model``'s search fields holding ``language``'s text (``title_ru``, ``body_ru``)."""
    return [
        field.field_name
        for field in model.get_search_fields()
        if isinstance(field, index.SearchField) and field.field_name.endswith(f"_{language}")
    ]


def assign_language_analyzers(models) -> None:
    for model in models:
        for language in language_codes():
            analyzer = analyzer_for(language)
            if analyzer is None:
                continue
            for field in model.search_fields:
                if isinstance(field, index.SearchField) and field.field_name.endswith(f"_{language}"):
                    field.kwargs["es_extra"] = {**field.kwargs.get("es_extra", {}), "analyzer": analyzer}
