from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from django.views.static import serve as static_serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from news import urls as news_urls

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
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["translations"]), name="javascript-catalog"),
    path("search/", include("search.urls")),
    path("feed/", include((news_urls.feed_patterns, "feeds"))),
    path("", include("news.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
