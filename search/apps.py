from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "newsroom_search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals
        from .analysis import assign_language_analyzers
        from .indexing import indexed_models

        signals.connect()
        assign_language_analyzers(indexed_models())
