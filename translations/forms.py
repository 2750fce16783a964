"""The page edit form: a new translation starts out not ready for readers."""

from wagtail.admin.forms import WagtailAdminPageForm

from .availability import has_title
from .languages import default_language, language_codes, localized_field


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
