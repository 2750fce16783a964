"""Rich text in Wagtail's database format, cleaned with ``nh3`` down to what the editor allows.

Wagtail stores rich text as HTML with its own elements for internal links and embeds::

    <p data-block-key="a1b2c">Read <a linktype="page" id="3">the profile</a> or
    <a href="https://example.org/">the source</a>.</p>
    <embed embedtype="image" id="7" format="left" alt="A bridge"/>

and expands them only when a page is rendered (``|richtext``). Everything else in the stored HTML
reaches readers as it is, so HTML written outside the admin is cleaned here on save.

The allow-list comes from the editor itself: for each feature of the field or block (``bold``,
``link``, ``h2``, ``image`` ...), the selectors Wagtail's Draftail converter accepts when it loads
stored rich text (``register_converter_rule("contentstate", ...)["from_database_format"]``):
``b``/``strong`` for bold, ``a[href]`` and ``a[linktype="page"]`` for links,
``embed[embedtype="image"]`` for images. Paragraphs and line breaks are always allowed. Wagtail's own
attributes are kept (``linktype`` and ``embedtype`` only with the registered types, numeric ``id``,
the image ``format`` and ``alt``, the media ``url``, Draftail's ``data-block-key``); every other
element and attribute is removed, ``<script>``, ``<style>``, ``<iframe>`` and the like with their
content; a link keeps its ``href`` only for ``http``, ``https``, ``mailto`` and ``tel``.

Wagtail's converter could do this too (database format -> contentstate -> database format), but it
queries the database for every page link, rewrites every block key and keeps a script's text as a
paragraph; nh3 keeps the stored HTML as it is where it is allowed, which is what an importer wants.
The output is written the way Wagtail writes it (``<br/>``, ``<embed .../>``, a no-break space as
the character), so what the admin saved comes back unchanged.
"""

import functools
import re

import nh3

from .links import LINK_SCHEMES, is_web_url

ALWAYS_ALLOWED = frozenset({"p", "br"})
BLOCK_KEY = "data-block-key"  # Draftail's key of a block (wagtail...html_to_contentstate.BLOCK_KEY_NAME)
LINK_ATTRIBUTES = frozenset({"id"})  # <a linktype="page" id="3">; href only with the external link feature
EMBED_ATTRIBUTES = frozenset({"id", "format", "alt", "url"})  # image: id, format, alt; media: url
# Removed together with what they contain, not only unwrapped.
REMOVED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "applet",
        "noscript",
        "noembed",
        "noframes",
        "template",
        "svg",
        "math",
        "textarea",
        "select",
        "title",
        "xmp",
    }
)

_SELECTOR = re.compile(r"^([a-z][a-z0-9]*)((?:\[[^\]]*\])*)$")
_CONDITION = re.compile(r'\[([\w-]+)(?:="([^"]*)")?\]')
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_NUMBER = re.compile(r"^[0-9]{1,20}$")
_VOID_ELEMENT = re.compile(r"<(br|hr|embed)\b([^>]*)>")
_LINK = re.compile(r"<a\b([^>]*)>")
_ID = re.compile(r'\sid="[^"]*"')


class Allowed:
    """What rich text with ``features`` may contain, read from Wagtail's rich-text feature registry."""

    def __init__(self, features):
        from wagtail.rich_text import features as feature_registry

        if features is None:
            features = feature_registry.get_default_features()
        self.tags = set(ALWAYS_ALLOWED)
        self.link_types: set[str] = set()
        self.embed_types: set[str] = set()
        self.external_links = False
        for feature in features:
            rule = feature_registry.get_converter_rule("contentstate", feature) or {}
            for selector in rule.get("from_database_format", {}):
                self._add(selector.strip())

    def _add(self, selector):
        match = _SELECTOR.match(selector)
        if not match:
            return
        tag = match.group(1)
        self.tags.add(tag)
        for attribute, value in _CONDITION.findall(match.group(2)):
            if tag == "a" and attribute == "linktype":
                self.link_types.add(value)
            elif tag == "a" and attribute == "href":
                self.external_links = True
            elif tag == "embed" and attribute == "embedtype":
                self.embed_types.add(value)

    def cleaner(self) -> nh3.Cleaner:
        attributes = {"*": {BLOCK_KEY}}
        values = {}
        if "a" in self.tags:
            attributes["a"] = set(LINK_ATTRIBUTES) | ({"href"} if self.external_links else set())
            values["a"] = {"linktype": set(self.link_types)}
        if "embed" in self.tags:
            attributes["embed"] = set(EMBED_ATTRIBUTES)
            values["embed"] = {"embedtype": set(self.embed_types)}
        return nh3.Cleaner(
            tags=set(self.tags),
            clean_content_tags=set(REMOVED_WITH_CONTENT - self.tags),
            attributes=attributes,
            tag_attribute_values=values,
            attribute_filter=_filter_attribute,
            url_schemes=set(LINK_SCHEMES),
            link_rel=None,
            strip_comments=True,
        )


def _filter_attribute(tag, attribute, value):
    """nh3's last word on an allowed attribute: Wagtail's attributes hold only what Wagtail writes."""
    if attribute == "id":
        return value if _NUMBER.match(value) else None
    if attribute in (BLOCK_KEY, "format"):
        return value if _TOKEN.match(value) else None
    if attribute == "url":  # <embed embedtype="media" url="https://www.youtube.com/...">
        return value if is_web_url(value) else None
    return value


@functools.lru_cache(maxsize=64)
def _cleaner(features: tuple | None) -> nh3.Cleaner:
    return Allowed(features).cleaner()


def _without_stray_id(match) -> str:
    """An ``id`` belongs to an internal link (``linktype``); on any other link it is only an anchor."""
    attributes = match.group(1)
    return match.group(0) if 'linktype="' in attributes else f"<a{_ID.sub('', attributes)}>"


def _as_wagtail_writes_it(html: str) -> str:
    # nh3 writes every attribute in double quotes and escapes ">" and '"' inside values, so these
    # patterns only ever meet real tags and whole attributes.
    html = _VOID_ELEMENT.sub(lambda match: f"<{match.group(1)}{match.group(2)}/>", html)
    html = _LINK.sub(_without_stray_id, html)
    return html.replace("&nbsp;", "\xa0")


def clean_rich_text(html: str, features=None) -> str:
    """``html`` (Wagtail's database format) with only what an editor with ``features`` can write.

    ``features``: the field's or block's feature list; ``None`` for Wagtail's default features.
    """
    if not html:
        return html
    key = tuple(features) if features is not None else None
    return _as_wagtail_writes_it(_cleaner(key).clean(html))
