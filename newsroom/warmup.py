"""What a worker does once, after Django is set up and before its first request.

1. Import every view and open the Russian dictionary (``search.normalize``; its files are mapped,
   shared by the workers: ``search.dictionary``), so the first readers do not pay for it.
2. ``gc.freeze()``: move the objects that live as long as the process (modules, models, URL
   patterns, templates' code, the dictionary's tables) out of the garbage collector's reach. A full
   collection then walks only what requests created; before, it walked everything, and the request it
   fell on waited 85–95 ms (measured on the search results page at 30,000 articles, bench/search.py).
"""

import gc

from django.urls import get_resolver

from search.normalize import russian_term


def warm_up() -> None:
    get_resolver().url_patterns  # noqa: B018 - imports every URLconf and view
    russian_term("новости")
    gc.collect()
    gc.freeze()
