"""``/robots.txt``: the sitemaps, and what crawlers should leave alone (the admin, search results)."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from translations.languages import language_codes

from .absolute import absolute
from .sitemaps import news_sitemap_urls


def disallowed_paths() -> list[str]:
    paths = [reverse("wagtailadmin_home")]
    for code in language_codes():
        with translation.override(code):
            paths.append(reverse("search:search"))
    return paths


@require_safe
@cache_control(max_age=60 * 60)
def robots_txt(request):
    # The index and the news sitemaps: no count of the site's pages (the index's files are listed there).
    sitemaps = [absolute(request, reverse("sitemap_index")), *news_sitemap_urls(request)]
    context = {"disallow": disallowed_paths(), "sitemaps": sitemaps}
    return HttpResponse(
        render_to_string("seo/robots.txt", context, request=request), content_type="text/plain; charset=utf-8"
    )
