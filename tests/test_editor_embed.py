"""The embed block saves when the oEmbed lookup fails (provider down, offline): the address is kept,
readers get a link card, and the lookup is tried again later, not on every view."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.embeds.finders import get_finders

from news.models import ArticlePage
from tests.editor_fixtures import edit_form_data
from translations.links import page_url

VIDEO = "https://video.example.org/watch/42"


class Provider(BaseHTTPRequestHandler):
    """An oEmbed provider that is down (503) until ``up`` is set."""

    up = False
    requests = 0

    def do_GET(self):  # noqa: N802
        type(self).requests += 1
        if not type(self).up:
            self.send_response(503)
            self.end_headers()
            return
        body = json.dumps(
            {
                "type": "video",
                "version": "1.0",
                "title": "Clip",
                "width": 640,
                "height": 360,
                "html": '<iframe src="https://video.example.org/embed/42" title="Clip"></iframe>',
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def provider(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Provider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Provider.up, Provider.requests = False, 0
    settings.WAGTAILEMBEDS_FINDERS = [
        {
            "class": "wagtail.embeds.finders.oembed",
            "providers": [
                {
                    "endpoint": f"http://127.0.0.1:{server.server_port}/oembed",
                    "urls": [r"^https://video\.example\.org/.+$"],
                }
            ],
        }
    ]
    get_finders.cache_clear()
    yield Provider
    server.shutdown()
    get_finders.cache_clear()


def test_embed_saves_while_the_provider_is_down_and_shows_later(
    provider, admin_client, client, soup, site_tree, make_article
):
    article = make_article(site_tree.economy)
    data = edit_form_data(article)
    count = int(data["body_en-count"])
    data.update(
        {
            f"body_en-{count}-type": "embed",
            f"body_en-{count}-value": VIDEO,
            f"body_en-{count}-deleted": "",
            f"body_en-{count}-order": str(count),
            f"body_en-{count}-id": "",
            "body_en-count": str(count + 1),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302, [
        e.get_text(" ", strip=True) for e in soup(response).select(".error-message")
    ]
    article = ArticlePage.objects.get(pk=article.pk)
    assert [block.value.url for block in article.body_en if block.block_type == "embed"] == [VIDEO]

    url = page_url(article, "en")
    card = soup(client.get(url)).select_one("[data-embed-link] a")
    assert card["href"] == VIDEO and "video.example.org" in card.get_text()
    asked = provider.requests
    client.get(url)
    assert provider.requests == asked  # the failure is remembered: no lookup on every view

    provider.up = True
    cache.clear()  # the retry time has passed
    page = soup(client.get(url))
    assert page.select_one(".block-embed iframe")["src"] == "https://video.example.org/embed/42"
    assert page.select_one("[data-embed-link]") is None


def test_an_address_no_provider_embeds_is_refused_clearly(
    provider, admin_client, soup, site_tree, make_article
):
    article = make_article(site_tree.economy)
    data = edit_form_data(article)
    data.update({"body_en-0-type": "embed", "body_en-0-value": "https://nowhere.example.net/page"})
    for key in [k for k in data if k.startswith("body_en-0-value-")]:
        del data[key]
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 200
    assert "cannot be embedded" in response.content.decode()  # the block's error, in the editor's data
