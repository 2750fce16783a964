"""Admin wiring of the desk: the Translations menu item and views, the dashboard panel, the
"Start <language> from <default language>" buttons in the page editor's header, and what an editor is
told after a save merged with someone else's newer revision (translations.merging)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from translations.availability import has_title, readiness_models
from translations.languages import default_language, language_codes, language_label

from . import urls
from .panels import TranslationCountsPanel


@hooks.register("register_admin_urls")
def register_translation_urls():
    # The editors know the desk's address as /admin/translations/.
    return [path("translations/", include(urls, namespace="newsdesk"))]


@hooks.register("register_admin_menu_item")
def register_translations_menu_item():
    return MenuItem(_("Translations"), reverse("newsdesk:status"), icon_name="site", order=250)


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
                url=f"{reverse('newsdesk:copy', args=[page.pk])}?target={code}",
                icon_name="copy",
                priority=80,
            )


@hooks.register("after_edit_page")
def report_merged_edits(request, page):
    kept, replaced = getattr(page, "kept_newer", []), getattr(page, "replaced_newer", [])
    if kept:
        messages.info(
            request,
            _("Someone saved this page while you were editing it; their newer text is kept in: %(fields)s.")
            % {"fields": ", ".join(kept)},
        )
    if replaced:
        messages.warning(
            request,
            _(
                "You and someone else both changed %(fields)s while editing this page. Your text was saved; "
                "theirs is in the page history."
            )
            % {"fields": ", ".join(replaced)},
        )
