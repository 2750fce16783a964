"""The filters of the translation status view."""

from django import forms
from django.utils.translation import gettext_lazy as _

from news.models import Author, CategoryIndexPage
from translations.languages import language_codes, language_label
from translations.status import NOT_READY, Status, status_q


class SectionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return "— " * max(obj.depth - 3, 0) + obj.title


class StatusFilterForm(forms.Form):
    section = SectionChoiceField(
        label=_("Section"), queryset=CategoryIndexPage.objects.order_by("path"), required=False
    )
    author = forms.ModelChoiceField(
        label=_("Author"), queryset=Author.objects.order_by("name"), required=False
    )
    date_from = forms.DateField(
        label=_("Published from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Published to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Any language"))] + [
            (code, language_label(code)) for code in language_codes()
        ]
        self.fields["status"].choices = [
            ("", _("Any status")),
            *Status.choices,
            (NOT_READY, _("translated, not ready for readers")),
        ]

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["section"]:
            queryset = queryset.descendant_of(data["section"])
        if data["author"]:
            queryset = queryset.filter(article_authors__author=data["author"])
        if data["date_from"]:
            queryset = queryset.filter(date__date__gte=data["date_from"])
        if data["date_to"]:
            queryset = queryset.filter(date__date__lte=data["date_to"])
        if data["status"]:
            codes = [data["language"]] if data["language"] else language_codes()
            condition = status_q(codes[0], data["status"])
            for code in codes[1:]:
                condition |= status_q(code, data["status"])
            queryset = queryset.filter(condition)
        return queryset.distinct()
