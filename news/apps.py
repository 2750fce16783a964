from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "News"

    def ready(self):
        from wagtail.signals import post_page_move

        from .listings import on_page_moved

        # A move rewrites paths in SQL, without save(): keep ArticlePage.top_section right.
        post_page_move.connect(on_page_moved, dispatch_uid="news.top_sections")

        from . import corrections

        # A publish with "significant update" ticked records its time (news.corrections).
        corrections.connect()
