"""Translators: people who may write one language (or a few) and nothing else.

A translator is a user with the ``translations.translate_<language>`` permission (the "Azerbaijani
translators" and "Russian translators" groups have it, see newsdesk/migrations). In the page editor they
change only the fields of their languages and tick only their languages ready for readers; every other
field is shown but not taken from what they send (translations.forms). Superusers and everyone without
a ``translate_`` permission (editors, moderators) edit every language, as before.
"""

from django.utils.translation import gettext_lazy as _

from .languages import default_language, language_codes, language_label


def translated_languages() -> list[str]:
    """The languages translators work into: every site language but the original."""
    return [code for code in language_codes() if code != default_language()]


def permission_codename(language: str) -> str:
    return f"translate_{language}"


def permissions() -> list[tuple[str, str]]:
    """One permission per language translators work into, on TranslationState's content type.

    Not in ``Meta.permissions``: adding a site language must need migrations only in the apps with
    translated fields, so :func:`ensure_permissions` creates them after every ``migrate``.
    """
    return [
        (permission_codename(code), _("Can translate into %(language)s") % {"language": language_label(code)})
        for code in translated_languages()
    ]


def ensure_permissions(apps=None, **kwargs) -> None:
    """Create the ``translate_<language>`` permissions that do not exist yet (post_migrate, migrations)."""
    from django.apps import apps as global_apps

    apps = apps or global_apps
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="translations", model="translationstate"
    )
    for codename, name in permissions():
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": str(name)[:255]}
        )


def translator_languages(user) -> set[str] | None:
    """The languages ``user`` is limited to, or ``None`` when they may edit every language."""
    if user is None or not user.is_authenticated or user.is_superuser:
        return None
    own = {
        code for code in translated_languages() if user.has_perm(f"translations.{permission_codename(code)}")
    }
    return own or None


def may_edit_language(user, language: str) -> bool:
    own = translator_languages(user)
    return own is None or language in own
