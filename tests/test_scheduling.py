"""Scheduled publishing: an article with a go-live date appears on time everywhere, an expired one goes.

Time really moves forward here: the go-live / expiry moments are a few seconds ahead, the test waits for
them and runs the scheduler (``run_scheduler --once``, which runs Wagtail's ``publish_scheduled``).
"""

import datetime
import os
import signal
import threading
import time
import xml.etree.ElementTree as ET

import feedparser
from django.core.management import call_command
from django.utils import timezone, translation

from tests.languages import LANGUAGES
from translations.links import page_url

AHEAD = datetime.timedelta(seconds=6)
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def wait_until(moment):
    remaining = (moment - timezone.now()).total_seconds()
    if remaining > 0:
        time.sleep(remaining + 0.2)


def run_scheduler():
    call_command("run_scheduler", once=True)


def where_listed(client, soup, article):
    """Every place a reader or a machine can find ``article``, per language: {place: bool}."""
    found = {}
    for code in LANGUAGES:
        url = page_url(article, code, full=True)
        path = page_url(article, code)
        feed = feedparser.parse(client.get(f"/{code}/feed/rss/").content)
        found[f"{code} feed"] = url in [entry.link for entry in feed.entries]
        atom = feedparser.parse(client.get(f"/{code}/feed/atom/").content)
        found[f"{code} atom"] = url in [entry.link for entry in atom.entries]
        news = ET.fromstring(client.get(f"/sitemap-news-{code}.xml").content)  # noqa: S314
        found[f"{code} news sitemap"] = url in [loc.text for loc in news.findall("sm:url/sm:loc", SITEMAP_NS)]
        for place, listing in (("home", f"/{code}/"), ("section", page_url(article.get_parent(), code))):
            hrefs = {a.get("href") for a in soup(client.get(listing)).find_all("a")}
            found[f"{code} {place}"] = path in hrefs or url in hrefs
        found[f"{code} page"] = client.get(path).status_code == 200
    sitemap = ET.fromstring(client.get("/sitemap-pages.xml").content)  # noqa: S314
    locs = {loc.text for loc in sitemap.findall("sm:url/sm:loc", SITEMAP_NS)}
    found["sitemap"] = {page_url(article, code, full=True) for code in LANGUAGES} <= locs
    return found


def schedule(article, go_live_at=None, expire_at=None):
    """What an editor does: set the dates in the Settings tab and press Publish."""
    with translation.override("en"):
        article.go_live_at = go_live_at
        article.expire_at = expire_at
        if go_live_at:
            article.date = go_live_at
        article.save_revision().publish()
    article.refresh_from_db()
    return article


def test_scheduled_article_goes_live_on_time_in_every_listing_feed_and_sitemap(
    client, soup, site_tree, make_article
):
    make_article(site_tree.news)  # something else to list
    article = make_article(site_tree.news, publish_it=False, live=False)
    go_live_at = timezone.now() + AHEAD
    schedule(article, go_live_at=go_live_at)

    run_scheduler()  # too early: nothing happens
    article.refresh_from_db()
    assert not article.live
    assert timezone.now() < go_live_at, "the machine was too slow to check the early run"
    assert not any(where_listed(client, soup, article).values())

    wait_until(go_live_at)
    run_scheduler()

    article.refresh_from_db()
    assert article.live
    listed = where_listed(client, soup, article)
    assert all(listed.values()), [place for place, ok in listed.items() if not ok]
    # It is the newest article: first in the feeds.
    feed = feedparser.parse(client.get("/ru/feed/rss/").content)
    assert feed.entries[0].title == article.title_ru


def test_expired_article_leaves_every_listing_feed_and_sitemap(client, soup, site_tree, make_article):
    article = make_article(site_tree.news)
    expire_at = timezone.now() + AHEAD
    schedule(article, expire_at=expire_at)
    listed = where_listed(client, soup, article)
    assert all(listed.values()), [place for place, ok in listed.items() if not ok]

    wait_until(expire_at)
    run_scheduler()

    article.refresh_from_db()
    assert not article.live and article.expired
    assert not any(where_listed(client, soup, article).values())


def test_scheduler_loop_publishes_when_the_time_comes_and_stops_on_sigterm(site_tree, make_article, capsys):
    """``run_scheduler`` (what ``make run`` starts) keeps running publish_scheduled until SIGTERM."""
    article = make_article(site_tree.news, publish_it=False, live=False)
    go_live_at = timezone.now() + datetime.timedelta(seconds=1)
    schedule(article, go_live_at=go_live_at)
    stopper = threading.Timer(2.5, os.kill, args=(os.getpid(), signal.SIGTERM))
    stopper.start()
    try:
        call_command("run_scheduler", interval=0.2)
    finally:
        stopper.cancel()

    assert "Scheduler stopped." in capsys.readouterr().out
    article.refresh_from_db()
    assert article.live


def test_a_go_live_date_is_never_silently_ignored(admin_client, soup, site_tree, make_article):
    """Saving a draft with a go-live date says it is not scheduled; "Schedule to publish" schedules it."""
    from django.urls import reverse

    from news.models import ArticlePage
    from tests.editor_fixtures import edit_form_data

    article = make_article(site_tree.news)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    later = timezone.localtime(timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")

    response = admin_client.post(url, edit_form_data(article, go_live_at=later), follow=True)
    messages = " ".join(item.get_text(" ", strip=True) for item in soup(response).select(".messages li"))
    assert "not scheduled yet" in messages and "Schedule to publish" in messages
    assert ArticlePage.objects.get(pk=article.pk).get_latest_revision().approved_go_live_at is None

    response = admin_client.post(
        url, {**edit_form_data(article, go_live_at=later), "action-publish": "publish"}, follow=True
    )
    messages = " ".join(item.get_text(" ", strip=True) for item in soup(response).select(".messages li"))
    assert "scheduled for publishing" in messages and "not scheduled yet" not in messages
    assert ArticlePage.objects.get(pk=article.pk).get_latest_revision().approved_go_live_at is not None
