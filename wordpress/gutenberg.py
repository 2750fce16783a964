"""The block editor's serialisation: ``<!-- wp:name {"json": "attrs"} -->html<!-- /wp:name -->``.

Blocks are delimited by HTML comments (the block grammar WordPress itself parses with the same kind of
pattern); a block's attributes are the JSON object in its opening comment; blocks nest (a group holds
columns, a gallery holds images, a list holds list items). HTML between top-level blocks is "freeform"
(classic editor content kept inside a block post).
"""

import json
import re
from dataclasses import dataclass, field

DELIMITER = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<namespace>[a-z][a-z0-9_-]*/)?(?P<name>[a-z][a-z0-9_-]*)\s+"
    r"(?P<attrs>\{(?:(?!\}\s+/?-->).)*?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass
class Block:
    name: str  # "core/paragraph", "jetpack/slideshow"; "" for freeform HTML
    attrs: dict = field(default_factory=dict)
    source: str = ""  # everything between the delimiters, inner blocks included
    inner: list = field(default_factory=list)

    @property
    def short_name(self) -> str:
        return self.name.removeprefix("core/")

    @property
    def html(self) -> str:
        """The block's HTML with the inner blocks' delimiters removed (their HTML kept)."""
        return strip_delimiters(self.source)


def is_block_content(content: str) -> bool:
    return bool(content) and DELIMITER.search(content) is not None


def strip_delimiters(html: str) -> str:
    return DELIMITER.sub("", html or "")


def _attrs(text: str | None) -> dict:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def parse(content: str) -> list[Block]:
    """Top-level blocks of ``content``; freeform HTML between them as blocks named ``""``.

    A block left open (a broken export) ends where its parent or the content ends.
    """
    root = Block("")
    stack: list[tuple[Block, int]] = [(root, 0)]
    position = 0
    content = content or ""

    def add_freeform(end):
        text = content[position:end]
        if len(stack) == 1 and text.strip():
            root.inner.append(Block("", source=text))

    for match in DELIMITER.finditer(content):
        name = (match.group("namespace") or "core/") + match.group("name")
        if match.group("closer"):
            # Close the nearest open block of that name, and any left open inside it.
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth][0].name == name:
                    add_freeform(match.start())
                    for block, start in stack[depth:]:
                        block.source = content[start : match.start()]
                    del stack[depth:]
                    position = match.end()
                    break
            continue
        add_freeform(match.start())
        block = Block(name, _attrs(match.group("attrs")))
        stack[-1][0].inner.append(block)
        position = match.end()
        if not match.group("void"):
            stack.append((block, match.end()))
    add_freeform(len(content))
    for block, start in stack[1:]:
        block.source = content[start:]
    return root.inner
