"""The import: read the export twice (``index`` then posts one by one) and write each translation group.

1. ``index.scan`` reads terms, authors, attachments and a small entry per post; Polylang's groups are
   resolved (``polylang.groups``) so each group's posts become ONE page with its language versions.
2. Authors, sections (nested, per Polylang's category groups) and tags are made (``taxonomy``).
3. The posts are read again; a group is written as soon as its last member has been read (translations
   sit close together in an export, so few are held at a time), each group in its own transaction: a bad
   post is reported and skipped, never half-written. Pages are published through revisions so search,
   navigation, sitemaps and the page cache hear of them as they do of an editor's publish.
4. Links to posts imported later in the same run are rewritten at the end; old addresses of sections,
   tags and feeds get their redirects.

A re-run compares each group's ``digest`` with the one recorded (``ImportedObject``): unchanged groups are
left alone, changed ones updated, unless the page was edited in Wagtail since (``--force`` overwrites).
"""

import hashlib
import json
import time
from dataclasses import asdict
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from django.db import transaction
from django.utils import timezone, translation
from wagtail.log_actions import log
from wagtail.models import Page, PageViewRestriction, Revision, Site
from wagtail.signals import page_published

from about.models import AboutPage, ContentPage
from navigation import tree
from news.models import ArticleAuthor, ArticlePage, CategoryIndexPage, Tag
from translations.languages import default_language, language_codes

from . import content, links, polylang, wxr
from . import index as index_module
from .indexing import deferred_indexing, revision_tracking_paused
from .media import Media
from .records import Records
from .redirects import Redirects
from .report import Report
from .taxonomy import Taxonomy, slug_of, text
from .validation import without_sibling_scan

ABOUT_SLUGS = frozenset({"about", "about-us", "who-we-are", "haqqimizda", "biz-kimik", "o-nas", "kto-my"})
LIVE, DRAFT, SCHEDULED, PRIVATE = "live", "draft", "scheduled", "private"


class DryRun(Exception):
    """Raised at the end of each group's transaction in a dry run, so nothing it wrote is kept."""


def parse_date(item: wxr.Item):
    for value in (item.post_date_gmt,):
        if value and not value.startswith("0000"):
            try:
                return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            except ValueError:
                pass
    if item.pub_date:
        try:
            parsed = parsedate_to_datetime(item.pub_date)
            if parsed and parsed.year > 1970:
                return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        except (TypeError, ValueError, IndexError):
            pass
    if item.post_date and not item.post_date.startswith("0000"):
        try:
            naive = datetime.strptime(item.post_date.strip(), "%Y-%m-%d %H:%M:%S")
            return timezone.make_aware(naive)
        except (ValueError, OverflowError):
            pass
    return None


def parse_modified(item: wxr.Item):
    value = item.modified_gmt
    if value and not value.startswith("0000"):
        try:
            return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        except ValueError:
            return None
    return None


def digest_of(items) -> str:
    data = [{k: v for k, v in asdict(item).items() if k not in ("position", "repairs")} for item in items]
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


class PostContext:
    """What ``content.convert`` asks for while converting one post: images and links."""

    def __init__(self, importer, post_id: int):
        self.importer = importer
        self.post_id = post_id
        self.pending_links = 0

    def image(self, attachment_id, src):
        self.importer.media.current_post = self.post_id
        return self.importer.media.image(attachment_id, src)

    def links(self, html: str) -> str:
        html, pending = links.rewrite(html, self.importer.resolve_link)
        self.pending_links += pending
        return html


class Importer:
    def __init__(
        self, path, media_dir=None, dry_run=False, unmarked_language=None, force=False, progress=None
    ):
        self.path = str(path)
        self.media_dir = media_dir
        self.dry_run = dry_run
        self.force = force
        self.codes = language_codes()
        self.default_language = default_language()  # the site's: base columns, unprefixed old URLs
        self.unmarked_language = unmarked_language or self.default_language  # posts with no language
        self.progress = progress
        self.report = Report(self.path, dry_run)

    # --- the run -----------------------------------------------------------------------------------
    def run(self) -> Report:
        started = time.monotonic()
        self.index = index_module.scan(self.path, self.codes, self.unmarked_language)
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise wxr.ExportError(
                "this site has no default Site and home page yet: run migrations and create one"
            )
        self.site, self.home = site, site.root_page.specific
        self.report.error = self.index.error
        self.report.unknown_languages = dict(self.index.languages.unknown)
        self.report.other_types = {k: v for k, v in self.index.other_types.items() if k not in ("revision",)}
        for kind, wp_id, language, title, reason in self.index.skipped:
            self.report.item("article" if kind == "post" else kind, "skipped", wp_id, language, title, reason)
        self.source = (
            self.index.site.base_blog_url
            or self.index.site.base_site_url
            or self.index.site.link
            or self.path
        )[:200]
        self.records = Records(self.source)
        self.media = Media(self.index, self.media_dir, self.records, self.report, self.dry_run)
        self.urls = links.OldUrls(self.index)
        self.redirects = Redirects(self.index, self.site, self.codes)
        self.page_of_post = {}
        for kind in ("post", "page"):
            for (row_kind, key), row in self.records.rows.items():
                if row_kind == kind:
                    self.page_of_post[int(key)] = row.object_id
        self.fixups: set[int] = set()
        self.slugs: dict = {}
        with (
            deferred_indexing(),
            without_sibling_scan([ArticlePage, AboutPage, ContentPage, CategoryIndexPage]),
        ):
            self._run()
        tree.invalidate()
        self.report.seconds = time.monotonic() - started
        return self.report

    def _run(self) -> None:
        outer = transaction.atomic()
        outer.__enter__()
        try:
            self.taxonomy = Taxonomy(self.index, self.records, self.report, self.codes, self.default_language)
            self.taxonomy.build_authors()
            self.taxonomy.build_sections(self.home)
            self.taxonomy.build_tags()
            if not self.dry_run:
                outer.__exit__(None, None, None)
                outer = None
            self.import_posts()
            self.fix_links()
            self.archive_redirects()
        finally:
            if outer is not None:  # dry run: undo the sections, tags and authors too
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)

    def plan(self):
        """Translation groups of posts and of pages, as lists of WordPress IDs."""
        groups = []
        for post_type in index_module.IMPORTED_TYPES:
            members = {
                e.post_id: (e.language, e.group)
                for e in self.index.entries.values()
                if e.post_type == post_type
            }
            groups += polylang.groups(members, self.index.post_group_maps)
        return groups

    def import_posts(self) -> None:
        groups = self.plan()
        group_of = {post_id: number for number, group in enumerate(groups) for post_id in group}
        waiting: dict[int, dict] = {}
        total, done = len(groups), 0
        try:
            for kind, item in wxr.read(self.path):
                if kind != "item" or item.post_id not in group_of or item.post_id not in self.index.entries:
                    continue
                self.report.posts_read += 1
                number = group_of[item.post_id]
                held = waiting.setdefault(number, {})
                held[item.post_id] = item
                if len(held) == len(groups[number]):
                    del waiting[number]
                    self.write_group([held[i] for i in groups[number]])
                    done += 1
                    if self.progress:
                        self.progress(done, total)
        except wxr.ExportError:
            pass  # the first pass recorded why; write what was complete
        for held in waiting.values():
            self.write_group(list(held.values()))
            done += 1
            if self.progress:
                self.progress(done, total)

    # --- one group --------------------------------------------------------------------------------
    def write_group(self, items) -> None:
        entries = [self.index.entries[item.post_id] for item in items]
        kind = entries[0].post_type
        label = "article" if kind == "post" else "page"
        self.staged_pages, self.staged_fixups = {}, set()
        try:
            with transaction.atomic():
                outcome = self._write_group(kind, label, items, entries)
                if self.dry_run:
                    raise DryRun
        except DryRun:
            self._discard()
            self._count(label, outcome, entries)
        except Exception as error:  # noqa: BLE001 - one bad post never stops the import
            self._discard()
            reason = f"{type(error).__name__}: {error}".splitlines()[0][:300]
            for entry in entries:
                self.report.item(label, "failed", entry.post_id, entry.language, entry.title, reason)
            self.slugs.clear()  # a rolled-back page may have taken a slug in memory
        else:
            self.records.commit()
            self.media.commit()
            self.page_of_post.update(self.staged_pages)
            self.fixups |= self.staged_fixups
            if outcome:
                self._count(label, outcome, entries)
        finally:
            self.media.current_post = None

    def _discard(self) -> None:
        self.records.discard()
        self.media.discard()

    def _count(self, label, outcome, entries):
        if outcome in ("skipped",):
            return
        self.report.count(label, outcome)
        for entry in entries:
            self.report.languages[entry.language][outcome] += 1

    def _write_group(self, kind, label, items, entries):
        digest = digest_of(items)
        rows = [self.records.get(kind, e.post_id) for e in entries]
        known = [row for row in rows if row is not None]
        page = None
        if known:
            page = Page.objects.filter(pk=known[0].object_id).first()
            if page is None and not self.force:
                reason = "deleted in Wagtail since the import (--force imports it again)"
                return self._skip(label, entries, reason)
            if page is not None:
                page = page.specific
        if (
            page is not None
            and len(known) == len(rows)
            and all(r.digest == digest for r in known)
            and not self.force
        ):
            return "unchanged"
        if page is not None and not self.force:
            ours = {r.revision_id for r in known}
            if page.latest_revision_id not in ours or None in ours:
                return self._skip(label, entries, "edited in Wagtail since the import (--force overwrites)")
        by_language = {}
        for item, entry in zip(items, entries, strict=True):
            by_language[entry.language] = self._version(item, entry)
            if item.sticky:
                self.report.sticky.append(item.post_id)
        if kind == "page":
            page, outcome = self._write_page(page, by_language, entries)
        else:
            page, outcome = self._write_article(page, by_language, entries)
        if page is None:
            return outcome
        revision_id = Page.objects.filter(pk=page.pk).values_list("latest_revision_id", flat=True).first()
        for entry in entries:
            self.records.save(kind, entry.post_id, page.pk, entry.language, digest, revision_id)
            self._post_redirects(entry, page)
            self.staged_pages[entry.post_id] = page.pk
        self.report.redirects += self.redirects.write()
        if any(v["pending_links"] for v in by_language.values()):
            self.staged_fixups.add(page.pk)
        return outcome

    def _skip(self, label, entries, reason: str) -> str:
        for entry in entries:
            self.report.item(label, "skipped", entry.post_id, entry.language, entry.title, reason)
        return "skipped"

    def _version(self, item, entry) -> dict:
        title, repaired = wxr.take_repairs(item.title)
        body_html, repaired_body = wxr.take_repairs(item.content)
        excerpt, repaired_excerpt = wxr.take_repairs(item.excerpt)
        repairs = repaired + repaired_body + repaired_excerpt
        if repairs:
            self.report.warn(item.post_id, f"{repairs} invalid or control characters repaired")
        context = PostContext(self, item.post_id)
        body = content.convert(body_html, context)
        for name, times in body.unknown.items():
            self.report.block(name, item.post_id, times)
        self.report.approximated.update(body.approximated)
        if context.pending_links:
            self.report.warn(
                item.post_id, f"{context.pending_links} links to posts imported later, fixed at the end"
            )
        title = text(title)[:255] or f"WordPress {item.post_id}"
        hero = self._hero(item)
        return {
            "item": item,
            "entry": entry,
            "title": title,
            "slug": slug_of(entry.post_name, title),
            "intro": text(excerpt)[:600],
            "body": body.blocks,
            "date": parse_date(item),
            "modified": parse_modified(item),
            "hero": hero,
            "pending_links": context.pending_links,
        }

    def _hero(self, item):
        thumbnail = index_module._int(item.meta.get("_thumbnail_id", ""))
        if not thumbnail:
            return None
        self.media.current_post = item.post_id
        if thumbnail not in self.index.attachments:
            self.report.missing_media(
                item.post_id, f"attachment {thumbnail}", "featured image not in the export"
            )
            return None
        found = self.media.image(thumbnail, "")
        if found is None:
            return None
        attachment = self.index.attachments[thumbnail]
        return {
            "image": found["image"],
            "caption": content.plain(text(attachment.caption), None)[:300],
            "alt": content.plain(attachment.alt, None)[:250],
            "credit": content.plain(attachment.credit, None)[:120],
        }

    @staticmethod
    def _status(by_language):
        statuses = {code: v["entry"].status for code, v in by_language.items()}
        for wanted, status in (("publish", LIVE), ("private", PRIVATE), ("future", SCHEDULED)):
            visible = {code for code, s in statuses.items() if s == wanted}
            if visible:
                return status, visible
        return DRAFT, set(statuses)

    def _unique_slug(self, parent, code, slug, page=None):
        key = (parent.pk, code)
        if key not in self.slugs:
            self.slugs[key] = set(Page.objects.child_of(parent).values_list(f"slug_{code}", flat=True))
        taken = self.slugs[key]
        if page is not None and getattr(page, f"slug_{code}", None) == slug:
            return slug
        candidate, number = slug, 1
        while candidate in taken:
            number += 1
            candidate = f"{slug}-{number}"
        taken.add(candidate)
        return candidate

    def _fields(self, page, parent, by_language, visible, translated_ready=True):
        fields = {}
        for code in self.codes:
            version = by_language.get(code)
            if version is None:
                if page is None:
                    fields[f"title_{code}"] = None
                    if translated_ready:
                        fields[f"ready_{code}"] = False
                continue
            fields[f"title_{code}"] = version["title"]
            current = getattr(page, f"slug_{code}", None) if page is not None else None
            fields[f"slug_{code}"] = current or self._unique_slug(parent, code, version["slug"])
            fields[f"intro_{code}"] = version["intro"]
            fields[f"body_{code}"] = version["body"]
            if translated_ready:
                fields[f"ready_{code}"] = code in visible
        default = self.default_language if self.default_language in by_language else next(iter(by_language))
        base = self.default_language
        if base not in by_language and not (page is not None and getattr(page, f"title_{base}", None)):
            # The default language's title is required (base columns, the admin): it carries the title
            # of the version there is, and stays out of that language's listings (not ready).
            fields[f"title_{base}"] = by_language[default]["title"]
            fields[f"slug_{base}"] = fields[f"slug_{default}"]
            if translated_ready:
                fields[f"ready_{base}"] = False
        existing = (
            (lambda name: getattr(page, f"{name}_{base}", None)) if page is not None else (lambda name: None)
        )
        fields["title"] = fields.get(f"title_{base}") or existing("title") or by_language[default]["title"]
        fields["slug"] = fields.get(f"slug_{base}") or existing("slug") or fields[f"slug_{default}"]
        return fields, default

    def _write_article(self, page, by_language, entries):
        status, visible = self._status(by_language)
        ordered = sorted(entries, key=lambda e: e.language != self.default_language)
        if page is None:
            section_id = self.taxonomy.section_for(ordered) or self.taxonomy.fallback_section(self.home)
            parent = Page.objects.get(pk=section_id).specific
        else:
            parent = page.get_parent()
        fields, default = self._fields(page, parent, by_language, visible)
        dates = [v["date"] for v in by_language.values() if v["date"]]
        date = min(dates) if dates else timezone.now()
        heroes = [by_language[default]["hero"]] + [v["hero"] for v in by_language.values()]
        hero = next((h for h in heroes if h), None)
        for code, version in by_language.items():
            own = version["hero"] or hero
            fields[f"hero_caption_{code}"] = own["caption"] if own else ""
            fields[f"hero_alt_{code}"] = own["alt"] if own else ""
        fields["hero_image_id"] = (hero["image"] or None) if hero else None
        fields["hero_credit"] = hero["credit"] if hero else ""
        fields["date"] = date
        fields["article_authors"] = [
            ArticleAuthor(author_id=pk, sort_order=i)
            for i, pk in enumerate(self.taxonomy.author_ids(ordered))
        ]
        fields["tags"] = list(Tag.objects.filter(pk__in=self.taxonomy.tag_ids(ordered)))
        fields["go_live_at"] = date if status == SCHEDULED and date > timezone.now() else None
        page, created = self._save(page, ArticlePage, fields, parent, status, by_language)
        return page, "imported" if created else "updated"

    def _write_page(self, page, by_language, entries):
        status, visible = self._status(by_language)
        slugs = {v["slug"] for v in by_language.values()} | {
            v["entry"].post_name for v in by_language.values()
        }
        is_about = bool(slugs & ABOUT_SLUGS)
        adopted = False
        if page is None:
            model = AboutPage if is_about else ContentPage
            existing = self._existing_page(model, by_language)
            if existing is not None:
                if not self.force:
                    reason = "a page with this address exists already (--force overwrites it)"
                    self._skip("page", entries, reason)
                    for entry in entries:
                        self.records.save("page", entry.post_id, existing.pk, entry.language, "", None)
                        self._post_redirects(entry, existing)
                    self.report.redirects += self.redirects.write()
                    return None, "skipped"
                page, adopted = existing, True
        parent = self.home if page is None else page.get_parent()
        fields, _default = self._fields(page, parent, by_language, visible, translated_ready=False)
        model = AboutPage if is_about and not AboutPage.objects.exists() else ContentPage
        if len({e.parent for e in entries if e.parent}):
            self.report.approximated["nested page (placed under home)"] += 1
        page, created = self._save(page, model, fields, parent, status, by_language)
        return page, "updated" if (adopted or not created) else "imported"

    def _existing_page(self, model, by_language):
        pages = model.objects.child_of(self.home)
        if model is AboutPage:
            return pages.first()
        for code, version in by_language.items():
            found = pages.filter(**{f"slug_{code}": version["slug"]}).first()
            if found is not None:
                return found
        return None

    def _save(self, page, model, fields, parent, status, by_language):
        """Write ``fields`` to ``page``, or to a new ``model`` page under ``parent`` when ``page`` is None,
        with its revision: published, private, a draft or scheduled, as in WordPress.
        Returns ``(page, created)``."""
        created = page is None
        if created:
            page = model(live=False, **fields)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        with translation.override(self.default_language):
            if status in (LIVE, PRIVATE):
                self._save_published(page, parent, created, by_language)
            else:
                if created:
                    parent.add_child(instance=page)
                revision = page.save_revision(clean=False)
                if status == SCHEDULED:
                    revision.publish()  # go_live_at is ahead: Wagtail schedules the revision
        if status == PRIVATE:
            PageViewRestriction.objects.get_or_create(page=page, restriction_type=PageViewRestriction.LOGIN)
        return page, created

    def _save_published(self, page, parent, created, by_language) -> None:
        """Save the page live with its WordPress dates and record the revision it was published from.

        What ``revision.publish()`` leaves behind (a live page, its live and latest revision, the publish in
        its history, ``page_published``), without its two more saves of the page and the revision read back
        into a page object, which were half of an import's time (bench/import.py, 1,000 posts).
        """
        dates = [v["date"] for v in by_language.values() if v["date"]]
        modified = [v["modified"] for v in by_language.values() if v["modified"]]
        first = min(dates) if dates else None
        last = max(modified) if modified else first
        now = timezone.now()
        page.live, page.expired, page.has_unpublished_changes = True, False, False
        page.first_published_at = first or page.first_published_at or now
        page.last_published_at = max(first, last) if first else now
        page.draft_title = page.title
        if created:
            parent.add_child(instance=page)
        else:
            page.save()
        with revision_tracking_paused():  # the page's save just recorded this content's languages
            revision = Revision.objects.create(
                content_object=page,
                base_content_type=page.get_base_content_type(),
                content=page.serializable_data(),
                object_str=str(page),
            )
        Page.objects.filter(pk=page.pk).update(
            latest_revision=revision, live_revision=revision, latest_revision_created_at=revision.created_at
        )
        page.latest_revision, page.live_revision = revision, revision
        page.latest_revision_created_at = revision.created_at
        if not created:  # a revision scheduled earlier no longer goes live
            page.revisions.exclude(pk=revision.pk).update(approved_go_live_at=None)
        log(instance=page, action="wagtail.publish", revision=revision, content_changed=True)
        page_published.send(sender=page.specific_class, instance=page, revision=revision)

    # --- links and redirects ------------------------------------------------------------------------
    def resolve_link(self, href: str):
        post_id = self.urls.post_id(href)
        if post_id is None or post_id not in self.index.entries:
            return None
        page_id = self.page_of_post.get(post_id)
        return page_id if page_id else False

    def _post_redirects(self, entry, page) -> None:
        code = entry.language
        self.redirects.add_url(entry.link, page, code)
        self.redirects.add_url(entry.guid, page, code)
        parameter = "p" if entry.post_type == "post" else "page_id"
        self.redirects.add_path(f"/?{parameter}={entry.post_id}", page, code)
        if entry.link:
            self.redirects.add_url(entry.link, page, code, suffix="feed")
        for attachment in self.index.attachments.values():
            if attachment.parent == entry.post_id and attachment.link:
                self.redirects.add_url(attachment.link, page, code)
                self.redirects.add_path(f"/?attachment_id={attachment.post_id}", page, code)

    def fix_links(self) -> None:
        """Links to posts that were imported after the post linking to them."""
        for page_id in sorted(self.fixups):
            page = Page.objects.filter(pk=page_id).first()
            if page is None:
                continue
            page = page.specific
            changed = False
            for code in self.codes:
                body = getattr(page, f"body_{code}", None)
                if not body:
                    continue
                data = body.get_prep_value() if hasattr(body, "get_prep_value") else body
                for block in data:
                    if block.get("type") == "paragraph" and isinstance(block.get("value"), str):
                        html, _pending = links.rewrite(block["value"], self.resolve_link)
                        if html != block["value"]:
                            block["value"], changed = html, True
                if changed:
                    setattr(page, f"body_{code}", data)
            if not changed:
                continue
            with transaction.atomic():
                was_live = page.live
                revision = page.save_revision(clean=False)
                if was_live:
                    revision.publish()
                rows = [
                    r
                    for (k, _key), r in self.records.rows.items()
                    if k in ("post", "page") and r.object_id == page.pk
                ]
                for row in rows:
                    row.revision_id = revision.pk
                    row.save(update_fields=["revision_id"])

    def archive_redirects(self) -> None:
        """Category and tag archives, their feeds and each language's main feed."""
        prefixes = self._language_prefixes()
        with transaction.atomic():
            for (taxonomy, term_id), term in self.index.terms.items():
                if taxonomy == "category" and term_id in self.taxonomy.sections:
                    record = self.records.get("category", term_id)
                    code = record.language if record and record.language else self.default_language
                    page = Page.objects.filter(pk=self.taxonomy.sections[term_id]).first()
                    if page is None:
                        continue
                    trail = self._category_trail(term)
                    base = f"{prefixes.get(code, '')}/category/{trail}/"
                    self.redirects.add_path(base, page.specific, code)
                    self.redirects.add_path(f"/?cat={term_id}", page.specific, code)
                    feed = self._section_feed(page, code)
                    if feed:
                        self.redirects.add_path(base + "feed/", None, code, link=feed)
                elif taxonomy == "post_tag" and term_id in self.taxonomy.tags:
                    record = self.records.get("tag", term_id)
                    code = record.language if record and record.language else self.default_language
                    tag = Tag.objects.filter(pk=self.taxonomy.tags[term_id]).first()
                    if tag is None:
                        continue
                    base = f"{prefixes.get(code, '')}/tag/{term.slug}/"
                    with translation.override(code):
                        target = tag.get_absolute_url()
                    self.redirects.add_path(base, None, code, link=target)
                    self.redirects.add_path(base + "feed/", None, code, link=target)
                    self.redirects.add_path(f"/?tag={term.slug}", None, code, link=target)
            for code in self.codes:
                prefix = prefixes.get(code, "")
                if prefix or code == self.default_language:
                    with translation.override(code):
                        from django.urls import reverse

                        rss, atom = reverse("feeds:rss"), reverse("feeds:atom")
                    for path, target in (
                        (f"{prefix}/feed/", rss),
                        (f"{prefix}/feed/rss2/", rss),
                        (f"{prefix}/feed/atom/", atom),
                    ):
                        self.redirects.add_path(path, None, code, link=target)
            self.report.redirects += self.redirects.write()
            if self.dry_run:
                transaction.set_rollback(True)

    def _category_trail(self, term) -> str:
        slugs, seen = [term.slug], {term.slug}
        parent = term.parent
        while parent and parent not in seen:
            seen.add(parent)
            parent_term = self.index.term("category", parent)
            if parent_term is None:
                break
            slugs.insert(0, parent_term.slug)
            parent = parent_term.parent
        return "/".join(slugs)

    def _section_feed(self, page, code) -> str:
        from django.urls import reverse

        from seo.feed_links import section_feed_path

        with translation.override(code):
            url = page.get_url(None) or ""
            path = section_feed_path(url, code)
            return reverse("feeds:section_rss", kwargs={"section": path}) if path else ""

    def _language_prefixes(self) -> dict[str, str]:
        """``{"az": "/az"}`` where Polylang put the language in the address of that language's posts."""
        seen: dict[str, list] = {}
        for entry in self.index.entries.values():
            if entry.wp_language and entry.link:
                path = links.old_path(entry.link, self.urls.hosts) or ""
                first = path.strip("/").split("/")[0] if path else ""
                seen.setdefault(entry.language, []).append((first, entry.wp_language))
        prefixes = {}
        for code, pairs in seen.items():
            matching = sum(1 for first, slug in pairs if first == slug)
            if matching * 2 >= len(pairs):
                prefixes[code] = "/" + pairs[0][1]
        return prefixes
