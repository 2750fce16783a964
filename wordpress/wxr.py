"""Reading a WordPress export (WXR 1.0-1.2) safely, as a stream.

- **Safe**: ``defusedxml`` refuses a DTD, entity declarations (the "billion laughs" bomb) and external
  references before any of them is expanded; a WXR file never has any of them.
- **Streaming**: ``iterparse`` hands over one ``<item>`` (or channel-level ``<wp:term>``...) at a time and
  the element is cleared once read, so memory stays flat whatever the size of the file.
- **Forgiving**: real exports carry invalid UTF-8 (text pasted from old Windows editors), control
  characters and HTML entities (``&nbsp;``) outside CDATA, each of which makes an XML parser stop. The
  bytes are repaired on the way in (:class:`RepairingReader`): an invalid byte is read as Windows-1252
  (``\\x92`` -> ``'``) or U+FFFD, a control character is dropped, an HTML entity becomes a character
  reference. Each repair leaves an invisible marker that :func:`take_repairs` counts and removes, so the
  report names the post it happened in.
- **Liberal**: elements are matched by local name within the namespaces WXR uses (``wp``, ``excerpt``,
  ``content``, ``dc``) whatever the WXR version in their URI; missing optional elements read as empty.

A file that ends early (a truncated download) yields everything that was complete and then raises
:class:`TruncatedExport`; a file that is not a WordPress export at all raises :class:`NotAnExport`.
"""

import codecs
import html.entities
import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

CHUNK = 1 << 20
REPAIRED = "\ue000"  # follows a character decoded from an invalid byte
REMOVED = "\ue001"  # stands where a control character was
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ENTITY = re.compile(r"&(?:(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});)?")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
_DECLARED = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_MARKERS = re.compile(f"[{REPAIRED}{REMOVED}]")


class ExportError(Exception):
    """The file cannot be read as a WordPress export; ``str()`` is one line for the operator."""


class NotAnExport(ExportError):
    pass


class UnsafeExport(ExportError):
    pass


class TruncatedExport(ExportError):
    pass


def _repair_byte(error: UnicodeDecodeError):
    """Codec error handler: each invalid byte read as Windows-1252 where that is a letter, else U+FFFD."""
    chars = []
    for byte in error.object[error.start : error.end]:
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            char = "\ufffd"
        chars.append((char if char.isprintable() else "\ufffd") + REPAIRED)
    return "".join(chars), error.end


codecs.register_error("wxr-repair", _repair_byte)


def _entity(match) -> str:
    name = match.group(1)
    if name is None:
        return "&amp;"  # a bare ampersand ("AT&T") outside CDATA
    if name.startswith("#"):
        try:
            number = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
            char = chr(number)
        except (ValueError, OverflowError):
            return REMOVED
        return match.group(0) if not _CONTROL.match(char) and number not in (0xFFFE, 0xFFFF) else REMOVED
    if name in _XML_ENTITIES:
        return match.group(0)
    char = html.entities.html5.get(name + ";")
    return "".join(f"&#{ord(c)};" for c in char) if char else f"&amp;{name};"


class RepairingReader:
    """A binary file-like object over ``raw`` that gives the XML parser well-formed UTF-8."""

    def __init__(self, raw, chunk: int = CHUNK):
        self.raw = raw
        self.chunk = chunk
        self.pending = b""
        self.text_tail = ""
        self.in_cdata = False
        self.first = True
        self.done = False
        self.decoder = None

    def _start(self, data: bytes) -> bytes:
        match = _DECLARED.match(data[:400])
        encoding = "utf-8"
        if match:
            declared = match.group(1).decode("ascii").lower()
            try:
                encoding = codecs.lookup(declared).name
            except LookupError:
                encoding = "utf-8"
            if encoding != "utf-8":
                start, end = match.span(1)
                data = data[:start] + b"UTF-8" + data[end:]
                # The declaration itself is ASCII in every encoding WordPress can declare.
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        self.decoder = codecs.getincrementaldecoder(encoding)(errors="wxr-repair")
        return data

    def read(self, size: int = -1) -> bytes:
        while not self.done and (size < 0 or len(self.pending) < size):
            data = self.raw.read(self.chunk)
            if self.first:
                data = self._start(data + self.raw.read(max(0, 1024 - len(data))))
                self.first = False
            final = not data
            text = self.text_tail + self.decoder.decode(data, final=final)
            self.pending += self._process(text, final).encode("utf-8")
            self.done = final
        if size < 0:
            size = len(self.pending)
        result, self.pending = self.pending[:size], self.pending[size:]
        return result

    def _process(self, text: str, final: bool) -> str:
        text = _CONTROL.sub(REMOVED, text)
        out = []
        i = 0
        self.text_tail = ""
        while True:
            if self.in_cdata:
                j = text.find("]]>", i)
                if j < 0:
                    end = len(text) if final else max(i, len(text) - 2)
                    out.append(text[i:end])
                    self.text_tail = text[end:]
                    break
                out.append(text[i : j + 3])
                i, self.in_cdata = j + 3, False
            else:
                j = text.find("<![CDATA[", i)
                if j < 0:
                    end = len(text) if final else self._safe_end(text, i)
                    out.append(_ENTITY.sub(_entity, text[i:end]))
                    self.text_tail = text[end:]
                    break
                out.append(_ENTITY.sub(_entity, text[i:j]))
                out.append("<![CDATA[")
                i, self.in_cdata = j + 9, True
        return "".join(out)

    @staticmethod
    def _safe_end(text: str, start: int) -> int:
        """Where to stop outside CDATA so that a ``<![CDATA[`` or ``&entity;`` cut by the chunk waits."""
        window = max(start, len(text) - 40)
        cut = max(text.rfind("<", window), text.rfind("&", window))
        return cut if cut >= start else len(text)


def take_repairs(value: str) -> tuple[str, int]:
    """``value`` without repair markers, and how many there were."""
    if not value or ("\ue000" not in value and "\ue001" not in value):
        return value, 0
    count = len(_MARKERS.findall(value))
    return _MARKERS.sub("", value), count


# --- What the export holds ---------------------------------------------------------------------------
@dataclass
class Author:
    login: str
    display_name: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""

    @property
    def name(self) -> str:
        full = f"{self.first_name} {self.last_name}".strip()
        return self.display_name or full or self.login


@dataclass
class Term:
    """A category, tag or other term (``taxonomy``: ``category``, ``post_tag``, ``language``...)."""

    taxonomy: str
    term_id: int
    slug: str
    name: str = ""
    parent: str = ""  # the parent's slug
    description: str = ""


@dataclass
class Item:
    post_id: int
    post_type: str = "post"
    status: str = "publish"
    title: str = ""
    link: str = ""
    guid: str = ""
    pub_date: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    modified_gmt: str = ""
    post_name: str = ""
    parent: int = 0
    menu_order: int = 0
    sticky: bool = False
    password: str = ""
    attachment_url: str = ""
    terms: list = field(default_factory=list)  # (domain, nicename, text)
    meta: dict = field(default_factory=dict)
    position: int = 0  # 1 for the first <item> of the file
    repairs: int = 0

    def terms_of(self, domain: str) -> list[str]:
        return [nicename for kind, nicename, _text in self.terms if kind == domain]


@dataclass
class Site:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    language: str = ""
    wxr_version: str = ""

    @property
    def urls(self) -> list[str]:
        return [url for url in (self.base_site_url, self.base_blog_url, self.link) if url]


# --- Element names -------------------------------------------------------------------------------------
_names: dict[str, str] = {}


def local(tag: str) -> str:
    """``{http://wordpress.org/export/1.2/}post_id`` -> ``wp:post_id``, whatever the WXR version."""
    name = _names.get(tag)
    if name is None:
        if tag.startswith("{"):
            uri, _, bare = tag[1:].partition("}")
            if "wordpress.org/export" in uri:
                prefix = "excerpt" if uri.rstrip("/").endswith("excerpt") else "wp"
            elif "modules/content" in uri:
                prefix = "content"
            elif "purl.org/dc/" in uri:
                prefix = "dc"
            else:
                prefix = ""
            name = f"{prefix}:{bare}" if prefix else bare
        else:
            name = tag
        _names[tag] = name
    return name


def _text(element) -> str:
    return (element.text or "").strip() if element is not None else ""


def _raw(element) -> str:
    return element.text or "" if element is not None else ""


def _int(value: str) -> int:
    try:
        return int(value.strip() or 0)
    except ValueError:
        return 0


def _children(element) -> dict:
    found: dict = {}
    for child in element:
        found.setdefault(local(child.tag), child)
    return found


def _author(element) -> Author:
    c = _children(element)
    return Author(
        login=_text(c.get("wp:author_login")),
        display_name=_text(c.get("wp:author_display_name")),
        email=_text(c.get("wp:author_email")),
        first_name=_text(c.get("wp:author_first_name")),
        last_name=_text(c.get("wp:author_last_name")),
    )


def _category(element) -> Term:
    c = _children(element)
    return Term(
        "category",
        _int(_text(c.get("wp:term_id"))),
        _text(c.get("wp:category_nicename")),
        _text(c.get("wp:cat_name")),
        _text(c.get("wp:category_parent")),
        _raw(c.get("wp:category_description")).strip(),
    )


def _tag(element) -> Term:
    c = _children(element)
    return Term(
        "post_tag",
        _int(_text(c.get("wp:term_id"))),
        _text(c.get("wp:tag_slug")),
        _text(c.get("wp:tag_name")),
        "",
        _raw(c.get("wp:tag_description")).strip(),
    )


def _term(element) -> Term:
    c = _children(element)
    return Term(
        _text(c.get("wp:term_taxonomy")),
        _int(_text(c.get("wp:term_id"))),
        _text(c.get("wp:term_slug")),
        _text(c.get("wp:term_name")),
        _text(c.get("wp:term_parent")),
        _raw(c.get("wp:term_description")).strip(),
    )


def _item(element, position: int) -> Item:
    item = Item(post_id=0, position=position)
    for child in element:
        name = local(child.tag)
        if name == "category":
            item.terms.append(
                (child.get("domain", "category"), (child.get("nicename") or "").strip(), _text(child))
            )
        elif name == "wp:postmeta":
            c = _children(child)
            key = _text(c.get("wp:meta_key"))
            if key and key not in item.meta:
                item.meta[key] = _raw(c.get("wp:meta_value"))
        elif name in _ITEM_FIELDS:
            attribute, kind = _ITEM_FIELDS[name]
            value = _raw(child) if kind == "raw" else _text(child)
            if kind == "int":
                value = _int(value)
            elif kind == "bool":
                value = value.strip() not in ("", "0")
            setattr(item, attribute, value)
    return item


_ITEM_FIELDS = {
    "title": ("title", "text"),
    "link": ("link", "text"),
    "guid": ("guid", "text"),
    "pubDate": ("pub_date", "text"),
    "dc:creator": ("creator", "text"),
    "content:encoded": ("content", "raw"),
    "excerpt:encoded": ("excerpt", "raw"),
    "wp:post_id": ("post_id", "int"),
    "wp:post_type": ("post_type", "text"),
    "wp:status": ("status", "text"),
    "wp:post_date": ("post_date", "text"),
    "wp:post_date_gmt": ("post_date_gmt", "text"),
    "wp:post_modified_gmt": ("modified_gmt", "text"),
    "wp:post_name": ("post_name", "text"),
    "wp:post_parent": ("parent", "int"),
    "wp:menu_order": ("menu_order", "int"),
    "wp:is_sticky": ("sticky", "bool"),
    "wp:post_password": ("password", "text"),
    "wp:attachment_url": ("attachment_url", "text"),
}
_SITE_FIELDS = {
    "title": "title",
    "link": "link",
    "language": "language",
    "wp:base_site_url": "base_site_url",
    "wp:base_blog_url": "base_blog_url",
    "wp:wxr_version": "wxr_version",
}
_READERS = {"wp:author": ("author", _author), "wp:category": ("term", _category), "wp:tag": ("term", _tag)}
_READERS["wp:term"] = ("term", _term)


def read(path, items: bool = True, chunk: int = CHUNK):
    """Yield ``("site", Site)`` once, then ``("author", Author)``, ``("term", Term)`` and (with
    ``items``) ``("item", Item)`` in file order.

    Raises :class:`NotAnExport` / :class:`UnsafeExport` when nothing can be read, and
    :class:`TruncatedExport` after the last complete element of a file that ends early.
    """
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed in the finally below, the generator may stop early
    except OSError as error:
        raise NotAnExport(f"cannot open {path}: {error.strerror or error}") from None
    reader = RepairingReader(raw, chunk)
    site = Site()
    seen_channel = site_sent = False
    depth = count = 0
    channel = None
    try:
        parser = iterparse(reader, events=("start", "end"), forbid_dtd=True)
        for event, element in parser:
            if event == "start":
                depth += 1
                if depth == 1 and local(element.tag) != "rss":
                    raise NotAnExport(f"not a WordPress export: the document is <{local(element.tag)}>")
                if depth == 2 and local(element.tag) == "channel":
                    seen_channel, channel = True, element
                continue
            depth -= 1
            if depth != 2 or channel is None:
                continue
            name = local(element.tag)
            if name == "item":
                if not site_sent:
                    site_sent = True
                    yield "site", site
                count += 1
                if items:
                    yield "item", _item(element, count)
            elif name in _READERS:
                if not site_sent:
                    site_sent = True
                    yield "site", site
                kind, make = _READERS[name]
                yield kind, make(element)
            elif name in _SITE_FIELDS:
                setattr(site, _SITE_FIELDS[name], _text(element))
            channel.clear()
        if not seen_channel:
            raise NotAnExport("not a WordPress export: no <channel> element")
        if not site_sent:
            yield "site", site
    except DefusedXmlException as error:
        raise UnsafeExport(f"refused: the file declares a DTD or entities ({type(error).__name__})") from None
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        message = str(error).split(":")[0]
        if not seen_channel:
            raise NotAnExport(f"not a WordPress export (XML error at line {line}: {message})") from None
        raise TruncatedExport(
            f"the file is cut short or broken at line {line}, column {column} ({message}); "
            "everything before that point was read"
        ) from None
    finally:
        raw.close()
