"""One demo article: its fields in each language and a StreamField body using every block type."""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.utils.text import slugify

from news.models import ArticleAuthor, ArticlePage
from translations.slugs import slug_from

from . import images, text
from .catalogue import SECTIONS_BY_KEY, SOURCES
from .pages import LANGUAGES, block_id, translated, upsert

# Body lengths in words, cycled: reading times from 1 to 7 minutes.
BODY_WORDS = [110, 320, 600, 1200, 250, 900, 140, 450, 1100, 300]
MISSING_RU = {5, 17, 29, 41, 53}  # positions of articles without a Russian version
MISSING_AZ = {11, 35, 47}  # ... and without an Azerbaijani version
TABLE_SECTIONS = ("economy", "energy")
EMBEDS = {7: "https://www.youtube.com/watch?v=jNQXAC9IVRw", 22: "https://vimeo.com/76979871"}
POOL_SIZE = 3  # illustrations per section reused by image and gallery blocks


@dataclass
class Spec:
    position: int
    section: str
    titles: dict
    intro_en: str
    tags: list
    slug: str
    suffix: str = ""  # "-2", "-3"... when more articles are asked for than the catalogue holds

    @property
    def languages(self) -> tuple:
        missing = {"ru"} if self.position in MISSING_RU else {"az"} if self.position in MISSING_AZ else set()
        return tuple(code for code in LANGUAGES if code not in missing)


def specs(catalogue, count: int) -> list[Spec]:
    """``count`` articles taken round-robin over the sections, so even a few cover many sections."""
    by_section: dict[str, list] = {}
    for entry in catalogue:
        by_section.setdefault(entry[0], []).append(entry)
    ordered = []
    while any(by_section.values()):
        for entries in by_section.values():
            if entries:
                ordered.append(entries.pop(0))
    result = []
    for position in range(count):
        section, en, intro, az, ru, tags = ordered[position % len(ordered)]
        round_ = position // len(ordered)
        suffix = f"-{round_ + 1}" if round_ else ""
        titles = {"en": en, "az": az, "ru": ru}
        result.append(Spec(position, section, titles, intro, tags, slugify(en) + suffix, suffix))
    return result


def article_date(spec: Spec, now, rng):
    if spec.position % 15 == 0:  # a few fresh ones, within the last 48 hours
        return now - timedelta(hours=rng.randint(1, 46), minutes=rng.randint(0, 59))
    return now - timedelta(days=rng.randint(2, 89), hours=rng.randint(0, 23), minutes=rng.randint(0, 59))


def section_pool(section_key: str) -> list:
    section = SECTIONS_BY_KEY[section_key]
    return [
        images.get_or_create(
            f"{section_key} {number}",
            section.titles["en"].upper(),
            section.colour,
            size=(1200, 800),
            seed=number * 97 + len(section_key),
            sublabel=f"Aze.Media · {number}",
        )
        for number in range(1, POOL_SIZE + 1)
    ]


def _image_value(image, section_title: str, language: str, label: str) -> dict:
    return {
        "image": image.pk,
        "caption": text.LABELS["caption"][language].format(section=section_title),
        "credit": images.CREDIT,
        "alt": text.LABELS["alt"][language].format(section=section_title, label=label),
    }


def table_value(language: str) -> dict:
    caption, header, rows = text.OUTPUT_TABLE[language]
    return {
        "data": [header, *rows],
        "first_row_is_table_header": True,
        "first_col_is_header": True,
        "table_header_choice": "both",
        "table_caption": caption,
    }


def body(spec: Spec, language: str, pool: list, related, authors) -> list[dict]:
    """The body in ``language``: paragraphs and headings, then image, quote, gallery, embed, table, related
    link."""
    rng = random.Random(f"{spec.slug}:{language}")
    section = SECTIONS_BY_KEY[spec.section]
    section_title = section.titles[language]
    words = BODY_WORDS[spec.position % len(BODY_WORDS)]
    paragraphs = text.paragraphs(rng, language, spec.section, words)
    headings = rng.sample(text.HEADINGS[language], k=min(3, len(text.HEADINGS[language])))
    blocks = []

    def add(kind, value):
        blocks.append({"type": kind, "value": value, "id": block_id(rng)})

    extras = ["quote"]
    if words >= 300:
        extras.insert(0, "image")
    if spec.position % 3 == 0 or words >= 900:
        extras.append("gallery")
    if spec.position in EMBEDS:
        extras.append("embed")
    if spec.section in TABLE_SECTIONS and spec.position % 2 == 0:
        extras.append("table")
    step = max(1, len(paragraphs) // (len(extras) + 1))
    for index, paragraph in enumerate(paragraphs):
        if index and index % step == 0 and headings and index // step % 2 == 0:
            add("heading", {"text": headings.pop(), "level": "h2"})
        add("paragraph", f"<p>{paragraph}</p>")
        if index % step == step - 1 and extras:
            kind = extras.pop(0)
            if kind == "image":
                add("image", _image_value(pool[0], section_title, language, section.titles["en"].upper()))
            elif kind == "quote":
                quote = rng.choice(text.QUOTES_EN) if language == "en" else text.one_sentence(rng, language)
                add("quote", {"text": quote, "attribution": getattr(authors[0], f"name_{language}")})
            elif kind == "gallery":
                items = [
                    _image_value(image, section_title, language, section.titles["en"].upper())
                    for image in pool[: 2 + spec.position % 2]
                ]
                add("gallery", {"title": text.LABELS["gallery"][language], "images": items})
            elif kind == "embed":
                add("embed", EMBEDS[spec.position])
            elif kind == "table":
                add("table", table_value(language))
    if not any(block["type"] == "heading" for block in blocks):
        blocks.insert(
            1, {"type": "heading", "value": {"text": headings[0], "level": "h2"}, "id": block_id(rng)}
        )
    if related is not None:
        title = getattr(related, f"title_{language}") or related.title_en
        add(
            "related_link",
            {
                "title": text.LABELS["read_also"][language].format(title=title),
                "page": related.pk,
                "external_url": "",
            },
        )
    return blocks


def build_article(spec: Spec, sections: dict, authors: list, tags: dict, related, now) -> ArticlePage:
    rng = random.Random(spec.slug)
    section = SECTIONS_BY_KEY[spec.section]
    languages = spec.languages
    chosen_authors = rng.sample(authors, k=1 + (spec.position % 3 == 1))
    chosen_tags = [tags[slug] for slug in spec.tags] or [rng.choice(list(tags.values()))]
    if len(chosen_tags) < 3 and spec.position % 4 == 0:
        extra = rng.choice(list(tags.values()))
        chosen_tags += [extra] if extra not in chosen_tags else []
    pool = section_pool(spec.section)
    hero = images.get_or_create(
        f"article {spec.slug}",
        section.titles["en"].upper(),
        section.colour,
        seed=spec.position,
        sublabel=spec.titles["en"][:60],
        focal=spec.position % 2 == 0,
    )
    label = section.titles["en"].upper()
    intros = {"en": spec.intro_en}
    for code in ("az", "ru"):
        intros[code] = text.one_sentence(random.Random(f"{spec.slug}:intro:{code}"), code)
    slugs = {code: slug_from(spec.titles[code]) + spec.suffix for code in ("az", "ru")}
    slugs["en"] = spec.slug
    present = {code: code in languages for code in LANGUAGES}

    def only_present(values: dict) -> dict:
        return {code: value for code, value in values.items() if present[code]}

    source = SOURCES[spec.position // 6 % len(SOURCES)] if spec.position % 6 == 3 else ("", "")
    fields = {
        **translated("title", only_present(spec.titles)),
        **translated("slug", only_present(slugs)),
        **translated("intro", only_present(intros)),
        **translated(
            "hero_caption",
            only_present(
                {
                    code: text.LABELS["caption"][code].format(section=section.titles[code])
                    for code in LANGUAGES
                }
            ),
        ),
        **translated(
            "hero_alt",
            only_present(
                {
                    code: text.LABELS["alt"][code].format(section=section.titles[code], label=label)
                    for code in LANGUAGES
                }
            ),
        ),
        **translated("source_name", only_present(dict.fromkeys(LANGUAGES, source[0]))),
        **{
            f"body_{code}": body(spec, code, pool, related, chosen_authors) if present[code] else []
            for code in LANGUAGES
        },
        **{f"ready_{code}": present[code] for code in LANGUAGES},
        "date": article_date(spec, now, rng),
        "hero_image": hero,
        "hero_credit": images.CREDIT,
        "source_url": source[1],
    }

    def prepare(page):
        page.article_authors = [
            ArticleAuthor(author=author, sort_order=i) for i, author in enumerate(chosen_authors)
        ]
        page.tags = chosen_tags

    return upsert(sections[spec.section], ArticlePage, spec.slug, fields, prepare=prepare)
