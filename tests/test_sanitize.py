"""HTML and addresses written outside the admin never reach readers as live markup or links.

Payloads go into every rich-text, block and URL field through the ORM (``save()``, ``add_child``,
``save_revision().publish()``), in every language's column; the pages in each language, the home page
and the feeds are then read back. Legitimate rich text (bold, italic, lists, headings, a page link, an
https link) still renders, and what the admin's editor saves comes back unchanged.
"""

import json
import logging

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Revision
from wagtail.test.utils.form_data import rich_text

from about.models import AboutPage, ContentPage
from home.models import SiteSettings
from news.blocks import PARAGRAPH_FEATURES, ParagraphBlock, RelatedLinkBlock
from news.models import ArticlePage
from sanitize.links import is_safe_url, is_web_url, url_scheme
from sanitize.rich_text import clean_rich_text
from sanitize.saving import fields_to_clean
from sanitize.validators import validate_web_url
from tests import factories
from tests.languages import LANGUAGES
from translations.links import page_url

# --- Payloads -------------------------------------------------------------------------------------
RICH_TEXT_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<iframe src="https://evil.example/frame"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)">js link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
    '<a href="JaVaScRiPt&#58;alert(1)">entity link</a>',
    '<a href=" java\tscript:alert(1)">tab link</a>',
    '<a href="vbscript:alert(1)">vb link</a>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "<svg onload=alert(1)><circle r=1></circle></svg>",
    '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<embed embedtype="image" id="1" format="left" alt="x"/>',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">b</button></form>',
    "<details open ontoggle=alert(1)>d</details>",
    '<a linktype="page" id="1" onclick="alert(1)" href="javascript:alert(1)">page link with extras</a>',
    '<a linktype="javascript" id="1">odd linktype</a>',
    '<p onclick="alert(1)" class="x" id="y">handler</p>',
    "<!--<img src=x onerror=alert(1)>-->",
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<h4 onmouseover=alert(1)>h4 is not a paragraph feature</h4>",
]
URL_PAYLOADS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:alert(1)",
    "ftp://files.example.org/a",
]
# Markers of a payload in a response: none may remain where payloads went into rich text and URL fields.
FORBIDDEN = [
    b"alert(1)",
    b"onerror",
    b"onload",
    b"onclick",
    b"ontoggle",
    b"onmouseover",
    b"<iframe",
    b"<svg",
    b"<math",
    b"<object",
    b"<embed",
    b"<base",
    b"javascript:",
    b"vbscript:",
    b"data:text",
    b"evil.example",
    b"ftp://",
]
# Plain text in blocks: templates escape it, so it shows as text and never becomes markup.
TEXT_PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(1)>"><svg onload=alert(1)>'


def legit_rich_text(linked_page) -> str:
    return (
        "<h2>Legit heading</h2>"
        "<p>Plain <b>bold words</b> and <i>italic words</i>, "
        f'<a linktype="page" id="{linked_page.pk}">a page link</a> and '
        '<a href="https://example.org/legit?a=1&amp;b=2">an https link</a>.</p>'
        "<ol><li>first item</li></ol><ul><li>second item</li></ul><h3>Legit subheading</h3>"
    )


def hostile_body(linked_page) -> list[dict]:
    """A body with payloads in every rich-text and URL value, and legitimate content around them."""
    return [
        {"type": "paragraph", "value": legit_rich_text(linked_page) + "".join(RICH_TEXT_PAYLOADS)},
        *[
            {"type": "related_link", "value": {"title": f"Bad link {n}", "page": None, "external_url": url}}
            for n, url in enumerate(URL_PAYLOADS)
        ],
        {
            "type": "related_link",
            "value": {"title": "Good link", "page": None, "external_url": "https://example.org/related"},
        },
        *[{"type": "embed", "value": url} for url in URL_PAYLOADS],
    ]


# --- Reading pages back ---------------------------------------------------------------------------
def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def assert_no_payload(response):
    content = response.content
    found = [marker.decode() for marker in FORBIDDEN if marker in content.lower()]
    assert not found, f"{response.wsgi_request.path}: {found}"


def assert_no_live_markup(doc):
    """Whatever text a page shows, none of it became an element, a handler or a link to a script."""
    for script in doc.find_all("script"):
        assert script.get("type") == "application/ld+json" or script.get("src") or "alert" not in script.text
        assert "alert(1)" not in script.text
    for block in doc.select("[class*=block-], .rich-text"):  # what the body blocks rendered
        assert not block.find_all(["iframe", "svg", "math", "object", "embed", "form", "base", "style"]), (
            block
        )
    for element in doc.find_all(True):
        handlers = [attribute for attribute in element.attrs if attribute.lower().startswith("on")]
        assert not handlers, element
        for attribute in ("href", "src", "action", "formaction", "xlink:href"):
            if element.get(attribute):
                assert is_safe_url(element[attribute]), element


def assert_legit_rich_text(doc, linked_page, language):
    paragraph = doc.select_one(".article-body .block-paragraph, .block-paragraph")
    assert paragraph is not None
    assert paragraph.select_one("h2").get_text() == "Legit heading"
    assert paragraph.select_one("h3").get_text() == "Legit subheading"
    assert paragraph.select_one("b").get_text() == "bold words"
    assert paragraph.select_one("i").get_text() == "italic words"
    assert paragraph.select_one("ol li").get_text() == "first item"
    assert paragraph.select_one("ul li").get_text() == "second item"
    links = {a.get_text(): a.get("href") for a in paragraph.find_all("a")}
    assert links["an https link"] == "https://example.org/legit?a=1&b=2"
    assert links["a page link"] == page_url(linked_page, language)
    for text in ("js link", "data link", "styled", "handler", "h4 is not a paragraph feature"):
        assert text in paragraph.get_text()  # the text stays, the markup goes
    assert links["js link"] is None and links["data link"] is None
    assert not paragraph.select("[style], [class], [id]")


def read_everything(client, soup, pages, linked_page):
    """Every language's version of ``pages``, the home page and the feeds: nothing live is left."""
    for language in LANGUAGES:
        for page in pages:
            response = get(client, page_url(page, language))
            assert_no_payload(response)
            doc = soup(response)
            assert_no_live_markup(doc)
            assert_legit_rich_text(doc, linked_page, language)
            related = [a.get("href") for a in doc.select(".block-related a")]
            assert related == ["https://example.org/related"]
        home = get(client, f"/{language}/")
        assert_no_payload(home)
        assert_no_live_markup(soup(home))
        for kind in ("rss", "atom"):
            for url in (
                f"/{language}/feed/{kind}/",
                f"/{language}/feed/{page_url_path_of_news(language)}/{kind}/",
            ):
                assert_no_payload(get(client, url))


def page_url_path_of_news(language):
    return {"en": "news", "az": "xeberler", "ru": "novosti"}[language]


def stored(page, field):
    """The raw JSON a StreamField column holds in the database."""
    value = type(page).objects.filter(pk=page.pk).values_list(field, flat=True).get()
    return json.dumps(value.get_prep_value() if hasattr(value, "get_prep_value") else value)


def assert_clean_columns(page):
    for field in ["body", *[f"body_{code}" for code in LANGUAGES]]:
        text = stored(page, field)
        for marker in ("<script", "onerror", "<iframe", "javascript:", "data:text", "<svg", "style="):
            assert marker not in text.lower(), (field, marker)


# --- Addresses ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url, scheme",
    [
        ("javascript:alert(1)", "javascript"),
        ("JaVaScRiPt:alert(1)", "javascript"),
        (" \x01java\tscr\nipt:alert(1)", "javascript"),
        ("data:text/html,<b>x</b>", "data"),
        ("vbscript:x", "vbscript"),
        ("HTTPS://example.org/", "https"),
        ("mailto:desk@example.org", "mailto"),
        ("/ru/novosti/", None),
        ("#notes", None),
        ("example.org/a:b", None),
        ("", None),
    ],
)
def test_url_scheme_is_read_as_a_browser_reads_it(url, scheme):
    assert url_scheme(url) == scheme


@pytest.mark.parametrize("url", URL_PAYLOADS)
def test_web_url_validator_refuses_other_schemes(url):
    assert not is_web_url(url)
    with pytest.raises(ValidationError) as error:
        validate_web_url(url)
    assert isinstance(error.value.error_list[0].message, Promise)  # gettext_lazy: in the editor's language


@pytest.mark.parametrize("url", ["https://example.org/", "http://example.org/a?b=c", ""])
def test_web_url_validator_accepts_web_addresses(url):
    validate_web_url(url)


# --- Rich text ------------------------------------------------------------------------------------
@pytest.mark.parametrize("payload", RICH_TEXT_PAYLOADS)
def test_rich_text_keeps_no_payload(payload):
    cleaned = clean_rich_text(payload, PARAGRAPH_FEATURES).lower()
    for marker in FORBIDDEN + [b"<img", b"<script", b"style=", b"<h4", b"<style", b"<meta", b"<noscript"]:
        assert marker.decode() not in cleaned, (payload, cleaned)
    assert clean_rich_text(cleaned, PARAGRAPH_FEATURES) == cleaned  # stable on the next save


def test_rich_text_keeps_wagtails_database_format():
    html = (
        '<h2 data-block-key="k1">Title</h2>'
        '<p data-block-key="k2">A <b>b</b> <i>i</i> &amp; "q" \'a\'\xa0&lt;x&gt;<br/>'
        '<a linktype="page" id="12">page</a> <a href="https://example.org/?a=1&amp;b=2">web</a> '
        '<a href="mailto:desk@example.org">mail</a> <a href="tel:+994120000000">tel</a> '
        '<a href="/ru/">rel</a> <a href="#notes">anchor</a></p>'
        '<ol><li data-block-key="k3">one</li></ol>'
        '<ul><li data-block-key="k4">two</li></ul><h3 data-block-key="k5">Sub</h3>'
    )
    assert clean_rich_text(html, PARAGRAPH_FEATURES) == html


def test_rich_text_allows_what_the_features_allow():
    html = (
        '<h4>Four</h4><embed embedtype="image" id="7" format="left" alt="A &quot;bridge&quot;"/>'
        '<a linktype="document" id="3">doc</a><hr/>'
    )
    assert clean_rich_text(html, PARAGRAPH_FEATURES) == "Four<a>doc</a>"
    assert clean_rich_text(html, None) == html  # Wagtail's default features include all of these
    media = '<embed embedtype="media" url="javascript:alert(1)"/><embed embedtype="media" url="https://v.example/1"/>'
    assert (
        clean_rich_text(media, ["embed"])
        == '<embed embedtype="media"/><embed embedtype="media" url="https://v.example/1"/>'
    )


def test_stream_data_is_cleaned_at_any_depth():
    from wagtail import blocks
    from wagtail.embeds.blocks import EmbedBlock

    from sanitize.streams import Report, clean_stream

    stream = blocks.StreamBlock(
        [
            ("links", blocks.ListBlock(blocks.URLBlock())),
            (
                "card",
                blocks.StructBlock(
                    [
                        ("text", blocks.RichTextBlock(features=["bold"])),
                        (
                            "inner",
                            blocks.StreamBlock([("video", EmbedBlock()), ("note", blocks.TextBlock())]),
                        ),
                    ]
                ),
            ),
        ]
    )
    raw = [
        {"type": "links", "id": "1", "value": [{"type": "item", "id": "a", "value": "javascript:x"}]},
        {"type": "links", "id": "2", "value": ["https://example.org/", "data:text/html,x"]},  # before 2.16
        {
            "type": "card",
            "id": "3",
            "value": {
                "text": "<p><b>ok</b><script>x</script><i>no italic</i></p>",
                "inner": [
                    {"type": "video", "id": "4", "value": "vbscript:x"},
                    {"type": "note", "id": "5", "value": "<script>plain text, escaped when shown</script>"},
                ],
            },
        },
        {"type": "gone", "id": "6", "value": "<script>never rendered</script>"},
    ]
    report = Report()
    cleaned = clean_stream(stream, raw, report)
    assert cleaned[0]["value"] == [{"type": "item", "id": "a", "value": ""}]
    assert cleaned[1]["value"] == ["https://example.org/", ""]
    assert cleaned[2]["value"]["text"] == "<p><b>ok</b>no italic</p>"
    assert cleaned[2]["value"]["inner"][0]["value"] == ""
    assert cleaned[2]["value"]["inner"][1] is raw[2]["value"]["inner"][1]
    assert cleaned[3] is raw[3]
    assert report.rich_text == 1 and report.urls == ["javascript:x", "data:text/html,x", "vbscript:x"]
    assert raw[0]["value"][0]["value"] == "javascript:x"  # the original is left as it was
    unchanged = Report()
    assert clean_stream(stream, cleaned, unchanged) is cleaned and not unchanged


def test_paragraph_editor_offers_only_the_paragraph_features():
    block = ParagraphBlock()
    assert block.features == PARAGRAPH_FEATURES
    assert block.field.widget.features == PARAGRAPH_FEATURES
    assert block.deconstruct() == ("news.blocks.ParagraphBlock", (), {})  # nothing for migrations


# --- Where the hooks are --------------------------------------------------------------------------
def test_the_app_is_installed():
    assert apps.is_installed("sanitize"), 'add "sanitize" to INSTALLED_APPS (newsroom/settings/base.py)'


@pytest.mark.parametrize("model", [ArticlePage, AboutPage, ContentPage])
def test_every_language_column_of_a_body_is_cleaned(model):
    names = [field.name for field, _kind in fields_to_clean(model)]
    assert {f"body_{code}" for code in LANGUAGES} | {"body"} <= set(names)
    assert names.index("body") > max(names.index(f"body_{code}") for code in LANGUAGES)


def test_url_fields_are_cleaned():
    assert "source_url" in [field.name for field, _kind in fields_to_clean(ArticlePage)]
    social = {"facebook_url", "x_url", "telegram_url", "youtube_url", "instagram_url"}
    assert social <= {field.name for field, _kind in fields_to_clean(SiteSettings)}


# --- Through the ORM, read back by readers --------------------------------------------------------
def test_payloads_saved_through_the_orm_never_reach_readers(client, soup, site_tree, make_article, caplog):
    with caplog.at_level(logging.WARNING, logger="sanitize.saving"):
        article = make_article(
            site_tree.economy,
            body={code: hostile_body(site_tree.opinion) for code in LANGUAGES},
            source_name="Elsewhere",
        )
    assert any("body_ru" in record.getMessage() for record in caplog.records)
    assert_clean_columns(article)
    read_everything(client, soup, [article], site_tree.opinion)


def test_a_saved_revision_and_its_publishing_are_cleaned(client, soup, site_tree, make_article):
    article = make_article(site_tree.economy, source_name="Elsewhere")
    article = ArticlePage.objects.get(pk=article.pk)
    for code in LANGUAGES:
        setattr(article, f"body_{code}", hostile_body(site_tree.opinion))
    revision = article.save_revision()

    content = json.dumps(Revision.objects.get(pk=revision.pk).content).lower()
    for marker in ("<script", "onerror", "<iframe", "javascript:", "data:text", "<svg"):
        assert marker not in content
    draft = revision.as_object()  # what a preview of the draft shows
    assert "<script" not in json.dumps(draft.body_ru.get_prep_value())
    assert "<script" not in stored(article, "body_ru")  # still the clean published body

    revision.publish()
    assert_clean_columns(article)
    read_everything(client, soup, [article], site_tree.opinion)


def test_a_plain_save_of_one_language_is_cleaned(site_tree, make_article):
    article = ArticlePage.objects.get(pk=make_article(site_tree.economy).pk)
    article.body_az = hostile_body(site_tree.opinion)
    article.save()
    assert_clean_columns(article)
    article.refresh_from_db()
    assert "Legit heading" in article.body_az[0].value.source


def test_about_and_content_pages_are_cleaned(client, soup, site_tree):
    pages = []
    for page in (site_tree.about, site_tree.donate):
        page = type(page).objects.get(pk=page.pk)
        for code in LANGUAGES:
            setattr(page, f"body_{code}", hostile_body(site_tree.opinion))
        page.save_revision().publish()
        assert_clean_columns(page)
        pages.append(page)
    read_everything(client, soup, pages, site_tree.opinion)


def test_plain_text_in_blocks_is_shown_as_text(client, soup, site_tree, make_article):
    image = factories.ImageFactory()
    body = [
        {"type": "heading", "value": {"text": TEXT_PAYLOAD, "level": "h2"}},
        {"type": "quote", "value": {"text": TEXT_PAYLOAD, "attribution": TEXT_PAYLOAD}},
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "caption": TEXT_PAYLOAD,
                "credit": TEXT_PAYLOAD,
                "alt": TEXT_PAYLOAD,
            },
        },
        {
            "type": "gallery",
            "value": {
                "title": TEXT_PAYLOAD,
                "images": [{"image": image.pk, "caption": TEXT_PAYLOAD, "alt": TEXT_PAYLOAD}],
            },
        },
        {
            "type": "related_link",
            "value": {"title": TEXT_PAYLOAD, "page": None, "external_url": "https://example.org/"},
        },
        {
            "type": "table",
            "value": {
                "data": [[TEXT_PAYLOAD, "2025"], [TEXT_PAYLOAD, TEXT_PAYLOAD]],
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_caption": TEXT_PAYLOAD,
            },
        },
    ]
    article = make_article(site_tree.economy, body={code: body for code in LANGUAGES})
    for language in LANGUAGES:
        doc = soup(get(client, page_url(article, language)))
        assert_no_live_markup(doc)
        assert doc.select_one(".block-heading").get_text() == TEXT_PAYLOAD
        assert TEXT_PAYLOAD in doc.select_one(".block-quote blockquote").get_text()
        assert doc.select_one(".block-related a").get_text() == TEXT_PAYLOAD
        assert doc.select_one(".block-gallery")["aria-label"] == TEXT_PAYLOAD
        table = doc.select_one(".block-table")
        assert table["aria-label"] == TEXT_PAYLOAD
        assert table.select_one("caption").get_text() == TEXT_PAYLOAD
        assert [cell.get_text(strip=True) for cell in table.select("th, td")] == [TEXT_PAYLOAD, "2025"] + [
            TEXT_PAYLOAD
        ] * 2


# --- URL fields -----------------------------------------------------------------------------------
def test_source_url_is_refused_when_validated_and_emptied_otherwise(client, soup, site_tree, make_article):
    article = ArticlePage.objects.get(pk=make_article(site_tree.economy, source_name="Elsewhere").pk)
    for url in URL_PAYLOADS:
        article.source_url = url
        with pytest.raises(ValidationError) as error:
            article.full_clean()
        assert "source_url" in error.value.message_dict
        article.save(clean=False)
        assert ArticlePage.objects.values_list("source_url", flat=True).get(pk=article.pk) == ""
    article.source_url = "javascript:alert(1)"
    article.save_revision(clean=False).publish()
    assert ArticlePage.objects.values_list("source_url", flat=True).get(pk=article.pk) == ""
    for language in LANGUAGES:
        response = get(client, page_url(article, language))
        assert_no_payload(response)
        assert soup(response).select_one(".source-line a") is None  # "Originally published by Elsewhere"


def test_a_legitimate_source_url_is_kept(client, soup, site_tree, make_article):
    article = make_article(
        site_tree.economy, source_name="Elsewhere", source_url="https://example.org/original"
    )
    doc = soup(get(client, page_url(article, "en")))
    assert doc.select_one(".source-line a")["href"] == "https://example.org/original"


def test_social_links_with_other_schemes_are_emptied(client, soup, site_tree, caplog):
    with caplog.at_level(logging.WARNING, logger="sanitize.saving"):
        settings = SiteSettings.objects.create(
            site=site_tree.site,
            facebook_url="javascript:alert(1)",
            x_url="data:text/html,<script>alert(1)</script>",
            telegram_url="https://t.me/legit",
            youtube_url=" java\tscript:alert(1)",
            instagram_url="ftp://files.example.org/",
        )
    assert "facebook_url" in caplog.text
    settings.refresh_from_db()
    assert [settings.facebook_url, settings.x_url, settings.youtube_url, settings.instagram_url] == [""] * 4
    assert settings.telegram_url == "https://t.me/legit"
    for language in LANGUAGES:
        response = get(client, f"/{language}/")
        assert_no_payload(response)
        assert soup(response).select_one('a[href="https://t.me/legit"]') is not None


@pytest.mark.parametrize("url", URL_PAYLOADS)
def test_site_settings_refuse_other_schemes_when_validated(site_tree, url):
    settings = SiteSettings(site=site_tree.site, facebook_url=url)
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "facebook_url" in error.value.message_dict


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://files.example.org/a"])
def test_related_link_block_refuses_other_schemes(url):
    with pytest.raises(StructBlockValidationError) as error:
        RelatedLinkBlock().clean(
            RelatedLinkBlock().to_python({"title": "x", "page": None, "external_url": url})
        )
    assert "external_url" in error.value.block_errors


# --- The admin ------------------------------------------------------------------------------------
ADMIN_RICH_TEXT = (
    "<h2>Talks in Baku</h2><p>Plain, <b>bold</b> &amp; <i>italic</i> “quoted” text,\xa0with "
    '<a href="https://example.org/report?a=1&amp;b=2">a report</a> and '
    '<a href="mailto:desk@example.org">mail</a>.'
    "<br/>A second line.</p><ol><li>one</li><li>two</li></ol><ul><li>three</li></ul><h3>More</h3>"
)


def article_form_data(author, image, body_html, linked_page):
    html = body_html + f'<p><a linktype="page" id="{linked_page.pk}">a page</a></p>'
    languages = {
        code: {
            "title": f"Edited {code}",
            "slug": f"edited-{code}",
            "ready": True,
            "intro": f"Standfirst {code}",
            "body": [("paragraph", rich_text(html, features=PARAGRAPH_FEATURES))],
        }
        for code in LANGUAGES
    }
    return factories.article_form_data(
        authors=[author], image=image, languages=languages, **{"action-publish": "action-publish"}
    )


def test_the_admin_saves_allowed_rich_text_unchanged(admin_client, soup, site_tree, make_article):
    article = make_article(site_tree.economy)
    author, image = factories.AuthorFactory(), factories.ImageFactory()
    data = article_form_data(author, image, ADMIN_RICH_TEXT, site_tree.opinion)
    response = admin_client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302, response.content[:3000]

    article = ArticlePage.objects.get(pk=article.pk)
    for code in LANGUAGES:
        # What Wagtail's editor turns the form's content into, with no sanitising in between.
        editor_output = ContentstateConverter(PARAGRAPH_FEATURES).to_database_format(
            data[f"body_{code}-0-value"]
        )
        assert "<b>bold</b>" in editor_output and 'linktype="page"' in editor_output
        assert getattr(article, f"body_{code}").raw_data[0]["value"] == editor_output
        revision_body = json.loads(article.latest_revision.content[f"body_{code}"])
        assert revision_body[0]["value"] == editor_output
    doc = soup(get(admin_client, page_url(article, "ru")))
    paragraph = doc.select(".block-paragraph")[0]
    assert paragraph.select_one('a[href="https://example.org/report?a=1&b=2"]').get_text() == "a report"
    assert paragraph.select_one(f'a[href="{page_url(site_tree.opinion, "ru")}"]') is not None
