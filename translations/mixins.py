"""Keep the untranslated base columns of a page in the default language, fill slugs, keep old URLs.

django-modeltranslation writes the *active* language into the base columns (``title``, ``slug``,
``url_path``, ``draft_title``) when a page is saved. An editor using the Russian admin would put
Russian into them, and the explorer listing, revisions and logs would mix languages. Saving,
validating and revising under the default language keeps every base column in English while the
``*_az`` / ``*_ru`` columns carry the other languages.

Saving also fills each language's empty slug from its title (``translations.slugs``) and, when a
published URL changes, keeps the old one working with a permanent redirect (``translations.redirects``).
Every such page can be previewed in each language from the editor (``translations.preview``).
"""

from django.utils import translation

from .languages import default_language
from .preview import LanguagePreviewMixin
from .redirects import published_url_paths, redirect_changed_urls
from .slugs import fill_slugs


class DefaultLanguageColumnsMixin(LanguagePreviewMixin):
    def full_clean(self, *args, **kwargs):
        with translation.override(default_language()):
            return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        full_save = kwargs.get("update_fields") is None
        with translation.override(default_language()):
            if full_save and self.path:
                fill_slugs(self)
            before = published_url_paths(self) if full_save else None
            result = super().save(*args, **kwargs)
            if before:
                redirect_changed_urls(self, before)
            return result

    def save_revision(self, *args, **kwargs):
        with translation.override(default_language()):
            if self.path:
                fill_slugs(self)
            return super().save_revision(*args, **kwargs)

    def get_admin_display_title(self):
        with translation.override(default_language()):
            return super().get_admin_display_title()
