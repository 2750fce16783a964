"""Views outside the page tree (GET and HEAD; other methods get 405): a tag's articles, an author's
page, and the corrections page of a language."""

import functools

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from seo import structured_data
from seo.absolute import site_name
from seo.feed_links import FEED_FORMATS, feed_links
from seo.images import share_image
from seo.metadata import Metadata, clean_description, for_view
from translations.languages import request_language

from . import renditions
from .listings import Listing, with_page
from .models import ArticlePage, Author, Tag
from .models.pages import ARTICLES_PER_PAGE


def tagged(tag, language: str):
    return ArticlePage.objects.published_in(language).filter(tags=tag)


def cards(queryset):
    """What each article of a listing page loads: its card and its byline."""
    return queryset.card_rows().with_authors()


def paged_meta(meta: Metadata, number: int, listing: Listing) -> Metadata:
    """Page ``number`` of a listing outside the tree is its own canonical, with hreflang to page
    ``number`` in the languages whose listing has one."""
    if number <= 1:
        return meta
    meta.canonical = with_page(meta.canonical, number)
    others = [code for code, _url in meta.alternates if code not in ("x-default", meta.language)]
    having = listing.languages_having(others, number) | {meta.language}
    kept = {url for code, url in meta.alternates if code in having}
    meta.alternates = [(code, with_page(url, number)) for code, url in meta.alternates if url in kept]
    return meta


@require_safe
def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    language = request_language(request)
    everything = ArticlePage.objects.published_in  # where a page's rows are read by id
    listing = Listing(request, "tag", tag.pk, functools.partial(tagged, tag), ARTICLES_PER_PAGE, everything)
    articles = listing.page(language, cards)
    renditions.attach([(article.hero_image, renditions.CARD) for article in articles])
    meta = for_view(request, language, title=tag.name)
    meta = paged_meta(meta, articles.number, listing)
    context = {"tag": tag, "articles": articles, "meta": meta}
    return render(request, "news/tag.html", context)


# --- Authors ----------------------------------------------------------------------------------------
def written_by(author, language: str):
    """``author``'s articles readers of ``language`` see, newest first."""
    return ArticlePage.objects.published_in(language).by_author(author)


def author_listing(request, author) -> Listing:
    """``author``'s articles in every language: their page and their feeds read the same kept ids."""
    theirs, everything = functools.partial(written_by, author), ArticlePage.objects.published_in
    return Listing(request, "author", author.pk, theirs, ARTICLES_PER_PAGE, everything)


def author_feed_links(author, language: str) -> list[dict]:
    """Autodiscovery links for the author's RSS and Atom feeds in ``language`` (the language's too)."""
    return feed_links(language) + [
        {
            "type": mime,
            "title": _("%(site)s: articles by %(author)s (%(format)s)")
            % {"site": site_name(), "author": author.name, "format": label},
            "url": reverse(f"feeds:author_{kind}", kwargs={"slug": author.slug}),
        }
        for kind, mime, label in FEED_FORMATS
    ]


@require_safe
def author(request, slug):
    """An author's page in a language: photo, role, bio, links, and their articles in that language
    only, newest first, paginated like a section. Every language has the page, with or without articles."""
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    language = request_language(request)
    listing = author_listing(request, author)
    articles = listing.page(language, cards)
    renditions.attach(
        [(author.photo, renditions.AUTHOR_PAGE_PHOTO)]
        + [(article.hero_image, renditions.CARD) for article in articles]
    )
    meta = for_view(request, language, title=author.name)
    meta.og_type = "profile"
    meta.description = clean_description(author.bio) or meta.description
    meta.feeds = author_feed_links(author, language)
    meta.image = share_image(author.photo, request, author.name)
    meta.json_ld.append(
        structured_data.person(
            request,
            url=meta.canonical,
            name=author.name,
            role=author.role,
            bio=author.bio,
            image=meta.image,
            same_as=[link["url"] for link in author.social_links],
        )
    )
    meta = paged_meta(meta, articles.number, listing)
    context = {"author": author, "articles": articles, "meta": meta, "feeds": meta.feeds[-2:]}
    return render(request, "news/author.html", context)


# --- Corrections ------------------------------------------------------------------------------------
def corrected(language: str):
    return ArticlePage.objects.for_readers(language).corrected_in(language)


@require_safe
def corrections(request):
    """Articles with a correction in the reader's language, newest correction first."""
    language = request_language(request)
    listing = Listing(request, "corrections", None, corrected, ARTICLES_PER_PAGE)
    articles = listing.page(language, lambda queryset: queryset.card_rows().with_corrections(language))
    meta = for_view(request, language, title=_("Corrections"))
    meta.description = _("Corrections to articles published by %(site)s, newest first.") % {
        "site": site_name()
    }
    meta = paged_meta(meta, articles.number, listing)
    return render(request, "news/corrections.html", {"articles": articles, "meta": meta})
