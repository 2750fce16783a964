"""The admin language switch (``/admin/account/language/``)."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.admin import messages
from wagtail.users.models import UserProfile

from .forms import AdminLanguageForm


def admin_language(request):
    profile = UserProfile.get_for_user(request.user)
    form = AdminLanguageForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        with override(profile.get_preferred_language()):  # said in the language just chosen
            messages.success(request, _("The admin now speaks your chosen language."))
        return redirect("accounts_admin_language")
    return TemplateResponse(
        request,
        "accounts/admin_language.html",
        {"page_title": _("Admin language"), "header_icon": "globe", "form": form},
    )
