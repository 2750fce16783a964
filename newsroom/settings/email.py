"""Outgoing e-mail and the newsletter (newsletter/), from the environment (.env.example).

Imported at the end of base.py. Production sends through SMTP (EMAIL_HOST ...); dev.py switches to the
console backend and the test run to Django's in-memory one (the newsletter tests start a real SMTP
server and point EMAIL_HOST/EMAIL_PORT at it).
"""

import os

from django.core.exceptions import ImproperlyConfigured


def _flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "true" if default else "false").strip().lower() in ("1", "true", "yes", "on")


# --- SMTP ----------------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_USE_TLS = _flag("EMAIL_USE_TLS")  # STARTTLS, usually port 587
EMAIL_USE_SSL = _flag("EMAIL_USE_SSL")  # implicit TLS, usually port 465
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured(
        "Set EMAIL_USE_TLS (STARTTLS, port 587) or EMAIL_USE_SSL (port 465), not both."
    )
EMAIL_PORT = int(os.environ.get("EMAIL_PORT") or (465 if EMAIL_USE_SSL else 587 if EMAIL_USE_TLS else 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
# Seconds to wait for the mail server: a sign-up sends its confirmation while the reader waits.
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Aze.Media <no-reply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Newsletter ----------------------------------------------------------------------------------
NEWSLETTER_FROM_EMAIL = os.environ.get("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
# How long a confirmation link works.
NEWSLETTER_CONFIRM_MAX_AGE = int(float(os.environ.get("NEWSLETTER_CONFIRM_DAYS", "7")) * 86400)
# Sign-ups per window: from one client address, and confirmation messages to one e-mail address.
NEWSLETTER_SIGNUP_WINDOW = int(os.environ.get("NEWSLETTER_SIGNUP_WINDOW", "3600"))
NEWSLETTER_SIGNUP_LIMIT_PER_IP = int(os.environ.get("NEWSLETTER_SIGNUP_LIMIT_PER_IP", "10"))
NEWSLETTER_SIGNUP_LIMIT_PER_ADDRESS = int(os.environ.get("NEWSLETTER_SIGNUP_LIMIT_PER_ADDRESS", "3"))
# Proxies of our own in front of the app (nginx: 1) whose X-Forwarded-For gives the client's address.
NEWSLETTER_TRUSTED_PROXIES = int(os.environ.get("NEWSLETTER_TRUSTED_PROXIES", "0"))
# Digests go out from this hour (site time zone, TIME_ZONE) on the day they are due.
NEWSLETTER_SEND_HOUR = int(os.environ.get("NEWSLETTER_SEND_HOUR", "7"))
NEWSLETTER_DIGEST_MAX_ARTICLES = int(os.environ.get("NEWSLETTER_DIGEST_MAX_ARTICLES", "20"))
