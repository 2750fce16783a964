"""'Outdated' compares what the text says, not how the editor stores it: the first admin save of an
article written outside the editor (demo content, imports) leaves every language as it was."""

import pytest
from django.urls import reverse

from news.models import ArticlePage
from tests.editor_fixtures import edit_form_data
from tests.factories import ImageFactory
from translations.models import TranslationState
from translations.status import status_of, with_change_times


def imported_body(language, image, related):
    """A body as the demo and the WordPress import write it: raw data, ids or not, old-style list items,
    keys left out, text with quotes and ampersands."""
    return [
        {"type": "heading", "value": {"text": f"Heading {language}", "level": "h2"}, "id": f"h-{language}"},
        {"type": "paragraph", "value": f"<p>“Peace & trade” – it's {language}'s <b>bold</b> claim.</p>"},
        {
            "type": "paragraph",
            "value": f'<p>Second paragraph, <i>{language}</i>, a <a href="https://example.org/?a=1&amp;b=2">link</a>.</p>',
        },
        {"type": "image", "value": {"image": image.pk, "caption": f"Caption {language}", "credit": "Agency"}},
        {"type": "quote", "value": {"text": f"Quote {language}"}},
        {
            "type": "gallery",
            "value": {"title": "", "images": [{"image": image.pk, "caption": f"One {language}"}]},
        },
        {"type": "related_link", "value": {"title": f"Read also {language}", "page": related.pk}},
    ]


def languages_changed(article, before):
    after = dict(TranslationState.objects.filter(page=article).values_list("language", "changed_at"))
    return sorted(code for code, when in after.items() if when != before[code])


@pytest.fixture
def imported_article(site_tree, make_article):
    image = ImageFactory()
    related = make_article(site_tree.news)
    return make_article(
        site_tree.economy,
        body={code: imported_body(code, image, related) for code in ("en", "az", "ru")},
        hero_image=image,
    )


def test_first_admin_save_of_an_imported_article_marks_nothing_outdated(admin_client, imported_article):
    article = ArticlePage.objects.get(pk=imported_article.pk)
    before = dict(TranslationState.objects.filter(page=article).values_list("language", "changed_at"))
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])

    response = admin_client.post(url, edit_form_data(article))  # Save draft, nothing changed
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert all(child.id for child in draft.body_ru)  # the admin did rewrite the stored form
    assert languages_changed(article, before) == []
    annotated = with_change_times(ArticlePage.objects.filter(pk=article.pk)).get()
    assert {code: status_of(annotated, code) for code in ("en", "az", "ru")} == dict.fromkeys(
        ("en", "az", "ru"), "translated"
    )

    # A real change to the English text still counts, and only for English.
    response = admin_client.post(url, edit_form_data(draft, **{"intro_en": "A corrected standfirst."}))
    assert response.status_code == 302
    assert languages_changed(article, before) == ["en"]
    annotated = with_change_times(ArticlePage.objects.filter(pk=article.pk)).get()
    assert status_of(annotated, "ru") == "outdated"
