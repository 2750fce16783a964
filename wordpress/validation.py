"""Page validation during an import, without wagtail-modeltranslation's scan of every sibling.

wagtail-modeltranslation wraps each translated page model's ``clean`` to check slugs in every language
against every sibling page, loading them all as objects. Publishing an article in a section of 3,000
(the bench's 10,000 posts in three sections) then takes about 0.1 s more per article, growing with the
section: quadratic over an import. While an import runs, those wrappers are set aside and each class's
own ``clean`` runs (Wagtail's one-query slug check, the article's date rule, anything added later); the
import makes each language's slug unique among the siblings itself (``Importer._unique_slug``, one query
per section and language). The wrappers are put back when the import ends, whatever happens.
"""

from contextlib import contextmanager

from wagtail.models import Page

WRAPPER_MODULE = "wagtail_modeltranslation"


def _wrapped_clean(cls):
    wrapper = cls.__dict__.get("clean")
    code = getattr(wrapper, "__code__", None)
    if code is None or not (wrapper.__module__ or "").startswith(WRAPPER_MODULE) or not wrapper.__closure__:
        return None
    cells = dict(zip(code.co_freevars, wrapper.__closure__, strict=True))
    original = cells.get("old_clean")
    return (wrapper, original.cell_contents) if original is not None else None


@contextmanager
def without_sibling_scan(models):
    replaced = []
    classes = {cls for model in models for cls in model.__mro__ if issubclass(cls, Page)}
    for cls in classes:
        found = _wrapped_clean(cls)
        if found:
            wrapper, original = found
            cls.clean = original
            replaced.append((cls, wrapper))
    try:
        yield
    finally:
        for cls, wrapper in replaced:
            cls.clean = wrapper
