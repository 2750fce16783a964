from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from sanitize.links import is_web_url


def validate_link(value):
    """A web address (``https://…``) or a path on this site (``/en/news/…``); nothing else."""
    if not value:
        return
    if value.startswith("/") and not value.startswith("//") and not any(c.isspace() for c in value):
        return
    if is_web_url(value):
        try:
            URLValidator(schemes=["http", "https"])(value)
            return
        except ValidationError:
            pass
    raise ValidationError(
        _("Enter a web address starting with https:// or a path on this site starting with /."),
        code="link",
    )
