from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        from .models import HomePage

        # wagtail_modeltranslation (earlier in INSTALLED_APPS) patched HomePage.route with its
        # level-by-level walk; restore the one-query lookup (translations.routing).
        HomePage.route = HomePage.route_by_language_path
