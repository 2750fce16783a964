"""The page edit form: a new translation starts out not ready for readers; concurrent edits are merged."""

from wagtail.admin.forms import WagtailAdminPageForm

from .availability import has_title
from .languages import default_language, language_codes, localized_field
from .merging import merge_concurrent_edits


class TranslationReadinessForm(WagtailAdminPageForm):
    """Untick "ready for readers" for every language that has no title yet.

    The model default is ``True`` (imports, fixtures and demo content are ready as written); in the
    admin, a translator who starts a Russian version must tick ``ready`` deliberately, so a
    half-written translation never reaches readers with the next English correction.
    The default language starts ticked.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in language_codes():
            name = localized_field("ready", code)
            if code != default_language() and name in self.fields and not has_title(self.instance, code):
                self.initial[name] = False
                self.fields[name].initial = False

    def clean(self):
        cleaned_data = super().clean()
        # Someone saved a newer revision since this form was loaded: keep their newer text in the
        # fields this form did not change (translations.merging).
        merge_concurrent_edits(self)
        return cleaned_data
