"""Editors' text reaches feed readers as text: markup typed into any field never becomes markup.

Every field that reaches a feed (article title, standfirst, author, section title and introduction,
hero alt text and caption, and a tag on the article) holds a payload of markup. Each feed (RSS and Atom,
the language feed and a section feed, every language) is read twice: as raw XML, where no element
may come from the payload, text elements must hold the literal text and elements readers take as HTML
must hold it HTML-escaped; and through feedparser, which must report the literal text.
"""

import html
import xml.etree.ElementTree as ET

import feedparser
import pytest

from news.models import ArticlePage, CategoryIndexPage
from tests import factories
from tests.factories import CONTENT_LANGUAGES as LANGUAGES

# Short enough for every field it goes into (author and tag names hold 80 characters on PostgreSQL).
PAYLOAD = "<img src=x onerror=alert(1)><script>x</script>]]>&amp;\"q\"'s'<b>b</b>"
FORMATS = ("rss", "atom")
SECTION_PATHS = {"en": "news", "az": "xeberler", "ru": "novosti"}
ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA = "{http://search.yahoo.com/mrss/}"
DC = "{http://purl.org/dc/elements/1.1/}"
PAYLOAD_TAGS = {"img", "script", "b"}


def text(field, language):
    """The literal value of ``field`` in ``language``, payload included."""
    return f"{field} {language} {PAYLOAD}"


@pytest.fixture
def hostile(site_tree, make_article):
    """An article in News, and one falling back to its caption for alt text, with a payload everywhere."""
    CategoryIndexPage.objects.filter(pk=site_tree.news.pk).update(
        **factories.translated("title", {code: text("Section", code) for code in LANGUAGES}),
        **factories.translated("intro", {code: text("Section intro", code) for code in LANGUAGES}),
    )
    author = factories.AuthorFactory(
        **factories.translated("name", {c: text("Author", c) for c in LANGUAGES})
    )
    tag = factories.TagFactory(**factories.translated("name", {c: text("Tag", c) for c in LANGUAGES}))
    titles = {f"title_{code}": text("Title", code) for code in LANGUAGES}
    article = make_article(site_tree.news, authors=[author], tags=[tag], **titles)
    captioned = make_article(
        site_tree.news, authors=[author], **{f"title_{c}": text("Captioned", c) for c in LANGUAGES}
    )
    for page, alt in ((article, "Alt"), (captioned, None)):
        ArticlePage.objects.filter(pk=page.pk).update(
            **factories.translated("intro", {code: text("Intro", code) for code in LANGUAGES}),
            **factories.translated("hero_caption", {code: text("Caption", code) for code in LANGUAGES}),
            **factories.translated("hero_alt", {code: text(alt, code) if alt else "" for code in LANGUAGES}),
        )
    return article


def feed_url(language, kind, scope):
    section = f"{SECTION_PATHS[language]}/" if scope == "section" else ""
    return f"/{language}/feed/{section}{kind}/"


def get_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    root = ET.fromstring(response.content)  # noqa: S314 (our own output)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return root, parsed


def assert_no_payload_elements(root):
    local_names = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert not local_names & PAYLOAD_TAGS, local_names


def assert_html_escaped(value, literal):
    """``value`` is HTML that shows ``literal`` as text: escaped, with no tag in it."""
    assert "<" not in value, value
    assert "&lt;img" in value
    assert html.unescape(value) == literal


@pytest.mark.parametrize("scope", ["language", "section"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_rss_carries_every_field_as_text(client, hostile, language, scope):
    root, parsed = get_feed(client, feed_url(language, "rss", scope))
    assert_no_payload_elements(root)
    channel = root.find("channel")
    items = {item.findtext("title"): item for item in channel.iter("item")}

    # Raw XML. <title>, <category>, <dc:creator>, <media:description>: the literal text.
    item = items[text("Title", language)]
    assert item.findtext(f"{DC}creator") == text("Author", language)
    assert text("Section", language) in [category.text for category in item.iter("category")]
    media = item.find(f"{MEDIA}content/{MEDIA}description")
    assert media.text == text("Alt", language)
    assert media.get("type") == "plain"
    captioned = items[text("Captioned", language)]
    assert captioned.findtext(f"{MEDIA}content/{MEDIA}description") == text("Caption", language)
    # <description> is HTML to readers: the text HTML-escaped.
    assert_html_escaped(item.findtext("description"), text("Intro", language))
    assert item.findtext("description") == html.escape(text("Intro", language))
    if scope == "section":
        assert channel.findtext("title").endswith(text("Section", language))
        assert_html_escaped(channel.findtext("description"), text("Section intro", language))

    # What a reader sees.
    entry = next(e for e in parsed.entries if e.title == text("Title", language))
    assert entry.title_detail.type == "text/plain"
    assert entry.author == text("Author", language)
    assert text("Section", language) in [term.term for term in entry.tags]
    assert_html_escaped(entry.summary, text("Intro", language))
    if scope == "section":
        assert parsed.feed.title.endswith(text("Section", language))
        assert_html_escaped(parsed.feed.subtitle, text("Section intro", language))


@pytest.mark.parametrize("scope", ["language", "section"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_atom_carries_every_field_as_text(client, hostile, language, scope):
    root, parsed = get_feed(client, feed_url(language, "atom", scope))
    assert_no_payload_elements(root)
    entries = {entry.findtext(f"{ATOM}title"): entry for entry in root.iter(f"{ATOM}entry")}

    # Raw XML. <title> (no type: text), <author><name>, <category term>: the literal text.
    entry = entries[text("Title", language)]
    assert entry.find(f"{ATOM}title").get("type") in (None, "text")
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == text("Author", language)
    assert text("Section", language) in [c.get("term") for c in entry.iter(f"{ATOM}category")]
    # <summary type="html">: the text HTML-escaped.
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text == html.escape(text("Intro", language))
    assert_html_escaped(summary.text, text("Intro", language))
    if scope == "section":
        assert root.findtext(f"{ATOM}title").endswith(text("Section", language))
        subtitle = root.find(f"{ATOM}subtitle")
        assert subtitle.get("type") in (None, "text")
        assert subtitle.text == text("Section intro", language)

    # What a reader sees.
    parsed_entry = next(e for e in parsed.entries if e.title == text("Title", language))
    assert parsed_entry.title_detail.type == "text/plain"
    assert parsed_entry.author == text("Author", language)
    assert text("Section", language) in [term.term for term in parsed_entry.tags]
    assert_html_escaped(parsed_entry.summary, text("Intro", language))
    if scope == "section":
        assert parsed.feed.title.endswith(text("Section", language))
        assert parsed.feed.subtitle_detail.type == "text/plain"
        assert parsed.feed.subtitle == text("Section intro", language)


@pytest.mark.parametrize("kind", FORMATS)
def test_control_characters_are_dropped_not_a_broken_feed(client, site_tree, make_article, kind):
    article = make_article(site_tree.news, title_en="Vertical\x0btab")
    ArticlePage.objects.filter(pk=article.pk).update(
        intro_en="Form\x0cfeed and\x1funit", hero_alt_en="A\x08lt"
    )

    for url in (f"/en/feed/{kind}/", f"/en/feed/news/{kind}/"):
        _root, parsed = get_feed(client, url)
        entry = next(e for e in parsed.entries if e.title == "Verticaltab")
        assert entry.summary == "Formfeed andunit"


def test_control_characters_stay_out_of_the_news_sitemap(client, site_tree, make_article):
    make_article(site_tree.news, title_en="Vertical\x0btab")
    response = client.get("/sitemap-news-en.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own output)
    titles = [element.text for element in root.iter("{http://www.google.com/schemas/sitemap-news/0.9}title")]
    assert titles == ["Verticaltab"]
