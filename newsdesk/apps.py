from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsdeskConfig(AppConfig):
    """The editors' and translators' desk in the admin: translation status, starting a translation."""

    name = "newsdesk"
    verbose_name = _("Newsdesk")

    def ready(self):
        from modelcluster.fields import ParentalManyToManyField
        from wagtail.admin.forms.models import register_form_field_override

        from .tags import tag_form_field_override

        # ArticlePage.tags (and any many-to-many to news.Tag) gets the tag widget, as taggit fields do.
        register_form_field_override(ParentalManyToManyField, override=tag_form_field_override)
