"""Build the demo site: home, sections, about pages, authors, tags, articles and site settings.

``build()`` is idempotent: everything is looked up by a stable key (English slug, author's English
name, tag slug, image title) and updated in place, so running it again changes nothing in the counts.
Tests can call it directly: ``build(articles=5)``.
"""

import random
import time

from django.db import transaction
from django.utils import timezone, translation
from wagtail.images import get_image_model
from wagtail.models import Site

from home.models import SiteSettings
from navigation import tree
from news.models import ArticlePage, Author, CategoryIndexPage, Tag

from . import images, text
from .about_pages import build_about_pages
from .articles import MISSING_AZ, MISSING_RU, build_article, specs
from .catalogue import AUTHORS, SECTIONS, SITE_SETTINGS, TAGS, author_bio
from .indexing import deferred_indexing
from .pages import LANGUAGES, ensure_home, translated, upsert

DEFAULT_ARTICLES = 60


def build_sections(home) -> dict:
    pages = {}
    for section in SECTIONS:
        parent = pages[section.parent] if section.parent else home
        fields = {
            **translated("title", section.titles),
            **translated("slug", section.slugs),
            **translated("intro", section.intros),
            "show_in_menus": True,
        }
        pages[section.key] = upsert(parent, CategoryIndexPage, section.slugs["en"], fields)
    return pages


def build_authors() -> list:
    authors = []
    for position, (key, names, roles) in enumerate(AUTHORS):
        names, roles = dict(zip(LANGUAGES, names, strict=True)), dict(zip(LANGUAGES, roles, strict=True))
        initials = "".join(part[0] for part in names["en"].split())
        colours = ((30 + position * 20, 40, 90 - position * 5), (200, 120 + position * 10, 80))
        photo = images.get_or_create(f"author {key}", initials, colours, size=(600, 600), seed=position)
        author = Author.objects.filter(name_en=names["en"]).first() or Author()
        for name, value in {**translated("name", names), **translated("bio", author_bio(roles))}.items():
            setattr(author, name, value)
        author.name, author.photo = names["en"], photo
        author.save()
        authors.append(author)
    return authors


def build_tags() -> dict:
    tags = {}
    for slug, *names in TAGS:
        tag = Tag.objects.filter(slug=slug).first() or Tag(slug=slug)
        for name, value in translated("name", dict(zip(LANGUAGES, names, strict=True))).items():
            setattr(tag, name, value)
        tag.name = names[0]
        tag.save()
        tags[slug] = tag
    return tags


def build_site_settings(site):
    settings = SiteSettings.for_site(site)
    for name in ("footer_about", "copyright_line"):
        for field, value in translated(name, SITE_SETTINGS[name]).items():
            setattr(settings, field, value)
    for name in ("contact_email", "facebook_url", "x_url", "telegram_url", "youtube_url", "instagram_url"):
        setattr(settings, name, SITE_SETTINGS[name])
    settings.save()
    return settings


def build_articles(sections, authors, tags, count: int) -> list:
    now = timezone.now()
    built = []
    for spec in specs(text.headlines(), count):
        # "Read also" links to an earlier article that exists in every language.
        candidates = [page for page, earlier in built if earlier.position not in MISSING_RU | MISSING_AZ]
        related = random.Random(spec.slug).choice(candidates) if candidates else None
        page = build_article(spec, sections, authors, tags, related, now)
        built.append((page, spec))
    return [page for page, _spec in built]


def build(stdout=None, articles: int = DEFAULT_ARTICLES) -> dict:
    """Create or update the whole demo site; returns the counts it printed."""
    started = time.monotonic()
    with translation.override("en"), transaction.atomic(), deferred_indexing():
        home = ensure_home()
        sections = build_sections(home)
        build_about_pages(home)
        authors = build_authors()
        tags = build_tags()
        build_articles(sections, authors, tags, articles)
        build_site_settings(Site.objects.get(is_default_site=True))
    tree.invalidate()
    summary = {
        "sections": CategoryIndexPage.objects.count(),
        "articles": ArticlePage.objects.count(),
        "authors": Author.objects.count(),
        "tags": Tag.objects.count(),
        "images": get_image_model().objects.count(),
        "seconds": round(time.monotonic() - started, 1),
    }
    if stdout is not None:
        stdout.write(
            "Demo content ready: {sections} sections, {articles} articles, {authors} authors, "
            "{tags} tags, {images} images ({seconds} s).".format(**summary)
        )
    return summary
