from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        from . import signals
        from .models import HomePage

        signals.connect()
        # wagtail_modeltranslation (earlier in INSTALLED_APPS) patched HomePage.route with its
        # level-by-level walk; restore the one-query lookup.
        HomePage.route = HomePage.route_by_url_path
