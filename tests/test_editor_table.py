"""Editors put data tables (results, prices) in an article body through the admin, in their own admin
language, and readers see a real table with its header row, header column and caption."""

import json

import pytest
from django.urls import reverse

from news.models import ArticlePage
from tests.editor_fixtures import edit_form_data
from translations.links import page_url

TABLE = {
    "data": [["Sahə", "2024", "2025"], ["Azəri–Çıraq–Günəşli", "336", "318"], ["Şahdəniz", "62", "64"]],
    "first_row_is_table_header": True,
    "first_col_is_header": True,
    "table_header_choice": "both",
    "table_caption": "Neft hasilatı, min barel/gün",
}
LABEL = {"en": "Table", "az": "Cədvəl", "ru": "Таблица"}


@pytest.mark.parametrize("language", ["az", "ru"])
def test_an_editor_adds_a_table_in_her_admin_language(
    admin_client_in, client, soup, site_tree, make_article, language
):
    editor = admin_client_in(language)
    article = make_article(site_tree.economy)
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    form = editor.get(edit_url).content.decode()
    # The block menu offers the table under its name in the editor's language (Wagtail writes the
    # block definitions into the page as JSON, non-ASCII letters escaped).
    assert json.dumps({"label": LABEL[language]})[1:-1] in form.replace("&quot;", '"')

    data = edit_form_data(article)
    count = int(data["body_az-count"])
    data.update(
        {
            f"body_az-{count}-type": "table",
            f"body_az-{count}-value": json.dumps(TABLE),
            f"body_az-{count}-deleted": "",
            f"body_az-{count}-order": str(count),
            f"body_az-{count}-id": "",
            "body_az-count": str(count + 1),
            "action-publish": "publish",
        }
    )
    response = editor.post(edit_url, data)
    assert response.status_code == 302, [
        e.get_text(" ", strip=True) for e in soup(response).select(".error-message")
    ]
    stored = [b.value for b in ArticlePage.objects.get(pk=article.pk).body_az if b.block_type == "table"]
    assert [value["data"] for value in stored] == [TABLE["data"]]

    page = soup(client.get(page_url(article, "az")))
    table = page.select_one(".block-table table")
    assert table.select_one("caption").get_text(strip=True) == TABLE["table_caption"]
    assert [th.get_text(strip=True) for th in table.select("thead th")] == TABLE["data"][0]
    assert [th.get_text(strip=True) for th in table.select("tbody th[scope=row]")] == [
        "Azəri–Çıraq–Günəşli",
        "Şahdəniz",
    ]
    assert [td.get_text(strip=True) for td in table.select("tbody td")] == ["336", "318", "62", "64"]
    # Only the Azerbaijani body got it.
    assert soup(client.get(page_url(article, "en"))).select_one(".block-table") is None
