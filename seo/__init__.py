"""What the site tells machines: head metadata, structured data, sitemaps, robots.txt, feed links.

Page types build their own head metadata from these pieces (``seo.metadata``) in ``get_context``;
every "which languages does this page exist in" decision goes through ``translations.availability``
and every URL through ``translations.links``.
"""
