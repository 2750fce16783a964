"""Admin wiring: the Translations menu item and view, the dashboard panel, the editor's header button."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html, json_script
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import admin_urls
from .availability import has_title, readiness_models
from .languages import default_language, language_codes, language_label
from .panels import TranslationCountsPanel
from .slugs import CYRILLIC, LATIN, MAX_LENGTH


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [path("translations/", include(admin_urls, namespace="translations"))]


@hooks.register("register_admin_menu_item")
def register_translations_menu_item():
    return MenuItem(_("Translations"), reverse("translations:status"), icon_name="site", order=250)


@hooks.register("construct_homepage_panels")
def add_translation_counts_panel(request, panels):
    panels.append(TranslationCountsPanel())


@hooks.register("register_page_header_buttons")
def start_translation_buttons(page, user, view_name, next_url=None):
    """ "Start <language> from <default language>" for each language the article does not have yet."""
    if not isinstance(page.specific_deferred, readiness_models()):
        return
    for code in language_codes():
        if code != default_language() and not has_title(page, code):
            yield Button(
                _("Start %(language)s from %(source)s")
                % {"language": language_label(code), "source": language_label(default_language())},
                url=f"{reverse('translations:copy', args=[page.pk])}?target={code}",
                icon_name="copy",
                priority=80,
            )


@hooks.register("insert_editor_js")
def latin_slugs_script():
    """The slug scheme of translations.slugs, applied in the editor as the slugs are filled."""
    scheme = {"letters": {**LATIN, **CYRILLIC}, "maxLength": MAX_LENGTH}
    return json_script(scheme, "translation-slug-scheme") + format_html(
        '<script src="{}"></script>', static("translations/js/slugs.js")
    )
