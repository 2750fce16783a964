"""What the site publishes for machines: sitemaps, robots.txt, page metadata and structured data.

Feeds live beside it in ``news.feeds``. Every "which languages does this page exist in" decision goes
through ``translations.availability`` and every URL through ``translations.links``.
"""
