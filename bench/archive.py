#!/usr/bin/env python
"""A large archive for benchmarks, fast: articles added beside the demo content with bulk inserts.

    DJANGO_SETTINGS_MODULE=... .venv/bin/python bench/archive.py --total 30000     # about a minute on SQLite

or from Python (after ``django.setup()``): ``archive.build(total=30_000)``.

Every article is filed under one of the demo's sections (sub-sections included), has one or two of the
demo's authors, up to three tags, a demo image as its hero (whose renditions the demo already made) and
a two-paragraph body. Nine in ten exist in one language (English, Azerbaijani and Russian in turn); the
others in two or three, so each language has about ``total / 3 * 1.1`` articles. Dates go back one
article every 25 minutes, interleaved with the demo's own.

Pages are written the way treebeard would (``Page._get_path`` for each new child, ``numchild`` of each
section updated once at the end), the article rows, bylines and tags with bulk inserts, in batches of
2,000 inside one transaction. ``ArticlePage.top_section`` is filled like ``save()`` fills it. Search
documents are not built here: run ``manage.py rebuild_search_documents`` afterwards when search is measured.
"""

import argparse
import datetime
import os
import random
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "az", "ru")
BATCH = 2000
ENGLISH = (
    "The government announced new measures on energy exports and transit fees.",
    "Negotiations between the two delegations continued in Baku on Tuesday.",
    "Farmers in the region expect a record harvest of cotton and grain.",
    "The railway to the western districts reopened after years of repair.",
    "Analysts say the pipeline will double gas deliveries to Europe.",
    "A new museum of carpets opened its doors to visitors in the old city.",
    "Teachers are asking for higher salaries and smaller classes.",
    "The central bank kept its interest rate unchanged for the third month.",
    "Volunteers cleaned the beaches of the Caspian Sea over the weekend.",
    "The ministry said the new airport terminal will open next spring.",
    "Scientists recorded the warmest summer since measurements began.",
    "Residents of the mountain villages received new medical clinics.",
)


def _pool(language: str) -> tuple[str, ...]:
    if language == "en":
        return ENGLISH
    from demo.text import sentences

    return sentences(language)


def _languages_of(number: int, rng: random.Random) -> tuple[str, ...]:
    """Nine in ten articles in one language (in turn), the rest in two or all three."""
    if number % 10:
        return (LANGUAGES[number % 3],)
    if number % 20:
        return tuple(rng.sample(LANGUAGES, 2))
    return LANGUAGES


def build(total: int = 30_000, seed: int = 11, stdout=sys.stdout) -> int:
    """Add ``total`` live articles to the demo site; returns how many were added."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone, translation
    from django.utils.text import slugify
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page

    from news.models import ArticleAuthor, ArticlePage, Author, CategoryIndexPage, Tag
    from pagecache import purge

    started = time.monotonic()
    rng = random.Random(seed)
    sections = list(CategoryIndexPage.objects.live().order_by("path"))
    if not sections:
        raise SystemExit("No sections: load the demo content first (manage.py load_demo_content).")
    paths = {section.path: section.pk for section in sections}
    top_of = {
        section.pk: next(
            (
                paths[section.path[:end]]
                for end in range(4, len(section.path) + 1, 4)
                if section.path[:end] in paths
            ),
            section.pk,
        )
        for section in sections
    }
    images = list(get_image_model().objects.order_by("pk").values_list("pk", flat=True)[:60]) or [None]
    authors = list(Author.objects.values_list("pk", flat=True))
    tags = list(Tag.objects.values_list("pk", flat=True))
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    numchild = {section.pk: section.numchild for section in sections}
    # The highest child number used under each section (deleted children leave gaps): new paths go after it.
    last_child = {}
    for section in sections:
        last = (
            Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
            .order_by("-path")
            .first()
        )
        last_child[section.pk] = int(last.path[-4:], 36) if last else 0
    child_fields = [f for f in ArticlePage._meta.local_concrete_fields]
    table = connection.ops.quote_name(ArticlePage._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in child_fields)
    insert = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(child_fields))})"  # noqa: S608
    tag_model = ArticlePage.tags.through
    now = timezone.now()
    pools = {code: _pool(code) for code in LANGUAGES}
    created = 0
    with transaction.atomic(), translation.override("en"):
        for start in range(0, total, BATCH):
            pages, children, bylines, tagged = [], [], [], []
            for number in range(start, min(total, start + BATCH)):
                section = sections[number % len(sections)]
                last_child[section.pk] += 1
                numchild[section.pk] += 1
                codes = _languages_of(number, rng)
                titles, slugs, intros, bodies = {}, {}, {}, {}
                for code in codes:
                    pool = pools[code]
                    title = " ".join(rng.choice(pool).split()[:9]).rstrip(".,;:")
                    titles[code] = title
                    slugs[code] = f"{slugify(title)[:50] or 'article'}-{number}-{code}"
                    intros[code] = rng.choice(pool)
                    bodies[code] = [
                        ("paragraph", "<p>" + " ".join(rng.choice(pool) for _ in range(4)) + "</p>"),
                        ("paragraph", "<p>" + " ".join(rng.choice(pool) for _ in range(4)) + "</p>"),
                    ]
                base = codes[0]
                date = now - datetime.timedelta(minutes=25 * number + rng.randint(0, 20))
                translated = {}
                for code in LANGUAGES:
                    section_url = getattr(section, f"url_path_{code}") or section.url_path
                    translated[f"title_{code}"] = titles.get(code, "")
                    translated[f"slug_{code}"] = slugs.get(code) or slugs[base]
                    translated[f"url_path_{code}"] = f"{section_url}{slugs.get(code) or slugs[base]}/"
                pages.append(
                    Page(
                        title=titles[base],
                        draft_title=titles[base],
                        slug=slugs[base],
                        content_type=content_type,
                        path=Page._get_path(section.path, section.depth + 1, last_child[section.pk]),
                        depth=section.depth + 1,
                        numchild=0,
                        live=True,
                        has_unpublished_changes=False,
                        locale=locale,
                        translation_key=uuid.uuid4(),
                        url_path=f"{section.url_path}{slugs[base]}/",
                        first_published_at=date,
                        last_published_at=date,
                        **translated,
                    )
                )
                article = ArticlePage(
                    date=date,
                    hero_image_id=images[number % len(images)],
                    hero_credit="Archive",
                    top_section_id=top_of[section.pk],
                    intro=intros[base],
                    body=bodies[base],
                )
                for code in LANGUAGES:
                    setattr(article, f"intro_{code}", intros.get(code, ""))
                    setattr(article, f"body_{code}", bodies.get(code, []))
                    setattr(article, f"ready_{code}", True)
                children.append(article)
                if authors:
                    bylines.append(
                        [authors[number % len(authors)]]
                        + ([authors[(number + 3) % len(authors)]] * (number % 4 == 0))
                    )
                else:
                    bylines.append([])
                tagged.append(rng.sample(tags, min(len(tags), number % 4)) if tags else [])
            Page.objects.bulk_create(pages, batch_size=500)
            rows = []
            for page, child in zip(pages, children, strict=True):
                child.page_ptr_id = page.pk
                child.id = page.pk
                rows.append([f.get_db_prep_save(f.pre_save(child, True), connection) for f in child_fields])
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
            ArticleAuthor.objects.bulk_create(
                [
                    ArticleAuthor(page_id=page.pk, author_id=author, sort_order=order)
                    for page, people in zip(pages, bylines, strict=True)
                    for order, author in enumerate(dict.fromkeys(people))
                ],
                batch_size=1000,
            )
            tag_model.objects.bulk_create(
                [
                    tag_model(articlepage_id=page.pk, tag_id=tag)
                    for page, chosen in zip(pages, tagged, strict=True)
                    for tag in chosen
                ],
                batch_size=1000,
            )
            created += len(pages)
            if stdout:
                stdout.write(f"\r{created:,} / {total:,} articles ({time.monotonic() - started:.0f} s)")
                stdout.flush()
        for section in sections:
            Page.objects.filter(pk=section.pk).update(numchild=numchild[section.pk])
    # Written in bulk, past the signals: retire the cached pages and lists as a publish does.
    purge.content_changed(everything=True)
    if stdout:
        stdout.write(f"\nAdded {created:,} articles in {time.monotonic() - started:.1f} s.\n")
    return created


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--total", type=int, default=30_000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    import django

    django.setup()
    build(args.total, args.seed)
    from django.core.cache import cache

    cache.clear()  # the navigation tree and page caches of this process's cache backend


if __name__ == "__main__":
    main()
