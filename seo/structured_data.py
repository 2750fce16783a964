"""schema.org JSON-LD, built as dicts: NewsArticle (LiveBlogPosting for live coverage), BreadcrumbList,
WebSite with a SearchAction.

Templates print them with the ``json_ld`` tag (``seo.templatetags.seo_tags``), which escapes
``<``, ``>`` and ``&`` so that no text from an article can close the ``<script>`` element.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from navigation.menus import home_url

from .absolute import absolute, site_name, w3c
from .images import publisher_logo, structured_data_images

SCHEMA = "https://schema.org"
HEADLINE_MAX = 110  # Google's limit for a NewsArticle headline
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def to_script(data: dict, nonce: str = "") -> str:
    """``<script type="application/ld+json">``, with the request's CSP nonce when there is one."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    if nonce:
        return format_html(
            '<script type="application/ld+json" nonce="{}">{}</script>',
            nonce,
            mark_safe(text),  # noqa: S308
        )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def organization(request) -> dict:
    logo = publisher_logo(request)
    return {
        "@type": "NewsMediaOrganization",
        "name": site_name(),
        "url": absolute(request, "/"),
        "logo": {"@type": "ImageObject", **logo},
    }


def website(request, language: str) -> dict:
    home = absolute(request, home_url(language))
    search = absolute(request, reverse("search:search"))
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "@id": f"{home}#website",
        "url": home,
        "name": site_name(),
        "inLanguage": language,
        "publisher": organization(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_list(request, crumbs: list[dict], current: dict | None = None) -> dict:
    """``crumbs``: ``[{"title", "url"}]`` from the home page down; ``current``: the page itself."""
    items = [*crumbs, current] if current else list(crumbs)
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb["title"],
                "item": absolute(request, crumb["url"]),
            }
            for position, crumb in enumerate(items, start=1)
        ],
    }


def _translation_links(url: str, alternates: list[tuple[str, str]]) -> dict:
    """The x-default version is the original work; the others are its translations."""
    versions = [(code, href) for code, href in alternates if code != "x-default"]
    original = dict(alternates).get("x-default")
    if not original or len(versions) < 2:
        return {}
    if url == original:
        return {
            "workTranslation": [
                {"@type": "NewsArticle", "@id": f"{href}#article", "url": href, "inLanguage": code}
                for code, href in versions
                if href != original
            ]
        }
    original_code = next(code for code, href in versions if href == original)
    return {
        "translationOfWork": {
            "@type": "NewsArticle",
            "@id": f"{original}#article",
            "url": original,
            "inLanguage": original_code,
        }
    }


def person(request, *, url, name, role="", bio="", image=None, same_as=()) -> dict:
    """An author's page: ``Person`` with the job title, bio, photo and profiles elsewhere."""
    data = {
        "@context": SCHEMA,
        "@type": "Person",
        "@id": f"{url}#person",
        "url": url,
        "name": name,
        "mainEntityOfPage": {"@type": "ProfilePage", "@id": url},
        "worksFor": organization(request),
    }
    if role:
        data["jobTitle"] = role
    if bio:
        data["description"] = bio
    if image is not None:
        data["image"] = {
            "@type": "ImageObject",
            "url": image.url,
            "width": image.width,
            "height": image.height,
        }
    if same_as:
        data["sameAs"] = list(same_as)
    return data


def news_article(request, article, *, language, url, description, section, alternates) -> dict:
    data = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": article.title[:HEADLINE_MAX],
        "description": description,
        "datePublished": w3c(article.date),
        # A significant update an editor marked (news.corrections), else the last publish.
        "dateModified": w3c(getattr(article, "last_significant_update", None) or article.modified_date),
        "author": [{"@type": "Person", "name": author.name} for author in article.authors],
        "publisher": organization(request),
        "inLanguage": language,
        "isAccessibleForFree": True,
    }
    images = structured_data_images(article.hero_image, request)
    if images:
        data["image"] = images
    if section:
        data["articleSection"] = section["title"]
    keywords = [tag.name for tag in article.tags.all()]
    if keywords:
        data["keywords"] = keywords
    data.update(_translation_links(url, alternates))
    return data


def live_blog_posting(article: dict, *, start, end, updates: list[dict]) -> dict:
    """A live article's :func:`news_article` as a ``LiveBlogPosting`` (the Article type for live
    coverage): when coverage started and, once the editor ended it, ended, and its updates as
    ``BlogPosting`` entries pointing at their anchors. ``updates``: ``[{"anchor", "headline",
    "published", "text"}]``, newest first."""
    url = article["url"]
    data = {**article, "@type": "LiveBlogPosting"}
    if start:
        data["coverageStartTime"] = w3c(start)
    if end:
        data["coverageEndTime"] = w3c(end)
    data["liveBlogUpdate"] = [
        {
            "@type": "BlogPosting",
            "@id": f"{url}#{update['anchor']}",
            "url": f"{url}#{update['anchor']}",
            "headline": update["headline"][:HEADLINE_MAX],
            "datePublished": w3c(update["published"]),
            "articleBody": update["text"],
            "inLanguage": article.get("inLanguage", ""),
        }
        for update in updates
    ]
    return data
