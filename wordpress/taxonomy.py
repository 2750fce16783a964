"""Categories -> sections, tags -> tags, WordPress users -> authors: made before the first post.

A Polylang group of categories (``term_translations``) becomes ONE section with a title and slug in each
of its languages; a group of tags one tag with a name per language. Each group is written in its own
transaction; an existing section with the same slug under the same parent (or a tag with the same slug,
an author with the same name) is reused, and only its empty languages filled in.
"""

from html import unescape
from urllib.parse import unquote

from django.db import transaction
from django.db.models import Q
from django.utils.html import strip_tags
from wagtail.models import Page

from news.models import Author, CategoryIndexPage, Tag
from translations.slugs import slug_from

from . import polylang
from .content import plain

FALLBACK_SECTION = {
    "title": {"en": "Archive", "az": "Arxiv", "ru": "Архив"},
    "slug": {"en": "archive", "az": "arxiv", "ru": "arkhiv"},
}


def text(value: str) -> str:
    return plain(unescape(strip_tags(unescape(value or ""))))


def slug_of(slug: str, name: str) -> str:
    return slug_from(unquote(slug or "")) or slug_from(name) or "item"


class Taxonomy:
    def __init__(self, index, records, report, codes, site_default: str):
        self.index = index
        self.records = records
        self.report = report
        self.codes = codes
        self.site_default = site_default
        self.sections: dict[int, int] = {}  # category term id -> section page id
        self.tags: dict[int, int] = {}  # tag term id -> Tag pk
        self.authors: dict[str, int] = {}  # login -> Author pk
        self.fallback_section_id = None

    # --- languages of terms ------------------------------------------------------------------------
    def _term_languages(self, taxonomy: str) -> dict[int, str]:
        """term id -> site language: from Polylang's groups, else from the posts that use the term."""
        wp_languages = polylang.term_languages(self.index.term_group_maps)
        usage: dict[int, dict] = {}
        for entry in self.index.entries.values():
            slugs = entry.categories if taxonomy == "category" else entry.tags
            for slug in slugs:
                term_id = self.index.term_ids.get((taxonomy, slug))
                if term_id is not None:
                    counts = usage.setdefault(term_id, {})
                    counts[entry.language] = counts.get(entry.language, 0) + 1
        result = {}
        for (kind, term_id), _term in self.index.terms.items():
            if kind != taxonomy:
                continue
            code = self.index.languages.code(wp_languages.get(term_id, ""))
            if code is None and term_id in usage:
                code = max(usage[term_id], key=usage[term_id].get)
            result[term_id] = code or self.index.default_language
        return result, usage

    def _groups(self, taxonomy: str):
        languages, usage = self._term_languages(taxonomy)
        members = {
            term_id: (languages[term_id], "") for (kind, term_id) in self.index.terms if kind == taxonomy
        }
        groups = polylang.groups(members, self.index.term_group_maps)
        return groups, languages, usage

    # --- sections --------------------------------------------------------------------------------
    def build_sections(self, home) -> None:
        groups, languages, usage = self._groups("category")
        group_of = {term_id: i for i, group in enumerate(groups) for term_id in group}
        needed: set[int] = set()
        for term_id in usage:
            while (
                term_id is not None and group_of.get(term_id) is not None and group_of[term_id] not in needed
            ):
                needed.add(group_of[term_id])
                parent = self._parent_term(term_id)
                term_id = parent
        done: dict[int, int] = {}

        def build(number: int, trail=()):
            if number in done:
                return done[number]
            group = groups[number]
            parent_page_id = home.pk
            for term_id in group:
                parent_term = self._parent_term(term_id)
                if (
                    parent_term is not None
                    and group_of.get(parent_term) is not None
                    and group_of[parent_term] not in trail
                ):
                    parent_page_id = build(group_of[parent_term], trail + (number,))
                    break
            page_id = self._section(group, languages, parent_page_id)
            done[number] = page_id
            return page_id

        for number in sorted(needed):
            build(number)
        for number, page_id in done.items():
            for term_id in groups[number]:
                self.sections[term_id] = page_id

    def _parent_term(self, term_id: int):
        term = self.index.terms.get(("category", term_id))
        if term is None or not term.parent:
            return None
        return self.index.term_ids.get(("category", term.parent))

    def _section(self, group, languages, parent_id: int) -> int:
        terms = {languages[t]: self.index.terms[("category", t)] for t in group}
        for term_id in group:
            record = self.records.get("category", term_id)
            if record and Page.objects.filter(pk=record.object_id).exists():
                self.report.count("section", "unchanged")
                return record.object_id
        titles = {code: text(term.name) or term.slug for code, term in terms.items()}
        slugs = {code: slug_of(term.slug, titles[code]) for code, term in terms.items()}
        intros = {code: text(term.description)[:500] for code, term in terms.items()}
        try:
            with transaction.atomic():
                page_id, outcome = self._upsert_section(parent_id, titles, slugs, intros)
                for code, term in terms.items():
                    self.records.save("category", term.term_id, page_id, language=code)
        except Exception as error:  # noqa: BLE001 - reported; its posts go to the parent section
            self.records.discard()
            self.report.item("section", "failed", group[0], "", next(iter(titles.values()), ""), str(error))
            return parent_id
        self.records.commit()
        self.report.count("section", outcome)
        return page_id

    def _upsert_section(self, parent_id: int, titles: dict, slugs: dict, intros: dict):
        parent = Page.objects.get(pk=parent_id).specific
        siblings = CategoryIndexPage.objects.child_of(parent)
        condition = Q()
        for code, slug in slugs.items():
            condition |= Q(**{f"slug_{code}": slug})
        existing = siblings.filter(condition).first()
        if existing is not None:
            changed = False
            for code in titles:
                if not getattr(existing, f"title_{code}", None):
                    setattr(existing, f"title_{code}", titles[code])
                    setattr(existing, f"slug_{code}", slugs[code])
                    changed = True
            if changed:
                existing.save_revision().publish()
            return existing.pk, "updated" if changed else "unchanged"
        taken = {
            code: set(Page.objects.child_of(parent).values_list(f"slug_{code}", flat=True)) for code in slugs
        }
        fields = {"show_in_menus": True}
        for code in self.codes:
            if code in titles:
                slug, number = slugs[code], 1
                while slug in taken[code]:
                    number += 1
                    slug = f"{slugs[code]}-{number}"
                fields.update(
                    {f"title_{code}": titles[code], f"slug_{code}": slug, f"intro_{code}": intros[code]}
                )
        default = self.site_default if self.site_default in titles else next(iter(titles))
        section = CategoryIndexPage(
            title=titles[default], slug=fields[f"slug_{default}"], live=False, **fields
        )
        parent.add_child(instance=section)
        section.save_revision().publish()
        return section.pk, "imported"

    def fallback_section(self, home) -> int:
        """Where posts without a category go: a section "Archive", made once, out of the menu."""
        if self.fallback_section_id is None or not Page.objects.filter(pk=self.fallback_section_id).exists():
            existing = (
                CategoryIndexPage.objects.child_of(home)
                .filter(slug_en=FALLBACK_SECTION["slug"]["en"])
                .first()
            )
            if existing is None:
                with transaction.atomic():
                    fields = {}
                    for code in self.codes:
                        if code in FALLBACK_SECTION["title"]:
                            fields[f"title_{code}"] = FALLBACK_SECTION["title"][code]
                            fields[f"slug_{code}"] = FALLBACK_SECTION["slug"][code]
                    existing = CategoryIndexPage(
                        title=FALLBACK_SECTION["title"]["en"],
                        slug="archive",
                        live=False,
                        show_in_menus=False,
                        **fields,
                    )
                    home.add_child(instance=existing)
                    existing.save_revision().publish()
                self.report.count("section", "imported")
            self.fallback_section_id = existing.pk
        return self.fallback_section_id

    # --- tags ----------------------------------------------------------------------------------------
    def build_tags(self) -> None:
        groups, languages, usage = self._groups("post_tag")
        for group in groups:
            if not any(term_id in usage for term_id in group):
                continue
            terms = {languages[t]: self.index.terms[("post_tag", t)] for t in group}
            record = next((r for t in group if (r := self.records.get("tag", t))), None)
            if record and Tag.objects.filter(pk=record.object_id).exists():
                for term_id in group:
                    self.tags[term_id] = record.object_id
                self.report.count("tag", "unchanged")
                continue
            names = {code: text(term.name)[:80] or term.slug for code, term in terms.items()}
            default = self.site_default if self.site_default in terms else next(iter(terms))
            slug = slug_of(terms[default].slug, names[default])[:80]
            try:
                with transaction.atomic():
                    tag = Tag.objects.filter(slug=slug).first()
                    outcome = "updated" if tag else "imported"
                    tag = tag or Tag(slug=slug)
                    for code, name in names.items():
                        if not getattr(tag, f"name_{code}", None):
                            setattr(tag, f"name_{code}", name)
                    tag.name = getattr(tag, f"name_{default}", None) or names[default]
                    tag.save()
                    for code, term in terms.items():
                        self.records.save("tag", term.term_id, tag.pk, language=code)
            except Exception as error:  # noqa: BLE001 - reported; posts lose only this tag
                self.records.discard()
                self.report.item("tag", "failed", group[0], "", names[default], str(error))
                continue
            self.records.commit()
            self.report.count("tag", outcome)
            for term_id in group:
                self.tags[term_id] = tag.pk

    # --- authors -------------------------------------------------------------------------------------
    def build_authors(self) -> None:
        logins = {entry.creator for entry in self.index.entries.values() if entry.creator}
        for login in sorted(logins):
            wp_author = self.index.authors.get(login)
            name = text(wp_author.name if wp_author else login)[:120] or login
            record = self.records.get("author", login)
            if record and Author.objects.filter(pk=record.object_id).exists():
                self.authors[login] = record.object_id
                self.report.count("author", "unchanged")
                continue
            with transaction.atomic():
                author = Author.objects.filter(Q(name_en=name) | Q(name=name)).first()
                outcome = "updated" if author else "imported"
                if author is None:
                    author = Author(name=name, name_en=name)
                    author.save()
                self.records.save("author", login, author.pk)
            self.records.commit()
            self.authors[login] = author.pk
            self.report.count("author", outcome)

    def section_for(self, entries) -> int | None:
        for entry in entries:
            for slug in entry.categories:
                term_id = self.index.term_ids.get(("category", slug))
                if term_id in self.sections:
                    return self.sections[term_id]
        return None

    def tag_ids(self, entries) -> list[int]:
        found = []
        for entry in entries:
            for slug in entry.tags:
                pk = self.tags.get(self.index.term_ids.get(("post_tag", slug)))
                if pk and pk not in found:
                    found.append(pk)
        return found

    def author_ids(self, entries) -> list[int]:
        found = []
        for entry in entries:
            pk = self.authors.get(entry.creator)
            if pk and pk not in found:
                found.append(pk)
        return found
