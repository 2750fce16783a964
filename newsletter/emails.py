"""The messages the newsletter sends: the confirmation of a sign-up and the digest, each in the
reader's language with a plain-text body and an HTML alternative and absolute links."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext
from wagtail.models import Site

from seo.absolute import root_url, site_name
from translations.languages import language_name
from translations.links import page_url

from .models import Frequency
from .tokens import SignUp, confirmation_token, unsubscribe_token


def site_root(request=None) -> str:
    """``https://aze.media``: the site serving ``request``; without one (the digest command), the
    default Wagtail Site, which ``manage.py set_site_url`` keeps at the public address."""
    if request is not None:
        return root_url(request)
    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    return site.root_url if site else root_url(None)


def _url(root: str, language: str, name: str, token: str) -> str:
    with translation.override(language):
        return root + reverse(name, args=[token])


def confirm_url(root: str, sign_up: SignUp) -> str:
    return _url(root, sign_up.language, "newsletter:confirm", confirmation_token(sign_up))


def unsubscribe_url(root: str, subscriber) -> str:
    return _url(root, subscriber.language, "newsletter:unsubscribe", unsubscribe_token(subscriber))


def _message(subject, template, context, to, headers=None) -> EmailMultiAlternatives:
    text = render_to_string(f"newsletter/email/{template}.txt", context)
    html = render_to_string(f"newsletter/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[to],
        headers={"Content-Language": context["language"], **(headers or {})},
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(sign_up: SignUp, root: str) -> EmailMultiAlternatives:
    """The same message whether or not the address is subscribed already: following it subscribes a
    new address, or sets the language and frequency of an existing subscription (never a second one)."""
    with translation.override(sign_up.language):
        name = site_name()
        context = {
            "language": sign_up.language,
            "site_name": name,
            "site_url": root,
            "confirm_url": confirm_url(root, sign_up),
            "frequency": Frequency(sign_up.frequency).label,
            "language_name": language_name(sign_up.language),
            "valid_days": max(1, settings.NEWSLETTER_CONFIRM_MAX_AGE // 86400),
        }
        subject = gettext("Confirm your subscription to the %(site)s newsletter") % {"site": name}
        return _message(
            subject,
            "confirm",
            context,
            sign_up.email,
            headers={"Auto-Submitted": "auto-generated"},
        )


def digest_items(articles, language: str) -> list[dict]:
    """What a digest shows of each article, worked out once for every subscriber who gets the same list."""
    with translation.override(language):
        return [
            {
                "title": article.title,
                "intro": article.intro,
                "date": article.date,
                "url": page_url(article, language, full=True),
            }
            for article in articles
        ]


def digest_message(subscriber, items: list[dict], root: str, more: int = 0) -> EmailMultiAlternatives:
    """``items`` (:func:`digest_items`, newest first) for ``subscriber``; ``more``: how many articles
    since the last digest did not fit. Carries List-Unsubscribe and List-Unsubscribe-Post (RFC 8058)."""
    language = subscriber.language
    with translation.override(language):
        name = site_name()
        unsubscribe = unsubscribe_url(root, subscriber)
        count = len(items) + more
        context = {
            "language": language,
            "site_name": name,
            "site_url": root,
            "home_url": root + reverse("wagtail_serve", args=[""]),
            "articles": items,
            "more": more,
            "frequency": subscriber.frequency,
            "unsubscribe_url": unsubscribe,
        }
        subject = ngettext(
            "%(site)s: %(count)d new article",
            "%(site)s: %(count)d new articles",
            count,
        ) % {"site": name, "count": count}
        return _message(
            subject,
            "digest",
            context,
            subscriber.email,
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Precedence": "bulk",
            },
        )
