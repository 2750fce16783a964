"""Pages an editor made private (Privacy: signed-in readers, a password, groups) stay private wherever a
reader reaches them from: their own address, a section made private above them, or an alias of them
published somewhere public. Routing answers Wagtail's restriction check itself for the pages open to all
(translations.routing), so these are the cases where it must still hand over to Wagtail's."""

import pytest
from wagtail.models import PageViewRestriction

from tests.languages import LANGUAGES
from translations.links import page_url


@pytest.fixture
def article(site_tree, make_article):
    return make_article(site_tree.economy, title_en="Budget figures leaked")


def asks_to_sign_in(response) -> bool:
    return response.status_code == 302 and "login" in response["Location"]


@pytest.mark.django_db
def test_an_article_in_a_private_section_asks_readers_to_sign_in(client, site_tree, article):
    PageViewRestriction.objects.create(page=site_tree.news, restriction_type=PageViewRestriction.LOGIN)
    for language in LANGUAGES:
        assert asks_to_sign_in(client.get(page_url(article, language))), language
        assert asks_to_sign_in(client.get(page_url(site_tree.economy, language))), language
    assert client.get(page_url(site_tree.opinion, "en")).status_code == 200


@pytest.mark.django_db
def test_a_password_protected_article_shows_the_password_form_then_the_article(client, article, soup):
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    url = page_url(article, "ru")
    response = client.get(url)
    assert response.status_code == 200
    form = soup(response).find("form")
    assert form is not None and form.find("input", attrs={"name": "password"}) is not None
    assert article.title_ru.encode() not in response.content
    client.post(form["action"], {"password": "s3cret", "return_url": url})
    assert article.title_ru.encode() in client.get(url).content
    assert restriction.pk


@pytest.mark.django_db
def test_an_alias_of_an_article_made_private_is_private_where_it_is_published(client, site_tree, article):
    alias = article.create_alias(parent=site_tree.opinion)
    assert client.get(page_url(alias, "en")).status_code == 200
    # Set on the article after the alias was made: Wagtail takes an alias's restrictions from its source.
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    for language in LANGUAGES:
        url = page_url(alias, language)
        assert url.startswith(page_url(site_tree.opinion, language)), url
        assert asks_to_sign_in(client.get(url)), url


@pytest.mark.django_db
def test_a_site_made_private_asks_readers_to_sign_in_at_once(client, settings, site_tree, article):
    """The home page and the Site come from each process's copy when pages are cached: a restriction
    on the home page reaches them at once."""
    settings.PAGE_CACHE = settings.FRAGMENT_CACHE = True
    for language in LANGUAGES:
        assert client.get(f"/{language}/").status_code == 200
    PageViewRestriction.objects.create(page=site_tree.home, restriction_type=PageViewRestriction.LOGIN)
    for language in LANGUAGES:
        assert asks_to_sign_in(client.get(f"/{language}/")), language
        assert asks_to_sign_in(client.get(page_url(article, language))), language
