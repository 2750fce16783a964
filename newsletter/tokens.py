"""Signed links: confirming a sign-up and unsubscribing (django.core.signing, one salt per purpose).

A confirmation link carries the sign-up itself (address, language, frequency), signed and dated, and is
valid for ``NEWSLETTER_CONFIRM_MAX_AGE`` seconds: nothing is stored for an address until its owner
confirms. An unsubscribe link carries the subscriber's random ``unsubscribe_key`` and does not expire
(an old digest's link still works); it stops working once the subscriber is deleted.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


class InvalidToken(Exception):
    """Not a link we made (mistyped, cut short, forged)."""


class ExpiredToken(InvalidToken):
    """A link we made whose time is up."""


@dataclass(frozen=True)
class SignUp:
    email: str
    language: str
    frequency: str


def confirmation_token(sign_up: SignUp) -> str:
    data = {"e": sign_up.email, "l": sign_up.language, "f": sign_up.frequency}
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(data, compress=True)


def read_confirmation(token: str) -> SignUp:
    try:
        data = signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(
            token, max_age=settings.NEWSLETTER_CONFIRM_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except (signing.BadSignature, ValueError, UnicodeError) as error:
        raise InvalidToken from error
    try:
        return SignUp(email=str(data["e"]), language=str(data["l"]), frequency=str(data["f"]))
    except (KeyError, TypeError) as error:
        raise InvalidToken from error


def unsubscribe_token(subscriber) -> str:
    return signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).sign(subscriber.unsubscribe_key)


def read_unsubscribe(token: str) -> str:
    """The ``unsubscribe_key`` the link was made for."""
    try:
        return signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).unsign(token)
    except (signing.BadSignature, ValueError, UnicodeError) as error:
        raise InvalidToken from error
