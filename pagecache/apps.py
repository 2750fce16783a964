from django.apps import AppConfig


class PagecacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from news import listings

        from . import fragments, signals

        signals.connect()
        # Listings' ids last as long as the pages that show them (news.listings).
        listings.keep_lists_with(fragments.cached)
