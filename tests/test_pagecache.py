"""The page cache for anonymous readers (pagecache/): what is cached, what never is, HTTP validators,
the CSP nonce, and purging on every kind of content change in every language.

The page and fragment caches are off in the test settings; ``page_cache`` turns them on for a test.
"""

import datetime
import io
import re
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction, Site

from home.models import SiteSettings
from news.models import ArticlePage
from news.models.pages import RELATED_COUNT
from pagecache import store, warming
from tests import factories
from tests.languages import LANGUAGES
from translations.links import page_url

NONCE = re.compile(rb'nonce="[^"]*"')


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    settings.FRAGMENT_CACHE = True
    return settings


@pytest.fixture
def article(site_tree, make_article, tag):
    return make_article(site_tree.economy, title_en="Harbour expansion approved", tags=[tag])


def reader_urls(site_tree, article, tag, language):
    return {
        "home": f"/{language}/",
        "section": page_url(site_tree.news, language),
        "subsection": page_url(site_tree.economy, language),
        "article": page_url(article, language),
        "tag": f"/{language}/tags/{tag.slug}/",
        "about": page_url(site_tree.about, language),
        "rss": f"/{language}/feed/rss/",
        "atom": f"/{language}/feed/atom/",
        "news sitemap": f"/sitemap-news-{language}.xml",
        "sitemap": "/sitemap-pages.xml",
        "search page": f"/{language}/search/",
    }


def without_nonce(content: bytes) -> bytes:
    return NONCE.sub(b'nonce=""', content)


def script_nonce(response) -> str:
    policy = response["Content-Security-Policy"]
    return re.search(r"'nonce-([^']+)'", policy).group(1)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reader_page_is_served_from_the_cache_without_a_query(
    client, page_cache, site_tree, article, tag, language, django_assert_num_queries
):
    for kind, url in reader_urls(site_tree, article, tag, language).items():
        first = client.get(url)
        assert first.status_code == 200, (kind, url)
        assert first["X-Page-Cache"] == "MISS", (kind, url)
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second.status_code == 200
        assert second["X-Page-Cache"] == "HIT", (kind, url)
        assert without_nonce(second.content) == without_nonce(first.content), (kind, url)
        assert second["Content-Type"] == first["Content-Type"]
        assert second["ETag"] == first["ETag"]
        cache_control = second["Cache-Control"]
        assert "public" in cache_control and "s-maxage=" in cache_control and "max-age=0" in cache_control


@pytest.mark.django_db
def test_each_url_has_its_own_entry_pages_of_a_listing_included(
    client, page_cache, site_tree, make_articles, soup
):
    make_articles(site_tree.economy, 14)
    first, second = client.get("/en/news/"), client.get("/en/news/?page=2")
    assert first["X-Page-Cache"] == second["X-Page-Cache"] == "MISS"
    titles = [
        [a.get_text(strip=True) for a in soup(response).select(".card-title a, h3 a")]
        for response in (client.get("/en/news/"), client.get("/en/news/?page=2"))
    ]
    assert titles[0] and titles[1] and not set(titles[0]) & set(titles[1])


@pytest.mark.django_db
def test_campaign_and_click_identifiers_get_the_cached_page_and_never_reach_other_readers(
    client, page_cache, site_tree, make_articles, tag, django_assert_num_queries
):
    """Readers from a newsletter (utm_*) or a shared post (each click its own fbclid) get the page the
    cache holds; a listing's own ``page`` parameter still has its own entry."""
    (article, *_others) = make_articles(site_tree.economy, 14, tags=[tag])
    url = page_url(article, "en")
    plain = client.get(url)
    for identifiers in ({"utm_source": "newsletter", "utm_medium": "email"}, {"fbclid": "IwAR0one"}):
        with django_assert_num_queries(0):
            tracked = client.get(url, identifiers)
        assert tracked["X-Page-Cache"] == "HIT"
        assert without_nonce(tracked.content) == without_nonce(plain.content)
    second_page = client.get("/en/news/", {"page": 2, "gclid": "ad-click"})
    assert second_page["X-Page-Cache"] == "MISS"
    assert client.get("/en/news/?page=2")["X-Page-Cache"] == "HIT"
    assert client.get("/en/news/")["X-Page-Cache"] == "MISS"
    # A tag page's language links keep the query string: the first reader's identifier is not in them.
    first_reader = client.get(f"/en/tags/{tag.slug}/", {"fbclid": "reader-one", "page": 1})
    assert first_reader.status_code == 200 and b"reader-one" not in first_reader.content
    assert b"page=1" in first_reader.content


@pytest.mark.django_db
def test_a_hit_carries_a_fresh_nonce_that_matches_its_policy(client, page_cache, site_tree, article, soup):
    url = page_url(article, "ru")
    client.get(url)
    nonces = set()
    for _ in range(2):
        response = client.get(url)
        assert response["X-Page-Cache"] == "HIT"
        nonce = script_nonce(response)
        inline = [tag for tag in soup(response).find_all("script") if not tag.get("src")]
        assert len(inline) >= 2  # the "js" switch and the JSON-LD
        assert {tag["nonce"] for tag in inline} == {nonce}
        nonces.add(nonce)
    assert len(nonces) == 2


@pytest.mark.django_db
def test_conditional_requests_get_304_and_head_works(client, page_cache, site_tree, article):
    url = page_url(article, "az")
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('W/"')
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    # The browser keeps the body it has, with its nonce: a 304 must not bring a new policy.
    assert "Content-Security-Policy" not in not_modified
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='W/"something-else"').status_code == 200
    head = client.head(url)
    assert head.status_code == 200 and head.content == b""
    assert head["X-Page-Cache"] == "HIT" and head["ETag"] == etag
    assert client.head("/en/about-nothing/").status_code == 404


@pytest.mark.django_db
def test_signed_in_editors_are_never_served_or_cached(client, admin_client, page_cache, site_tree, article):
    url = page_url(article, "en")
    assert client.get(url)["X-Page-Cache"] == "MISS"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert b"wagtail-userbar" in response.content  # their own page, not the readers' copy
    assert b"wagtail-userbar" not in client.get(url).content
    # A CSRF cookie alone (someone who opened a form) is enough to bypass the cache as well.
    client.cookies["csrftoken"] = "x" * 32
    assert "X-Page-Cache" not in client.get(url)


@pytest.mark.django_db
def test_search_with_a_query_errors_and_cookie_setting_responses_are_not_cached(
    client, page_cache, site_tree, article
):
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/en/search/", {"q": "harbour"})
        assert "X-Page-Cache" not in client.get("/en/no-such-page/")
        assert client.get("/").status_code == 302
        assert "X-Page-Cache" not in client.get("/")
    # A password-protected page answers with a form that sets the CSRF cookie: never stored.
    PageViewRestriction.objects.create(page=site_tree.donate, restriction_type="password", password="pw")
    url = page_url(site_tree.donate, "en")
    for _ in range(2):
        response = client.get(url)
        client.cookies.clear()
        assert response.status_code == 200 and response.cookies
        assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_page_cache_false_turns_it_off(client, settings, site_tree, article):
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = False
    url = page_url(article, "en")
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response and "ETag" not in response


# --- Purging ---------------------------------------------------------------------------------
def warm(client, urls):
    for url in urls:
        client.get(url)
    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "HIT", url


@pytest.mark.django_db
def test_publishing_an_edit_shows_at_once_in_every_language_and_listing(
    client, page_cache, site_tree, article, tag
):
    urls = {language: reader_urls(site_tree, article, tag, language) for language in LANGUAGES}
    warm(client, [url for by_kind in urls.values() for url in by_kind.values()])
    with translation.override("en"):
        for language in LANGUAGES:
            setattr(article, f"title_{language}", f"Edited headline {language}")
        article.save_revision().publish()
    for language in LANGUAGES:
        for kind in ("home", "section", "subsection", "article", "tag", "rss", "atom", "news sitemap"):
            response = client.get(urls[language][kind])
            assert f"Edited headline {language}".encode() in response.content, (language, kind)


@pytest.mark.django_db
def test_unpublishing_moving_and_deleting_purge(client, page_cache, site_tree, article, make_article):
    other = make_article(site_tree.energy, title_en="Pipeline deal signed")
    make_article(site_tree.karabakh, title_en="Another story stays on the home page")
    home_urls = [f"/{language}/" for language in LANGUAGES]
    energy = [page_url(site_tree.energy, language) for language in LANGUAGES]
    warm(client, [*home_urls, *energy, page_url(article, "ru")])

    article.unpublish()
    assert client.get(page_url(article, "ru")).status_code == 404
    assert all(b"Harbour expansion" not in client.get(url).content for url in home_urls)

    other.move(site_tree.opinion, pos="last-child")
    other.refresh_from_db()
    assert all(b"Pipeline deal" not in client.get(url).content for url in energy)
    warm(client, [page_url(other, language) for language in LANGUAGES])

    ArticlePage.objects.get(pk=other.pk).delete()
    assert all(client.get(page_url(site_tree.opinion, lang)).status_code == 200 for lang in LANGUAGES)
    assert all(b"Pipeline deal" not in client.get(url).content for url in home_urls)


@pytest.mark.django_db
def test_a_new_slug_leaves_the_old_address_redirecting(client, page_cache, article):
    old = {language: page_url(article, language) for language in LANGUAGES}
    warm(client, old.values())
    with translation.override("en"):
        for language in LANGUAGES:
            setattr(article, f"slug_{language}", f"renamed-{language}")
        article.save_revision().publish()
    for language in LANGUAGES:
        response = client.get(old[language])
        assert response.status_code == 301, language
        assert response["Location"].endswith(f"/renamed-{language}/")


@pytest.mark.django_db
def test_scheduled_go_live_purges(client, page_cache, site_tree, make_article):
    make_article(site_tree.karabakh, title_en="Another story stays on the home page")
    article = make_article(site_tree.economy, title_en="Scheduled budget story", publish_it=False)
    article.unpublish()
    home_urls = [f"/{language}/" for language in LANGUAGES]
    warm(client, home_urls)
    go_live_at = timezone.now() + datetime.timedelta(seconds=1)
    with translation.override("en"):  # what an editor does: set the date in Settings, press Publish
        article.go_live_at = article.date = go_live_at
        article.save_revision().publish()
    assert b"Scheduled budget" not in client.get("/en/").content
    time.sleep(max(0.0, (go_live_at - timezone.now()).total_seconds()) + 0.05)
    call_command("publish_scheduled")  # what run_scheduler does every minute
    for language in LANGUAGES:
        response = client.get(f"/{language}/")
        assert response["X-Page-Cache"] == "MISS"
        assert page_url(article, language).encode() in response.content


@pytest.mark.django_db
def test_authors_tags_and_site_settings_purge(client, page_cache, site_tree, make_article, author, tag):
    article = make_article(site_tree.economy, authors=[author], tags=[tag])
    urls = [page_url(article, language) for language in LANGUAGES]
    warm(client, urls)
    author.name_en = author.name_az = author.name_ru = "Renamed Reporter"
    author.save()
    assert all(b"Renamed Reporter" in client.get(url).content for url in urls)
    warm(client, urls)
    tag.name_en = tag.name_az = tag.name_ru = "Renamedtag"
    tag.save()
    assert all(b"Renamedtag" in client.get(url).content for url in urls)
    warm(client, urls)
    site_settings = SiteSettings.for_site(site_tree.site)
    site_settings.footer_about_en = site_settings.footer_about_az = site_settings.footer_about_ru = (
        "New footer"
    )
    site_settings.footer_about = "New footer"
    site_settings.save()
    assert all(b"New footer" in client.get(url).content for url in urls)


@pytest.mark.django_db
def test_making_a_page_private_and_public_again_shows_at_once(client, page_cache, site_tree, article):
    """Privacy set on an article, then on a section, in the admin: anonymous readers lose the page at
    once (its address asks them to sign in; listings and the menu drop it), and get it back when the
    restriction is removed."""
    links = {language: f'href="{page_url(article, language)}"'.encode() for language in LANGUAGES}
    listings = {language: [page_url(site_tree.economy, language), f"/{language}/"] for language in LANGUAGES}
    warm(client, [*(page_url(article, language) for language in LANGUAGES), *sum(listings.values(), [])])

    def listed() -> list[bool]:
        return [links[lang] in client.get(url).content for lang, urls in listings.items() for url in urls]

    assert all(listed())
    restriction = PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    for language in LANGUAGES:
        response = client.get(page_url(article, language))
        assert response.status_code == 302 and "login" in response["Location"], language
    assert not any(listed())

    restriction.delete()
    assert all(client.get(page_url(article, language)).status_code == 200 for language in LANGUAGES)
    assert all(listed())

    section = page_url(site_tree.opinion, "en")
    warm(client, ["/en/", section])
    assert f'href="{section}"'.encode() in client.get("/en/").content
    PageViewRestriction.objects.create(page=site_tree.opinion, restriction_type=PageViewRestriction.PASSWORD)
    assert f'href="{section}"'.encode() not in client.get("/en/").content
    assert "X-Page-Cache" not in client.get(section)


# --- Fragments ------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_cached_fragments_render_what_the_page_would_render_without_them(
    client, settings, site_tree, make_articles, tag, language
):
    articles = make_articles(site_tree.economy, 12, tags=[tag]) + make_articles(site_tree.energy, 2)
    urls = [
        f"/{language}/",
        page_url(site_tree.news, language),
        page_url(site_tree.economy, language),
        page_url(site_tree.about, language),
        page_url(site_tree.donate, language),
        f"/{language}/tags/{tag.slug}/",
        *(page_url(article, language) for article in (articles[0], articles[5], articles[-1], articles[-2])),
    ]
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = False
    plain = {url: without_nonce(client.get(url).content) for url in urls}
    settings.FRAGMENT_CACHE = True
    for _round in range(2):  # filling the fragments, then reading them
        for url in urls:
            assert without_nonce(client.get(url).content) == plain[url], url


@pytest.mark.django_db
def test_fragments_are_shared_between_articles_until_content_changes(
    client, settings, site_tree, make_articles
):
    articles = make_articles(site_tree.economy, 12)
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = True
    newest, older, oldest = articles[0], articles[-2], articles[-1]
    client.get(page_url(older, "ru"))  # fills the menu, footer and "New articles" for older articles
    # A change that bypasses every signal (a raw UPDATE): the shared parts do not see it...
    ArticlePage.objects.filter(pk=newest.pk).update(title_ru="Тихая правка")
    assert "Тихая правка" not in aside(client.get(page_url(oldest, "ru")))
    # ...the newest article has a list of its own (it leaves itself out), and the next change
    # (any publish) retires them all.
    assert page_url(newest, "ru") not in aside(client.get(page_url(newest, "ru")))
    factories.publish(older)
    assert "Тихая правка" in aside(client.get(page_url(oldest, "ru")))


@pytest.mark.django_db
def test_related_cards_are_shared_by_a_sections_articles_each_leaving_itself_out(
    client, settings, site_tree, make_articles
):
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = True
    articles = make_articles(site_tree.economy, RELATED_COUNT + 4)  # newest first
    elsewhere = make_articles(site_tree.energy, 3)
    newest, oldest = articles[0], articles[-1]
    urls = lambda page: [page_url(a, "ru") for a in page]  # noqa: E731

    assert related(client, oldest) == urls(articles[:RELATED_COUNT])  # fills the section's cards
    # A change that bypasses every signal (a raw UPDATE): the section's cards are shared...
    ArticlePage.objects.filter(pk=newest.pk).update(title_ru="Тихая правка")
    response = client.get(page_url(articles[-2], "ru"))
    assert "Тихая правка" not in response.content.decode()
    # ...each article leaves itself out of the same list...
    assert related(client, newest) == urls(articles[1 : RELATED_COUNT + 1])
    # ...another section has its own...
    assert related(client, elsewhere[0]) == urls(elsewhere[1:])
    # ...and the next change (any publish) retires them all.
    latest = factories.create_article(site_tree.economy, date=timezone.now())
    assert related(client, oldest)[:2] == [page_url(latest, "ru"), page_url(newest, "ru")]
    assert "Тихая правка" in client.get(page_url(oldest, "ru")).content.decode()


def related(client, article) -> list[str]:
    """The addresses the "Related" cards of ``article``'s Russian page link to, in order."""
    html = client.get(page_url(article, "ru")).content.decode()
    section = html[
        html.index('<section class="related') : html.index(
            "</section>", html.index('<section class="related')
        )
    ]
    return re.findall(r'<h3 class="card-title"><a href="([^"]+)"', section)


def aside(response) -> str:
    html = response.content.decode()
    return html[html.index('<aside class="article-aside"') : html.index("</aside>")]


@pytest.mark.django_db
def test_a_change_made_by_another_process_retires_this_processs_copy(client, page_cache, site_tree, article):
    url = page_url(article, "en")
    assert client.get(url)["X-Page-Cache"] == "MISS"
    assert client.get(url)["X-Page-Cache"] == "HIT"  # served from this process's copy
    # Another worker publishes: the title changes in the database and that worker stores a new
    # generation in the shared cache. Nothing happens in this process.
    ArticlePage.objects.filter(pk=article.pk).update(title_en="Harbour expansion halted")
    store.cache().set(store.GENERATION_KEY, "set-by-another-worker", None)
    response = client.get(url)
    assert response["X-Page-Cache"] == "MISS"
    assert b"Harbour expansion halted" in response.content


@pytest.mark.django_db
def test_a_copy_ends_with_the_entry_it_was_taken_from(client, page_cache, site_tree, article):
    page_cache.PAGE_CACHE_SECONDS = 1
    url = page_url(article, "ru")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "HIT"
    # A change whose purge was lost (Redis down while an editor published): the entry's life bounds it.
    ArticlePage.objects.filter(pk=article.pk).update(title_ru="Расширение порта остановлено")
    time.sleep(1.2)
    response = client.get(url)
    assert response["X-Page-Cache"] == "MISS"
    assert "Расширение порта остановлено" in response.content.decode()


def test_the_copies_of_a_process_stay_within_their_byte_budget(settings):
    settings.PAGE_CACHE_LOCAL_BYTES = 40_000
    copies = store.LocalCopies()
    expires = time.time() + 60
    for number in range(10):
        copies.put(f"page-{number}", "g1", b"x" * 9_000, expires)
    assert copies.get("page-0") is None  # the least recently used went first
    assert copies.get("page-9") == ("g1", b"x" * 9_000)
    assert copies.get("page-9", "g2") is None  # another generation: gone
    held = sum(copies.get(f"page-{number}") is not None for number in range(10))
    assert 1 <= held <= 40_000 // 9_000
    copies.put("huge", "g1", b"x" * 20_000, expires)  # over a quarter of the budget: never copied
    assert copies.get("huge") is None


@pytest.mark.django_db
@pytest.mark.parametrize("whole_pages", [True, False], ids=["page cache", "fragments only"])
def test_a_change_to_the_site_shows_on_the_next_page(client, settings, site_tree, article, soup, whole_pages):
    # Each process keeps the Site it found for a host for the current generation (pagecache.sites).
    settings.PAGE_CACHE, settings.FRAGMENT_CACHE = whole_pages, True
    url = page_url(article, "en")
    for _ in range(2):
        canonical = soup(client.get(url)).find("link", rel="canonical")["href"]
    assert canonical.startswith("http://localhost")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "news.example.org", 443
    site.save()
    response = client.get(url)
    assert soup(response).find("link", rel="canonical")["href"] == canonical.replace(
        "http://localhost", "https://news.example.org"
    )


# --- Warming: the scheduler builds the first pages after a change (pagecache.warming) -----------------
@pytest.mark.django_db
def test_after_a_publish_the_scheduler_builds_home_and_the_new_article_before_readers_ask(
    page_cache, site_tree, make_article, make_articles
):
    reader = Client(HTTP_HOST="localhost")  # the default Site's address
    yesterday = timezone.now() - datetime.timedelta(days=1)
    first = make_article(site_tree.economy, title_en="Harbour expansion approved", date=yesterday)
    make_articles(site_tree.economy, warming.NEWEST_ARTICLES)  # newer than the first
    call_command("warm_pages", stdout=io.StringIO())
    breaking = make_article(site_tree.energy, title_en="Pipeline closed after blast", date=timezone.now())
    output = io.StringIO()
    call_command("run_scheduler", "--once", "--newsletter-interval", "0", stdout=output)
    assert "pages for readers" in output.getvalue()
    for language in LANGUAGES:
        for url in (f"/{language}/", page_url(breaking, language), page_url(site_tree.energy, language)):
            response = reader.get(url)
            assert response.status_code == 200
            assert response["X-Page-Cache"] == "HIT", url
        assert breaking.title_en in reader.get("/en/").content.decode()
        # An older article was not built, but the parts it shares with them were.
        older = page_url(first, language)
        with CaptureQueriesContext(connection) as first_view:
            assert reader.get(older)["X-Page-Cache"] == "MISS"
        with CaptureQueriesContext(connection) as later_view:
            reader.get(older + "?page=1")  # the same page under another cache key
        assert len(first_view.captured_queries) == len(later_view.captured_queries), "\n".join(
            q["sql"][:150] for q in first_view.captured_queries
        )

    # Nothing changed since: nothing is built again, and the scheduler's check sends no query.
    output = io.StringIO()
    with CaptureQueriesContext(connection) as idle:
        call_command("warm_pages", stdout=output)
    assert output.getvalue() == ""
    assert idle.captured_queries == []
