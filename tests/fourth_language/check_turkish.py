"""Run by tests/test_translation_fourth_language.py in a separate process with
``newsroom.settings.test_fourth_language`` (English, Azerbaijani, Russian and Turkish).

The file name does not start with ``test_`` so the main test run (three languages) skips it.
"""

from django.conf import settings
from django.urls import reverse

from news.models import ArticlePage
from translations.languages import language_codes


def test_settings_have_four_languages():
    assert language_codes() == ["en", "az", "ru", "tr"]
    assert settings.MODELTRANSLATION_LANGUAGES == ("en", "az", "ru", "tr")
    assert {"title_tr", "slug_tr", "url_path_tr"} <= {f.name for f in ArticlePage._meta.get_fields()}
    assert {"intro_tr", "body_tr", "ready_tr"} <= {f.name for f in ArticlePage._meta.get_fields()}


def test_turkish_reader_pages(client, soup, site_tree, make_article):
    article = make_article(site_tree.opinion, title_en="A new school in Shusha")
    ArticlePage.objects.filter(pk=article.pk).update(title_tr="Şuşada yeni okul", intro_tr="Okul açıldı.")
    article = ArticlePage.objects.get(pk=article.pk)
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.slug_tr == "susada-yeni-okul"  # filled from the Turkish title

    home = client.get("/tr/")
    assert home.status_code == 200
    assert soup(home).html["lang"] == "tr"
    assert "Şuşada yeni okul" in home.content.decode()

    # Sections have no Turkish title yet: they fall back to English, slugs included.
    url = "/tr/opinion/susada-yeni-okul/"
    page = client.get(url)
    assert page.status_code == 200
    assert soup(page).find("h1").get_text(strip=True) == "Şuşada yeni okul"
    switcher = {a["hreflang"]: a["href"] for a in soup(page).select(".lang-switcher a[hreflang]")}
    assert list(switcher) == ["en", "az", "ru", "tr"]
    assert switcher["tr"] == url
    alternates = {link["hreflang"] for link in soup(page).select('link[rel="alternate"][hreflang]')}
    assert {"en", "az", "ru", "tr", "x-default"} <= alternates


def test_article_without_turkish_leads_to_its_section(client, site_tree, make_article):
    article = make_article(site_tree.opinion, title_en="Only three languages")
    response = client.get(f"/tr/opinion/{article.slug_en}/")
    assert response.status_code == 302
    assert response["Location"] == "/tr/opinion/"


def test_status_view_has_a_turkish_column(admin_client, soup, site_tree, make_article):
    article = make_article(site_tree.opinion)
    response = admin_client.get(reverse("newsdesk:status"))
    assert response.status_code == 200
    row = soup(response).select_one(f'tr[data-article="{article.pk}"]')
    cells = {cell["data-language"]: cell["data-status"] for cell in row.select("td[data-language]")}
    assert cells == {"en": "translated", "az": "translated", "ru": "translated", "tr": "missing"}
    headers = [th.get_text(strip=True) for th in soup(response).select("table[data-translation-status] th")]
    assert headers[-1] == "Turkish"


def test_admin_edit_form_has_turkish_fields(admin_client, site_tree, make_article):
    article = make_article(site_tree.opinion)
    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    content = response.content.decode()
    for name in ("title_tr", "slug_tr", "intro_tr", "ready_tr"):
        assert f'name="{name}"' in content, name
    assert 'id="body_tr"' in content or '"body_tr"' in content


def test_existing_pages_get_turkish_urls_from_set_translation_url_paths(client, site_tree, make_article):
    """Pages that existed before Turkish was added have no url_path_tr until the documented command runs."""
    from django.core.management import call_command
    from wagtail.models import Page

    article = make_article(site_tree.opinion, title_en="Older article")
    Page.objects.update(url_path_tr=None)
    ArticlePage.objects.filter(pk=article.pk).update(title_tr="Eski makale")
    call_command("set_translation_url_paths")
    article.refresh_from_db()
    assert article.url_path_tr == f"/home/opinion/{article.slug_en}/"  # English slugs until translated
    response = client.get(f"/tr/opinion/{article.slug_en}/")
    assert response.status_code == 200
    assert "Eski makale" in response.content.decode()
