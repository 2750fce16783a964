from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "newsroom_search"
    verbose_name = "Search"
