"""StreamField blocks of an article body. Each block renders its own template under templates/blocks/."""

import hashlib
from urllib.parse import urlsplit

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.finders import get_finders
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from sanitize.validators import validate_web_url


def library_images(count: int) -> list:
    """The newest images of the library, for the block picker's previews (none in an empty library)."""
    return list(get_image_model().objects.order_by("-created_at")[:count])


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        preview_value = {"text": "Energy corridors after the war", "level": "h2"}


class CaptionedImageValue(blocks.StructValue):
    def credit_line(self) -> str:
        credit = (self.get("credit") or "").strip()
        return _("Photo: %(credit)s") % {"credit": credit} if credit else ""

    def alt_text(self) -> str:
        return (self.get("alt") or "").strip() or (self.get("caption") or "").strip()


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)
    alt = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe the image for readers who cannot see it. Defaults to the caption."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"
        value_class = CaptionedImageValue

    def get_preview_value(self):
        images = library_images(1)
        if not images:
            return None
        return self.to_python({"image": images[0].pk, "caption": images[0].title, "credit": "", "alt": ""})


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"
        preview_value = {
            "text": "Peace is not the absence of conflict but the presence of justice.",
            "attribution": "Editorial",
        }


# After a failed oEmbed lookup (provider down, no network) the block shows a link card and asks again
# only after this long, so a page full of dead embeds does not wait for the provider on every view.
EMBED_RETRY_SECONDS = 10 * 60


class LinkCardEmbedValue(EmbedValue):
    """An embed that never fails: its HTML when the provider answers, else a link card (``html`` empty).

    Found embeds are kept in Wagtail's Embed table; a failed lookup is remembered in the cache for
    ``EMBED_RETRY_SECONDS``, then tried again when the page is next rendered.
    """

    @cached_property
    def html(self):
        key = (
            f"embed-failed:{hashlib.sha256(self.url.encode()).hexdigest()}:{self.max_width}:{self.max_height}"
        )
        if cache.get(key):
            return ""
        try:
            embed = get_embed(self.url, self.max_width, self.max_height)
        except EmbedException:
            cache.set(key, True, EMBED_RETRY_SECONDS)
            return ""
        return render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").removeprefix("www.")


def embed_provider_accepts(url: str) -> bool:
    return any(finder.accept(url) for finder in get_finders())


class VideoEmbedBlock(EmbedBlock):
    """An embedded video or post. Saving never depends on the provider answering: with the lookup failing
    the address is kept, readers get a link card, and the lookup is tried again later."""

    def to_python(self, value):
        return LinkCardEmbedValue(value) if value else None

    def value_from_form(self, value):
        return LinkCardEmbedValue(value) if value else None

    def normalize(self, value):
        if isinstance(value, EmbedValue):
            return LinkCardEmbedValue(value.url) if value.url else None
        return LinkCardEmbedValue(value) if value else None

    def get_default(self):
        default = super().get_default()
        return LinkCardEmbedValue(default.url) if default else None

    def clean(self, value):
        value = blocks.URLBlock.clean(self, value)  # a well-formed address, without asking the provider
        if value and isinstance(value, EmbedValue):
            validate_web_url(value.url)
            if not embed_provider_accepts(value.url):
                raise ValidationError(
                    _(
                        "This address cannot be embedded. "
                        "Paste the address of a video or post (YouTube, Vimeo…)."
                    )
                )
        return value

    class Meta:
        icon = "media"
        label = _("Embed (video or post)")
        template = "blocks/embed.html"
        help_text = _("Paste the address of a video or social media post.")
        # Offline or with the provider down, the block shows a link card to the address.
        preview_value = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("Images"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "blocks/gallery.html"

    def get_preview_value(self):
        images = library_images(3)
        if not images:
            return None
        return self.to_python({"images": [{"image": image.pk, "caption": image.title} for image in images]})


class RelatedLinkValue(blocks.StructValue):
    def url(self) -> str:
        page = self.get("page")
        return page.url if page else (self.get("external_url") or "")

    def link_title(self) -> str:
        page = self.get("page")
        return (self.get("title") or "").strip() or (page.title if page else self.get("external_url"))


class RelatedLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    external_url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        label = _("Related link")
        template = "blocks/related_link.html"
        value_class = RelatedLinkValue
        preview_value = {"title": "Read also: the Zangezur corridor", "external_url": "https://example.org/"}

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("external_url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an address."))}
            )
        try:
            # The URL block alone takes ftp:// too. (Saved without the admin, an address with a
            # scheme other than http(s) is removed: sanitize.streams.)
            validate_web_url(value.get("external_url"))
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"external_url": error}) from None
        return value


# What the paragraph editor offers; rich text saved outside the admin is cleaned down to the same
# (sanitize.rich_text reads the block's ``features``).
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, *args, **kwargs):
        # RichTextBlock reads ``features`` from its arguments only, not from Meta. The default stays out
        # of the block's constructor arguments, so migrations do not record it.
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(*args, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph.html"
        preview_value = "<p>Baku hosted a round of talks on the regional transport corridor.</p>"


class TableBlock(WagtailTableBlock):
    """A data table (results, prices, timetables): plain-text cells, an optional header row, header
    column and caption. Cells are text, escaped on output; the reader's template lets a wide table
    scroll sideways on a phone instead of widening the page."""

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table.html"
        preview_value = {
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "table_header_choice": "both",
            "table_caption": "Oil output, thousand barrels a day",
            "data": [
                ["Field", "2024", "2025"],
                ["Azeri-Chirag-Guneshli", "336", "318"],
                ["Shah Deniz", "62", "64"],
            ],
        }


ARTICLE_BODY_BLOCKS = [
    ("paragraph", ParagraphBlock()),
    ("heading", HeadingBlock()),
    ("image", CaptionedImageBlock()),
    ("quote", QuoteBlock()),
    ("embed", VideoEmbedBlock()),
    ("gallery", GalleryBlock()),
    ("table", TableBlock()),
    ("related_link", RelatedLinkBlock()),
]

# About and generic content pages use the same building blocks.
CONTENT_BODY_BLOCKS = ARTICLE_BODY_BLOCKS
