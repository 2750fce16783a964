from django.apps import AppConfig


class SeoConfig(AppConfig):
    name = "seo"
    verbose_name = "SEO"
