"""Every rendition the site shows, named in one place, and the renditions machines are given.

``PICTURES`` are the ``<picture>`` elements readers see (``{% picture_of image "card" %}`` in the templates,
``home.templatetags.picture_tags``); ``SHARE_IMAGE_SPEC`` and ``STRUCTURED_DATA_IMAGE_SPECS`` are for feeds,
Open Graph, Twitter cards and JSON-LD. The templates, the per-page rendition prefetch
(``news.renditions.attach``) and the builder that makes a page's renditions when it is published
(``news.renditions.build_for``) all read these names, so they cannot drift apart.
"""

import mimetypes
from dataclasses import dataclass

from django.templatetags.static import static
from wagtail.images.models import Filter

from .absolute import absolute

# name -> the spec pattern a ``{% picture %}`` tag would take (formats and sizes brace-expanded).
PICTURE_PATTERNS = {
    # The article's hero and the home page's lead card.
    "hero": "format-{webp,jpeg} fill-{480x270,800x450,1200x675}",
    # Listing cards (sections, tags, home, related articles).
    "card": "format-{webp,jpeg} fill-{480x270,800x450}",
    "author": "format-{webp,jpeg} fill-96x96",
    # Body blocks: an image, and the images of a gallery.
    "body": "format-{webp,jpeg} width-{480,800,1200}",
    "gallery": "format-{webp,jpeg} width-{480,800}",
}
# name -> the expanded specs, in the order Wagtail's ``{% picture %}`` uses ("format-webp|fill-480x270", ...).
PICTURES = {name: tuple(Filter.expand_spec(pattern)) for name, pattern in PICTURE_PATTERNS.items()}

# One rendition for feeds, Open Graph, Twitter cards and JSON-LD: the 1.91:1 shape social networks crop to.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
# Google's article structured data asks for 16:9, 4:3 and 1:1 versions of the lead image.
STRUCTURED_DATA_IMAGE_SPECS = (
    "fill-1200x675|format-jpeg",
    "fill-1200x900|format-jpeg",
    "fill-1200x1200|format-jpeg",
)
# What a page shows of its lead image besides the <picture>: Open Graph/feeds and JSON-LD.
MACHINE_SPECS = (SHARE_IMAGE_SPEC, *STRUCTURED_DATA_IMAGE_SPECS)
# Parsed once (a Filter parses its operations on first use): the focal-point key of a rendition.
FILTERS = {spec: Filter(spec) for specs in [*PICTURES.values(), MACHINE_SPECS] for spec in specs}


def specs_of(*names: str) -> tuple[str, ...]:
    """The expanded specs of the named pictures (``"card"``) and spec strings given as they are."""
    specs = []
    for name in names:
        for spec in PICTURES.get(name, (name,)):
            if spec not in specs:
                specs.append(spec)
    return tuple(specs)


def renditions(image, specs) -> dict:
    """``{spec: Rendition}`` for ``image``: from its prefetched renditions (``news.renditions.attach``) when
    they hold them all, with no cache call; otherwise Wagtail's ``get_renditions`` (cache, database,
    and the renditions still missing made now).

    Wagtail writes a rendition it read from the cache back to the cache on every call (32 pickles per
    article view); prefetched renditions skip the cache altogether.
    """
    # Wagtail's own reader of prefetched renditions: ``prefetched_renditions`` or a prefetch_related.
    prefetched = image._get_prefetched_renditions()
    if prefetched is not None:
        index = image.__dict__.get("_renditions_by_key")
        if index is None:
            index = image._renditions_by_key = {(r.filter_spec, r.focal_point_key): r for r in prefetched}
        found = {}
        for spec in specs:
            rendition = index.get((spec, FILTERS.get(spec, Filter(spec)).get_cache_key(image)))
            if rendition is None:
                break
            found[spec] = rendition
        else:
            return found
    if prefetched is None:
        return image.get_renditions(*(FILTERS.get(spec, spec) for spec in specs))
    # Wagtail takes prefetched renditions for all there are and would make a missing one again on every
    # call (decoding the original: 10 ms and 18 MB of a worker's memory for an author's share image)
    # though it exists: look for it in the cache and the database as without a prefetch, then keep it.
    known = {rendition.pk for rendition in prefetched}
    prefetch_cache = getattr(image, "_prefetched_objects_cache", {})
    held = prefetch_cache.pop("renditions", None), image.__dict__.pop("prefetched_renditions", None)
    try:
        made = image.get_renditions(*(FILTERS.get(spec, spec) for spec in specs))
    finally:
        if held[0] is not None:
            prefetch_cache["renditions"] = held[0]
        if held[1] is not None:
            image.prefetched_renditions = held[1]
        image.__dict__.pop("_renditions_by_key", None)
    for rendition in made.values():
        if rendition.pk not in known:
            image._add_to_prefetched_renditions(rendition)  # Wagtail's own: next time, found here
    return made


PUBLISHER_LOGO = "img/publisher-logo.png"
PUBLISHER_LOGO_SIZE = (600, 60)


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    mime_type: str
    length: int
    alt: str = ""


def share_image(image, request, alt: str = "") -> ShareImage | None:
    """The share rendition of ``image`` with its size; uses prefetched renditions when there are some."""
    if image is None:
        return None
    rendition = renditions(image, [SHARE_IMAGE_SPEC])[SHARE_IMAGE_SPEC]
    try:
        length = rendition.file.size
    except OSError:
        length = 0
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    return ShareImage(
        url=absolute(request, rendition.url),
        width=rendition.width,
        height=rendition.height,
        mime_type=mime_type,
        length=length,
        alt=alt,
    )


def structured_data_images(image, request) -> list[dict]:
    """The 16:9, 4:3 and 1:1 renditions of ``image`` as schema.org ImageObjects (one batch)."""
    if image is None:
        return []
    found = renditions(image, STRUCTURED_DATA_IMAGE_SPECS)
    return [
        {
            "@type": "ImageObject",
            "url": absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }
        for rendition in (found[spec] for spec in STRUCTURED_DATA_IMAGE_SPECS)
    ]


def publisher_logo(request) -> dict:
    width, height = PUBLISHER_LOGO_SIZE
    return {"url": absolute(request, static(PUBLISHER_LOGO)), "width": width, "height": height}
