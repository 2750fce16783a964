"""Shared fixtures. Other test modules rely on these names: add new ones, do not rename.

Fixtures
--------
``site_tree``
    (function scope, uses ``db``) Wagtail root > ``HomePage`` (the default Site's root, replacing the
    welcome page) > sections News (sub-sections Economy, Energy), Opinion, Karabakh, plus About
    ("Who we are") and Donate pages; titles and slugs in en/az/ru (see ``tests.factories.SECTIONS``).
    Built afresh for each test (pages are live; no revisions, which keeps it fast).
    Returns a namespace: ``root, home, site, news, economy, energy, opinion, karabakh, about, donate``.
``make_article``
    Factory fixture: ``make_article(section, *, title_en=, title_az=, title_ru=, languages=CONTENT_LANGUAGES,
    slugs={lang: slug}, date=, authors=[Author], tags=[Tag], body=[raw blocks] or {lang: [...]}, words=60,
    hero_image=, source_name=, source_url=, publish_it=True, **other_fields)`` creates and publishes an
    ArticlePage with every translated field filled in for ``languages`` (others empty), one author, a hero
    image and a body with heading/paragraph/quote/image blocks. Default slugs: English title slugified,
    ``<slug>-az`` and ``<slug>-ru`` for the other languages. ``CONTENT_LANGUAGES`` (``tests.factories``)
    are en/az/ru, the site's languages in the main run.
``make_articles``
    ``make_articles(section, count, **kwargs)``: many live articles sharing one author and one image, built
    with ``add_child`` only (no revision: pass ``publish_it=True`` for revisions), which is much faster.
``author``, ``tag``
    An ``Author`` and a ``Tag`` with names in the three languages.
``admin_user`` / ``admin_client``
    pytest-django's superuser and a client logged in as it.
``admin_client_in``
    ``admin_client_in(language)``: the ``client`` fixture logged in as a new superuser ``editor-<language>``
    whose Wagtail admin is in ``language`` (``UserProfile.preferred_language``). Once per language a test.
``corpus``
    (function scope, uses ``site_tree``) The search corpus of ``tests.search_corpus.build``: four articles
    over real Azerbaijani and Russian text, ``talks, parade, russian_only, islam`` (namespace). It works in
    transactional tests too (``live_server`` ones marked ``django_db(transaction=True, ...)``).
``languages``
    The site's language codes from ``settings.LANGUAGES`` (``["en", "az", "ru"]``), as a list. For
    module-level ``parametrize`` and loops use ``tests.languages.LANGUAGES`` (the same codes, a tuple).
``soup``
    ``soup(response)``: the response parsed with BeautifulSoup.
``browser_page``  (also ``browser``)
    A Playwright Chromium page (``/usr/bin/chromium``, headless) for ``@pytest.mark.browser`` tests; use it
    with ``live_server``. Fails with a clear message when Chromium is not installed.

Every test starts with an empty cache (the navigation tree is cached) and English active.
"""

import os
import shutil

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connections
from django.utils import translation
from wagtail.users.models import UserProfile

from tests import factories, search_corpus
from tests.languages import LANGUAGES

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _clean_state():
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def languages():
    return list(LANGUAGES)


@pytest.fixture
def site_tree(db):
    return factories.site_tree()


@pytest.fixture
def author(db):
    return factories.AuthorFactory()


@pytest.fixture
def tag(db):
    return factories.TagFactory()


@pytest.fixture
def make_article(db):
    return factories.create_article


@pytest.fixture
def make_articles(db):
    def make(section, count, **kwargs):
        shared_author = kwargs.pop("authors", None) or [factories.AuthorFactory()]
        image = kwargs.pop("hero_image", None) or factories.ImageFactory()
        kwargs.setdefault("publish_it", False)
        return [
            factories.create_article(section, authors=shared_author, hero_image=image, **kwargs)
            for _ in range(count)
        ]

    return make


@pytest.fixture
def corpus(site_tree, make_article):
    return search_corpus.build(site_tree, make_article)


@pytest.fixture
def admin_client_in(client, db):
    def log_in(language):
        user = get_user_model().objects.create_superuser(
            f"editor-{language}", f"{language}@example.org", "pw"
        )
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return log_in


@pytest.fixture
def soup():
    def parse(response):
        content = response.content if hasattr(response, "content") else response
        return BeautifulSoup(content, "html.parser")

    return parse


# --- Playwright ------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.fail(f"Browser tests need Chromium at {CHROMIUM} (apt-get install chromium).")
    # Playwright's sync API runs an event loop in this thread; Django's ORM would refuse to run beside it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    # With Playwright's loop running in this thread, Django's connections live in a context variable
    # (asgiref's Local): from now on this thread gets new connection objects, without the snapshot of
    # the migrated database that serialized-rollback tests restore. Without it a browser test after one
    # of those (which leave the database flushed) found it empty ("content type ... not a valid choice").
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    try:
        with sync_playwright() as playwright:
            for alias, snapshot in snapshots.items():
                connections[alias]._test_serialized_contents = snapshot
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
