"""Creating or updating demo pages, looked up by their English slug so a re-run updates, never duplicates."""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from home.models import HomePage

from .catalogue import HOME

LANGUAGES = ("en", "az", "ru")


def translated(name: str, values: dict) -> dict:
    """``{"title_en": ..., "title_az": ..., "title_ru": ...}`` from ``{"en": ..., ...}`` (missing -> "")."""
    return {f"{name}_{code}": values.get(code, "") for code in LANGUAGES}


def block_id(rng) -> str:
    """A stable StreamField block id, so re-runs produce the same bodies."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def upsert(parent, model, slug_en: str, fields: dict, prepare=None):
    """The child of ``parent`` with English slug ``slug_en``, created or updated, then published.

    ``fields`` holds the translated columns (``title_en``...); the base ``title``/``slug`` are set to
    the English values. ``prepare(page)`` sets relations (authors, tags) before saving.
    """
    page = model.objects.child_of(parent).filter(slug_en=slug_en).first()
    values = {"title": fields["title_en"], "slug": slug_en, "slug_en": slug_en, **fields}
    if page is None:
        page = model(**values)
        if prepare:
            prepare(page)
        parent.add_child(instance=page)
    else:
        for name, value in values.items():
            setattr(page, name, value)
        if prepare:
            prepare(page)
    page.save_revision().publish()
    return page


def _is_wagtail_welcome_page(page) -> bool:
    return page.specific_class is Page and page.depth == 2 and page.numchild == 0


def ensure_home() -> HomePage:
    """The HomePage as the site root (depth 2), replacing Wagtail's "Welcome" page."""
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    # Without `manage.py update_translation_fields` (e.g. a test database) the root's per-language
    # columns are empty and every URL below it would lose its leading slash.
    empty = {
        **{f"url_path_{code}": "/" for code in LANGUAGES if not getattr(root, f"url_path_{code}")},
        **{f"slug_{code}": root.slug_en or "root" for code in LANGUAGES if not getattr(root, f"slug_{code}")},
    }
    if empty:
        Page.objects.filter(pk=root.pk).update(**empty)
        root.refresh_from_db()
    home = HomePage.objects.first()
    slug = (home.slug_en if home else "") or "home"
    fields = {
        **translated("title", dict.fromkeys(LANGUAGES, HOME["title"])),
        **translated("slug", dict.fromkeys(LANGUAGES, slug)),
        **translated("tagline", HOME["tagline"]),
    }
    if home is None:
        # Deleting the welcome page also deletes the Site pointing at it; the Site is recreated below.
        for page in root.get_children():
            if _is_wagtail_welcome_page(page):
                page.delete()
        home = upsert(root, HomePage, slug, fields)
    else:
        home = upsert(home.get_parent(), HomePage, slug, fields)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    # Canonical, feed and Open Graph links use the Site's address: the one `make run` serves.
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname, site.port = base.hostname or "localhost", base.port or 80
    site.site_name, site.root_page = "Aze.Media", home
    site.save()
    for page in root.get_children().exclude(pk=home.pk):
        if _is_wagtail_welcome_page(page) and not Site.objects.filter(root_page=page).exists():
            page.delete()
    return home
