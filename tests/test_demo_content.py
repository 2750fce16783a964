"""The demo loader and the local admin command, as `make run` uses them."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from wagtail.models import Page, Revision, Site

from demo.articles import MISSING_RU
from demo.content import build
from home.models import HomePage, SiteSettings
from news.models import ArticlePage, Author, CategoryIndexPage, Tag
from tests.module_data import kept_for_the_module

ARTICLES = 6  # position 5 has no Russian version


pytestmark = pytest.mark.xdist_group("demo-content")


@pytest.fixture(scope="module")
def _demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, built once for the module (``tests/module_data.py``)."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media")):
        with kept_for_the_module(django_db_blocker):
            cache.clear()
            build(articles=ARTICLES)
            yield


@pytest.fixture
def demo(_demo, db):
    return ArticlePage.objects.order_by("path")


def counts():
    return (
        Page.objects.count(),
        Revision.objects.count() > 0,
        Author.objects.count(),
        Tag.objects.count(),
        ArticlePage.objects.count(),
    )


def test_demo_site_structure_survives_a_rerun(demo):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.depth == 2
    # Wagtail's "Welcome" page is gone; the HomePage is the only page under the root.
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page.pk).exists()
    assert SiteSettings.for_site(site).contact_email == "info@aze.media.example"
    assert CategoryIndexPage.objects.get(slug_en="energy").slug_ru == "energetika"

    before = counts()
    build(articles=ARTICLES)
    assert counts() == before
    assert before[2:] == (8, 15, ARTICLES)
    with connection.cursor() as cursor:  # the untranslated base columns stay English
        cursor.execute("SELECT COUNT(*) FROM wagtailcore_page WHERE depth > 1 AND title <> title_en")
        assert cursor.fetchone()[0] == 0


def test_if_empty_keeps_editors_changes(demo):
    article = demo.first()
    article.title_en = "Edited by an editor"
    article.save_revision().publish()
    call_command("load_demo_content", "--if-empty", stdout=open("/dev/null", "w"))
    assert ArticlePage.objects.get(pk=article.pk).title_en == "Edited by an editor"


def reader_url(page, language):
    return getattr(page, f"url_path_{language}").replace("/home/", f"/{language}/", 1)


def test_pages_render_in_every_language(demo, client):
    article = demo.exclude(title_ru="").exclude(title_az="").first()
    for language, section, text in [
        ("en", "/en/news/", "News"),
        ("az", "/az/xeberler/", "Xəbərlər"),
        ("ru", "/ru/novosti/", "Новости"),
    ]:
        home = client.get(f"/{language}/")
        assert home.status_code == 200
        assert text in home.content.decode()
        assert client.get(section).status_code == 200
        response = client.get(reader_url(article, language))
        assert response.status_code == 200
        assert getattr(article, f"title_{language}") in response.content.decode()


def test_article_without_russian_redirects_to_its_section(demo, client):
    missing = [page for page in demo if not page.title_ru]
    assert len(missing) == len(MISSING_RU & set(range(ARTICLES)))
    page = missing[0]
    response = client.get(reader_url(page, "ru"))
    assert response.status_code == 302
    assert response["Location"].endswith(reader_url(page.get_parent().specific, "ru"))
    assert client.get(reader_url(page, "en")).status_code == 200


def test_ensure_local_admin_creates_a_superuser_in_debug(db, settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.delenv("LOCAL_ADMIN_PASSWORD", raising=False)
    call_command("ensure_local_admin", stdout=open("/dev/null", "w"))
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("change-me-locally")


def test_ensure_local_admin_refuses_without_debug(db, settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.delenv("LOCAL_ADMIN_PASSWORD", raising=False)
    with pytest.raises(CommandError):
        call_command("ensure_local_admin")
    with pytest.raises(CommandError):  # --force still needs a real password
        call_command("ensure_local_admin", "--force")
    monkeypatch.setenv("LOCAL_ADMIN_PASSWORD", "a-long-real-password")
    call_command("ensure_local_admin", "--force", stdout=open("/dev/null", "w"))
    assert get_user_model().objects.get(username="admin").check_password("a-long-real-password")


def test_economy_and_energy_stories_show_a_table_in_each_language(demo, client, soup):
    with_table = [page for page in demo if any(block.block_type == "table" for block in page.body_en)]
    assert with_table, "no demo story with a table"
    page = with_table[0]
    for language, caption, first_row in [
        ("en", "Oil and gas output", "Oil, million tonnes"),
        ("az", "Neft və qaz hasilatı", "Neft, milyon ton"),
        ("ru", "Добыча нефти и газа", "Нефть, млн тонн"),
    ]:
        if not getattr(page, f"title_{language}"):
            continue
        table = soup(client.get(reader_url(page, language))).select_one(".block-table table")
        assert table.select_one("caption").get_text(strip=True) == caption
        assert table.select_one("tbody th[scope=row]").get_text(strip=True) == first_row
