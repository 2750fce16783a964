"""Old URLs keep working: a permanent redirect for every language whose published URL changed.

Called around ``Page.save`` by ``translations.mixins.DefaultLanguageColumnsMixin``: when a live page
is saved with a new ``slug_xx`` (or moves), its old ``/xx/.../`` URL, and those of its live
descendants, redirect (301) to the page through ``wagtail.contrib.redirects``. The redirect points at
the page, not at a path, so it follows later changes too; the reader lands on the page in the
language of the old URL.
"""

import copy

from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from .languages import language_codes, localized_field


def _url_path_fields() -> list[str]:
    return [localized_field("url_path", code) for code in language_codes()]


def published_url_paths(page) -> dict[str, str] | None:
    """``{language: url_path}`` as stored for a live page, else ``None``."""
    if not page.pk:
        return None
    row = Page.objects.filter(pk=page.pk, live=True).values(*_url_path_fields()).first()
    if row is None:
        return None
    return {code: row[localized_field("url_path", code)] for code in language_codes()}


def _path_in(page, language: str, url_path: str):
    """``(site_id, "/ru/novosti/old-slug/")`` for ``page`` as if its url_path were ``url_path``."""
    stand_in = copy.copy(page)
    setattr(stand_in, localized_field("url_path", language), url_path)
    with translation.override(language):
        parts = stand_in.get_url_parts()
    if not parts:
        return None
    site_id, _root_url, page_path = parts
    return site_id, page_path


def _redirect(site_id, old_path: str, target) -> None:
    Redirect.objects.update_or_create(
        site_id=site_id,
        old_path=Redirect.normalise_path(old_path),
        defaults={
            "redirect_page": target,
            "redirect_link": "",
            "redirect_page_route_path": "",
            "is_permanent": True,
            "automatically_created": True,
        },
    )


def redirect_changed_urls(page, before: dict[str, str] | None) -> int:
    """Create redirects from the URLs in ``before`` that changed; returns how many."""
    if not before:
        return 0
    created = 0
    for code in language_codes():
        old = before.get(code)
        new = getattr(page, localized_field("url_path", code), None)
        if not old or not new or old == new:
            continue
        moved = [(page, old)]
        field = localized_field("url_path", code)
        for descendant in page.get_descendants().live().only("pk", "path", "depth", field):
            current = getattr(descendant, field) or ""
            if current.startswith(new):
                moved.append((descendant, old + current[len(new) :]))
        for target, old_url_path in moved:
            old_location = _path_in(target, code, old_url_path)
            new_location = _path_in(target, code, getattr(target, field))
            if old_location and old_location != new_location:
                _redirect(old_location[0], old_location[1], target)
                created += 1
        # The page answers at its new URL again: a redirect from there would never be reached.
        location = _path_in(page, code, new)
        if location:
            Redirect.objects.filter(
                site_id=location[0], old_path=Redirect.normalise_path(location[1])
            ).delete()
    return created
