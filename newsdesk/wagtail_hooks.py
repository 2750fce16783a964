"""Admin wiring of the desk: the Translations menu item and views, the dashboard panel, the
"Start <language> from <default language>" buttons in the page editor's header, and what an editor is
told after a save merged with someone else's newer revision (translations.merging)."""

from functools import cache

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, json_script
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.fields import StreamField

from translations.availability import has_title, readiness_models
from translations.languages import default_language, language_codes, language_label
from translations.roles import may_edit_language, translated_languages

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
        if code != default_language() and not has_title(page, code) and may_edit_language(user, code):
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
    ignored = getattr(page, "ignored_fields", [])
    if ignored:
        messages.warning(
            request,
            _("You can change only your languages' fields; your changes to these were not saved: %(fields)s.")
            % {"fields": ", ".join(ignored)},
        )
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


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def explain_go_live_date(request, page):
    """A go-live date only takes effect with "Schedule to publish"; a draft saved with one is told so,
    instead of silently staying a draft."""
    go_live_at = page.go_live_at
    if not go_live_at or go_live_at <= timezone.now():
        return
    if "action-publish" not in request.POST:  # publishing schedules it, and Wagtail says so
        when = date_format(timezone.localtime(go_live_at), "DATETIME_FORMAT")
        messages.warning(
            request,
            _(
                "Saved as a draft. The go-live date (%(when)s) is not scheduled yet: choose “Schedule to "
                "publish” (the Publish action) to have it go live then."
            )
            % {"when": when},
        )


@cache
def stream_fields() -> list[str]:
    """Translated StreamFields (``body``): the only fields "Copy content from" has something to copy in."""
    names = set()
    for model in translator.get_registered_models(abstract=False):
        for name in translator.get_options_for_model(model).fields:
            if isinstance(model._meta.get_field(name), StreamField):
                names.add(name)
    return sorted(names)


@hooks.register("insert_editor_js")
def translation_source_script():
    """The original (default-language) text under each translated field of the editor."""
    source = default_language()
    config = {
        "source": source,
        "targets": translated_languages(),
        "label": str(_("%(language)s original") % {"language": language_label(source)}),
        "copyLabel": str(_("Copy content from")),
        "streamFields": stream_fields(),
    }
    return json_script(config, "translation-source-config") + format_html(
        '<script src="{}"></script><link rel="stylesheet" href="{}">',
        static("newsdesk/js/translation_source.js"),
        static("newsdesk/css/translation_source.css"),
    )
