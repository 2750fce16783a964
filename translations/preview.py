"""Preview a page in any of its languages from the editor, whatever language the admin speaks.

Each site language is a preview mode: the preview panel's "Preview mode" menu (and the "Preview" button's
``?mode=ru``) shows the page exactly as a reader of that language would get it, live as the editor types,
with no change to the editor's account. The default mode is the admin's own language.
"""

from django.utils import translation

from .languages import current_language, language_codes, language_label


class LanguagePreviewMixin:
    @property
    def preview_modes(self):
        return [(code, language_label(code)) for code in language_codes()]

    @property
    def default_preview_mode(self):
        return current_language()

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in language_codes() else current_language()
        with translation.override(language):
            request.LANGUAGE_CODE = language
            request.newsroom_language = language  # what translations.languages.request_language reads
            response = super().serve_preview(request, mode_name)
            # Render here, in the previewed language: the caller renders only after this returns.
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
        return response
