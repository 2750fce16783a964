"""Author pages (``/<lang>/authors/<slug>/``): one per author in every language, listing that author's
articles in that language only, newest first, paginated like a section, with RSS and Atom feeds,
JSON-LD ``Person``, canonical and hreflang, bylines that link to them, and a flat query count."""

import json

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from news.models import Author
from news.models.pages import ARTICLES_PER_PAGE, ArticleAuthor
from pagecache import purge
from tests import factories
from tests.languages import LANGUAGES
from translations.links import page_url

AUTHOR_BUDGET = 12


def author_url(author, language):
    return f"/{language}/authors/{author.slug}/"


def json_ld(html):
    return [json.loads(script.string) for script in html.find_all("script", type="application/ld+json")]


def of_type(items, kind):
    return next(item for item in items if item.get("@type") == kind)


@pytest.fixture
def reporter(db):
    photo = factories.ImageFactory()
    return factories.AuthorFactory(
        name_en="Leyla Aliyeva",
        name_az="Leyla Əliyeva",
        name_ru="Лейла Алиева",
        role_en="Economics correspondent",
        role_az="İqtisadiyyat müxbiri",
        role_ru="Экономический корреспондент",
        bio_en="Covers energy & <markets>.",
        bio_az="Enerji və bazarlar haqqında yazır.",
        bio_ru="Пишет об энергетике и рынках.",
        photo=photo,
        x_url="https://x.com/leyla",
        website="https://leyla.example.org/",
    )


# --- The snippet ------------------------------------------------------------------------------------
def test_slug_is_latin_unique_and_filled_from_the_name(db):
    first = factories.AuthorFactory(name_en="Şəhla Məmmədova")
    second = factories.AuthorFactory(name_en="Şəhla Məmmədova")
    russian_only = Author.objects.create(name_en="", name_ru="Пётр Щукин")
    assert first.slug == "sehla-memmedova"
    assert second.slug == "sehla-memmedova-2"
    assert russian_only.slug == "petr-shchukin"
    typed = factories.AuthorFactory(name_en="Someone", slug="")
    typed.slug = "my-own-slug"
    typed.save()
    assert Author.objects.get(pk=typed.pk).slug == "my-own-slug"


def test_social_links_must_be_web_addresses(db):
    author = factories.AuthorFactory.build(x_url="javascript:alert(1)", telegram_url="ftp://t.me/x")
    with pytest.raises(ValidationError) as error:
        author.full_clean()  # what the snippet form checks
    assert {"x_url", "telegram_url"} <= set(error.value.message_dict)
    author.save()  # written by code: the sanitiser drops the address
    assert Author.objects.get(pk=author.pk).x_url == ""


# --- The page -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_author_page_shows_the_profile_and_only_that_languages_articles(
    client, soup, site_tree, make_article, reporter, language
):
    older = make_article(site_tree.economy, authors=[reporter], title_en="Older story")
    newer = make_article(site_tree.energy, authors=[reporter, factories.AuthorFactory()], title_en="Newer")
    english_only = make_article(
        site_tree.opinion, authors=[reporter], languages=("en",), title_en="English only"
    )
    someone_elses = make_article(site_tree.economy, title_en="Not by her")

    response = client.get(author_url(reporter, language))

    assert response.status_code == 200
    html = soup(response)
    assert html.find("h1").get_text(strip=True) == getattr(reporter, f"name_{language}")
    assert getattr(reporter, f"role_{language}") in html.find(class_="author-role").get_text()
    assert getattr(reporter, f"bio_{language}") in html.find(class_="author-bio").get_text()
    assert html.find("img", class_="author-photo") or html.select_one(".author picture")
    assert [a["href"] for a in html.select(".author-links a")] == [
        "https://leyla.example.org/",
        "https://x.com/leyla",
    ]
    cards = [a.get_text(strip=True) for a in html.select(".card-title a")]
    # Newest first (make_article dates each article a minute before the previous one's).
    expected = [older, newer] + ([english_only] if language == "en" else [])
    expected.sort(key=lambda article: article.date, reverse=True)
    assert cards == [getattr(article, f"title_{language}") for article in expected]
    assert getattr(someone_elses, f"title_{language}") not in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_author_without_articles_in_a_language_has_a_page_saying_so(
    client, soup, site_tree, make_article, reporter, language
):
    make_article(site_tree.economy, authors=[reporter], languages=("en",))
    response = client.get(author_url(reporter, language))
    assert response.status_code == 200
    html = soup(response)
    assert html.find("h1").get_text(strip=True) == getattr(reporter, f"name_{language}")
    empty = html.find(class_="empty")
    if language == "en":
        assert empty is None
        assert len(html.select(".card")) == 1
    else:
        expected = {
            "az": "Bu müəllifin bu dildə hələ məqaləsi yoxdur.",
            "ru": "У этого автора пока нет статей на этом языке.",
        }[language]
        assert empty.get_text(strip=True) == expected
        assert not html.select(".card")


def test_unknown_author_and_bad_page_numbers_are_404(client, soup, site_tree, reporter):
    assert client.get("/en/authors/nobody-here/").status_code == 404
    assert client.get("/ru/feed/authors/nobody-here/rss/").status_code == 404
    for value in ["0", "2", "abc", "1.5", "99999"]:
        response = client.get(author_url(reporter, "az"), {"page": value})
        assert response.status_code == 404, value
        assert soup(response).find("h1").get_text(strip=True) == "Səhifə tapılmadı"


@pytest.mark.parametrize("language", LANGUAGES)
def test_bylines_cards_and_author_box_link_to_the_author_page(
    client, soup, site_tree, make_article, reporter, language
):
    article = make_article(site_tree.economy, authors=[reporter])
    wanted = author_url(reporter, language)

    page = soup(client.get(page_url(article, language)))
    assert page.select_one(".byline a")["href"] == wanted
    assert page.select_one(".author-box .author-name a")["href"] == wanted
    assert getattr(reporter, f"role_{language}") in page.select_one(".author-box").get_text()

    section = soup(client.get(page_url(site_tree.economy, language)))
    assert [a["href"] for a in section.select(".card-authors a")] == [wanted]


def test_each_article_shows_its_own_bylines_photos_and_tags_and_then_their_edits(
    client, soup, site_tree, make_article, reporter
):
    """An article's bylines and tags are read by queries compiled once for every article
    (``ArticlePage.load_route_relations``): each page gets its own, in byline order, and an edit."""
    colleague = factories.AuthorFactory(name_en="Tural Hasanli", name_ru="Турал Гасанлы", photo=None)
    energy = factories.TagFactory(name_en="Energy", name_ru="Энергетика", slug="energy")
    caspian = factories.TagFactory(name_en="Caspian", name_ru="Каспий", slug="caspian")
    first = make_article(site_tree.economy, authors=[reporter, colleague], tags=[energy, caspian])
    second = make_article(site_tree.opinion, authors=[colleague], tags=[])

    def shown(article, language):
        html = soup(client.get(page_url(article, language)))
        bylines = [link.get_text() for link in html.select(".byline-name")]
        photos = [bool(box.select_one("img.author-photo")) for box in html.select(".author-box .author")]
        return bylines, photos, [link.get_text() for link in html.select(".tags .tag")]

    # Tags in the order of their slugs, as everywhere else.
    assert shown(first, "en") == (["Leyla Aliyeva", "Tural Hasanli"], [True, False], ["Caspian", "Energy"])
    assert shown(first, "ru") == (["Лейла Алиева", "Турал Гасанлы"], [True, False], ["Каспий", "Энергетика"])
    assert shown(second, "en") == (["Tural Hasanli"], [False], [])

    first = first.specific.get_latest_revision_as_object()
    first.article_authors = [ArticleAuthor(author=colleague), ArticleAuthor(author=reporter)]
    first.tags = [energy]
    first.save_revision().publish()
    assert shown(first, "en") == (["Tural Hasanli", "Leyla Aliyeva"], [False, True], ["Energy"])
    assert shown(second, "ru") == (["Турал Гасанлы"], [False], [])


@pytest.mark.parametrize("language", LANGUAGES)
def test_head_has_canonical_hreflang_feeds_and_a_person(
    client, soup, site_tree, make_article, reporter, language
):
    make_article(site_tree.economy, authors=[reporter])
    html = soup(client.get(author_url(reporter, language)))

    canonical = html.find("link", rel="canonical")["href"]
    assert canonical == f"http://localhost{author_url(reporter, language)}"
    alternates = {
        link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates == {
        **{code: f"http://localhost{author_url(reporter, code)}" for code in LANGUAGES},
        "x-default": f"http://localhost{author_url(reporter, 'en')}",
    }
    feeds = {link["href"] for link in html.find_all("link", rel="alternate", type=True)}
    assert {
        f"/{language}/feed/authors/{reporter.slug}/rss/",
        f"/{language}/feed/authors/{reporter.slug}/atom/",
    } <= feeds

    person = of_type(json_ld(html), "Person")
    assert person["name"] == getattr(reporter, f"name_{language}")
    assert person["url"] == canonical
    assert person["jobTitle"] == getattr(reporter, f"role_{language}")
    assert person["description"] == getattr(reporter, f"bio_{language}")
    assert person["sameAs"] == ["https://leyla.example.org/", "https://x.com/leyla"]
    assert person["image"]["url"].startswith("http://localhost/media/images/")
    assert html.find("meta", property="og:type")["content"] == "profile"


@pytest.mark.parametrize("language", LANGUAGES)
def test_author_pages_paginate_like_sections(client, soup, site_tree, make_articles, reporter, language):
    make_articles(site_tree.opinion, ARTICLES_PER_PAGE + 2, authors=[reporter])
    url = author_url(reporter, language)

    first = client.get(url, {"page": "1"})
    assert len(first.context["articles"]) == ARTICLES_PER_PAGE
    assert soup(first).find("link", rel="canonical")["href"] == f"http://localhost{url}"

    second = soup(client.get(url, {"page": "2"}))
    assert len(second.select(".card")) == 2
    assert second.find("link", rel="canonical")["href"] == f"http://localhost{url}?page=2"
    alternates = {
        link["hreflang"]: link["href"] for link in second.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates[language].endswith("?page=2")
    assert len(alternates) == len(LANGUAGES) + 1


# --- Feeds --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ("rss", "atom"))
@pytest.mark.parametrize("language", LANGUAGES)
def test_author_feeds_list_their_articles_in_the_language_with_escaped_fields(
    client, site_tree, make_article, reporter, language, kind
):
    mine = make_article(
        site_tree.economy,
        authors=[reporter],
        title_en="Gas & <oil> prices",
        title_az="Qaz & <neft>",
        title_ru="Газ & <нефть>",
    )
    make_article(site_tree.economy, authors=[reporter], languages=("en",), title_en="English only story")
    make_article(site_tree.economy, title_en="Someone else's story")

    response = client.get(f"/{language}/feed/authors/{reporter.slug}/{kind}/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/rss+xml" if kind == "rss" else "application/atom+xml"
    )
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert getattr(reporter, f"name_{language}") in feed.feed.title
    assert feed.feed.link == f"http://localhost{author_url(reporter, language)}"
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == getattr(mine, f"title_{language}")  # "&" and "<" came through as text
    assert ("English only story" in titles) is (language == "en")
    assert "Someone else's story" not in titles
    assert b"<oil>" not in response.content and b"<neft>" not in response.content


# --- Query budget ---------------------------------------------------------------------------------
def count_queries(client, url):
    assert client.get(url).status_code == 200  # warm the caches a running site keeps warm
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries), captured


def test_author_page_and_feed_query_counts_stay_flat_as_articles_grow(
    client, site_tree, make_articles, reporter
):
    make_articles(site_tree.economy, 3, authors=[reporter])
    urls = [author_url(reporter, code) for code in LANGUAGES] + [f"/ru/feed/authors/{reporter.slug}/rss/"]
    before = {url: count_queries(client, url)[0] for url in urls}
    make_articles(site_tree.energy, 40, authors=[reporter, factories.AuthorFactory()])
    for url in urls:
        after, captured = count_queries(client, url)
        queries = "\n".join(q["sql"][:160] for q in captured.captured_queries)
        assert after == before[url], f"{url}: {before[url]} queries at 3 articles, {after} at 43\n{queries}"
        assert after <= AUTHOR_BUDGET, f"{url}: {after}\n{queries}"


# --- Page cache ---------------------------------------------------------------------------------------
@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    settings.FRAGMENT_CACHE = True
    return settings


def test_author_pages_are_cached_and_fresh_after_a_publish_in_every_language(
    client, page_cache, site_tree, make_article, reporter
):
    article = make_article(site_tree.economy, authors=[reporter])
    urls = {code: author_url(reporter, code) for code in LANGUAGES}
    for url in urls.values():
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "HIT", url
    with translation.override("en"):
        for code in LANGUAGES:
            setattr(article, f"title_{code}", f"Edited headline {code}")
        article.save_revision().publish()
    for code, url in urls.items():
        response = client.get(url)
        assert response["X-Page-Cache"] == "MISS"
        assert f"Edited headline {code}".encode() in response.content, code
    article.unpublish()
    for code, url in urls.items():
        assert b"Edited headline" not in client.get(url).content, code


def test_a_publish_purges_its_authors_pages_and_feeds_from_the_front_cache(site_tree, make_article, reporter):
    article = make_article(site_tree.economy, authors=[reporter])
    paths = purge.page_paths(article)
    for code in LANGUAGES:
        assert author_url(reporter, code) in paths
        assert f"/{code}/feed/authors/{reporter.slug}/rss/" in paths
        assert f"/{code}/feed/authors/{reporter.slug}/atom/" in paths
        assert f"/{code}/corrections/" in paths


# --- Sitemap --------------------------------------------------------------------------------------------
def test_authors_sitemap_lists_each_author_page_in_the_languages_they_write_in(
    client, site_tree, make_article, reporter
):
    import xml.etree.ElementTree as ET

    make_article(site_tree.economy, authors=[reporter], languages=("en", "ru"))
    silent = factories.AuthorFactory()  # no articles: no entry
    response = client.get("/sitemap-authors.xml")
    assert response.status_code == 200
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
    urlset = ET.fromstring(response.content)  # noqa: S314 - our own response
    entries = {
        url.findtext("sm:loc", namespaces=ns): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", ns)
        }
        for url in urlset.findall("sm:url", ns)
    }
    base = "http://localhost"
    assert set(entries) == {f"{base}{author_url(reporter, code)}" for code in ("en", "ru")}
    alternates = next(iter(entries.values()))
    assert alternates["az"] == f"{base}{author_url(reporter, 'az')}"
    assert alternates["x-default"] == f"{base}{author_url(reporter, 'en')}"
    assert silent.slug not in response.content.decode()
