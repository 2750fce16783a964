"""Every interface string has an Azerbaijani and a Russian translation: no empty, no fuzzy entry."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.languages import TRANSLATED_LANGUAGES

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


def catalogues(language):
    return sorted((LOCALE_DIR / language / "LC_MESSAGES").glob("*.po"))


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
                problems.append(f"{path.name}: fuzzy: {entry.msgid!r}")
            elif entry.msgid_plural:
                if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                    problems.append(f"{path.name}: plural forms missing: {entry.msgid!r}")
            elif not entry.msgstr:
                problems.append(f"{path.name}: untranslated: {entry.msgid!r}")
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
