"""Factories for the test suite: images, authors, tags, the page tree and published articles.

Pages are built through the real page model API (``add_child``, ``save_revision().publish()``) so that
django-modeltranslation fills ``url_path_en/az/ru`` exactly as the admin would. Every translated field is
passed per language (``title_en``, ``title_az``, ...); a language left out stays empty, which is how an
article "missing a translation" looks in the database.
"""

import datetime
import itertools
from contextlib import contextmanager
from types import SimpleNamespace

import factory
import wagtail_factories
from django.conf import settings
from django.db.models.signals import post_save
from django.utils import timezone, translation
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from modelsearch import index as wagtail_search_index
from modelsearch.signal_handlers import post_save_signal_handler as wagtail_search_on_save
from wagtail.models import Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from about.models import AboutPage, ContentPage
from home.models import HomePage
from news.models import ArticlePage, Author, CategoryIndexPage, Tag
from news.models.pages import ArticleAuthor
from tests.languages import LANGUAGES

_counter = itertools.count(1)

# One word per language, repeated to give the body a known length (reading time = words / 200).
FILLER_WORD = {"en": "word", "az": "söz", "ru": "слово"}
# The site's languages the factories write content in: those their data (the titles and slugs below, the
# filler words) is written for. In the main run that is every one of ``LANGUAGES``; in the fourth-language
# check (tests/fourth_language) Turkish is a site language too, but pages start without it, as pages made
# before a language is added would.
CONTENT_LANGUAGES = tuple(code for code in LANGUAGES if code in FILLER_WORD)


class ImageFactory(wagtail_factories.ImageFactory):
    """A small real image file (Pillow), so renditions can be generated."""

    title = factory.Sequence(lambda n: f"Photo {n}")
    file = factory.django.ImageField(width=64, height=48, color="teal")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name_en = factory.Sequence(lambda n: f"Author {n}")
    name_az = factory.LazyAttribute(lambda o: f"{o.name_en} (az)")
    name_ru = factory.LazyAttribute(lambda o: f"{o.name_en} (ru)")
    bio_en = "Writes about the region."


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name_az = factory.LazyAttribute(lambda o: f"Mövzu {o.name_en.split()[-1]}")
    name_ru = factory.LazyAttribute(lambda o: f"Тема {o.name_en.split()[-1]}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name_en))


_wagtail_indexes_off: list[bool] = []


@contextmanager
def without_wagtail_indexes():
    """Build fixtures without Wagtail's own indexes: its search index (the admin's search box, and
    readers' search only when NEWSROOM_SEARCH_ENGINE is "wagtail") and its reference index (the admin's
    "usage" counts). Writing both is about a fifth of a test's time. Everything readers see by default
    is still written: the site's own search documents (search app), translation tracking, navigation,
    purges. The search corpus (tests.search_corpus) adds its pages to Wagtail's index itself. Used as a
    decorator on the builders below; saves made by the code under test index as usual."""
    if _wagtail_indexes_off:  # nested builders: the outermost one switches them back on
        yield
        return
    models = [
        model
        for model in wagtail_search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    for model in models:
        post_save.disconnect(wagtail_search_on_save, sender=model)
    _wagtail_indexes_off.append(True)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _wagtail_indexes_off.pop()
        for model in models:
            post_save.connect(wagtail_search_on_save, sender=model)


def translated(field: str, values: dict) -> dict:
    """``translated("title", {"en": "A", "ru": "Б"}) == {"title_en": "A", "title_ru": "Б"}``."""
    return {f"{field}_{code}": value for code, value in values.items() if value is not None}


def publish(page):
    with translation.override("en"):
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_page(parent, model, *, titles: dict, slugs: dict, publish_it=False, **fields):
    """Create ``model`` under ``parent`` with a title and slug per language: live (``add_child``), and
    with a published revision when ``publish_it``."""
    with translation.override("en"):
        page = model(**translated("title", titles), **translated("slug", slugs), **fields)
        parent.add_child(instance=page)
    if publish_it:
        publish(page)
    return page


SECTIONS = {
    # attribute: (titles en/az/ru, slugs en/az/ru)
    "news": (("News", "Xəbərlər", "Новости"), ("news", "xeberler", "novosti")),
    "opinion": (("Opinion", "Fikir", "Мнение"), ("opinion", "fikir", "mnenie")),
    "karabakh": (("Karabakh", "Qarabağ", "Карабах"), ("karabakh", "qarabag", "karabakh")),
}
SUBSECTIONS = {
    "economy": (("Economy", "İqtisadiyyat", "Экономика"), ("economy", "iqtisadiyyat", "ekonomika")),
    "energy": (("Energy", "Enerji", "Энергетика"), ("energy", "enerji", "energetika")),
}


def _by_language(values) -> dict:
    return dict(zip(CONTENT_LANGUAGES, values, strict=True))


@without_wagtail_indexes()
def build_site_tree() -> SimpleNamespace:
    """Root > HomePage (default site root) > News (Economy, Energy), Opinion, Karabakh, About, Donate."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    if root is None:  # a transactional test without serialized_rollback flushed Wagtail's initial data
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    # Wagtail's migrations leave a "Welcome" page as the site root: replace it by our HomePage.
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    # The test database skips `update_translation_fields`: give the root its per-language columns.
    Page.objects.filter(pk=root.pk).update(
        **translated("url_path", dict.fromkeys(CONTENT_LANGUAGES, "/")),
        **translated("title", dict.fromkeys(CONTENT_LANGUAGES, "Root")),
        **translated("slug", dict.fromkeys(CONTENT_LANGUAGES, "root")),
    )
    root.refresh_from_db()
    home = add_page(
        root,
        HomePage,
        titles=_by_language(("Aze.Media", "Aze.Media", "Aze.Media")),
        slugs=_by_language(("home", "home", "home")),
        tagline_en="News and analysis from Azerbaijan",
        tagline_az="Azərbaycandan xəbərlər və təhlillər",
        tagline_ru="Новости и аналитика из Азербайджана",
    )
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Aze.Media"
    )
    tree = SimpleNamespace(root=root, home=home, site=site)
    for name, (titles, slugs) in SECTIONS.items():
        setattr(
            tree,
            name,
            add_page(
                home,
                CategoryIndexPage,
                titles=_by_language(titles),
                slugs=_by_language(slugs),
                show_in_menus=True,
                intro_en=f"{titles[0]} from the region",
            ),
        )
    tree.news.refresh_from_db()
    for name, (titles, slugs) in SUBSECTIONS.items():
        setattr(
            tree,
            name,
            add_page(
                tree.news,
                CategoryIndexPage,
                titles=_by_language(titles),
                slugs=_by_language(slugs),
                show_in_menus=True,
            ),
        )
    tree.about = add_page(
        home,
        AboutPage,
        titles=_by_language(("Who we are", "Biz kimik", "Кто мы")),
        slugs=_by_language(("about", "haqqimizda", "o-nas")),
        intro_en="An independent outlet.",
        intro_az="Müstəqil nəşr.",
        intro_ru="Независимое издание.",
    )
    tree.donate = add_page(
        home,
        ContentPage,
        titles=_by_language(("Donate", "Dəstək olun", "Поддержать")),
        slugs=_by_language(("donate", "destek", "podderzhat")),
        intro_en="Support independent journalism.",
        intro_az="Müstəqil jurnalistikaya dəstək olun.",
        intro_ru="Поддержите независимую журналистику.",
    )
    for page in (tree.home, tree.news):
        page.refresh_from_db()
    return tree


def find_site_tree() -> SimpleNamespace | None:
    """The tree :func:`build_site_tree` made, looked up (a few queries), or ``None`` if it is not there."""
    home = HomePage.objects.filter(depth=2).first()
    site = Site.objects.filter(root_page=home, is_default_site=True).first() if home else None
    if site is None:
        return None
    tree = SimpleNamespace(root=Page.get_first_root_node(), home=home, site=site)
    news = CategoryIndexPage.objects.child_of(home).filter(slug_en="news").first()
    if news is None:
        return None
    for name, (_titles, slugs) in SECTIONS.items():
        setattr(tree, name, CategoryIndexPage.objects.child_of(home).get(slug_en=slugs[0]))
    for name, (_titles, slugs) in SUBSECTIONS.items():
        setattr(tree, name, CategoryIndexPage.objects.child_of(news).get(slug_en=slugs[0]))
    tree.about = AboutPage.objects.child_of(home).get()
    tree.donate = ContentPage.objects.child_of(home).get(slug_en="donate")
    return tree


def site_tree() -> SimpleNamespace:
    """The standard tree: found if already built (see conftest's ``django_db_setup``), else built."""
    return find_site_tree() or build_site_tree()


def article_body(language: str, image=None, words: int = 60) -> list[dict]:
    """A body with a heading, a paragraph of ``words`` words, a quote and (given an image) a picture."""
    filler = " ".join([FILLER_WORD[language]] * max(words, 0))
    body = [
        {"type": "heading", "value": {"text": f"Heading {language}", "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{filler}</p>"},
        {"type": "quote", "value": {"text": f"Quote {language}", "attribution": f"Speaker {language}"}},
    ]
    if image is not None:
        body.append(
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "caption": f"Caption {language}",
                    "credit": "Agency",
                    "alt": f"Alt {language}",
                },
            }
        )
    return body


@without_wagtail_indexes()
def create_article(
    section,
    *,
    title_en=None,
    title_az=None,
    title_ru=None,
    languages=CONTENT_LANGUAGES,
    slugs=None,
    date=None,
    authors=None,
    tags=(),
    body=None,
    words=60,
    hero_image=None,
    source_name="",
    source_url="",
    publish_it=True,
    **fields,
):
    """Create (and publish) an ArticlePage under ``section`` with every translated field filled in for
    ``languages`` and left empty for the others.

    ``body``: a list of raw blocks for every language, or ``{language: blocks}``; default
    :func:`article_body` with ``words`` filler words. ``slugs``: ``{language: slug}``; default is the
    English title slugified, with ``-az`` / ``-ru`` appended for the other languages.
    """
    n = next(_counter)
    titles = {
        "en": title_en or f"Article {n} in English",
        "az": title_az or f"Məqalə {n} azərbaycanca",
        "ru": title_ru or f"Статья {n} по-русски",
    }
    base_slug = slugify(titles["en"]) or f"article-{n}"
    default_slugs = {code: base_slug if code == "en" else f"{base_slug}-{code}" for code in CONTENT_LANGUAGES}
    slugs = {**default_slugs, **(slugs or {})}
    if hero_image is None:
        hero_image = ImageFactory()
    values = {}
    for code in CONTENT_LANGUAGES:
        present = code in languages
        if isinstance(body, dict):
            code_body = body.get(code, [])
        elif body is not None:
            code_body = body
        else:
            code_body = article_body(code, hero_image, words)
        values.update(
            {
                f"title_{code}": titles[code] if present else None,
                f"slug_{code}": slugs[code] if present else None,
                f"intro_{code}": f"Standfirst {code} {n}" if present else "",
                f"hero_caption_{code}": f"Hero caption {code}" if present else "",
                f"hero_alt_{code}": f"Hero alt {code}" if present else "",
                f"body_{code}": code_body if present else [],
                f"source_name_{code}": source_name if present else "",
            }
        )
    with translation.override("en"):
        article = ArticlePage(
            date=date or timezone.now() - datetime.timedelta(minutes=n),
            hero_image=hero_image,
            hero_credit="Agency",
            source_url=source_url,
            **values,
            **fields,
        )
        for author in authors or [AuthorFactory()]:
            article.article_authors.add(ArticleAuthor(author=author))
        article.tags.set(list(tags))
        section.add_child(instance=article)
    if publish_it:
        publish(article)
    return article


def article_form_data(*, authors, image, languages: dict, **extra) -> dict:
    """What an editor posts from the article edit form (``nested_form_data``), for the admin views.

    ``languages``: ``{code: {"title", "slug", "intro", "hero_caption", "ready", "body": [(block, value)]}}``;
    every site language gets its fields, empty where ``languages`` says nothing. ``extra`` is added as
    is (``loaded_revision_id``, ``"action-publish"``...).
    """
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = {
        "date": "2025-11-14 10:00",
        "hero_image": image.pk,
        "hero_credit": "Agency",
        "source_url": "",
        "go_live_at": "",
        "expire_at": "",
        "article_authors": inline_formset([{"author": author.pk} for author in authors]),
    }
    for code in LANGUAGES:
        fields = languages.get(code, {})
        data.update(
            {
                f"title_{code}": fields.get("title", ""),
                f"slug_{code}": fields.get("slug", ""),
                f"intro_{code}": fields.get("intro", ""),
                f"hero_caption_{code}": fields.get("hero_caption", ""),
                f"hero_alt_{code}": "",
                f"source_name_{code}": "",
                f"seo_title_{code}": "",
                f"search_description_{code}": "",
                f"body_{code}": streamfield(fields.get("body", [])),
            }
        )
        if fields.get("ready"):
            data[f"ready_{code}"] = "on"
    data.update(extra)
    return nested_form_data(with_empty_inlines(data))


def with_empty_inlines(data: dict, model=ArticlePage) -> dict:
    """``data`` (before ``nested_form_data``) plus every inline of ``model``'s edit form it does not post
    (corrections, live updates...) posted back empty, as the browser sends an inline with no rows."""
    from wagtail.test.utils.form_data import inline_formset

    for relation in get_all_child_relations(model):
        data.setdefault(relation.get_accessor_name(), inline_formset([]))
    return data
