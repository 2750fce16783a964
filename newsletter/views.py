"""Readers' newsletter pages: sign-up, confirmation and unsubscribe, in the language of the URL.

CSRF: these views are ``csrf_exempt``, on purpose. The sign-up form sits in the footer of pages the
page cache keeps for every anonymous reader, so it cannot carry a per-reader CSRF token (nor may the
page set the CSRF cookie, or it would not be cached). A forged sign-up gains an attacker nothing he
could not do by posting the form himself, which is what CSRF protection is about: nothing is
subscribed until the owner of the mailbox follows the signed link (double opt-in), and sign-ups are
rate-limited per client and per address (``limits``). Confirming and unsubscribing are authorised by
the signed token in the URL, not by a session; RFC 8058 one-click unsubscribe must work without
cookies. Every response here is ``never_cache`` (tokens, form errors, per-reader outcomes).

A sign-up never tells whether the address is subscribed: new, subscribed and unsubscribed addresses
get the same page, after the same work (one confirmation message), and the confirmation of a
subscribed address changes its language and frequency instead of adding a second subscription.
"""

import logging

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from seo.metadata import for_view
from translations.languages import language_codes, language_name, request_language

from . import emails, limits
from .forms import SignUpForm
from .models import Frequency, Subscriber
from .tokens import ExpiredToken, InvalidToken, SignUp, read_confirmation, read_unsubscribe

logger = logging.getLogger(__name__)

METHODS = ["GET", "HEAD", "POST"]
ONE_CLICK = "One-Click"  # the body of an RFC 8058 POST: List-Unsubscribe=One-Click


def _page(request, template: str, title: str, *, status: int = 200, indexable: bool = False, **context):
    language = request_language(request)
    context.update(page_title=title, meta=for_view(request, language, title, indexable=indexable))
    return render(request, template, context, status=status)


def _invalid_link(request, error: InvalidToken):
    expired = isinstance(error, ExpiredToken)
    title = _("This link has expired") if expired else _("This link is not valid")
    # 410 Gone: the link was ours and its time is up; 400: it never was (cut short, mistyped).
    return _page(
        request,
        "newsletter/invalid_link.html",
        title,
        status=410 if expired else 400,
        expired=expired,
        newsletter_form=SignUpForm(),
    )


@csrf_exempt
@require_http_methods(METHODS)
@never_cache
def signup(request):
    if request.method != "POST":
        return _page(
            request, "newsletter/signup.html", _("Newsletter"), indexable=True, newsletter_form=SignUpForm()
        )
    if not limits.allow_client(request):
        response = _page(request, "newsletter/too_many.html", _("Too many sign-ups"), status=429)
        response["Retry-After"] = str(settings.NEWSLETTER_SIGNUP_WINDOW)
        return response
    form = SignUpForm(request.POST)
    if not form.is_valid():
        return _page(request, "newsletter/signup.html", _("Newsletter"), status=400, newsletter_form=form)
    sign_up = SignUp(
        email=form.cleaned_data["email"],
        language=request_language(request),
        frequency=form.cleaned_data["frequency"],
    )
    # Past the per-address limit, the page is the same but no more messages go to that mailbox.
    if limits.allow_address(sign_up.email):
        try:
            emails.confirmation_message(sign_up, emails.site_root(request)).send()
        except Exception:
            # The reader is told to check the inbox either way: an error page would tell apart the
            # addresses the mail server refuses. The log has it for the editors.
            logger.exception("newsletter: the confirmation message could not be sent")
    return _page(request, "newsletter/sent.html", _("Check your inbox"), email=sign_up.email)


@csrf_exempt
@require_http_methods(METHODS)
@never_cache
def confirm(request, token: str):
    try:
        sign_up = read_confirmation(token)
    except InvalidToken as error:
        return _invalid_link(request, error)
    language = sign_up.language if sign_up.language in language_codes() else request_language(request)
    frequency = sign_up.frequency if sign_up.frequency in Frequency.values else Frequency.DAILY
    context = {
        "email": sign_up.email,
        "frequency": Frequency(frequency).label,
        "language_name": language_name(language),
    }
    if request.method != "POST":
        return _page(request, "newsletter/confirm.html", _("Confirm your subscription"), **context)
    Subscriber.objects.subscribe(sign_up.email, language, frequency)
    return _page(request, "newsletter/confirmed.html", _("You are subscribed"), **context)


@csrf_exempt
@require_http_methods(METHODS)
@never_cache
def unsubscribe(request, token: str):
    one_click = request.method == "POST" and request.POST.get("List-Unsubscribe") == ONE_CLICK
    try:
        key = read_unsubscribe(token)
    except InvalidToken as error:
        if one_click:
            return HttpResponse(status=400, content_type="text/plain")
        return _invalid_link(request, error)
    if one_click:
        # RFC 8058: the mail provider posts on the reader's behalf and wants no page, no redirect.
        Subscriber.objects.unsubscribe(key)
        return HttpResponse(status=200, content_type="text/plain")
    if request.method == "POST":
        Subscriber.objects.unsubscribe(key)
        return _page(request, "newsletter/unsubscribed.html", _("You are unsubscribed"))
    # GET never unsubscribes: link scanners and previews follow links; a reader presses the button.
    subscribed = Subscriber.objects.filter(unsubscribe_key=key).exists()
    return _page(request, "newsletter/unsubscribe.html", _("Unsubscribe"), subscribed=subscribed)
