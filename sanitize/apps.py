from django.apps import AppConfig


class SanitizeConfig(AppConfig):
    name = "sanitize"
    verbose_name = "Sanitize"

    def ready(self):
        from .saving import connect_all

        connect_all()
