"""The first pass over an export: what it holds, without the posts' text.

Terms, authors, attachments and one small :class:`Entry` per post and page (language, translation group,
permalink, categories...) are kept in memory; the text of posts is read again, one post at a time, by the
second pass (``importer``). Translation groups, the sections and tags to create and the old addresses to
redirect are all known before the first page is written.
"""

from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from . import polylang, wxr

IMPORTED_TYPES = ("post", "page")
IMPORTED_STATUSES = ("publish", "future", "draft", "pending", "private")
NO_LANGUAGE = ""


@dataclass
class Entry:
    post_id: int
    post_type: str
    status: str
    title: str
    link: str
    guid: str
    post_name: str
    parent: int
    creator: str
    wp_language: str  # Polylang's slug, "" when the post has none
    language: str | None  # the site's code; None: a language the site does not have
    group: str
    categories: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    thumbnail: int = 0
    position: int = 0


@dataclass
class Attachment:
    post_id: int
    url: str
    file: str  # relative to wp-content/uploads (``_wp_attached_file``) or read from the URL
    title: str
    caption: str
    alt: str
    credit: str
    description: str
    parent: int
    link: str
    guid: str
    wp_language: str


@dataclass
class Index:
    site: wxr.Site
    languages: polylang.Languages
    default_language: str
    authors: dict = field(default_factory=dict)  # login -> wxr.Author
    terms: dict = field(default_factory=dict)  # (taxonomy, term_id) -> wxr.Term
    term_ids: dict = field(default_factory=dict)  # (taxonomy, slug) -> term_id
    post_group_maps: dict = field(default_factory=dict)
    term_group_maps: dict = field(default_factory=dict)
    entries: dict = field(default_factory=dict)  # post_id -> Entry (posts and pages to import)
    attachments: dict = field(default_factory=dict)  # post_id -> Attachment
    skipped: list = field(default_factory=list)  # (kind, wp_id, language, title, reason)
    other_types: dict = field(default_factory=dict)  # post type -> count (menus, revisions, products...)
    error: str = ""  # a truncated file: what went wrong after the last complete element
    items_read: int = 0

    @property
    def uses_polylang(self) -> bool:
        return bool(self.languages.locales or self.post_group_maps)

    def term(self, taxonomy: str, slug: str):
        term_id = self.term_ids.get((taxonomy, slug))
        return self.terms.get((taxonomy, term_id)) if term_id is not None else None


def uploads_path(url: str) -> str:
    """``2020/01/photo.jpg`` from ``https://example.org/wp-content/uploads/2020/01/photo.jpg``."""
    path = unquote(urlsplit(url).path)
    for marker in ("/wp-content/uploads/", "/uploads/", "/files/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path.lstrip("/")


def _credit(item: wxr.Item) -> str:
    for key in ("_media_credit", "media_credit", "_credit", "credit", "_photo_credit", "photo_credit"):
        value = (item.meta.get(key) or "").strip()
        if value:
            return value
    metadata = polylang.unserialize(item.meta.get("_wp_attachment_metadata", ""))
    if isinstance(metadata, dict):
        image_meta = metadata.get("image_meta")
        if isinstance(image_meta, dict):
            for key in ("credit", "copyright"):
                value = image_meta.get(key)
                if isinstance(value, str) and value.strip():
                    return value.strip()
    return ""


def _attachment(item: wxr.Item) -> Attachment:
    file = (item.meta.get("_wp_attached_file") or "").strip() or uploads_path(
        item.attachment_url or item.guid
    )
    return Attachment(
        post_id=item.post_id,
        url=item.attachment_url or item.guid,
        file=file,
        title=item.title,
        caption=item.excerpt.strip(),
        alt=(item.meta.get("_wp_attachment_image_alt") or "").strip(),
        credit=_credit(item),
        description=item.content.strip(),
        parent=item.parent,
        link=item.link,
        guid=item.guid,
        wp_language=(item.terms_of("language") or [""])[0],
    )


def scan(path, site_codes, default_language: str) -> Index:
    """Read the whole export once; raises ``wxr.ExportError`` only when nothing could be read."""
    index = Index(
        site=wxr.Site(),
        languages=polylang.Languages(site_codes, default_language),
        default_language=default_language,
    )
    try:
        for kind, value in wxr.read(path):
            if kind == "site":
                index.site = value
            elif kind == "author":
                if value.login:
                    index.authors[value.login] = value
            elif kind == "term":
                _add_term(index, value)
            else:
                index.items_read += 1
                _add_item(index, value)
    except wxr.TruncatedExport as error:
        index.error = str(error)
    return index


def _add_term(index: Index, term: wxr.Term) -> None:
    if term.taxonomy == "language":
        index.languages.add_term(term.slug, term.description)
    elif term.taxonomy == "post_translations":
        index.post_group_maps[term.slug] = polylang.translation_map(term.description)
    elif term.taxonomy == "term_translations":
        index.term_group_maps[term.slug] = polylang.translation_map(term.description)
    elif term.taxonomy in ("category", "post_tag"):
        key = (term.taxonomy, term.term_id)
        if term.term_id and key not in index.terms:
            index.terms[key] = term
            index.term_ids.setdefault((term.taxonomy, term.slug), term.term_id)


def _add_item(index: Index, item: wxr.Item) -> None:
    if item.post_type == "attachment":
        index.attachments[item.post_id] = _attachment(item)
        return
    title, _ = wxr.take_repairs(item.title)
    if item.post_type not in IMPORTED_TYPES:
        index.other_types[item.post_type] = index.other_types.get(item.post_type, 0) + 1
        return
    if not item.post_id:
        index.skipped.append((item.post_type, 0, "", title, "no post ID"))
        return
    if item.status not in IMPORTED_STATUSES:
        index.skipped.append((item.post_type, item.post_id, "", title, f"status {item.status or 'missing'}"))
        return
    wp_language = (item.terms_of("language") or [NO_LANGUAGE])[0]
    language = index.languages.code(wp_language) if wp_language else index.default_language
    if language is None:
        index.languages.skip(wp_language)
        reason = f"language {wp_language!r} is not one of this site's languages"
        index.skipped.append((item.post_type, item.post_id, wp_language, title, reason))
        return
    # Terms are referred to by slug; categories first seen on an item (no <wp:category>) still count.
    for domain, nicename, text in item.terms:
        if domain in ("category", "post_tag") and nicename and (domain, nicename) not in index.term_ids:
            synthetic = -(len(index.terms) + 1)
            index.terms[(domain, synthetic)] = wxr.Term(domain, synthetic, nicename, text)
            index.term_ids[(domain, nicename)] = synthetic
    index.entries[item.post_id] = Entry(
        post_id=item.post_id,
        post_type=item.post_type,
        status=item.status,
        title=title,
        link=item.link,
        guid=item.guid,
        post_name=item.post_name,
        parent=item.parent,
        creator=item.creator,
        wp_language=wp_language,
        language=language,
        group=(item.terms_of("post_translations") or [""])[0],
        categories=item.terms_of("category"),
        tags=item.terms_of("post_tag"),
        thumbnail=_int(item.meta.get("_thumbnail_id", "")),
        position=item.position,
    )


def _int(value: str) -> int:
    try:
        return int(str(value).strip() or 0)
    except ValueError:
        return 0
