"""The admin language switch: only the language, so it works for every account."""

from django import forms
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.localization import get_available_admin_languages
from wagtail.users.models import UserProfile


class AdminLanguageForm(forms.ModelForm):
    """Wagtail's account page saves the language only together with a first and last name, so an
    account without names (``createsuperuser``, imported staff) could not switch: its save failed on
    the name fields. This form changes the language alone."""

    preferred_language = forms.ChoiceField(label=_("Admin language"), widget=forms.RadioSelect)

    class Meta:
        model = UserProfile
        fields = ["preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].choices = [
            (code, get_language_info(code)["name_local"]) for code, _name in get_available_admin_languages()
        ]
