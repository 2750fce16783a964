"""Bench data for bench/search.py: 10,000 articles per language, inserted in bulk, and the held-out
recall set.

Azerbaijani and Russian text comes from tests/data (real Wikipedia sentences, see its NOTICE.md);
English text is made from the sentences below. Pages are written with bulk inserts (the tree paths
computed with treebeard's own helper) and the search documents built with ``search.indexing.rebuild``,
the same code that publishing runs.

Recall (``recall_set``) is measured on text that was not looked at while the analysis rules were
written (tests/data/search/NOTICE.md): the second half of the Azerbaijani sentences, the second half
of the Russian ones and the GNU GPL 3 for English. Articles are made of consecutive sentences; for
each, a query is built mechanically, the way readers type: a word that is rare in the set (in at most
three articles), in another form than the article has, sometimes with a second word of the article:

- Russian: another form of the same word from pymorphy3's paradigm (``начал`` → ``начнем``);
- Azerbaijani: a shorter or longer word of the held-out text that the article's word begins or is
  begun by (``Bakıda`` → ``Bakı``, ``Türkiyə`` → ``Türkiyəyə``), typed with the Azerbaijani letters,
  without them or in lower case;
- English: a word of the held-out text that the article's word begins or is begun by, up to three
  letters apart (``licenses`` → ``license``).

When the text has no such other form the word is typed as it is.
"""

import datetime
import random
import re
import uuid
from collections import Counter
from pathlib import Path

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


DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
# Lines of tests/data/<language>-sentences.txt held out (0-based, from this line on).
HELD_OUT_FROM = {"az": 750, "ru": 300}
ASCII_AZ = str.maketrans("əğışçöüƏĞIŞÇÖÜİ", "egiscouEGISCOUI")
RECALL_ARTICLES = 200
SENTENCE_END = re.compile(r'(?<=[.;:])\s+(?=[A-Z"])')
LETTERS = re.compile(r"[^\W\d_]+")


def held_out_sentences(language: str, split: str = "held-out") -> list[str]:
    """The held-out sentences, or with ``split="dev"`` the ones rules may be tried on (az, ru)."""
    if language == "en":
        text = " ".join((DATA / "search" / "en-gpl-3.txt").read_text(encoding="utf-8").split())
        return [sentence for sentence in SENTENCE_END.split(text) if len(sentence.split()) >= 6]
    pool = sentences(language)
    return pool[: HELD_OUT_FROM[language]] if split == "dev" else pool[HELD_OUT_FROM[language] :]


def recall_articles(language: str, split: str = "held-out") -> list[tuple[str, str]]:
    """(title, body) of up to 200 articles of consecutive held-out sentences."""
    pool = held_out_sentences(language, split)
    per_article = max(1, min(3, len(pool) // 150))
    articles = []
    for start in range(0, len(pool) - per_article + 1, per_article):
        body = " ".join(pool[start : start + per_article])
        title = " ".join(pool[start].split()[:10]).rstrip(".,;:")
        articles.append((title, body))
    return articles[:RECALL_ARTICLES]


def _other_form(word: str, language: str, vocabulary: set[str], rng: random.Random) -> str:
    lower = word.lower()
    if language == "ru":
        import pymorphy3  # noqa: PLC0415 - only the recall set needs it

        parse = _morph(pymorphy3).parse(lower)[0]
        forms = sorted({form.word for form in parse.lexeme} - {lower, lower.replace("ё", "е")})
        return rng.choice(forms) if forms else word
    longest = 6 if language == "az" else 3
    options = sorted(
        other
        for other in vocabulary
        if other != lower
        and min(len(other), len(lower)) >= 4
        and abs(len(other) - len(lower)) <= longest
        and (other.startswith(lower) or lower.startswith(other))
    )
    return rng.choice(options) if options else word


_MORPH = []


def _morph(pymorphy3):
    if not _MORPH:
        _MORPH.append(pymorphy3.MorphAnalyzer(lang="ru"))
    return _MORPH[0]


def _typed(query: str, language: str, rng: random.Random) -> str:
    if language != "az":
        return query
    return rng.choice([query, query.translate(ASCII_AZ), query.lower()])


def recall_set(language: str, seed: int = 14, split: str = "held-out"):
    """The held-out articles ``[(title, body)]`` and the queries ``[(query, index of the article it
    must find, typed in another form?)]``."""
    rng = random.Random(seed)
    articles = recall_articles(language, split)
    article_words = [[word for word in LETTERS.findall(f"{title} {body}")] for title, body in articles]
    vocabulary = {word.lower() for found in article_words for word in found}
    frequency = Counter(word for found in article_words for word in {w.lower() for w in found})
    queries = []
    for index, found in enumerate(article_words):
        rare = sorted({word for word in found if len(word) >= 5 and frequency[word.lower()] <= 3})
        if not rare:
            continue
        word = rng.choice(rare)
        query = _other_form(word, language, vocabulary, rng)
        changed = query.lower() != word.lower()
        others = sorted({w for w in found if len(w) >= 4 and w.lower() != word.lower()})
        if others and rng.random() < 0.5:
            query = f"{query} {rng.choice(others).lower()}"
        queries.append((_typed(query, language, rng), index, changed))
    return articles, queries


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
    specs = []
    for language in languages:
        pool = text_pool(language)
        specs += [(language, *article_text(pool, rng)) for _ in range(per_language)]
    return len(build_pages(tree, image, specs, rng))


def build_pages(tree, image, specs, rng=None) -> list[int]:
    """Live articles from ``specs`` (``(language, title, intro, body)``), each existing in its
    language only, inserted in bulk; returns their page ids in the order of ``specs``. Newer
    articles come first in each language (dates step back seven minutes an article)."""
    rng = rng or random.Random(7)
    sections = [tree.news, tree.economy, tree.energy, tree.opinion, tree.karabakh]
    for section in sections:
        section.refresh_from_db()
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    fields, insert_child = _child_columns()
    now = timezone.now()
    counters = {section.pk: section.numchild for section in sections}
    created = {}
    seen = Counter()
    with transaction.atomic():
        for language in dict.fromkeys(spec[0] for spec in specs):
            # modeltranslation writes base-field values (title=, intro=) to the active language.
            translation.activate(language)
            pages, children = [], []
            for _language, title, intro, body in (spec for spec in specs if spec[0] == language):
                n = seen[language]
                seen[language] += 1
                section = sections[n % len(sections)]
                counters[section.pk] += 1
                slug = f"{slugify(title)[:60] or 'article'}-{language}-{n}-{uuid.uuid4().hex[:6]}"
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
            created[language] = [page.pk for page in pages]
        translation.activate("en")
        for section in sections:
            Page.objects.filter(pk=section.pk).update(numchild=counters[section.pk])
    ids = {language: iter(pks) for language, pks in created.items()}
    return [next(ids[spec[0]]) for spec in specs]
