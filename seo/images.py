"""The renditions machines are given: share images (feeds, Open Graph, Twitter), JSON-LD images, the logo."""

import mimetypes
from dataclasses import dataclass

from django.templatetags.static import static

from .absolute import absolute

# One rendition for feeds, Open Graph, Twitter cards and JSON-LD: the 1.91:1 shape social networks crop to.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
# Google's article structured data asks for 16:9, 4:3 and 1:1 versions of the lead image.
STRUCTURED_DATA_IMAGE_SPECS = (
    "fill-1200x675|format-jpeg",
    "fill-1200x900|format-jpeg",
    "fill-1200x1200|format-jpeg",
)
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
    rendition = image.get_rendition(SHARE_IMAGE_SPEC)
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
    renditions = image.get_renditions(*STRUCTURED_DATA_IMAGE_SPECS)
    return [
        {
            "@type": "ImageObject",
            "url": absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }
        for rendition in (renditions[spec] for spec in STRUCTURED_DATA_IMAGE_SPECS)
    ]


def publisher_logo(request) -> dict:
    width, height = PUBLISHER_LOGO_SIZE
    return {"url": absolute(request, static(PUBLISHER_LOGO)), "width": width, "height": height}
