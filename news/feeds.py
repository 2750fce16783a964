"""RSS 2.0 and Atom feeds: the newest articles of a language, and of a section in a language.

URLs (inside the language prefix, see ``news.seo.urls``):
``/<lang>/feed/rss/``, ``/<lang>/feed/atom/``, ``/<lang>/feed/<section path>/rss/`` and ``.../atom/``,
where the section path is the section's address in that language (``/ru/feed/novosti/ekonomika/rss/``).
"""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.translation import gettext as _
from wagtail.models import Site

from navigation.menus import home_url
from translations.availability import is_available
from translations.languages import current_language, localized_field
from translations.links import page_url

from .models import ArticleAuthor, ArticlePage, CategoryIndexPage
from .seo.common import absolute, section_feed_path, section_of, share_image, site_name

FEED_LENGTH = 30
MEDIA_NS = "http://search.yahoo.com/mrss/"


class MediaRssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with the hero image also as ``<media:content>`` (size and description included)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        image = item.get("share_image")
        if image is not None:
            handler.startElement(
                "media:content",
                {
                    "url": image.url,
                    "medium": "image",
                    "type": image.mime_type,
                    "width": str(image.width),
                    "height": str(image.height),
                },
            )
            if image.alt:
                handler.addQuickElement("media:description", image.alt)
            handler.endElement("media:content")


def find_section(request, section_path: str):
    """The live section at ``section_path`` (its address in the active language), or 404."""
    language = current_language()
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    root = site.root_page
    root_path = getattr(root, localized_field("url_path", language)) or root.url_path
    url_path = f"{root_path}{section_path.strip('/')}/"
    section = (
        CategoryIndexPage.objects.live()
        .public()
        .filter(**{localized_field("url_path", language): url_path})
        .first()
    )
    if section is None or not is_available(section, language):
        raise Http404
    return section


class LatestArticlesFeed(Feed):
    """The 30 newest articles available in the active language (of one section, given ``section``)."""

    feed_type = MediaRssFeed

    @classmethod
    def as_view(cls):
        """A view that builds a feed object per request: the object keeps the request and language."""

        def view(request, *args, **kwargs):
            return cls()(request, *args, **kwargs)

        return view

    def get_object(self, request, section=None):
        self.request = request
        self.language = current_language()
        self.images = {}
        return find_section(request, section) if section else None

    # --- Channel ------------------------------------------------------------------------------
    def title(self, section):
        if section is None:
            return _("%(site)s: latest articles") % {"site": site_name()}
        return _("%(site)s: %(section)s") % {"site": site_name(), "section": section.title}

    def link(self, section):
        url = page_url(section, self.language, self.request) if section else home_url(self.language)
        return absolute(self.request, url)

    def description(self, section):
        if section is not None and section.intro:
            return section.intro
        return _("The newest articles published by %(site)s.") % {"site": site_name()}

    def feed_url(self, section):
        return absolute(self.request, self.request.path)

    # --- Items --------------------------------------------------------------------------------
    def items(self, section):
        articles = ArticlePage.objects.published_in(self.language)
        if section is not None:
            articles = articles.descendant_of(section)
        authors = ArticleAuthor.objects.select_related("author")
        return list(
            articles.defer_streamfields().cards().prefetch_related(
                Prefetch("article_authors", queryset=authors), "tags"
            )[:FEED_LENGTH]
        )

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.intro

    def item_link(self, article):
        return page_url(article, self.language, self.request, full=True)

    def item_pubdate(self, article):
        return article.date

    def item_updateddate(self, article):
        return article.last_published_at or article.date

    def item_author_name(self, article):
        return ", ".join(author.name for author in article.authors) or None

    def item_categories(self, article):
        section = section_of(article, self.language)
        return [section["title"]] if section else []

    def item_enclosures(self, article):
        image = self._share_image(article)
        if image is None:
            return []
        return [feedgenerator.Enclosure(image.url, str(image.length), image.mime_type)]

    def item_extra_kwargs(self, article):
        return {"share_image": self._share_image(article)}

    def _share_image(self, article):
        if article.pk not in self.images:
            self.images[article.pk] = share_image(article.hero_image, self.request, article.hero_alt_text)
        return self.images[article.pk]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = feedgenerator.Atom1Feed

    def subtitle(self, section):
        return self.description(section)


FEED_FORMATS = (("rss", "application/rss+xml", "RSS"), ("atom", "application/atom+xml", "Atom"))


def feed_links(language: str, section: dict | None = None) -> list[dict]:
    """Autodiscovery links (``<link rel="alternate">``) for the language's feeds and a section's.

    ``section`` is an entry of the cached section tree (``{"title", "url"}``), see ``section_of``.
    """
    links = [
        {
            "type": mime,
            "title": _("%(site)s: latest articles (%(format)s)") % {"site": site_name(), "format": label},
            "url": reverse(f"feeds:{kind}"),
        }
        for kind, mime, label in FEED_FORMATS
    ]
    path = section_feed_path(section["url"], language) if section else ""
    if path:
        links += [
            {
                "type": mime,
                "title": _("%(site)s: %(section)s (%(format)s)")
                % {"site": site_name(), "section": section["title"], "format": label},
                "url": reverse(f"feeds:section_{kind}", kwargs={"section": path}),
            }
            for kind, mime, label in FEED_FORMATS
        ]
    return links
