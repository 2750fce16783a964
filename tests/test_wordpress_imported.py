"""The WordPress import as readers and operators see it afterwards: every test here reads one import of
``tests/data/wordpress/export.xml`` (see ``tests/wordpress_import.py``), made once for the module
(``tests/module_data.py``); a test's own changes, further imports included, are rolled back after it.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Revision

from about.models import AboutPage
from news.models import ArticlePage, Author, CategoryIndexPage, Tag
from search.models import SearchDocument
from tests import factories
from tests.module_data import kept_for_the_module
from tests.wordpress_import import EXPORT, counts, oil, raw, run_import

pytestmark = pytest.mark.xdist_group("wordpress-import")


@pytest.fixture(scope="module")
def _import(django_db_setup, django_db_blocker, tmp_path_factory):
    with kept_for_the_module(django_db_blocker):
        tree = factories.site_tree()
        yield tree, run_import(tmp_path_factory.mktemp("wordpress-import"))


@pytest.fixture
def site_tree(_import, db):
    """The tree the import was made into (this module's own, in place of ``conftest.site_tree``)."""
    return _import[0]


@pytest.fixture
def imported(_import, db):
    """The import's report."""
    return _import[1]


# --- Polylang groups, sections, tags, authors -----------------------------------------------------------
def test_polylang_group_becomes_one_article_in_each_language(imported, site_tree):
    article = oil()
    assert ArticlePage.objects.filter(title_az="Bakıda neftin qiyməti qalxdı").get() == article
    assert article.title_ru == "Цены на нефть в Баку выросли"
    assert (article.ready_en, article.ready_az, article.ready_ru) == (True, True, True)
    assert article.live
    # WordPress's categories News > Economy (and their az/ru translations) are the existing sections.
    assert article.get_parent().pk == site_tree.economy.pk
    assert article.slug_ru == "tseny-na-neft"  # a percent-encoded Cyrillic slug, transliterated
    assert sorted(a.name for a in article.authors) == ["Alice Example", "Bob Reporter", "Leyla Məmmədova"]
    tags = {tag.slug: tag for tag in article.tags.all()}
    assert set(tags) == {"oil", "baku"}
    assert (tags["oil"].name_en, tags["oil"].name_az, tags["oil"].name_ru) == ("Oil", "Neft", "Нефть")
    assert article.intro_en == "Brent and Azeri Light climbed on Friday."
    assert article.date.isoformat().startswith("2024-05-10T08:00")
    # Featured image: caption and alt per language (Polylang's translated attachments), one credit.
    assert article.hero_image is not None
    assert (article.hero_caption_en, article.hero_caption_ru) == ("Baku skyline at dusk", "Вечерний Баку")
    assert article.hero_alt_az == "Bakının siluеti"
    assert article.hero_credit == "Aze.Media / R. Aliyev"


def test_nested_categories_and_tags_become_sections_and_tags(imported, site_tree):
    culture = CategoryIndexPage.objects.get(title_en="Culture & Arts")
    assert culture.get_parent().pk == site_tree.home.pk and culture.live
    assert Tag.objects.filter(slug="baku").exists()
    assert imported["counts"]["author"]["imported"] == 3
    assert Author.objects.filter(name="Leyla Məmmədova").count() == 1


def test_block_editor_content_becomes_body_blocks(imported):
    body = oil().body_en
    kinds = [block.block_type for block in body]
    for kind in ("paragraph", "heading", "image", "quote", "embed", "gallery"):
        assert kind in kinds
    quotes = [block.value for block in body if block.block_type == "quote"]
    assert [(q["text"], q["attribution"]) for q in quotes] == [
        ("Demand is strong.", "A trader"),
        ("Prices will hold.", "An analyst"),
    ]
    image = next(block.value for block in body if block.block_type == "image")
    assert image["caption"] == "Prices this week" and image["alt"] == "A chart of prices"
    gallery = next(block.value for block in body if block.block_type == "gallery")
    assert len(gallery["images"]) == 2
    table = next(block.value for block in body if block.block_type == "table")
    assert table["data"] == [["Brent", "84"], ["WTI", "79"]]
    assert not table["first_row_is_table_header"]
    assert imported["kept_as_text"]["jetpack/rating-star"]["posts"] == [200]
    assert imported["approximated"]["separator"] == 1
    assert 200 in imported["sticky_posts"]


def test_classic_content_shortcodes_and_paragraphs(imported):
    article = ArticlePage.objects.get(title_en="Classic post")
    blocks = [(block.block_type, block.value) for block in article.body_en]
    assert blocks[0] == (
        "paragraph",
        blocks[0][1],
    ) and "first paragraph.<br/>It has a line break." in str(blocks[0][1].source)
    kinds = [kind for kind, _value in blocks]
    assert kinds[:2] == ["paragraph", "image"]
    assert blocks[1][1]["caption"] == "A captioned chart"
    assert "gallery" in kinds and "embed" in kinds
    assert "[contact-form-7]" in imported["kept_as_text"]
    missing = [item for item in imported["missing_media"] if item["wp_id"] == 300]
    assert missing == [{"wp_id": 300, "file": "2024/05/missing.jpg", "reason": "file not found"}]


def test_links_between_posts_point_at_the_new_pages(imported, client):
    classic = ArticlePage.objects.get(title_en="Classic post")
    stored = raw(classic.body_en)
    assert f'linktype=\\"page\\" id=\\"{oil().pk}\\"' in stored
    # The oil story links the classic post, imported after it: fixed once both exist.
    assert f'id=\\"{classic.pk}\\"' in raw(oil().body_en)
    response = client.get(oil().url)
    assert response.status_code == 200
    assert f'href="{classic.url}"' in response.content.decode()
    cells = [
        cell.text.strip() for cell in BeautifulSoup(response.content, "html.parser").select(".block-table td")
    ]
    assert cells == ["Brent", "84", "WTI", "79"]  # the imported table, as a table
    assert 'href="https://other.example.com/x"' in response.content.decode()


# --- What readers see -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("old", "language", "title"),
    [
        ("/2024/05/oil-prices-rise-in-baku/", "en", "Oil prices rise in Baku"),
        ("/az/2024/05/bakida-neftin-qiymeti-qalxdi/", "az", "Bakıda neftin qiyməti qalxdı"),
        (
            "/ru/2024/05/%d1%86%d0%b5%d0%bd%d1%8b-%d0%bd%d0%b0-%d0%bd%d0%b5%d1%84%d1%82%d1%8c/",
            "ru",
            "Цены на нефть",
        ),
        ("/?p=202", "ru", "Цены на нефть"),
        ("/?p=201", "az", "Bakıda neftin"),
        # Polylang answers ?p= at each language's home: the page in that language.
        ("/az/?p=202", "az", "Bakıda neftin"),
        ("/ru/?p=200", "ru", "Цены на нефть"),
        ("/en/?p=201", "en", "Oil prices rise in Baku"),
        ("/ru/?attachment_id=100", "ru", "Цены на нефть"),
        ("/az/?p=300&utm_source=x", "en", "Classic post"),  # no Azerbaijani version: the post's own
        ("/2024/05/oil-prices-rise-in-baku/feed/", "en", "Oil prices rise in Baku"),
    ],
)
def test_old_address_redirects_to_the_page_in_its_language(imported, client, old, language, title):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"].startswith(f"/{language}/")
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert title in html
    assert f'<html lang="{language}"' in html


def test_article_shows_hero_and_body_to_readers(imported, client, soup):
    response = client.get("/ru/novosti/ekonomika/tseny-na-neft/")
    assert response.status_code == 200
    page = soup(response)
    assert "Цены на нефть в Баку выросли" in page.find("h1").get_text()
    assert page.find("img", alt="Силуэт Баку") is not None
    assert "Рынки" in response.content.decode()  # the Russian heading block
    english = client.get("/en/news/economy/oil-prices-rise-in-baku/")
    assert "Markets react" in english.content.decode()
    assert soup(english).find("img", alt="The skyline of Baku") is not None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/ru/category/novosti/ekonomika/", "/ru/novosti/ekonomika/"),
        ("/category/news/economy/", "/en/news/economy/"),
        ("/az/category/xeberler/", "/az/xeberler/"),
        ("/category/news/economy/feed/", "/en/feed/news/economy/rss/"),
        ("/tag/oil/", "/en/tags/oil/"),
        ("/ru/tag/neft-ru/", "/ru/tags/oil/"),
        ("/feed/", "/en/feed/rss/"),
        ("/ru/feed/", "/ru/feed/rss/"),
        ("/?page_id=405", "/en/contact/"),
        ("/?attachment_id=100", "/en/news/economy/oil-prices-rise-in-baku/"),
        ("/?cat=13", "/en/news/economy/"),
        ("/ru/?cat=13", "/ru/novosti/ekonomika/"),
        ("/az/?cat=15", "/az/xeberler/iqtisadiyyat/"),
        ("/?tag=neft-ru", "/ru/tags/oil/"),
        ("/az/?tag=oil", "/az/tags/oil/"),
        ("/az/?page_id=405", "/en/contact/"),  # English only: the page as it is
    ],
)
def test_archives_feeds_and_attachment_pages_redirect(imported, client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new


def test_home_page_without_wordpress_query_is_the_home_page(imported, client):
    for address in ("/az/", "/az/?page=2", "/ru/?p=999999"):
        response = client.get(address)
        assert response.status_code == 200, address
        assert '<html lang="' + address[1:3] + '"' in response.content.decode()


# --- Status, safety, repairs ------------------------------------------------------------------------------
def test_statuses_draft_scheduled_private(imported, client):
    draft = ArticlePage.objects.get(title_ru="Черновик о культуре")
    assert not draft.live and draft.has_unpublished_changes
    assert draft.ready_en is False  # the Russian title stands in for the required English one
    scheduled = ArticlePage.objects.get(title_en="Scheduled for the future")
    assert not scheduled.live and scheduled.go_live_at.year == 2030
    assert Revision.objects.filter(object_id=str(scheduled.pk), approved_go_live_at__isnull=False).exists()
    private = ArticlePage.objects.get(title_en="Private note")
    assert private.live
    assert PageViewRestriction.objects.filter(page=private, restriction_type="login").exists()
    response = client.get(private.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_no_script_or_javascript_reaches_readers(imported, client):
    broken = ArticlePage.objects.get(title_en="Broken markup")
    stored = raw(broken.body_en)
    assert "<script" not in stored and "javascript" not in stored.lower() and "onclick" not in stored
    assert "evil.example.com" not in stored
    html = client.get(broken.url).content.decode()
    assert "owned" not in html and "evil()" not in html and "Stray" in html
    for article in ArticlePage.objects.all():
        for code in ("en", "az", "ru"):
            assert "<script" not in raw(getattr(article, f"body_{code}"))


def test_invalid_utf8_and_control_characters_are_repaired(imported):
    article = ArticlePage.objects.get(slug_en="invalid-utf8")
    assert article.title_en == "Invalid UTF8 café"
    text = raw(article.body_en)
    assert "it’s" in text and "\x08" not in text and "\x1b" not in text
    assert {"wp_id": 305, "message": "5 invalid or control characters repaired"} in imported["warnings"]


def test_media_files_imported_once_by_content(imported):
    # hero.jpg (three translated attachments) and hero-copy.jpg hold the same bytes: one image.
    titles = sorted(get_image_model().objects.values_list("title", flat=True))
    assert len(titles) == 4, titles
    classic = ArticlePage.objects.get(title_en="Classic post")
    assert classic.hero_image_id == oil().hero_image_id


def test_languages_the_site_lacks_and_other_types_are_reported(imported):
    skipped = {item["wp_id"]: item["reason"] for item in imported["skipped"]}
    assert "not one of this site's languages" in skipped[306]
    assert skipped[308] == "status trash"
    assert imported["languages_not_on_site"] == {"de": 1}
    assert imported["other_post_types_not_imported"] == {"nav_menu_item": 1}


# --- Search, navigation, pages ----------------------------------------------------------------------------
def test_search_and_navigation_reflect_the_import(imported, client):
    assert SearchDocument.objects.filter(page_id=oil().pk, language="az").exists()
    home = client.get("/en/").content.decode()
    assert "Culture &amp; Arts" in home
    results = client.get("/ru/search/", {"q": "нефть"}).content.decode()
    assert "Цены на нефть в Баку выросли" in results


def test_existing_about_page_is_kept_unless_forced(imported, site_tree, tmp_path):
    about = AboutPage.objects.get()
    assert about.title_en == "Who we are" and "independent newsroom" not in raw(about.body_en)
    reasons = {item["wp_id"]: item["reason"] for item in imported["skipped"]}
    assert "exists already" in reasons[400]
    run_import(tmp_path, force=True)
    about.refresh_from_db()
    assert "An independent newsroom." in raw(about.body_en)
    assert about.title_ru == "О нас"


# --- Re-running ------------------------------------------------------------------------------------------
def test_rerun_changes_nothing(imported, tmp_path):
    before = counts()
    again = run_import(tmp_path)
    assert counts() == before
    assert again["counts"]["article"]["imported"] == 0 and again["counts"]["article"]["updated"] == 0
    assert again["counts"]["article"]["unchanged"] == 8
    assert again["redirects_created"] == 0


def changed_export(tmp_path, old: bytes, new: bytes, extra: bytes = b""):
    data = EXPORT.read_bytes().replace(old, new)
    if extra:
        data = data.replace(b"</channel>", extra + b"</channel>")
    path = tmp_path / "later.xml"
    path.write_bytes(data)
    return path


def test_later_export_adds_and_updates(imported, tmp_path):
    new_post = (
        b"<item><title>Fresh story</title><link>https://example.org/2024/06/fresh/</link>"
        b"<wp:post_id>600</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
        b"<wp:post_name>fresh</wp:post_name><content:encoded><![CDATA[<p>New.</p>]]></content:encoded>"
        b'<category domain="category" nicename="news"><![CDATA[News]]></category>'
        b'<category domain="language" nicename="en"><![CDATA[English]]></category></item>'
    )
    later = changed_export(
        tmp_path, b"Classic post]]></title>", b"Classic post, revised]]></title>", new_post
    )
    report = run_import(tmp_path, export=later)
    assert report["counts"]["article"]["imported"] == 1
    assert report["counts"]["article"]["updated"] == 1
    assert ArticlePage.objects.filter(title_en="Classic post, revised").count() == 1
    assert ArticlePage.objects.get(slug_en="fresh").live


def test_page_edited_in_wagtail_is_not_overwritten_without_force(imported, tmp_path):
    article = ArticlePage.objects.get(title_en="Classic post")
    article.title_en = "Edited by an editor"
    article.save_revision().publish()
    later = changed_export(tmp_path, b"Classic post]]></title>", b"Classic post, revised]]></title>")
    report = run_import(tmp_path, export=later)
    assert ArticlePage.objects.get(pk=article.pk).title_en == "Edited by an editor"
    reasons = {item["wp_id"]: item["reason"] for item in report["skipped"]}
    assert "edited in Wagtail" in reasons[300]
    run_import(tmp_path, export=later, force=True)
    assert ArticlePage.objects.get(pk=article.pk).title_en == "Classic post, revised"
