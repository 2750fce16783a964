"""Slugs come from each language's title, in Latin letters, unique per parent and language; a changed
published slug keeps the old URL working with a permanent redirect."""

import pytest
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect

from news.models import ArticlePage
from tests.factories import publish
from translations.slugs import slug_from


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Şuşa şəhəri", "susa-seheri"),
        ("Azərbaycan iqtisadiyyatı: ğ, ç, ö, ü, ı", "azerbaycan-iqtisadiyyati-g-c-o-u-i"),
        ("Азербайджан и энергетика", "azerbaidzhan-i-energetika"),
        ("Щука, жёлтый ёж и объём", "shchuka-zheltyi-ezh-i-obieem"),
        ("Хачапури в Цхинвали", "khachapuri-v-tskhinvali"),
        ("İstanbul'da Ağrı Dağı", "istanbulda-agri-dagi"),
        ("Café Größe", "cafe-grosse"),
        ("   ", ""),
    ],
)
def test_slug_from_title(title, slug):
    assert slug_from(title) == slug


def add_article(section, **titles):
    with translation.override("en"):
        article = ArticlePage(**{f"title_{code}": value for code, value in titles.items()})
        section.add_child(instance=article)
    return publish(article)


def test_empty_slugs_are_filled_from_each_languages_title(site_tree):
    article = add_article(
        site_tree.karabakh,
        en="Shusha city",
        az="Şuşa şəhəri",
        ru="Азербайджан и энергетика",
    )
    assert (article.slug_en, article.slug_az, article.slug_ru) == (
        "shusha-city",
        "susa-seheri",
        "azerbaidzhan-i-energetika",
    )
    assert article.url_path_az.endswith("/qarabag/susa-seheri/")
    assert article.url_path_ru.endswith("/karabakh/azerbaidzhan-i-energetika/")


def test_a_typed_latin_slug_is_kept_and_a_cyrillic_one_transliterated(site_tree):
    with translation.override("en"):
        article = ArticlePage(
            title_en="Energy",
            title_ru="Энергетика",
            title_az="Enerji",
            slug_az="my-own-slug",
            slug_ru="энергетика-сегодня",
        )
        site_tree.news.add_child(instance=article)
    article = publish(article)
    assert article.slug_az == "my-own-slug"
    assert article.slug_ru == "energetika-segodnia"


def test_slugs_are_unique_per_parent_and_language(site_tree):
    first = add_article(site_tree.opinion, en="One", ru="Мнение дня")
    second = add_article(site_tree.opinion, en="Two", ru="Мнение дня")
    elsewhere = add_article(site_tree.karabakh, en="Three", ru="Мнение дня")
    assert first.slug_ru == "mnenie-dnia"
    assert second.slug_ru == "mnenie-dnia-2"
    assert elsewhere.slug_ru == "mnenie-dnia"


def test_language_without_title_keeps_empty_slug(site_tree):
    article = add_article(site_tree.opinion, en="English only")
    assert article.slug_ru in (None, "")


def test_changed_published_slug_redirects_permanently(site_tree, make_article, client):
    article = make_article(site_tree.opinion, title_en="Old title", slugs={"ru": "staryi", "az": "kohne"})
    old_ru = article.url_path_ru
    article = ArticlePage.objects.get(pk=article.pk)
    article.slug_ru = "novyi"
    publish(article)
    article.refresh_from_db()
    assert article.url_path_ru != old_ru

    redirect = Redirect.objects.get(old_path="/ru/mnenie/staryi")
    assert redirect.is_permanent and redirect.redirect_page_id == article.pk
    # English and Azerbaijani URLs did not change: no redirect for them.
    assert not Redirect.objects.filter(old_path__startswith="/az/").exists()
    assert not Redirect.objects.filter(old_path__startswith="/en/").exists()


def test_renamed_section_redirects_its_articles(site_tree, make_article):
    article = make_article(site_tree.karabakh, title_en="Story", slugs={"ru": "istoriia"})
    section = site_tree.karabakh.specific
    section.slug_ru = "karabakh-region"
    publish(section)
    assert Redirect.objects.get(old_path="/ru/karabakh/istoriia").redirect_page_id == article.pk
    assert Redirect.objects.get(old_path="/ru/karabakh").redirect_page_id == section.pk


def test_draft_slug_change_creates_no_redirect(site_tree, make_article):
    article = make_article(site_tree.opinion, slugs={"ru": "chernovik"})
    article = ArticlePage.objects.get(pk=article.pk)
    article.slug_ru = "drugoi"
    article.save_revision()
    assert not Redirect.objects.filter(old_path__startswith="/ru/").exists()
