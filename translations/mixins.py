"""Keep the untranslated base columns of a page in the default language.

django-modeltranslation writes the *active* language into the base columns (``title``, ``slug``,
``url_path``, ``draft_title``) when a page is saved. An editor using the Russian admin would put
Russian into them, and the explorer listing, revisions and logs would mix languages. Saving,
validating and revising under the default language keeps every base column in English while the
``*_az`` / ``*_ru`` columns carry the other languages.
"""

from django.utils import translation

from .languages import default_language


class DefaultLanguageColumnsMixin:
    def full_clean(self, *args, **kwargs):
        with translation.override(default_language()):
            return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        with translation.override(default_language()):
            return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        with translation.override(default_language()):
            return super().save_revision(*args, **kwargs)

    def get_admin_display_title(self):
        with translation.override(default_language()):
            return super().get_admin_display_title()
