"""``{% picture_of image "card" sizes="…" alt="" loading="lazy" %}``: Wagtail's ``{% picture %}`` for a named
set of renditions (``seo.images.PICTURES``), the same markup, at a fraction of the cost.

The set's specs are parsed once at start-up instead of on every tag, and the renditions come from the
page's one rendition query (``news.renditions.attach``) without touching the cache. Measured on the
home page (51 pictures): about 0.35 ms per Wagtail tag against 0.05 ms here.
"""

from django import template
from django.core.files.storage import FileSystemStorage
from django.utils.encoding import filepath_to_uri
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from seo.images import PICTURES, renditions

register = template.Library()

# Wagtail's Picture.source_format_order: the browser takes the first <source> it supports.
FORMATS = (("avif", "image/avif"), ("webp", "image/webp"), ("jpeg", "image/jpeg"), ("png", "image/png"))


def _layout(specs):
    """``[(mime type, [specs])]`` of the <source> elements and the fallback <img>'s specs."""
    by_format = {}
    for spec in specs:
        name = next((fmt for fmt, _mime in FORMATS if f"format-{fmt}" in spec), "")
        by_format.setdefault(name, []).append(spec)
    if len(by_format) < 2:
        return [], list(specs)
    fallback = next(fmt for fmt, _mime in reversed(FORMATS) if fmt in by_format)
    sources = [(mime, by_format[fmt]) for fmt, mime in FORMATS if fmt in by_format and fmt != fallback]
    return sources, by_format[fallback]


LAYOUTS = {name: _layout(specs) for name, specs in PICTURES.items()}


def flatatt(attrs: dict) -> str:
    """Django's ``flatatt`` (sorted, escaped; True: the bare name; False and None: left out), faster."""
    parts = []
    flags = []
    for key in sorted(attrs):
        value = attrs[key]
        if value is True:
            flags.append(f" {key}")
        elif value is not None and value is not False:
            parts.append(f' {key}="{conditional_escape(value)}"')
    return "".join(parts + flags)


def url_of(rendition) -> str:
    """``rendition.url``; on the file system storage without ``urljoin`` (a third of a tag's time)."""
    storage = rendition.file.storage
    # ``__class__`` sees through the lazy ``default_storage``; a subclass with its own ``url`` is left alone.
    if storage.__class__.url is FileSystemStorage.url and storage.base_url.endswith("/"):
        return storage.base_url + filepath_to_uri(rendition.file.name).lstrip("/")
    return rendition.url


def _srcset(items) -> str:
    if len(items) == 1:
        return url_of(items[0])
    return ", ".join(f"{url_of(rendition)} {rendition.width}w" for rendition in items)


@register.simple_tag
def picture_of(image, name, **attrs):
    """A ``<picture>`` of ``image`` in the named set of renditions; nothing when there is no image."""
    if not image:
        return ""
    found = renditions(image, PICTURES[name])
    sources, fallback_specs = LAYOUTS[name]
    parts = ["<picture>"]
    for mime, specs in sources:
        srcset = _srcset([found[spec] for spec in specs])
        parts.append(f"<source{flatatt({'srcset': srcset, 'sizes': attrs.get('sizes'), 'type': mime})}>")
    fallback = [found[spec] for spec in fallback_specs]
    first = fallback[0]
    img = {"src": url_of(first), "width": first.width, "height": first.height, "alt": first.alt}
    img.update(attrs)
    if len(fallback) > 1:
        img["srcset"] = _srcset(fallback)
    parts.append(f"<img{flatatt(img)}></picture>")
    return mark_safe("".join(parts))  # noqa: S308 - attribute values escaped by flatatt
