"""Post content (block editor or classic editor HTML) -> the article body blocks editors use.

Mapping (``news.blocks``):

- paragraphs, lists, ``html`` blocks and classic text -> ``paragraph`` (rich text: bold, italic, links,
  lists, h2/h3), cleaned by the same sanitiser that runs on every save (``sanitize.rich_text``);
- headings -> ``heading`` (h1/h2 -> h2, h3-h6 -> h3); quotes and pull quotes -> ``quote`` with the
  ``<cite>`` as attribution; images, ``[caption]`` -> ``image``; galleries, ``[gallery]`` -> ``gallery``;
  embeds, ``[embed]``, video iframes and URLs alone on a line -> ``embed``;
- separators are dropped (blocks are spaced already); tables -> ``table`` (cell text, header row and
  column, caption);
- anything else (a plugin's block or shortcode, a form) keeps its text (or cleaned HTML) as paragraphs and
  is counted by name in :attr:`Body.unknown` for the report.

Images are looked up through ``context.image(attachment_id, src)`` and links rewritten through
``context.links(html)`` (see ``importer``), so this module touches neither files nor the database.
"""

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from news.blocks import PARAGRAPH_FEATURES
from sanitize.links import is_web_url
from sanitize.rich_text import clean_rich_text

from . import gutenberg, markup, shortcodes

HEADER_CHOICE = {
    (True, True): "both",
    (True, False): "row",
    (False, True): "column",
    (False, False): "neither",
}
MAX_TABLE_COLUMNS = 50  # a wider "table" is layout, not data: its cells beyond are dropped
LIMITS = {"heading": 200, "caption": 300, "credit": 120, "alt": 250, "attribution": 200, "title": 200}
INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
        "br", "wbr", "label", "acronym",
    }
)  # fmt: skip
CONTAINERS = frozenset({"div", "section", "article", "aside", "header", "footer", "main", "center", "#root"})
DROPPED = frozenset({"hr", "script", "style", "noscript", "template", "link", "meta", "button", "input"})
EMBED_TAGS = frozenset({"iframe", "video", "audio", "embed", "object"})
PLAIN = frozenset({"pre", "address", "dl", "details", "summary", "form", "fieldset", "nav"})
WP_IMAGE = re.compile(r"\bwp-image-(\d+)\b")
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
WHITESPACE = re.compile(r"\s+")
STANDALONE_URL = re.compile(r"^\s*(https?://[^\s<>\"]+)\s*$")
EMBED_HOSTS = (
    "youtube.com", "youtu.be", "vimeo.com", "twitter.com", "x.com", "instagram.com", "facebook.com",
    "soundcloud.com", "spotify.com", "tiktok.com", "flickr.com", "dailymotion.com", "t.me",
)  # fmt: skip
# Blocks whose inner blocks are the content (the wrapper only lays them out).
LAYOUT_BLOCKS = frozenset({"group", "columns", "column", "cover", "media-text", "row", "stack"})
NOTHING_BLOCKS = frozenset({"separator", "spacer", "more", "nextpage", "page-break"})


@dataclass
class Body:
    blocks: list = field(default_factory=list)
    unknown: Counter = field(default_factory=Counter)  # name -> times kept as text/HTML
    approximated: Counter = field(default_factory=Counter)  # table -> text, separator dropped...


def block_id() -> str:
    return str(uuid.uuid4())


def plain(text: str, limit: str | None = None) -> str:
    """Text for a plain-text field: whitespace collapsed, cut to the field's length."""
    text = WHITESPACE.sub(" ", text or "").strip()
    if limit and len(text) > LIMITS[limit]:
        text = text[: LIMITS[limit] - 1].rstrip() + "…"
    return text


def embed_url(src: str) -> str:
    """The page address an embed block wants, from an iframe's player address where we know it."""
    if src.startswith("//"):
        src = "https:" + src
    parts = urlsplit(src)
    host = (parts.hostname or "").removeprefix("www.")
    if host.endswith("youtube.com") or host.endswith("youtube-nocookie.com"):
        if parts.path.startswith("/embed/"):
            video = parts.path.split("/")[2]
            return f"https://www.youtube.com/watch?v={video}" if video else src
    if host == "player.vimeo.com" and parts.path.startswith("/video/"):
        return f"https://vimeo.com/{parts.path.split('/')[2]}"
    return src


def is_embeddable(url: str) -> bool:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return is_web_url(url) and any(host == known or host.endswith("." + known) for known in EMBED_HOSTS)


class Converter:
    def __init__(self, context):
        self.context = context
        self.body = Body()
        self.run: list = []  # inline nodes waiting to become a paragraph

    # --- output ----------------------------------------------------------------------------------
    def add(self, kind: str, value) -> None:
        self.body.blocks.append({"type": kind, "value": value, "id": block_id()})

    def paragraph(self, html: str) -> None:
        html = clean_rich_text(html, PARAGRAPH_FEATURES)
        if not html or not markup.parse(html).text().strip():
            return
        self.add("paragraph", self.context.links(html))

    def heading(self, text: str, tag: str = "h2") -> None:
        text = plain(text, "heading")
        if text:
            self.add("heading", {"text": text, "level": "h2" if tag in ("h1", "h2") else "h3"})

    def quote(self, text: str, attribution: str = "") -> None:
        text = "\n".join(plain(line) for line in text.split("\n") if line.strip())
        if text:
            self.add("quote", {"text": text, "attribution": plain(attribution, "attribution")})

    def embed(self, url: str) -> bool:
        url = embed_url((url or "").strip())
        if not is_web_url(url):
            return False
        self.add("embed", url)
        return True

    def image_value(self, attachment_id: int, src: str, caption: str = "", alt: str = "") -> dict | None:
        found = self.context.image(attachment_id, src)
        if found is None:
            return None
        return {
            "image": found["image"],
            "caption": plain(caption, "caption"),
            "credit": plain(found.get("credit", ""), "credit"),
            "alt": plain(alt or found.get("alt", ""), "alt"),
        }

    def image(self, img, caption: str = "", attachment_id: int = 0) -> None:
        value = self.image_value(attachment_id or image_id(img), img.get("src"), caption, img.get("alt"))
        if value:
            self.add("image", value)

    def gallery(self, images: list, title: str = "") -> None:
        items = [{"type": "item", "value": value, "id": block_id()} for value in images if value]
        if items:
            self.add("gallery", {"title": plain(title, "title"), "images": items})

    # --- HTML --------------------------------------------------------------------------------------
    def flush(self) -> None:
        if self.run:
            html = "".join(markup.to_html(node) for node in self.run)
            self.run = []
            if "<p" in html:  # wpautop output already
                self.paragraph(html)
            else:
                self.paragraph(shortcodes.autop(html))

    def html(self, html: str) -> None:
        self.nodes(markup.parse(html).children)
        self.flush()

    def nodes(self, nodes) -> None:
        for node in nodes:
            self.node(node)

    def node(self, node) -> None:
        if isinstance(node, str):
            match = STANDALONE_URL.match(node)
            if match and is_embeddable(match.group(1)) and not self.run:
                self.embed(match.group(1))
            else:
                self.run.append(node)
            return
        tag = node.tag
        if tag in INLINE and not _has_media(node):
            self.run.append(node)
            return
        if tag == "a" and node.find("img") is not None:  # a linked picture: the picture
            self.flush()
            self.image(node.find("img"))
            return
        self.flush()
        if tag == "p":
            self.p(node)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading(node.text(), tag)
        elif tag in ("ul", "ol"):
            self.paragraph(markup.to_html(node))
        elif tag == "blockquote":
            self.blockquote(node)
        elif tag == "figure":
            self.figure(node)
        elif tag == "img":
            self.image(node)
        elif tag in EMBED_TAGS:
            self.media(node)
        elif tag == "table":
            self.table(node)
        elif tag in DROPPED:
            if tag in ("hr",):
                self.body.approximated["separator"] += 1
            elif tag in ("script", "style"):
                self.body.unknown[f"<{tag}> (removed)"] += 1
        elif tag in CONTAINERS or tag in INLINE:
            if "wp-caption" in node.classes():
                self.caption_div(node)
            else:
                self.nodes(node.children)
                self.flush()
        elif tag in PLAIN:
            self.text_block(node, tag)
        else:
            self.body.unknown[f"<{tag}>"] += 1
            self.text_block(node, tag)

    def text_block(self, node, tag: str) -> None:
        lines = [plain(line) for line in node.text().split("\n") if line.strip()]
        if lines:
            self.paragraph("<p>" + "<br/>".join(_escape(line) for line in lines) + "</p>")

    def p(self, node) -> None:
        inline = []
        for child in node.children:
            if isinstance(child, markup.Node) and (
                child.tag in EMBED_TAGS or child.tag == "img" or _has_media(child)
            ):
                self._paragraph_of(inline)
                inline = []
                self.node(child)
                self.flush()
            else:
                inline.append(child)
        if len(inline) == 1 and isinstance(inline[0], str):
            match = STANDALONE_URL.match(inline[0])
            if match and is_embeddable(match.group(1)):
                self.embed(match.group(1))
                return
        self._paragraph_of(inline)

    def _paragraph_of(self, nodes) -> None:
        if nodes:
            self.paragraph("<p>" + "".join(markup.to_html(n) for n in nodes) + "</p>")

    def blockquote(self, node) -> None:
        classes = node.classes()
        if {"twitter-tweet", "instagram-media", "tiktok-embed"} & set(classes):
            links = [a.get("href") for a in node.find_all("a") if a.get("href")]
            target = node.get("cite") or node.get("data-instgrm-permalink") or (links[-1] if links else "")
            if self.embed(target):
                return
        cite = node.find("cite") or node.find("footer")
        attribution = cite.text() if cite is not None else ""
        if cite is not None:
            cite.parent.children.remove(cite)
        self.quote(node.text(), attribution)

    def figure(self, node) -> None:
        caption_node = node.find("figcaption")
        caption = caption_node.text() if caption_node is not None else ""
        images = list(node.find_all("img"))
        if node.find("table") is not None:
            self.table(node.find("table"))
        elif len(images) > 1:
            self.gallery(
                [self.image_value(image_id(img), img.get("src"), "", img.get("alt")) for img in images]
            )
        elif images:
            self.image(images[0], caption)
        elif any(True for tag in EMBED_TAGS if node.find(tag) is not None):
            for tag in EMBED_TAGS:
                if node.find(tag) is not None:
                    self.media(node.find(tag))
                    break
        elif "wp-block-embed" in node.classes():
            self.embed(node.text().strip().split()[0] if node.text().strip() else "")
        elif node.find("blockquote") is not None:
            self.blockquote(node.find("blockquote"))
        else:
            self.nodes(node.children)
            self.flush()

    def caption_div(self, node) -> None:
        text = next((p for p in node.find_all("p") if "wp-caption-text" in p.classes()), None)
        img = node.find("img")
        if img is not None:
            self.image(img, text.text() if text is not None else "")

    def media(self, node) -> None:
        src = node.get("src") or node.get("data") or ""
        if not src:
            source = node.find("source")
            src = source.get("src") if source is not None else ""
        if not (is_embeddable(embed_url(src)) and self.embed(src)):
            self.body.unknown[f"<{node.tag}> (not embedded)"] += 1

    def table(self, node) -> None:
        """A ``table`` block: cell text, the header row (``<thead>`` or a first row of ``<th>``), whether the
        first column is a header, and the caption. Merged cells are spread back out as empty ones."""
        rows, header_cells = [], []
        for row in node.find_all("tr"):
            cells = [c for c in row.children if isinstance(c, markup.Node) and c.tag in ("td", "th")]
            texts = []
            for cell in cells:
                texts.append(plain(cell.text()))
                texts += [""] * (min(_int(cell.get("colspan") or "1"), MAX_TABLE_COLUMNS) - 1)
            if any(texts):
                rows.append(texts[:MAX_TABLE_COLUMNS])
                header_cells.append(cells)
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        thead = node.find("thead")
        first_is_header = (thead is not None and thead.find("tr") is not None) or all(
            c.tag == "th" for c in header_cells[0]
        )
        body_rows = header_cells[1:] if first_is_header else header_cells
        first_col_is_header = bool(body_rows) and all(cells and cells[0].tag == "th" for cells in body_rows)
        caption = node.find("caption")
        if caption is None and node.parent is not None and node.parent.tag == "figure":
            caption = node.parent.find("figcaption")  # the block editor's table caption
        self.add(
            "table",
            {
                "data": rows,
                "first_row_is_table_header": first_is_header,
                "first_col_is_header": first_col_is_header,
                # What the editor's "table headers" menu shows (Wagtail asks for it when the page is saved).
                "table_header_choice": HEADER_CHOICE[first_is_header, first_col_is_header],
                "table_caption": plain(caption.text(), "caption") if caption is not None else "",
            },
        )

    # --- Classic editor ------------------------------------------------------------------------------
    def classic(self, content: str) -> None:
        for part in shortcodes.split(content):
            if isinstance(part, str):
                self.nodes(markup.parse(_autop_aware(part)).children)
            else:
                self.flush()
                self.shortcode(part)
        self.flush()

    def shortcode(self, code) -> None:
        name = code.name
        if name in ("caption", "wp_caption"):
            tree = markup.parse(code.inner)
            img = tree.find("img")
            if img is not None:
                img.parent.children.remove(img)
                anchor = img.parent if img.parent.tag == "a" else None
                if anchor is not None and not anchor.text().strip():
                    anchor.parent.children.remove(anchor)
                caption = code.attrs.get("caption") or tree.text()
                attachment = _int(code.attrs.get("id", "").replace("attachment_", ""))
                self.image(img, caption, attachment)
            else:
                self.html(code.inner)
        elif name == "gallery":
            ids = [_int(part) for part in re.split(r"[,\s]+", code.attrs.get("ids", "")) if _int(part)]
            if ids:
                self.gallery([self.image_value(number, "") for number in ids])
            else:
                self.body.unknown["[gallery] (no ids)"] += 1
        elif name in ("embed", "video", "audio"):
            url = code.inner.strip() or code.attrs.get("src", "") or code.attrs.get("url", "")
            url = url or next(
                (value for key, value in code.attrs.items() if key in ("mp4", "webm", "mp3")), ""
            )
            if not self.embed(url):
                self.body.unknown[f"[{name}]"] += 1
        else:
            self.body.unknown[f"[{name}]"] += 1
            if code.inner:
                self.classic(code.inner)

    # --- Block editor --------------------------------------------------------------------------------
    def blocks(self, blocks) -> None:
        for block in blocks:
            self.block(block)
        self.flush()

    def block(self, block) -> None:
        name = block.short_name
        attrs = block.attrs
        if block.name == "" or name == "freeform":
            self.classic(block.html)
        elif name == "paragraph":
            self.html(block.html)
        elif name == "heading":
            level = attrs.get("level", 2)
            self.heading(markup.parse(block.html).text(), f"h{level}" if isinstance(level, int) else "h2")
        elif name in ("list", "html", "verse", "preformatted", "code", "details"):
            self.html(block.html)
        elif name in ("quote", "pullquote"):
            tree = markup.parse(block.html)
            quote = tree.find("blockquote")
            self.blockquote(quote if quote is not None else tree)
        elif name == "image":
            tree = markup.parse(block.html)
            img = tree.find("img")
            caption = tree.find("figcaption")
            if img is not None:
                self.image(img, caption.text() if caption is not None else "", _int(attrs.get("id")))
        elif name == "gallery":
            self.gallery_block(block)
        elif name == "embed" or block.name.startswith("core-embed/"):
            url = attrs.get("url") or markup.parse(block.html).text().strip()
            if not self.embed(url):
                self.body.unknown[block.name] += 1
        elif name in ("video", "audio"):
            tree = markup.parse(block.html)
            node = tree.find(name)
            if node is None or not self.embed(node.get("src")):
                self.body.unknown[block.name] += 1
        elif name == "table":
            table = markup.parse(block.html).find("table")
            if table is not None:
                self.table(table)
        elif name in NOTHING_BLOCKS:
            if name == "separator":
                self.body.approximated["separator"] += 1
        elif name == "shortcode":
            self.classic(block.html)
        elif name in LAYOUT_BLOCKS or name == "block":
            if block.inner:
                self.blocks(block.inner)
            else:
                self.html(block.html)
        else:
            self.body.unknown[block.name] += 1
            self.html(block.html)

    def gallery_block(self, block) -> None:
        images = []
        if block.inner:
            for inner in block.inner:
                tree = markup.parse(inner.html)
                img = tree.find("img")
                if img is None:
                    continue
                caption = tree.find("figcaption")
                images.append(
                    self.image_value(
                        _int(inner.attrs.get("id")) or image_id(img),
                        img.get("src"),
                        caption.text() if caption is not None else "",
                        img.get("alt"),
                    )
                )
        else:
            tree = markup.parse(block.html)
            for figure in tree.find_all("figure"):
                img = figure.find("img")
                if img is None:
                    continue
                caption = figure.find("figcaption")
                images.append(
                    self.image_value(
                        image_id(img), img.get("src"), caption.text() if caption else "", img.get("alt")
                    )
                )
            if not images:
                images = [self.image_value(_int(number), "") for number in attrs_ids(block.attrs)]
        title = block.attrs.get("caption") if isinstance(block.attrs.get("caption"), str) else ""
        self.gallery(images, title)


def attrs_ids(attrs: dict) -> list:
    ids = attrs.get("ids")
    return ids if isinstance(ids, list) else []


def image_id(img) -> int:
    """The attachment ID WordPress writes on an ``<img>`` (``class="wp-image-12"``, ``data-id``)."""
    match = WP_IMAGE.search(img.get("class"))
    return int(match.group(1)) if match else _int(img.get("data-id"))


def _has_media(node) -> bool:
    return node.find("img") is not None or any(node.find(tag) is not None for tag in EMBED_TAGS)


def _int(value) -> int:
    try:
        return int(str(value or "0").strip() or 0)
    except ValueError:
        return 0


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _autop_aware(text: str) -> str:
    """Classic text through ``wpautop``: blank lines between inline runs become paragraph breaks.

    Block elements keep their place; only stretches of inline text and tags are wrapped."""
    tree = markup.parse(text)
    out, run = [], []

    def flush():
        if run:
            out.append(shortcodes.autop("".join(run)))
            run.clear()

    for child in tree.children:
        if isinstance(child, str) or (child.tag in INLINE and not _has_media(child)):
            run.append(markup.to_html(child))
        else:
            flush()
            out.append(markup.to_html(child))
    flush()
    return "".join(out)


def convert(content: str, context) -> Body:
    """The body blocks for ``content`` (block editor or classic)."""
    converter = Converter(context)
    if gutenberg.is_block_content(content):
        converter.blocks(gutenberg.parse(content))
    else:
        converter.classic(content or "")
    return converter.body
