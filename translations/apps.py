from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from modeltranslation.translator import translator
        from wagtail.models import Page, Revision

        from .availability import readiness_models
        from .roles import ensure_permissions
        from .root_paths import keep_per_request
        from .tracking import on_page_saved, on_revision_saved

        keep_per_request(model for model in translator.get_registered_models() if issubclass(model, Page))

        post_migrate.connect(ensure_permissions, sender=self, dispatch_uid="translator-permissions")
        for model in readiness_models():
            post_save.connect(on_page_saved, sender=model, dispatch_uid=f"translation-state-{model.__name__}")
        post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="translation-state-revision")
