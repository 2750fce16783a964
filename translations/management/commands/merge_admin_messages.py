"""Keep locale/admin/ in step with the admin strings of Wagtail and the packages the admin shows.

Wagtail 7.4 ships Azerbaijani only as a small `az_AZ` catalogue (Django looks up `az`, so it is not even
loaded), and a few strings the admin builds are missing in Russian. The project therefore ships its own
admin catalogues in locale/admin/<language>/LC_MESSAGES/{django,djangojs}.po (settings.LOCALE_PATHS).

This command (run by `make admin-messages` after upgrading Wagtail) collects every message of the
upstream English catalogues, keeps the project's translations of messages that still exist, fills new
ones from the upstream catalogue of the language when it has them, drops messages upstream no longer
has, and leaves the rest untranslated, so tests/test_locale_files.py lists exactly what needs a
translator. Azerbaijani month and weekday names come from Django's own catalogue in lower case, as
Azerbaijani writes them ("3 dekabr 2026").
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

# Packages whose interface strings appear in the admin. Django's own `az` and `ru` catalogues are
# complete, so Django is not merged (except the date names, below).
PACKAGES = ("wagtail", "taggit", "wagtail_modeltranslation", "modeltranslation")
DOMAINS = ("django", "djangojs")
UPSTREAM_CODES = {"az": ("az", "az_AZ"), "ru": ("ru",)}
# Admin messages of packages that ship no catalogue at all (wagtail-modeltranslation's hooks).
WITHOUT_CATALOGUE = {
    "View / edit fields for": {
        "az": "Sahələri göstər və redaktə et:",
        "ru": "Показать и редактировать поля:",
    },
}
LOWER_CASE_DATE_NAMES = {"az"}
PLURAL_FORMS = {
    "az": "nplurals=2; plural=(n != 1);",
    "ru": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
        "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
}


def package_dirs():
    import importlib.util

    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            yield Path(next(iter(spec.submodule_search_locations)))


def upstream_catalogues(language_codes, domain):
    """Every upstream .po for these language codes and domain, most specific package first."""
    for root in package_dirs():
        for locale_dir in sorted(root.rglob("locale")):
            for code in language_codes:
                path = locale_dir / code / "LC_MESSAGES" / f"{domain}.po"
                if path.is_file():
                    yield polib.pofile(str(path))


def key(entry):
    return (entry.msgctxt, entry.msgid)


def is_translated(entry):
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


class Command(BaseCommand):
    help = "Merge Wagtail's and the admin packages' messages into locale/admin/<lang>/ (az, ru)."

    def handle(self, *args, **options):
        target_root = Path(settings.BASE_DIR) / "locale" / "admin"
        for domain in DOMAINS:
            sources = {}
            for catalogue in upstream_catalogues(("en",), domain):
                for entry in catalogue:
                    if not entry.obsolete and entry.msgid:
                        sources.setdefault(key(entry), entry)
            for language, codes in UPSTREAM_CODES.items():
                self.merge(
                    target_root / language / "LC_MESSAGES" / f"{domain}.po", language, codes, domain, sources
                )

    def merge(self, path, language, codes, domain, sources):
        existing = polib.pofile(str(path)) if path.is_file() else None
        kept = {key(e): e for e in existing if not e.obsolete and is_translated(e)} if existing else {}
        upstream = {}
        for catalogue in upstream_catalogues(codes, domain):
            for entry in catalogue:
                if not entry.obsolete and is_translated(entry) and "fuzzy" not in entry.flags:
                    upstream.setdefault(key(entry), entry)

        plural_forms = PLURAL_FORMS[language]
        result = polib.POFile(wrapwidth=0)
        result.metadata = {
            "Project-Id-Version": "newsroom admin",
            "Language": language,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": plural_forms,
        }
        counts = {"kept": 0, "upstream": 0, "untranslated": 0}
        nplurals = 3 if language == "ru" else 2
        for source_key, source in sorted(sources.items(), key=lambda item: (item[0][0] or "", item[0][1])):
            entry = polib.POEntry(
                msgctxt=source.msgctxt, msgid=source.msgid, msgid_plural=source.msgid_plural
            )
            entry.flags = [flag for flag in source.flags if flag.endswith("-format")]
            found = kept.get(source_key) or upstream.get(source_key)
            if found is not None:
                counts["kept" if source_key in kept else "upstream"] += 1
                if source.msgid_plural:
                    forms = [
                        found.msgstr_plural.get(i) or found.msgstr_plural.get(0, "") for i in range(nplurals)
                    ]
                    entry.msgstr_plural = dict(enumerate(forms))
                else:
                    entry.msgstr = found.msgstr
            else:
                counts["untranslated"] += 1
                if source.msgid_plural:
                    entry.msgstr_plural = {i: "" for i in range(nplurals)}
            result.append(entry)
        if domain == "django":
            for msgid, translations in WITHOUT_CATALOGUE.items():
                result.append(polib.POEntry(msgid=msgid, msgstr=translations[language]))
        if domain == "django" and language in LOWER_CASE_DATE_NAMES:
            self.add_lower_case_date_names(result, language)
        path.parent.mkdir(parents=True, exist_ok=True)
        result.save(str(path))
        self.stdout.write(
            f"{path.relative_to(settings.BASE_DIR)}: {len(result)} messages, {counts['kept']} kept, "
            f"{counts['upstream']} from upstream, {counts['untranslated']} untranslated"
        )

    def add_lower_case_date_names(self, result, language):
        import django
        from django.utils import dates

        django_po = Path(django.__file__).parent / "conf" / "locale" / language / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(django_po))

        wanted = set()
        for table, context in (
            (dates.MONTHS, None),
            (dates.MONTHS_3, None),
            (dates.MONTHS_AP, "abbrev. month"),
            (dates.MONTHS_ALT, "alt. month"),
            (dates.WEEKDAYS, None),
            (dates.WEEKDAYS_ABBR, None),
        ):
            for value in table.values():
                wanted.add((context, value._args[-1]))
        for entry in catalogue:
            if (
                (entry.msgctxt, entry.msgid) in wanted
                and entry.msgstr
                and result.find(entry.msgid, msgctxt=entry.msgctxt) is None
            ):
                result.append(
                    polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr=entry.msgstr.lower())
                )
