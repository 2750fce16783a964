"""What the article editor posts back for an article as it stands: the form data a browser sends when an
editor opens the edit form and saves (``edit_form_data``), built from the page's own values through
each block's definition, as Wagtail's editor would serialise them."""

from django.utils import timezone
from taggit.utils import edit_string_for_tags
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.languages import LANGUAGES

TRANSLATED = ("title", "slug", "intro", "hero_caption", "hero_alt", "source_name", "seo_title")


def block_form_value(block, value):
    """One block's value as the editor's form fields (nested, for ``nested_form_data``)."""
    if isinstance(block, blocks.StructBlock):
        return {name: block_form_value(child, value.get(name)) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ListBlock):
        items = list(value or [])
        data = {
            str(index): {
                "value": block_form_value(block.child_block, item),
                "deleted": "",
                "order": str(index),
                "id": "",
            }
            for index, item in enumerate(items)
        }
        data["count"] = str(len(items))
        return data
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value.source if value else "", features=block.features)
    if isinstance(block, blocks.ChooserBlock):
        return value.pk if value else ""
    if isinstance(block, EmbedBlock):
        return value.url if value else ""
    return "" if value is None else value


def stream_form_value(stream) -> dict:
    data = {
        str(index): {
            "type": child.block_type,
            "value": block_form_value(child.block, child.value),
            "deleted": "",
            "order": str(index),
            "id": child.id or "",
        }
        for index, child in enumerate(stream)
    }
    data["count"] = str(len(data))
    return data


def edit_form_data(page, **changes) -> dict:
    """The edit form of ``page`` (an ArticlePage) posted back unchanged, then ``changes`` applied."""
    date = timezone.localtime(page.date).strftime("%Y-%m-%d %H:%M")
    data = {
        "date": date,
        "hero_image": page.hero_image_id or "",
        "hero_credit": page.hero_credit,
        "source_url": page.source_url,
        "go_live_at": "",
        "expire_at": "",
        # The tag widget (newsdesk.tags) posts names, as Wagtail's tag fields do.
        "tags": edit_string_for_tags(page.tags.all()),
        "article_authors": inline_formset(
            [
                {"id": link.pk or "", "author": link.author_id, "ORDER": str(index + 1)}
                for index, link in enumerate(page.article_authors.all())
            ],
            initial=sum(1 for link in page.article_authors.all() if link.pk),
        ),
    }
    for code in LANGUAGES:
        for name in TRANSLATED:
            data[f"{name}_{code}"] = getattr(page, f"{name}_{code}", "") or ""
        data[f"search_description_{code}"] = getattr(page, f"search_description_{code}", "") or ""
        data[f"body_{code}"] = stream_form_value(getattr(page, f"body_{code}"))
        if getattr(page, f"ready_{code}"):
            data[f"ready_{code}"] = "on"
    # Other inline lists of the form (corrections, live updates…) are posted back empty.
    for name in type(page).get_edit_handler().get_form_class().formsets:
        if name not in data and name != "comments":
            data[name] = inline_formset([])
    flat = nested_form_data(data)
    flat.update(changes)
    return flat


def ensure_translator_groups():
    """The translator groups a data migration made: transactional tests (the browser ones) flush every
    table after themselves, so later tests on the same worker put them back the same way."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    if Group.objects.filter(name__in=["Azerbaijani translators", "Russian translators"]).count() < 2:
        importlib.import_module("newsdesk.migrations.0001_translator_groups").create_groups(apps, None)
