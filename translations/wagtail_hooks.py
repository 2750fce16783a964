"""Admin wiring of the slug scheme: Latin slugs filled in the editor as titles are typed."""

from django.templatetags.static import static
from django.utils.html import format_html, json_script
from wagtail import hooks

from .slugs import CYRILLIC, LATIN, MAX_LENGTH


@hooks.register("insert_editor_js")
def latin_slugs_script():
    """The slug scheme of translations.slugs, applied in the editor as the slugs are filled."""
    scheme = {"letters": {**LATIN, **CYRILLIC}, "maxLength": MAX_LENGTH}
    return json_script(scheme, "translation-slug-scheme") + format_html(
        '<script src="{}"></script>', static("translations/js/slugs.js")
    )
