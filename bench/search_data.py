"""Bench data for bench/search.py: 10,000 articles per language, inserted in bulk.

Azerbaijani and Russian text comes from tests/data (real Wikipedia sentences, see its NOTICE.md);
English text is made from the sentences below. Pages are written with bulk inserts (the tree paths
computed with treebeard's own helper) and the search documents built with ``search.indexing.rebuild``,
the same code that publishing runs.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from wagtail.models import Locale, Page

from news.models import ArticlePage
from tests.search_corpus import sentences

ENGLISH = [
    "The government announced new sanctions on energy exports.",
    "Negotiations between the two delegations continued in Baku on Tuesday.",
    "Farmers in the region expect a record harvest of cotton and grain.",
    "The railway to the western districts reopened after years of repair.",
    "Analysts say the pipeline will double gas deliveries to Europe.",
    "A new museum of carpets opened its doors to visitors in the old city.",
    "Teachers are asking for higher salaries and smaller classes.",
    "The central bank kept its interest rate unchanged for the third month.",
    "Volunteers cleaned the beaches of the Caspian Sea over the weekend.",
    "The ministry said the new airport terminal will open next spring.",
    "Journalists covered the summit of regional leaders in the capital.",
    "Scientists recorded the warmest summer since measurements began.",
    "The football club signed two young players from the academy.",
    "Historians discovered letters written by a nineteenth-century poet.",
    "Residents of the mountain villages received new medical clinics.",
    "The parliament debated amendments to the election law.",
    "Shipping companies reported more containers crossing the sea.",
    "Women entrepreneurs gathered for a conference on small businesses.",
    "The defense ministry held exercises near the northern border.",
    "Engineers are testing electric buses on the city's busiest routes.",
]


def text_pool(language: str) -> list[str]:
    return ENGLISH if language == "en" else sentences(language)


def article_text(pool: list[str], rng: random.Random) -> tuple[str, str, str]:
    title_words = rng.choice(pool).split()[:10]
    title = " ".join(title_words).rstrip(".,;:")
    intro = rng.choice(pool)
    body = " ".join(rng.choice(pool) for _ in range(5))
    return title, intro, body


def _child_columns():
    fields = ArticlePage._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(ArticlePage._meta.db_table)
    return fields, f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608


def build_articles(tree, image, per_language: int, languages=("en", "az", "ru"), seed=7) -> int:
    """``per_language`` articles in each language, each existing in that language only."""
    rng = random.Random(seed)
    sections = [tree.news, tree.economy, tree.energy, tree.opinion, tree.karabakh]
    for section in sections:
        section.refresh_from_db()
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    fields, insert_child = _child_columns()
    now = timezone.now()
    counters = {section.pk: section.numchild for section in sections}
    created = 0
    with transaction.atomic():
        for language in languages:
            # modeltranslation writes base-field values (title=, intro=) to the active language.
            translation.activate(language)
            pool = text_pool(language)
            pages, children = [], []
            for n in range(per_language):
                section = sections[n % len(sections)]
                counters[section.pk] += 1
                title, intro, body = article_text(pool, rng)
                slug = f"{slugify(title)[:60] or 'article'}-{language}-{n}"
                section_url = getattr(section, f"url_path_{language}")
                date = now - datetime.timedelta(minutes=n * 7 + rng.randint(0, 6))
                page = Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(section.path, section.depth + 1, counters[section.pk]),
                    depth=section.depth + 1,
                    numchild=0,
                    live=True,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    url_path=f"{section.url_path}{slug}/",
                    first_published_at=date,
                    last_published_at=date,
                    **{
                        f"title_{language}": title,
                        f"slug_{language}": slug,
                        f"url_path_{language}": f"{section_url}{slug}/",
                    },
                )
                pages.append(page)
                children.append(
                    ArticlePage(
                        date=date,
                        hero_image=image,
                        intro=intro,
                        hero_credit="Bench",
                        body=[("paragraph", f"<p>{body}</p>")],
                        **{
                            f"intro_{language}": intro,
                            f"body_{language}": [("paragraph", f"<p>{body}</p>")],
                            f"ready_{language}": True,
                        },
                    )
                )
            Page.objects.bulk_create(pages, batch_size=1000)
            with connection.cursor() as cursor:
                rows = []
                for page, child in zip(pages, children, strict=True):
                    child.page_ptr_id = page.pk
                    rows.append(
                        [field.get_db_prep_save(field.pre_save(child, True), connection) for field in fields]
                    )
                cursor.executemany(insert_child, rows)
            created += len(pages)
        translation.activate("en")
        for section in sections:
            Page.objects.filter(pk=section.pk).update(numchild=counters[section.pk])
    return created
