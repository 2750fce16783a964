"""The translation status view, the dashboard counts and the "start from another language" action,
through the real admin views."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import ArticlePage
from tests.factories import AuthorFactory, publish, with_empty_inlines
from tests.languages import LANGUAGES
from translations.models import TranslationState


def statuses(soup, response, article):
    row = soup(response).select_one(f'tr[data-article="{article.pk}"]')
    assert row is not None, f"article {article.pk} not listed"
    return {cell["data-language"]: cell["data-status"] for cell in row.select("td[data-language]")}


def listed(soup, response):
    return {int(row["data-article"]) for row in soup(response).select("tr[data-article]")}


def edit_english(article, **changes):
    article = ArticlePage.objects.get(pk=article.pk)
    for name, value in changes.items():
        setattr(article, name, value)
    return publish(article)


@pytest.fixture
def articles(site_tree, make_article):
    full = make_article(site_tree.economy, title_en="Fully translated")
    english_only = make_article(site_tree.opinion, title_en="English only", languages=("en",))
    outdated = make_article(site_tree.karabakh, title_en="Changed in English", languages=("en", "ru"))
    # The English text changes after the Russian translation was written.
    TranslationState.objects.filter(page=outdated).update(
        changed_at=timezone.now() - datetime.timedelta(days=2)
    )
    outdated = edit_english(outdated, intro_en="A corrected standfirst.")
    return full, english_only, outdated


def test_status_view_shows_each_language(admin_client, articles, soup):
    full, english_only, outdated = articles
    response = admin_client.get(reverse("newsdesk:status"))
    assert response.status_code == 200
    assert statuses(soup, response, full) == {"en": "translated", "az": "translated", "ru": "translated"}
    assert statuses(soup, response, english_only) == {"en": "translated", "az": "missing", "ru": "missing"}
    assert statuses(soup, response, outdated) == {"en": "translated", "az": "missing", "ru": "outdated"}
    edit_url = reverse("wagtailadmin_pages:edit", args=[outdated.pk])
    assert soup(response).select_one(f'tr[data-article="{outdated.pk}"] td.title a')["href"] == edit_url


def test_translator_edit_clears_outdated(admin_client, articles, soup):
    _full, _english_only, outdated = articles
    edit_english(outdated, intro_ru="Исправленный лид.")
    response = admin_client.get(reverse("newsdesk:status"))
    assert statuses(soup, response, outdated)["ru"] == "translated"


def test_status_view_filters(admin_client, site_tree, articles, make_article, soup):
    full, english_only, outdated = articles
    url = reverse("newsdesk:status")
    assert listed(soup, admin_client.get(url, {"section": site_tree.news.pk})) == {full.pk}
    assert listed(soup, admin_client.get(url, {"language": "ru", "status": "outdated"})) == {outdated.pk}
    assert listed(soup, admin_client.get(url, {"language": "az", "status": "missing"})) == {
        english_only.pk,
        outdated.pk,
    }
    writer = AuthorFactory()
    by_writer = make_article(site_tree.opinion, authors=[writer])
    assert listed(soup, admin_client.get(url, {"author": writer.pk})) == {by_writer.pk}
    published = timezone.now() - datetime.timedelta(days=400)
    old = make_article(site_tree.opinion, date=published)
    last_year = timezone.localdate(published)  # editors filter by the newsroom's own calendar day
    response = admin_client.get(url, {"date_from": last_year.isoformat(), "date_to": last_year.isoformat()})
    assert listed(soup, response) == {old.pk}


def test_dashboard_counts_per_language(admin_client, articles, soup):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    panel = soup(response).select_one("#translation-counts-section [data-translation-counts]")
    assert panel is not None

    def count(code, status):
        return int(panel.select_one(f'tr[data-language="{code}"] [data-count="{status}"]').text)

    assert (count("en", "translated"), count("en", "missing")) == (3, 0)
    assert (count("az", "translated"), count("az", "missing")) == (1, 2)
    assert (count("ru", "translated"), count("ru", "outdated"), count("ru", "missing")) == (1, 1, 1)


def test_translations_menu_item(admin_client, site_tree):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse("newsdesk:status").encode() in response.content


def test_copy_from_english_fills_only_empty_fields(admin_client, site_tree, make_article, soup):
    article = make_article(site_tree.opinion, title_en="To translate", languages=("en",))
    ArticlePage.objects.filter(pk=article.pk).update(intro_ru="Лид уже написан.")
    url = reverse("newsdesk:copy", args=[article.pk])

    preview = admin_client.get(url, {"target": "ru"})
    assert preview.status_code == 200
    kept = [item.text for item in soup(preview).select("[data-keep] li")]
    assert kept == ["Standfirst"]

    response = admin_client.post(url, {"source": "en", "target": "ru"})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[article.pk])

    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    english = [(block.block_type, block.value) for block in draft.body_en]
    russian = [(block.block_type, block.value) for block in draft.body_ru]
    assert [kind for kind, _value in russian] == ["heading", "paragraph", "quote", "image"]
    assert russian[3][1]["image"].pk == english[3][1]["image"].pk
    assert draft.intro_ru == "Лид уже написан."  # not overwritten
    assert draft.hero_caption_ru == "Hero caption en"
    assert not draft.title_ru and draft.ready_ru is False
    # The live page is untouched: the copy is a draft for the translator.
    assert len(ArticlePage.objects.get(pk=article.pk).body_ru) == 0

    # The edit form now shows the copied Russian body.
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert "Heading en" in edit.content.decode()


def test_copy_never_overwrites_a_written_body(admin_client, site_tree, make_article):
    article = make_article(site_tree.opinion)
    response = admin_client.post(
        reverse("newsdesk:copy", args=[article.pk]), {"source": "en", "target": "ru"}
    )
    assert response.status_code == 302
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.body_ru[0].value["text"] == "Heading ru"


def test_edit_view_offers_start_translation(admin_client, site_tree, make_article):
    article = make_article(site_tree.opinion, languages=("en", "az"))
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    copy_url = reverse("newsdesk:copy", args=[article.pk]) + "?target=ru"
    assert copy_url in response.content.decode()
    assert f"{copy_url[:-2]}az" not in response.content.decode()


def test_english_draft_saved_in_the_admin_marks_translations_outdated(
    admin_client, site_tree, make_article, soup
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    article = make_article(site_tree.opinion, title_en="Draft story")
    TranslationState.objects.filter(page=article).update(
        changed_at=timezone.now() - datetime.timedelta(days=1)
    )
    data = {
        "date": "2025-11-14 10:00",
        "hero_image": article.hero_image_id,
        "hero_credit": "",
        "source_url": "",
        "go_live_at": "",
        "expire_at": "",
        "article_authors": inline_formset([{"author": article.authors[0].pk}]),
    }
    for code in LANGUAGES:
        data.update(
            {
                f"title_{code}": getattr(article, f"title_{code}"),
                f"slug_{code}": getattr(article, f"slug_{code}"),
                f"ready_{code}": "on",
                f"intro_{code}": getattr(article, f"intro_{code}"),
                f"hero_caption_{code}": "",
                f"hero_alt_{code}": "",
                f"source_name_{code}": "",
                f"seo_title_{code}": "",
                f"search_description_{code}": "",
                f"body_{code}": streamfield([("paragraph", rich_text(f"<p>Body {code}</p>"))]),
            }
        )
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    with_empty_inlines(data)
    assert admin_client.post(url, nested_form_data(data)).status_code == 302  # save draft: all languages
    data["intro_en"] = "The English standfirst, corrected."
    assert admin_client.post(url, nested_form_data(data)).status_code == 302  # only English changes

    response = admin_client.get(reverse("newsdesk:status"))
    assert statuses(soup, response, article) == {"en": "translated", "az": "outdated", "ru": "outdated"}


def test_status_view_queries_do_not_grow_with_articles(
    admin_client, site_tree, make_articles, django_assert_max_num_queries
):
    make_articles(site_tree.economy, 3)
    admin_client.get(reverse("newsdesk:status"))  # warm caches (site root paths, menus)
    with django_assert_max_num_queries(40) as few:
        admin_client.get(reverse("newsdesk:status"))
    make_articles(site_tree.opinion, 20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = admin_client.get(reverse("newsdesk:status"))
    assert response.content.decode().count("data-article=") == 23


def test_record_translation_states_for_existing_articles(site_tree, make_article):
    from django.core.management import call_command

    article = make_article(site_tree.opinion, languages=("en", "ru"))
    TranslationState.objects.all().delete()
    call_command("record_translation_states", stdout=None)
    assert set(TranslationState.objects.filter(page=article).values_list("language", flat=True)) == {
        "en",
        "az",
        "ru",
    }
    call_command("record_translation_states")  # a second run changes nothing
    assert TranslationState.objects.filter(page=article).count() == 3


def test_filter_translations_held_back_from_readers(admin_client, site_tree, make_article, soup):
    held_back = make_article(site_tree.opinion, ready_ru=False)
    make_article(site_tree.opinion)
    url = reverse("newsdesk:status")
    assert listed(soup, admin_client.get(url, {"language": "ru", "status": "not_ready"})) == {held_back.pk}
    assert listed(soup, admin_client.get(url, {"language": "az", "status": "not_ready"})) == set()
    row = soup(admin_client.get(url)).select_one(f'tr[data-article="{held_back.pk}"] td[data-language="ru"]')
    assert row.select_one("[data-not-ready]") is not None
