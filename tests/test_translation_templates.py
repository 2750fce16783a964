"""Every piece of text a reader or editor sees in a template is marked for translation.

The templates are read with Django's own template lexer: text outside ``{% translate %}`` /
``{% blocktranslate %}`` (HTML tags, comments, scripts and styles removed) must contain no words, and
the attributes people read (``title``, ``alt``, ``placeholder``, ``aria-label``...) must hold no bare text.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

BASE = Path(settings.BASE_DIR)
# The project's templates and those of its apps (not Wagtail's or Django's).
TEMPLATE_DIRS = [BASE / "templates", *sorted(BASE.glob("*/templates"))]
MACHINE_OUTPUT = {".xml", ".txt"}  # sitemaps and robots.txt are read by crawlers, not people
# Names that are the same in every language.
PROPER_NAMES = {"Aze.Media", "RSS", "Atom", "Facebook", "X", "Telegram", "YouTube", "Instagram", "WhatsApp"}
READ_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label", "aria-description", "aria-roledescription")
WORD = re.compile(r"[^\W\d_]{2,}")


def templates():
    for directory in TEMPLATE_DIRS:
        for path in sorted(directory.rglob("*")):
            if path.is_file() and path.suffix not in MACHINE_OUTPUT:
                yield path


def visible_text(html: str) -> str:
    html = re.sub(r"<!--.*?-->", " ", html, flags=re.S)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    attributes = re.findall(rf"\b(?:{'|'.join(READ_ATTRIBUTES)})\s*=\s*\"([^\"]*)\"", html, flags=re.I)
    text = re.sub(r"<[^>]*>", " ", html)
    return " ".join([text, *attributes])


def untranslated(source: str) -> list[str]:
    """Words in ``source`` that sit outside translation tags, template tags and variables."""
    tokens = Lexer(source).tokenize()
    plain, depth, skip, blocks = [], 0, 0, []
    for token in tokens:
        if token.token_type == TokenType.BLOCK:
            bits = token.contents.split()
            name = bits[0] if bits else ""
            if name == "block":
                blocks.append(bits[1] if len(bits) > 1 else "")
            elif name == "endblock" and blocks:
                blocks.pop()
            elif name in ("blocktranslate", "blocktrans"):
                depth += 1
            elif name in ("endblocktranslate", "endblocktrans"):
                depth -= 1
            elif name == "comment":
                skip += 1
            elif name == "endcomment":
                skip -= 1
            plain.append(" ")  # a tag separates words (and attribute values: "{% if %}x{% endif %}")
        elif (
            token.token_type == TokenType.TEXT
            and not depth
            and not skip
            and not any(
                "class" in block
                for block in blocks  # {% block body_class %}: CSS class names
            )
        ):
            plain.append(token.contents)
        else:
            plain.append(" ")
    text = visible_text("".join(plain))
    text = re.sub(r"Aze\s*\.\s*Media", " ", text)  # the logo: Aze<span>.</span>Media
    for name in PROPER_NAMES:
        text = re.sub(rf"(?<![\w.]){re.escape(name)}(?![\w.])", " ", text)
    return WORD.findall(text)


@pytest.mark.parametrize("path", list(templates()), ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_template_text_is_marked_for_translation(path):
    words = untranslated(path.read_text(encoding="utf-8"))
    assert not words, f"{path.name}: text not inside {{% translate %}}: {' '.join(words)[:300]}"


def test_the_scan_finds_unmarked_text():
    assert untranslated("<p>Read more</p>") == ["Read", "more"]
    assert untranslated('<img alt="Logo" src="{{ url }}">') == ["Logo"]
    assert untranslated("<p>{% translate 'Read more' %} {{ title }}</p>") == []
    assert untranslated("{% blocktranslate %}Page {{ n }}{% endblocktranslate %}") == []
    assert untranslated("<script>const a = 'x y';</script><!-- note -->{# note #}") == []
    assert untranslated("<span>© {{ year }} Aze.Media</span>") == []
    assert untranslated("{% block body_class %}page-article{% endblock %}<b>Hi there</b>") == ["Hi", "there"]
