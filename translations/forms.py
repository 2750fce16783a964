"""The page edit form: a new translation starts out not ready for readers; a copied text is not made
ready without a confirmation; translators change only their languages; concurrent edits are merged."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from wagtail.admin.forms import WagtailAdminPageForm

from .availability import READY_FIELD, has_title
from .copies import copy_source
from .languages import default_language, language_codes, language_label, localized_field
from .merging import merge_concurrent_edits
from .roles import translated_languages, translator_languages
from .tracking import comparable

CONFIRM_FIELD = "publish_copies"


def language_fields(model, languages) -> set[str]:
    """Every translated field of ``model`` in ``languages`` (``title_ru``, ``body_ru``, ``ready_ru``...)."""
    names = translator.get_options_for_model(model).all_fields
    return {localized_field(name, code) for name in names for code in languages}


class TranslationReadinessForm(WagtailAdminPageForm):
    """Untick "ready for readers" for every language that has no title yet.

    The model default is ``True`` (imports, fixtures and demo content are ready as written); in the
    admin, a translator who starts a Russian version must tick ``ready`` deliberately, so a
    half-written translation never reaches readers with the next English correction.
    The default language starts ticked.

    A language whose text still repeats another word for word (translations.copies) is not made ready
    without ticking it in ``publish_copies`` (shown by translations.panels.CopyConfirmationPanel once
    the form asked for it). A translator (translations.roles) changes only their languages' fields:
    the others are disabled, so what the browser sends for them is ignored, and the editor is told.
    """

    publish_copies = forms.MultipleChoiceField(
        label=_("Publish the copied text as it is"),
        help_text=_(
            "Tick a language to make it ready for readers although its text still repeats, word for word, "
            "the language it was copied from."
        ),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in language_codes():
            name = localized_field(READY_FIELD, code)
            if code != default_language() and name in self.fields and not has_title(self.instance, code):
                self.initial[name] = False
                self.fields[name].initial = False
        if CONFIRM_FIELD in self.fields:
            self.fields[CONFIRM_FIELD].choices = [
                (code, language_label(code)) for code in translated_languages()
            ]
        self.needs_copy_confirmation = []
        self.own_languages = translator_languages(self.for_user)
        self.locked_fields = []
        if self.own_languages is not None:
            own = language_fields(self._meta.model, self.own_languages)
            model_fields = {field.name for field in self._meta.model._meta.get_fields()}
            for name, field in self.fields.items():
                if name in model_fields and name not in own:
                    field.disabled = True
                    self.locked_fields.append(name)

    def clean(self):
        cleaned_data = super().clean()
        self._ignore_locked_changes()
        self._confirm_copies(cleaned_data)
        # Someone saved a newer revision since this form was loaded: keep their newer text in the
        # fields this form did not change (translations.merging).
        merge_concurrent_edits(self)
        return cleaned_data

    def _ignore_locked_changes(self):
        """A translator's changes outside their languages: fields are ignored (disabled), the authors
        and other inline lists refused."""
        if self.own_languages is None:
            return
        self.instance.ignored_fields = [
            capfirst(str(self.fields[name].label or name))
            for name in self.locked_fields
            if self._sent_changed(name)
        ]
        for name, formset in self.formsets.items():
            if name != "comments" and formset.has_changed():
                self.add_error(
                    None,
                    gettext(
                        "You can change only the %(languages)s text of this page; "
                        "ask an editor to change %(part)s."
                    )
                    % {
                        "languages": ", ".join(language_label(code) for code in sorted(self.own_languages)),
                        "part": capfirst(str(formset.model._meta.verbose_name_plural)),
                    },
                )

    def _sent_changed(self, name) -> bool:
        """Whether the browser sent another value for the disabled field ``name`` than it holds."""
        field = self.fields[name]
        db_field = self._meta.model._meta.get_field(name)
        posted = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
        try:
            sent = field.clean(posted)
        except ValidationError:
            return True
        initial = self.get_initial_for_field(field, name)
        if db_field.many_to_many:
            return {str(getattr(item, "pk", item)) for item in sent or []} != {
                str(getattr(item, "pk", item)) for item in initial or []
            }
        if isinstance(sent, datetime.datetime) and isinstance(initial, datetime.datetime):
            return sent.replace(second=0, microsecond=0) != initial.replace(
                second=0, microsecond=0
            )  # as shown
        if db_field.is_relation:
            return str(getattr(sent, "pk", sent) or "") != str(getattr(initial, "pk", initial) or "")
        try:
            return comparable(db_field, db_field.to_python(sent)) != comparable(
                db_field, db_field.to_python(initial)
            )
        except (TypeError, ValueError, ValidationError):
            return str(sent) != str(initial)

    def _confirm_copies(self, cleaned_data):
        confirmed = set(cleaned_data.get(CONFIRM_FIELD) or [])
        model = self._meta.model
        for code in translated_languages():
            name = localized_field(READY_FIELD, code)
            field = self.fields.get(name)
            if field is None or field.disabled or not cleaned_data.get(name):
                continue
            if self.get_initial_for_field(field, name):
                continue  # already ready: only making a language ready asks
            if not (cleaned_data.get(localized_field("title", code)) or "").strip():
                continue
            source = copy_source(model, cleaned_data.get, code)
            if source and code not in confirmed:
                self.needs_copy_confirmation.append(code)
                self.add_error(
                    name,
                    gettext(
                        "The %(language)s text still repeats the %(source)s text word for word: "
                        "it was copied, not translated. Translate it, or tick %(language)s under "
                        "“Publish the copied text as it is” to make it ready anyway."
                    )
                    % {"language": language_label(code), "source": language_label(source)},
                )
