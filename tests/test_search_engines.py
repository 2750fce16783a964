"""Switching readers' search to Wagtail's backend (Elasticsearch/OpenSearch in production).

Here the switch is exercised against Wagtail's database backend, which shares the code path (it
searches all of a page's text; Elasticsearch/OpenSearch search only the reader's language's fields,
each with its analyser). Pages missing the reader's language stay out either way.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

from about.models import ContentPage
from news.models import ArticlePage
from search.analysis import language_fields
from tests.languages import LANGUAGES
from tests.search_corpus import result_titles


@override_settings(NEWSROOM_SEARCH_ENGINE="wagtail")
def test_wagtail_engine_searches_the_readers_language_only(client, corpus):
    assert result_titles(client, "en", "sanction") == [corpus.talks.title_en]
    assert result_titles(client, "ru", "переговорах") == [corpus.talks.title_ru]
    assert result_titles(client, "az", "visit") == []  # no Azerbaijani version
    live = client.get("/ru/search/live/", {"q": "переговорах"}).json()
    assert [item["title"] for item in live["results"]] == [corpus.talks.title_ru]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_field_gets_its_analyser(language):
    for model in (ArticlePage, ContentPage):
        fields = {field.field_name: field for field in model.get_search_fields()}
        names = language_fields(model, language)
        assert f"body_{language}" in names
        for name in names:
            analyzer = fields[name].kwargs["es_extra"]["analyzer"]
            assert analyzer == f"newsroom_{language}"
            assert analyzer in settings.NEWSROOM_SEARCH_ANALYSIS["analyzer"]


def test_search_url_switches_to_elasticsearch_with_the_analysers():
    code = (
        "import json; from newsroom.settings import base; "
        "print(json.dumps([base.WAGTAILSEARCH_BACKENDS, base.NEWSROOM_SEARCH_ENGINE]))"
    )
    env = {**os.environ, "SEARCH_URL": "https://search.internal:9200"}
    output = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    ).stdout
    backends, engine = json.loads(output)
    backend = backends["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["URLS"] == ["https://search.internal:9200"]
    analysis = backend["INDEX_SETTINGS"]["settings"]["analysis"]
    assert set(analysis["analyzer"]) == {"newsroom_en", "newsroom_az", "newsroom_ru"}
    assert engine == "wagtail"
