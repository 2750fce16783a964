"""Polylang's languages and translation groups, as a WordPress export carries them.

Polylang keeps everything in WordPress taxonomies, which the export writes out as terms:

- each language is a term of the ``language`` taxonomy (slug ``en``, ``az``, ``ru``; its description a
  PHP-serialised array with the ``locale``, e.g. ``az_AZ``); a post names its language with
  ``<category domain="language" nicename="az">``;
- a group of translations is a ``post_translations`` term (slug ``pll_5f1c...``) whose description is a
  PHP-serialised array ``language slug -> post ID``; a post names its group with
  ``<category domain="post_translations" nicename="pll_...">``;
- categories and tags are grouped the same way by ``term_translations`` terms (``language -> term ID``),
  which is also the only place an export records a term's language.

Serialised arrays are read with ``phpserialize`` (never by pattern matching); a description that does
not unserialise is treated as "no group".
"""

import phpserialize


def unserialize(value: str):
    """The PHP value serialised in ``value``, or ``None`` when it is not one."""
    if not value:
        return None
    try:
        return phpserialize.loads(value.encode("utf-8"), decode_strings=True)
    except (ValueError, TypeError, EOFError, KeyError, IndexError, AttributeError, UnicodeDecodeError):
        return None


def translation_map(description: str) -> dict[str, int]:
    """``{"en": 12, "ru": 14}`` from a ``post_translations`` / ``term_translations`` description."""
    data = unserialize(description)
    if not isinstance(data, dict):
        return {}
    result = {}
    for slug, value in data.items():
        try:
            number = int(value)
        except (TypeError, ValueError):
            continue
        if number > 0 and isinstance(slug, str):
            result[slug] = number
    return result


def language_locale(description: str) -> str:
    """The ``locale`` (``az_AZ``) from a ``language`` term's description, else ``""``."""
    data = unserialize(description)
    if isinstance(data, dict) and isinstance(data.get("locale"), str):
        return data["locale"]
    return ""


class Languages:
    """WordPress language slugs (``en``, ``az``, ``ru-ru``, ``pt-br``) -> the site's language codes."""

    def __init__(self, site_codes, default: str):
        self.site_codes = list(site_codes)
        self.default = default
        self.locales: dict[str, str] = {}  # WordPress slug -> locale
        self.unknown: dict[str, int] = {}  # WordPress languages the site does not have -> items skipped

    def add_term(self, slug: str, description: str) -> None:
        self.locales[slug] = language_locale(description)

    def code(self, slug: str) -> str | None:
        """The site's code for a WordPress language slug, ``None`` when the site lacks that language."""
        if not slug:
            return None
        candidates = [slug, slug.replace("_", "-").split("-")[0]]
        locale = self.locales.get(slug, "")
        if locale:
            candidates += [locale.lower().replace("_", "-"), locale.split("_")[0]]
        for candidate in candidates:
            candidate = candidate.lower()
            if candidate in self.site_codes:
                return candidate
        return None

    def skip(self, slug: str) -> None:
        self.unknown[slug] = self.unknown.get(slug, 0) + 1


def groups(members: dict[int, tuple[str | None, str]], group_maps: dict[str, dict[str, int]]):
    """Translation groups of posts (or terms) as lists of IDs, each list in one group.

    ``members``: ``{id: (language or None, group slug or "")}`` for every importable object;
    ``group_maps``: ``{group slug: {language slug: id}}`` from the ``*_translations`` terms.
    An object whose group is unknown, or whose group lists no other importable object, is a group of one.
    Each object lands in exactly one group; a group never holds two objects in the same language.
    """
    placed: set[int] = set()
    result = []
    by_slug: dict[str, list[int]] = {}
    for object_id, (_language, slug) in members.items():
        if slug:
            by_slug.setdefault(slug, []).append(object_id)
    for slug, ids in by_slug.items():
        listed = [i for i in group_maps.get(slug, {}).values() if i in members]
        candidates = list(dict.fromkeys(listed + ids))
        group, languages = [], set()
        for object_id in candidates:
            language = members[object_id][0]
            if object_id in placed or (language and language in languages):
                continue
            group.append(object_id)
            placed.add(object_id)
            languages.add(language)
        if group:
            result.append(group)
    for slug, mapping in group_maps.items():  # groups named only in the term (objects without a slug)
        if slug in by_slug:
            continue
        group, languages = [], set()
        for object_id in mapping.values():
            if object_id in members and object_id not in placed:
                language = members[object_id][0]
                if language and language in languages:
                    continue
                group.append(object_id)
                placed.add(object_id)
                languages.add(language)
        if group:
            result.append(group)
    for object_id in members:
        if object_id not in placed:
            result.append([object_id])
    return result


def term_languages(group_maps: dict[str, dict[str, int]]) -> dict[int, str]:
    """``{term ID: WordPress language slug}``: the only record of a category's or tag's language."""
    languages = {}
    for mapping in group_maps.values():
        for slug, term_id in mapping.items():
            languages.setdefault(term_id, slug)
    return languages
