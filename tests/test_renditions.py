"""Image renditions: made when an article is published (the scheduler's pass), read once per page from
the database with no cache write-back, and printed exactly as Wagtail's ``{% picture %}`` prints them."""

import io

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.template import Context, Template
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, Filter

from news.renditions import CARD, attach, build_for
from seo.images import MACHINE_SPECS, PICTURE_PATTERNS, PICTURES, share_image, specs_of
from tests import factories
from translations.links import page_url

Rendition = get_image_model().get_rendition_model()


def needed_specs():
    return set(specs_of("hero", "card", "body", *MACHINE_SPECS))


def test_publishing_then_the_scheduler_makes_every_rendition_the_article_needs(site_tree, make_article):
    image = factories.ImageFactory()
    article = make_article(site_tree.economy, hero_image=image)  # its body shows the same image
    Rendition.objects.filter(image=image).delete()
    call_command("run_scheduler", "--once", stdout=io.StringIO())
    made = set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))
    assert needed_specs() <= made, needed_specs() - made
    assert build_for(article) == 0  # nothing left to make


def test_a_warm_article_view_makes_no_rendition_and_writes_none_to_the_cache(
    client, settings, site_tree, make_article
):
    settings.PAGE_CACHE = False
    image = factories.ImageFactory()
    article = make_article(site_tree.economy, hero_image=image)
    build_for(article)
    count = Rendition.objects.count()
    caches["default"].clear()
    response = client.get(page_url(article, "en"))
    assert response.status_code == 200
    assert Rendition.objects.count() == count
    backend = Rendition.cache_backend
    for spec in needed_specs():
        key = Rendition.construct_cache_key(image, Filter(spec).get_cache_key(image), spec)
        assert backend.get(key) is None, f"{spec} was written back to the cache"
    assert response.content.decode().count("<picture>") >= 2  # hero and body image


@pytest.mark.parametrize("name", list(PICTURES))
def test_picture_of_prints_what_wagtails_picture_tag_prints(db, name):
    image = factories.ImageFactory()
    context = Context({"image": image})
    attrs = 'sizes="(max-width: 600px) 100vw, 360px" alt="A & B" loading="lazy"'
    wagtail = Template(
        "{% load wagtailimages_tags %}{% picture image " + PICTURE_PATTERNS[name] + " " + attrs + " %}"
    ).render(context)
    ours = Template('{% load picture_tags %}{% picture_of image "' + name + '" ' + attrs + " %}").render(
        context
    )
    assert ours == wagtail


def test_warm_views_decode_no_image_again(client, settings, site_tree, make_article, monkeypatch):
    """Once a page's renditions exist, viewing it makes none of them again: an author's page asked for
    the photo's share image beside the renditions loaded for it, and Wagtail, taking those for all there
    are, decoded the photo and drew that image again on every view (10 ms, 18 MB of a worker's memory)."""
    settings.PAGE_CACHE = False
    author = factories.AuthorFactory(photo=factories.ImageFactory())
    article = make_article(site_tree.economy, hero_image=factories.ImageFactory(), authors=[author])
    urls = [page_url(article, code) for code in ("en", "ru")] + [f"/az/authors/{author.slug}/"]
    for url in urls:
        assert client.get(url).status_code == 200  # what is missing is made once
    drawn = []
    draw = AbstractImage.generate_rendition_file

    def counted(image, filter, **kwargs):
        drawn.append((image.title, filter.spec))
        return draw(image, filter, **kwargs)

    monkeypatch.setattr(AbstractImage, "generate_rendition_file", counted)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        assert drawn == [], f"{url} drew {drawn}"
    assert 'property="og:image"' in response.content.decode()  # the author's share image is there


def test_a_rendition_left_out_of_those_loaded_is_found_not_drawn_again(db, rf, monkeypatch):
    """``seo.images.renditions`` on an image whose loaded renditions lack the one asked for: it exists,
    so it is read (and kept with the others), not drawn again as Wagtail would."""
    image = factories.ImageFactory()
    share = Filter(MACHINE_SPECS[0])
    existing = image.get_rendition(share)
    attach([(image, CARD)])  # loaded: the card's renditions only
    drawn = []
    draw = AbstractImage.generate_rendition_file
    monkeypatch.setattr(
        AbstractImage,
        "generate_rendition_file",
        lambda *args, **kwargs: drawn.append(1) or draw(*args, **kwargs),
    )
    first = share_image(image, rf.get("/"))
    again = share_image(image, rf.get("/"))
    assert drawn == []
    assert first == again
    assert first.url.endswith(existing.url) and first.width == existing.width
