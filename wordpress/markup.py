"""A small, forgiving HTML tree (standard library ``html.parser``) for converting post content.

Broken markup (unclosed ``<p>``, stray ``</div>``, tags closed in the wrong order) still gives a tree:
an end tag closes the nearest open element of that name and everything opened inside it; an end tag
with no open element of that name is ignored. Text is kept unescaped; :func:`to_html` writes it back
escaped, so what comes out is always well formed before it goes through the sanitiser.
"""

from html import escape
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# A start tag of these closes an open <p> (as browsers do): "<p>text<ul>..." is a paragraph then a list.
CLOSES_P = frozenset(
    {
        "address", "article", "aside", "blockquote", "div", "dl", "fieldset", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "ol", "p", "pre", "section", "table", "ul",
    }
)  # fmt: skip
BLOCK = CLOSES_P | {"figcaption", "li", "tr", "td", "th", "thead", "tbody", "iframe", "img", "video", "audio"}


class Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs=None, parent=None):
        self.tag = tag
        self.attrs = dict(attrs or {})
        self.children: list = []  # Node or str
        self.parent = parent

    def get(self, name: str, default: str = "") -> str:
        value = self.attrs.get(name)
        return default if value is None else value

    def classes(self) -> list[str]:
        return self.get("class").split()

    def find_all(self, tag: str):
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag:
                    yield child
                yield from child.find_all(tag)

    def find(self, tag: str):
        return next(self.find_all(tag), None)

    def text(self) -> str:
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append("\n")
            else:
                parts.append(child.text())
                if child.tag in BLOCK:
                    parts.append("\n")
        return "".join(parts)

    def inner_html(self) -> str:
        return "".join(to_html(child) for child in self.children)

    def __repr__(self):
        return f"<Node {self.tag} {self.attrs} {len(self.children)}>"


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        if tag in CLOSES_P:
            self._close("p", stop_at_block=True)
        node = Node(tag, [(name, value or "") for name, value in attrs], self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, [(name, value or "") for name, value in attrs], self.current)
        self.current.children.append(node)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        self._close(tag)

    def _close(self, tag, stop_at_block=False):
        node = self.current
        while node is not self.root:
            if node.tag == tag:
                self.current = node.parent
                return
            if stop_at_block and node.tag in BLOCK:
                return
            node = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html or "")
    builder.close()
    return builder.root


def to_html(node) -> str:
    if isinstance(node, str):
        return escape(node, quote=False)
    attrs = "".join(f' {name}="{escape(value)}"' for name, value in node.attrs.items())
    if node.tag in VOID:
        return f"<{node.tag}{attrs}/>"
    return f"<{node.tag}{attrs}>{node.inner_html()}</{node.tag}>"
