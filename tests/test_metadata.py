"""Page metadata read back from the parsed HTML: description, canonical, hreflang, Open Graph,
Twitter cards, feed autodiscovery and JSON-LD."""

import datetime
import json

import feedparser
import pytest
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage

from tests.languages import LANGUAGES

BASE = "http://localhost"
OG_LOCALES = {"en": "en_US", "az": "az_AZ", "ru": "ru_RU"}


def get_page(client, soup, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return soup(response)


def meta(html, key):
    """The content of ``<meta property=key>`` or ``<meta name=key>`` (all of them for repeated keys)."""
    tags = html.find_all("meta", attrs={"property": key}) + html.find_all("meta", attrs={"name": key})
    return [tag["content"] for tag in tags]


def one(html, key):
    values = meta(html, key)
    assert len(values) == 1, (key, values)
    return values[0]


def json_ld(html):
    return [json.loads(script.string) for script in html.find_all("script", type="application/ld+json")]


def of_type(items, kind):
    found = [item for item in items if item["@type"] == kind]
    assert len(found) == 1, (kind, items)
    return found[0]


def hreflangs(html):
    links = html.find_all("link", rel="alternate")
    return {link["hreflang"]: link["href"] for link in links if link.get("hreflang")}


def canonical(html):
    links = html.find_all("link", rel="canonical")
    assert len(links) == 1
    return links[0]["href"]


def article_url(language, article, section_path):
    return f"{BASE}/{language}/{section_path[language]}/{getattr(article, f'slug_{language}')}/"


NEWS = {"en": "news", "az": "xeberler", "ru": "novosti"}
ECONOMY = {"en": "news/economy", "az": "xeberler/iqtisadiyyat", "ru": "novosti/ekonomika"}


@pytest.fixture
def article(site_tree, make_article, author, tag):
    return make_article(site_tree.economy, authors=[author], tags=[tag])


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_head_has_description_canonical_open_graph_and_twitter(
    client, soup, article, author, tag, language
):
    url = article_url(language, article, ECONOMY)
    html = get_page(client, soup, url)
    title = getattr(article, f"title_{language}")
    intro = getattr(article, f"intro_{language}")

    assert html.title.string.startswith(title)
    assert one(html, "description") == intro
    assert canonical(html) == url
    assert one(html, "og:title") == title
    assert one(html, "og:description") == intro
    assert one(html, "og:url") == url
    assert one(html, "og:type") == "article"
    assert one(html, "og:locale") == OG_LOCALES[language]
    assert sorted(meta(html, "og:locale:alternate")) == sorted(
        OG_LOCALES[code] for code in LANGUAGES if code != language
    )
    image = one(html, "og:image")
    assert image.startswith(f"{BASE}/media/images/")
    assert int(one(html, "og:image:width")) > 0 and int(one(html, "og:image:height")) > 0
    assert one(html, "og:image:alt") == getattr(article, f"hero_alt_{language}")
    published = datetime.datetime.fromisoformat(one(html, "article:published_time"))
    assert abs(published - article.date) < datetime.timedelta(seconds=1)
    assert one(html, "article:section") == getattr(article.get_parent().specific, f"title_{language}")
    assert meta(html, "article:tag") == [getattr(tag, f"name_{language}")]
    assert one(html, "twitter:card") == "summary_large_image"
    assert one(html, "twitter:title") == title
    assert one(html, "twitter:image") == image
    # The image really is there.
    assert default_storage.exists(image.removeprefix(f"{BASE}/media/"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_json_ld_is_a_complete_news_article(client, soup, article, author, tag, language):
    url = article_url(language, article, ECONOMY)
    data = of_type(json_ld(get_page(client, soup, url)), "NewsArticle")

    assert data["@context"] == "https://schema.org"
    assert data["headline"] == getattr(article, f"title_{language}")
    assert data["description"] == getattr(article, f"intro_{language}")
    images = data["image"]
    assert all(image["url"].startswith(f"{BASE}/media/images/") for image in images)
    # 16:9, 4:3 and 1:1 versions (the test image is small, so each is a crop at its own size).
    ratios = [round(image["width"] / image["height"], 2) for image in images]
    assert ratios == [round(16 / 9, 2), round(4 / 3, 2), 1.0]
    assert all(default_storage.exists(image["url"].removeprefix(f"{BASE}/media/")) for image in images)
    published = datetime.datetime.fromisoformat(data["datePublished"])
    assert abs(published - article.date) < datetime.timedelta(seconds=1)
    assert datetime.datetime.fromisoformat(data["dateModified"]) >= article.date
    assert data["author"] == [{"@type": "Person", "name": getattr(author, f"name_{language}")}]
    assert data["publisher"]["name"] == "Aze.Media"
    assert finders.find(data["publisher"]["logo"]["url"].removeprefix(f"{BASE}/static/"))
    assert data["articleSection"] == getattr(article.get_parent().specific, f"title_{language}")
    assert data["inLanguage"] == language
    assert data["mainEntityOfPage"]["@id"] == url
    assert data["keywords"] == [getattr(tag, f"name_{language}")]
    if language == "en":
        assert "translationOfWork" not in data
        translations = {item["inLanguage"]: item["url"] for item in data["workTranslation"]}
        assert translations == {code: article_url(code, article, ECONOMY) for code in ("az", "ru")}
    else:
        assert "workTranslation" not in data
        assert data["translationOfWork"]["url"] == article_url("en", article, ECONOMY)
        assert data["translationOfWork"]["inLanguage"] == "en"

    crumbs = of_type(json_ld(get_page(client, soup, url)), "BreadcrumbList")["itemListElement"]
    assert [crumb["position"] for crumb in crumbs] == [1, 2, 3, 4]
    assert crumbs[-1]["item"] == url
    assert crumbs[-2]["item"] == f"{BASE}/{language}/{ECONOMY[language]}/"


def test_json_ld_cannot_be_broken_out_of_by_article_text(client, soup, site_tree, make_article):
    nasty = 'Closing </script><script>alert("x")</script> & more'
    article = make_article(site_tree.news, title_en=nasty, slugs={"en": "nasty"})
    html = get_page(client, soup, "/en/news/nasty/")
    assert not [script for script in html.find_all("script") if (script.string or "").startswith("alert")]
    assert of_type(json_ld(html), "NewsArticle")["headline"] == article.title_en[:110]


def test_hreflang_sets_are_complete_reciprocal_and_agree_on_x_default(client, soup, site_tree, make_article):
    """Every version lists itself and every other existing version, and nothing else."""
    complete = make_article(site_tree.news)
    no_russian = make_article(site_tree.opinion, languages=("en", "az"))
    english_only = make_article(site_tree.karabakh, languages=("en",))
    sections = {
        complete.pk: NEWS,
        no_russian.pk: {"en": "opinion", "az": "fikir", "ru": "mnenie"},
        english_only.pk: {"en": "karabakh", "az": "qarabag", "ru": "karabakh"},
    }
    for article, languages in ((complete, LANGUAGES), (no_russian, ("en", "az")), (english_only, ("en",))):
        expected = {code: article_url(code, article, sections[article.pk]) for code in languages}
        expected["x-default"] = expected["en"]
        for code in languages:
            html = get_page(client, soup, expected[code].removeprefix(BASE))
            assert hreflangs(html) == expected, (article, code)
            assert canonical(html) == expected[code]
            assert set(hreflangs(html)) <= {*LANGUAGES, "x-default"}
            # Every advertised version is a page that exists.
            for href in hreflangs(html).values():
                assert client.get(href.removeprefix(BASE)).status_code == 200, href


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_carries_website_with_search_action_and_feed_links(
    client, soup, site_tree, make_article, language
):
    make_article(site_tree.news)
    html = get_page(client, soup, f"/{language}/")

    assert canonical(html) == f"{BASE}/{language}/"
    assert hreflangs(html) == {**{code: f"{BASE}/{code}/" for code in LANGUAGES}, "x-default": f"{BASE}/en/"}
    assert one(html, "og:type") == "website"
    assert one(html, "description")
    site = of_type(json_ld(html), "WebSite")
    assert site["url"] == f"{BASE}/{language}/"
    assert site["inLanguage"] == language
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    template = action["target"]["urlTemplate"]
    assert template == f"{BASE}/{language}/search/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"
    assert client.get(template.removeprefix(BASE).replace("{search_term_string}", "news")).status_code == 200

    links = html.find_all("link", rel="alternate")
    feeds = {link["type"]: link["href"] for link in links if link.get("type")}
    assert feeds == {
        "application/rss+xml": f"/{language}/feed/rss/",
        "application/atom+xml": f"/{language}/feed/atom/",
    }
    for href in feeds.values():
        assert not feedparser.parse(client.get(href).content).bozo


@pytest.mark.parametrize("language", LANGUAGES)
def test_section_page_carries_breadcrumbs_and_its_own_feeds(client, soup, site_tree, make_article, language):
    make_article(site_tree.economy)
    html = get_page(client, soup, f"/{language}/{ECONOMY[language]}/")

    crumbs = of_type(json_ld(html), "BreadcrumbList")["itemListElement"]
    assert [crumb["item"] for crumb in crumbs] == [
        f"{BASE}/{language}/",
        f"{BASE}/{language}/{NEWS[language]}/",
        f"{BASE}/{language}/{ECONOMY[language]}/",
    ]
    assert crumbs[-1]["name"] == getattr(site_tree.economy, f"title_{language}")
    assert of_type(json_ld(html), "WebSite")["potentialAction"]["@type"] == "SearchAction"
    feeds = [link["href"] for link in html.find_all("link", rel="alternate") if link.get("type")]
    assert f"/{language}/feed/{ECONOMY[language]}/rss/" in feeds
    assert f"/{language}/feed/{ECONOMY[language]}/atom/" in feeds
    for href in feeds:
        entries = feedparser.parse(client.get(href).content).entries
        assert entries


def test_search_results_are_not_indexed_and_have_no_canonical(client, soup, site_tree):
    html = get_page(client, soup, "/en/search/?q=baku")
    assert meta(html, "robots") and all(value.startswith("noindex") for value in meta(html, "robots"))
    assert not html.find_all("link", rel="canonical")
    assert not hreflangs(html)


def test_content_page_has_description_from_its_intro(client, soup, site_tree):
    html = get_page(client, soup, "/az/haqqimizda/")
    assert one(html, "description") == "Müstəqil nəşr."
    assert canonical(html) == f"{BASE}/az/haqqimizda/"
    assert one(html, "og:locale") == "az_AZ"


def test_search_description_wins_over_the_intro(client, soup, site_tree, make_article):
    article = make_article(site_tree.news, search_description_en="Written for search engines.")
    html = get_page(client, soup, f"/en/news/{article.slug_en}/")
    assert one(html, "description") == "Written for search engines."
    assert one(html, "og:description") == "Written for search engines."


def test_tag_page_is_canonical_in_each_language_with_alternates(client, soup, site_tree, make_article, tag):
    make_article(site_tree.news, tags=[tag])
    expected = {code: f"{BASE}/{code}/tags/{tag.slug}/" for code in LANGUAGES}
    for code in LANGUAGES:
        html = get_page(client, soup, f"/{code}/tags/{tag.slug}/?page=1")
        assert canonical(html) == expected[code]
        assert hreflangs(html) == {**expected, "x-default": expected["en"]}
        assert one(html, "og:locale") == OG_LOCALES[code]


def test_preview_of_a_new_article_has_no_canonical_or_alternates(site_tree, rf, soup):
    """The admin previews a page that has no address yet: its head must still render."""
    from django.template.loader import render_to_string
    from django.utils import timezone

    from news.models import ArticlePage

    request = rf.get(f"/admin/pages/add/news/articlepage/{site_tree.news.pk}/preview/")
    request.is_preview = True
    draft = ArticlePage(
        title="Draft story", title_en="Draft story", intro="Not out yet.", date=timezone.now()
    )
    draft.set_url_path(site_tree.news)  # as Wagtail's create view does before previewing
    html = soup(render_to_string("components/meta.html", draft.get_context(request)))
    assert one(html, "og:title") == "Draft story"
    assert one(html, "description") == "Not out yet."
    assert not html.find_all("link", rel="canonical")
    assert not hreflangs(html)


def test_missing_page_has_no_canonical(client, soup, site_tree):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert not soup(response).find_all("link", rel="canonical")
