"""The sign-up form: an address and how often. The language is the page's (the URL prefix)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Frequency, normalize_address


class SignUpForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter a valid e-mail address, such as name@example.com."),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.DAILY,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how often you want the newsletter.")},
    )

    def clean_email(self):
        return normalize_address(self.cleaned_data["email"])
