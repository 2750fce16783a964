"""The menu, breadcrumbs and footer come from a cached section tree (navigation/): a change to what it is
built from shows at once; anything else (articles, image renditions, authors) leaves it cached, so the
first page after a publish does not rebuild it."""

import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.models import PageViewRestriction

from navigation import tree
from navigation.menus import main_menu
from news.models import CategoryIndexPage
from news.renditions import build_for
from tests import factories


def menu_titles(language="en") -> list[str]:
    items = main_menu(language)
    return [item["title"] for item in items] + [
        child["title"] for item in items for child in item.get("children", [])
    ]


@pytest.mark.django_db
def test_articles_their_renditions_and_authors_leave_the_tree_cached(site_tree, make_article, author):
    tree.section_tree()
    assert cache.get(tree.CACHE_KEY) is not None
    article = make_article(site_tree.economy, title_en="A story", hero_image=factories.ImageFactory())
    assert build_for(article) > 0  # what the scheduler does after a publish: rendition rows saved
    author.name_en = "Renamed"
    author.save()
    article.unpublish()
    assert cache.get(tree.CACHE_KEY) is not None


@pytest.mark.django_db
def test_a_new_renamed_private_or_deleted_section_shows_in_the_menu_at_once(site_tree):
    assert "Culture" not in menu_titles()
    culture = factories.add_page(
        site_tree.home,
        CategoryIndexPage,
        titles={"en": "Culture", "az": "Mədəniyyət", "ru": "Культура"},
        slugs={"en": "culture", "az": "medeniyyet", "ru": "kultura"},
        show_in_menus=True,
        publish_it=True,
    )
    assert "Culture" in menu_titles() and "Культура" in menu_titles("ru")
    with translation.override("en"):
        culture.title_en = "Arts"
        culture.save_revision().publish()
    assert "Arts" in menu_titles() and "Culture" not in menu_titles()
    restriction = PageViewRestriction.objects.create(page=culture, restriction_type=PageViewRestriction.LOGIN)
    assert "Arts" not in menu_titles()
    restriction.delete()
    assert "Arts" in menu_titles()
    CategoryIndexPage.objects.get(pk=culture.pk).delete()
    assert "Arts" not in menu_titles()
