"""Render the busiest pages once so their image renditions exist before the first reader arrives.

Every hero picture is shown in several sizes and formats; Wagtail makes each rendition the first time
a page asks for it, so the first view of the home page after loading the demo is slow. ``warm()``
requests the home page and every section in each language through Django's test client (no server
needed), whatever renditions the templates ask for.
"""

import time

from django.test import Client

from navigation import menus, tree
from translations.languages import language_codes


def warm(stdout=None, host: str = "localhost") -> int:
    started = time.monotonic()
    client = Client(HTTP_HOST=host)
    urls = []
    for code in language_codes():
        urls.append(menus.home_url(code))
        urls.extend(section["urls"][code] for section in tree.section_tree()["sections"])
    failures = [url for url in urls if client.get(url).status_code != 200]
    if stdout is not None:
        stdout.write(
            f"Rendered {len(urls)} pages to prepare their images ({time.monotonic() - started:.1f} s)"
            + (f"; failed: {', '.join(failures)}" if failures else ".")
        )
    return len(urls) - len(failures)
