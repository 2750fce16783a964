"""Classic-editor content: shortcodes (``[caption]``, ``[gallery]``, ``[embed]``...) and ``wpautop``.

The classic editor stores paragraphs as blank lines and line breaks as single newlines; WordPress adds
``<p>`` and ``<br>`` when it shows a post (``wpautop``). Shortcodes are square-bracket tags a plugin
expands. :func:`split` cuts content into text and shortcodes; :func:`autop` turns a stretch of text into
paragraphs the way ``wpautop`` would.
"""

import re
from dataclasses import dataclass, field

# Shortcodes WordPress itself knows, converted or listed by name even without attributes.
KNOWN = frozenset({"caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist"})
SHORTCODE = re.compile(
    r"\[(?P<escape>\[?)(?P<name>[A-Za-z][\w-]*)(?![\w-])(?P<attrs>[^\]/]*(?:/(?!\])[^\]/]*)*?)"
    r"(?:(?P<self>/)\]|\](?:(?P<inner>[^\[]*+(?:\[(?!/(?P=name)\])[^\[]*+)*+)\[/(?P=name)\])?)(?P<escape_end>\]?)",
    re.DOTALL,
)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)""")
BLANK_LINE = re.compile(r"\n\s*\n")


@dataclass
class Shortcode:
    name: str
    attrs: dict = field(default_factory=dict)
    inner: str = ""


def attributes(text: str) -> dict:
    found = {}
    for match in ATTRIBUTE.finditer(text or ""):
        if match.group(1):
            found[match.group(1).lower()] = match.group(2)
        elif match.group(3):
            found[match.group(3).lower()] = match.group(4)
        else:
            found[match.group(5).lower()] = match.group(6)
    return found


def _is_shortcode(match) -> bool:
    """A known shortcode, or one that has attributes or a closing tag; ``[sic]`` and ``[1]`` stay text."""
    if match.group("escape") and match.group("escape_end"):
        return False  # [[name]] is WordPress's way of writing a literal [name]
    name = match.group("name").lower()
    return name in KNOWN or "=" in (match.group("attrs") or "") or match.group("inner") is not None


def split(content: str) -> list:
    """``content`` as a list of text strings and :class:`Shortcode` objects, in order."""
    parts: list = []
    position = 0
    for match in SHORTCODE.finditer(content or ""):
        if not _is_shortcode(match):
            continue
        if match.start() > position:
            parts.append(content[position : match.start()])
        parts.append(
            Shortcode(
                match.group("name").lower(),
                attributes(match.group("attrs")),
                match.group("inner") or "",
            )
        )
        position = match.end()
    if position < len(content or ""):
        parts.append(content[position:])
    return parts


def autop(text: str) -> str:
    """Inline text with newlines -> ``<p>`` paragraphs with ``<br/>``, as ``wpautop`` shows them."""
    paragraphs = []
    for chunk in BLANK_LINE.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        chunk = chunk.strip()
        if chunk:
            paragraphs.append("<p>" + "<br/>".join(line.strip() for line in chunk.split("\n")) + "</p>")
    return "".join(paragraphs)
