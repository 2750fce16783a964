"""Model-level validators: what the admin's forms and ``full_clean()`` refuse."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .links import is_web_url


def validate_web_url(value):
    """Only ``http://`` and ``https://`` addresses: no ``javascript:``, ``data:``, ``ftp:`` or others.

    Django's URLValidator (every URL field has it) also checks the rest of the address.
    """
    if value and not is_web_url(value):
        raise ValidationError(
            _("Enter a web address starting with http:// or https://."),
            code="web_url",
            params={"value": value},
        )
