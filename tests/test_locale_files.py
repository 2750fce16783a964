"""Every interface string has an Azerbaijani and a Russian translation: no empty, no fuzzy entry."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.languages import TRANSLATED_LANGUAGES

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
# The admin catalogues the project ships for Wagtail and the packages the admin shows
# (`make admin-messages` merges new upstream messages in; they show here as untranslated).
ADMIN_LOCALE_DIR = LOCALE_DIR / "admin"


def catalogues(language):
    return sorted((LOCALE_DIR / language / "LC_MESSAGES").glob("*.po")) + sorted(
        (ADMIN_LOCALE_DIR / language / "LC_MESSAGES").glob("*.po")
    )


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_language_has_admin_catalogues(language):
    for domain in ("django", "djangojs"):
        assert (ADMIN_LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po").is_file(), (
            f"locale/admin/{language}/LC_MESSAGES/{domain}.po is missing: run `make admin-messages`"
        )


def test_admin_catalogues_are_loaded_for_their_language():
    """Django looks up `az`, not Wagtail's `az_AZ`: the project's catalogue must answer for `az`."""
    from django.utils import translation

    # Looked up through variables: these are Wagtail's and Django's messages, not the project's own
    # (`make messages` would otherwise extract them into locale/<language>/).
    save_draft, december = "Save draft", "December"
    with translation.override("az"):
        assert translation.gettext(save_draft) == "Qaralamanı yadda saxla"
        assert translation.gettext(december) == "dekabr", "Azerbaijani writes month names in lower case"
    with translation.override("ru"):
        assert translation.gettext(save_draft) == "Сохранить черновик"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_language_has_a_django_catalogue(language):
    assert (LOCALE_DIR / language / "LC_MESSAGES" / "django.po").is_file(), (
        f"locale/{language}/LC_MESSAGES/django.po is missing: run `make messages` and translate it"
    )


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_entry_is_translated(language):
    paths = catalogues(language)
    assert paths, f"no .po catalogue in locale/{language}/LC_MESSAGES"
    problems = []
    for path in paths:
        catalogue = polib.pofile(str(path))
        for entry in catalogue:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                problems.append(f"{path.relative_to(LOCALE_DIR)}: fuzzy: {entry.msgid!r}")
            elif entry.msgid_plural:
                if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                    problems.append(f"{path.relative_to(LOCALE_DIR)}: plural forms missing: {entry.msgid!r}")
            elif not entry.msgstr:
                problems.append(f"{path.relative_to(LOCALE_DIR)}: untranslated: {entry.msgid!r}")
    assert not problems, f"{len(problems)} problem(s) in locale/{language}:\n" + "\n".join(problems[:40])


def test_russian_plural_rule_has_three_forms():
    """Russian needs one/few/many forms ("1 минута", "2 минуты", "5 минут")."""
    path = LOCALE_DIR / "ru" / "LC_MESSAGES" / "django.po"
    assert path.is_file(), "locale/ru/LC_MESSAGES/django.po is missing"
    catalogue = polib.pofile(str(path))
    assert "nplurals=3" in catalogue.metadata.get("Plural-Forms", "").replace(" ", "")
    for entry in catalogue:
        if entry.msgid_plural and not entry.obsolete:
            assert len(entry.msgstr_plural) == 3, entry.msgid
