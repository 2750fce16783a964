"""The URLconf: the admin, documents and root files (sitemaps, robots.txt), then readers' URLs per language.

Every view readers reach answers GET and HEAD and gives 405 to TRACE and methods it does not know.
Wagtail's page view lets a page answer DELETE, OPTIONS, PATCH, POST and PUT as well (each page type's
``allowed_http_methods``, every method by default): pages here are served through :data:`serve_page`,
which keeps GET, HEAD and POST (what a form page would need) and answers 405 to the rest.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.http import require_http_methods, require_safe
from django.views.i18n import JavaScriptCatalog
from django.views.static import serve as static_serve
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern
from wagtail.urls import urlpatterns as wagtail_patterns

from news import urls as news_urls

PAGE_METHODS = ["GET", "HEAD", "POST"]
serve_page = require_http_methods(PAGE_METHODS)(wagtail_views.serve)
# Wagtail's URLs (password-protected page forms, front-end login) with pages served by ``serve_page``,
# still last and still named ``wagtail_serve`` (``Page.url`` reverses it).
page_patterns = [
    *(pattern for pattern in wagtail_patterns if getattr(pattern, "name", None) != "wagtail_serve"),
    re_path(serve_pattern, serve_page, name="wagtail_serve"),
]

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # /sitemap.xml, /sitemap-pages.xml, /robots.txt (seo.urls); /sitemap-news-<lang>.xml (news.urls)
    path("", include("seo.urls")),
    *news_urls.root_patterns,
]

if settings.DEBUG or settings.SERVE_MEDIA:
    # Uploads are served by the front web server in production; see SERVE_MEDIA in .env.example.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$",
            static_serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Reader-facing URLs carry the language: /en/..., /az/..., /ru/...; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    # The djangojs catalogue (locale/*/LC_MESSAGES/djangojs.po) for gettext() in static/js.
    path(
        "jsi18n/",
        require_safe(JavaScriptCatalog.as_view(packages=["translations"])),
        name="javascript-catalog",
    ),
    path("search/", include("search.urls")),
    path("feed/", include((news_urls.feed_patterns, "feeds"))),
    path("newsletter/", include("newsletter.urls")),
    # The read beacon: POST only, never cached, no cookie (readership.views).
    path("read/", include("readership.urls")),
    path("", include("news.urls")),
    path("", include(page_patterns)),
    prefix_default_language=True,
)

# A database outage answers 503 with Retry-After and the maintenance page, not 500 (maintenance.views).
handler500 = "maintenance.views.server_error"
