"""Until the lead wires the newsletter in (newsroom/settings/base.py imports newsroom.settings.email;
newsroom/urls.py mounts newsletter.urls under the language prefix), ``newsletter_wiring`` supplies both
for the newsletter tests: the NEWSLETTER_* settings and this module as the URLconf. Once wired it does
nothing, and this module can go.
"""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.urls import NoReverseMatch, URLResolver, include, path, reverse
from django.urls.resolvers import LocalePrefixPattern

from newsroom.settings import email as email_settings
from newsroom.urls import urlpatterns as site_patterns


def _with_newsletter():
    patterns = []
    for pattern in site_patterns:
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern):
            patterns += i18n_patterns(
                path("newsletter/", include("newsletter.urls")),
                *pattern.url_patterns,
                prefix_default_language=True,
            )
        else:
            patterns.append(pattern)
    return patterns


urlpatterns = _with_newsletter()
handler500 = "maintenance.views.server_error"


@pytest.fixture(autouse=True)
def newsletter_wiring(settings):
    for name in dir(email_settings):
        if name.startswith("NEWSLETTER_") and not hasattr(settings, name):
            setattr(settings, name, getattr(email_settings, name))
    if not hasattr(settings, "EMAIL_TIMEOUT") or settings.EMAIL_TIMEOUT is None:
        settings.EMAIL_TIMEOUT = 5
    try:
        reverse("newsletter:signup")
    except NoReverseMatch:
        settings.ROOT_URLCONF = __name__
