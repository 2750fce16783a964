"""Demo pictures drawn with Pillow (nothing is downloaded), stored through Wagtail's image model.

Each picture has a stable title; asking again for the same title returns the stored image, so
re-running the demo loader neither duplicates images nor spends time drawing them again.
"""

import random
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont, ImageOps
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

TITLE_PREFIX = "Demo: "
CREDIT = "Aze.Media graphics"


def _font(size: int):
    return ImageFont.load_default(size=size)


def draw(label: str, colours, size=(1600, 900), seed: int = 0, sublabel: str = "") -> bytes:
    """A JPEG: a diagonal gradient between two colours, a few translucent shapes and a label."""
    rng = random.Random(seed)
    width, height = size
    angle = rng.choice([30, 45, 60, 120, 135])
    # Rotate a larger gradient and keep its middle: no empty corners, no jagged edges.
    gradient = Image.linear_gradient("L").resize((512, 512)).rotate(angle, resample=Image.Resampling.BICUBIC)
    gradient = gradient.crop((128, 128, 384, 384)).resize(size, Image.Resampling.BICUBIC)
    picture = ImageOps.colorize(gradient, colours[0], colours[1]).convert("RGBA")

    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    shapes = ImageDraw.Draw(overlay)
    for _ in range(rng.randint(4, 8)):
        radius = rng.randint(height // 10, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        fill = (255, 255, 255, rng.randint(18, 60))
        if rng.random() < 0.5:
            shapes.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill)
        else:
            shapes.rectangle((x - radius, y - radius // 2, x + radius, y + radius // 2), fill=fill)
    picture = Image.alpha_composite(picture, overlay).convert("RGB")

    text = ImageDraw.Draw(picture)
    if width == height:  # a portrait placeholder: big initials in the middle, legible at 96x96
        text.text(
            (width // 2, height // 2),
            label,
            font=_font(height // 3),
            fill="white",
            anchor="mm",
            stroke_width=max(1, height // 150),
            stroke_fill=(0, 0, 0),
        )
    else:
        margin = width // 20
        text.text(
            (margin, height - margin - height // 9 - height // 16),
            label,
            font=_font(max(24, height // 9)),
            fill="white",
            stroke_width=2,
            stroke_fill=(0, 0, 0),
        )
    if sublabel:
        text.text(
            (width // 20, height - width // 20 - height // 20),
            sublabel,
            font=_font(max(14, height // 22)),
            fill=(255, 255, 255),
        )
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def get_or_create(
    key: str, label: str, colours, size=(1600, 900), seed: int = 0, sublabel: str = "", focal: bool = False
):
    """The stored image titled ``Demo: <key>``, drawn and saved the first time."""
    Image_ = get_image_model()
    title = f"{TITLE_PREFIX}{key}"
    existing = Image_.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw(label, colours, size=size, seed=seed, sublabel=sublabel)
    slug = "".join(c if c.isalnum() else "-" for c in key.lower()).strip("-")
    image = Image_(title=title, file=ImageFile(BytesIO(data), name=f"demo-{slug}.jpg"))
    image.file_size = len(data)
    image.file_hash = hash_filelike(BytesIO(data))
    if focal:
        width, height = size
        image.focal_point_x, image.focal_point_y = width // 3, height // 2
        image.focal_point_width, image.focal_point_height = width // 3, height // 2
    image.save()
    return image
