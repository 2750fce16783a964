"""The admin's block picker shows a preview of every body block (Wagtail's block-preview view)."""

import pytest
from django.urls import reverse

from news.models import ArticlePage
from tests import factories

BODY_BLOCKS = ArticlePage._meta.get_field("body").stream_block.child_blocks
EXPECTED = {  # something of each block's own template, filled with its preview value
    "paragraph": "Baku hosted a round of talks",
    "heading": "Energy corridors after the war",
    "image": '<figure class="block-image">',
    "quote": "Peace is not the absence of conflict",
    "embed": "youtube.com/watch",
    "gallery": '<ul class="gallery-grid">',
    "table": '<div class="block-table"',
    "related_link": "Read also: the Zangezur corridor",
}


def preview(admin_client, block):
    return admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(BODY_BLOCKS))
def test_every_body_block_has_a_preview_in_the_picker(admin_client, name):
    factories.ImageFactory.create_batch(3)
    block = BODY_BLOCKS[name]
    assert block.is_previewable, f"{name} has no preview in the block picker"
    response = preview(admin_client, block)
    assert response.status_code == 200
    html = response.content.decode()
    # The preview is the block as readers see it: its own template, the site's stylesheet.
    assert EXPECTED[name] in html, html[-1500:]
    assert "css/site" in html
    if name in ("image", "gallery"):
        assert html.count("<img") == (1 if name == "image" else 3)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["image", "gallery"])
def test_image_block_previews_render_with_an_empty_library(admin_client, name):
    response = preview(admin_client, BODY_BLOCKS[name])
    assert response.status_code == 200
