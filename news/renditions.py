"""The image renditions a page shows: loaded in one query per page, and made when the page is published.

Which renditions exist is named once, in ``seo.images`` (``PICTURES``, ``MACHINE_SPECS``). A page view
collects every image it will show (hero, author photos, body images, the cards' pictures) and
:func:`attach` loads their renditions in one query, so each ``{% picture_of %}`` tag is a dictionary
lookup instead of a cache round trip (51 tags on the home page). :func:`build_for` makes every
rendition a page needs; ``run_scheduler`` calls it for pages published since its last pass, so the first
reader of a new article does not wait for 16 image conversions.
"""

from collections import defaultdict

from django.db.models.expressions import RawSQL
from wagtail.images import get_image_model

from seo.images import MACHINE_SPECS, renditions, specs_of
from translations import compiled
from translations.languages import language_codes

# What each place shows of an image (names from seo.images.PICTURES, or spec strings).
ARTICLE_HERO = ("hero", *MACHINE_SPECS)
CARD = ("card",)
LEAD_CARD = ("hero", MACHINE_SPECS[0])  # the home page's lead: its picture and the share image
FEED_ITEM = (MACHINE_SPECS[0],)
AUTHOR_PHOTO = ("author",)
AUTHOR_PAGE_PHOTO = ("author", MACHINE_SPECS[0])  # an author's own page: the photo and its share image
BODY_BLOCKS = {"image": ("body",), "gallery": ("gallery",)}


def attach(wanted) -> None:
    """Load the renditions of many images in one query: ``wanted`` is ``[(image, names), ...]``.

    Each image gets ``prefetched_renditions`` (Wagtail's own attribute, which its ``get_renditions``
    reads), holding the renditions of the specs asked for that exist. A missing one is made by the
    template tag that needs it, as before.
    """
    by_pk: dict[int, list] = defaultdict(list)
    specs: set[str] = set()
    for image, names in wanted:
        if image is not None and image.pk is not None:
            by_pk[image.pk].append(image)
            specs.update(specs_of(*names))
    if not by_pk:
        return
    found = defaultdict(list)
    for rendition in _renditions(list(by_pk), sorted(specs)):
        found[rendition.image_id].append(rendition)
    for pk, images in by_pk.items():
        for image in images:
            mine = list(found[pk])
            for rendition in mine:
                rendition.image = image  # Rendition.alt reads its image: no query
            image.prefetched_renditions = mine
            image.__dict__.pop("_renditions_by_key", None)


def _renditions(image_ids: list[int], specs: list[str]) -> list:
    """The renditions of ``specs`` that exist for ``image_ids``: a query compiled once per set of specs
    (a page asks for one of a few), with the ids bound as one value (``translations.compiled``)."""
    renditions = get_image_model().get_rendition_model().objects
    if not compiled.binds_id_lists():
        return list(renditions.filter(image_id__in=image_ids, filter_spec__in=specs))
    ids_sql, (ids,) = compiled.id_list(image_ids)

    def build():
        return renditions.filter(image_id__in=RawSQL(ids_sql, [compiled.VALUE]), filter_spec__in=specs)  # noqa: S611

    return compiled.instances(("renditions", *specs), build, ids)


def body_images(body) -> list[tuple]:
    """``(image, names)`` for the image and gallery blocks of a StreamField value."""
    wanted = []
    for block in body or []:
        names = BODY_BLOCKS.get(block.block_type)
        if names is None:
            continue
        if block.block_type == "gallery":
            wanted.extend((item.get("image"), names) for item in block.value.get("images") or [])
        else:
            wanted.append((block.value.get("image"), names))
    return wanted


def article_images(article) -> list[tuple]:
    """Everything an article's page shows of its own images (hero, author photos, body)."""
    wanted = [(article.hero_image, ARTICLE_HERO)]
    wanted += [(author.photo, AUTHOR_PHOTO) for author in article.authors]
    return wanted + body_images(article.body)


def translated_bodies(article) -> list:
    """The article's body in every language (the builder makes renditions for all of them)."""
    bodies = [getattr(article, f"body_{code}", None) for code in language_codes()]
    return [body for body in bodies if body] or [article.body]


def build_for(article) -> int:
    """Make every rendition ``article`` needs in any language (what its page, its cards on listings, feeds
    and JSON-LD show); returns how many were made. Existing ones cost one query per image."""
    wanted = [(article.hero_image, ("hero", "card", *MACHINE_SPECS))]
    links = article.article_authors.select_related("author__photo")
    wanted += [(link.author.photo, AUTHOR_PHOTO) for link in links]
    for body in translated_bodies(article):
        wanted += body_images(body)
    made = 0
    for image, names in wanted:
        if image is None:
            continue
        specs = specs_of(*names)
        image.prefetched_renditions = list(image.renditions.filter(filter_spec__in=specs))
        existing = len(image.prefetched_renditions)
        renditions(image, specs)
        made += len(image.prefetched_renditions) - existing
    return made
