"""The newsletter digest (``manage.py send_newsletter``) delivered to a real SMTP server: what each
subscriber gets, in which language, with which links and headers; no duplicates; failures reported
without stopping the others; and the e-mail settings read from the environment."""

import datetime
import importlib
import re
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from newsletter.models import Subscriber
from tests.languages import LANGUAGES
from tests.newsletter_fixtures import newsletter_wiring  # noqa: F401
from tests.smtp_server import SMTPServer, smtp_fixture, use_smtp_server  # noqa: F401

NOW = timezone.now()


def ago(**delta):
    return timezone.now() - datetime.timedelta(**delta)


def subscriber(email, language="en", frequency="daily", last=None, consented=None):
    return Subscriber.objects.create(
        email=email,
        language=language,
        frequency=frequency,
        consented_at=consented or ago(days=30),
        last_digest_at=last if last is not None else ago(days=2),
    )


def send(**options):
    out, err = StringIO(), StringIO()
    call_command("send_newsletter", stdout=out, stderr=err, **options)
    return out.getvalue()


def subject_of(received):
    return str(received.message["Subject"]).strip()


@pytest.fixture(autouse=True)
def any_hour(settings):
    settings.NEWSLETTER_SEND_HOUR = 0  # due whatever the hour the test runs at


@pytest.fixture
def news(site_tree, make_article):
    """Two new articles (one in every language, one English only) and one from before the last digest."""
    return {
        "everywhere": make_article(site_tree.news, date=ago(hours=3)),
        "english_only": make_article(site_tree.economy, date=ago(hours=2), languages=("en",)),
        "old": make_article(site_tree.news, date=ago(days=3)),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_digest_in_the_subscribers_language(news, smtp, language):
    reader = subscriber(f"{language}@example.org", language)
    assert "Sent 1 digest(s)" in send()

    [received] = smtp.to(reader.email)
    expected = ["everywhere", "english_only"] if language == "en" else ["everywhere"]
    with translation.override(language):
        titles = [news[name].title for name in expected]
        old_title = news["old"].title
        count = len(expected)
        subject = ngettext("%(site)s: %(count)d new article", "%(site)s: %(count)d new articles", count)
        assert subject_of(received) == subject % {"site": "Aze.Media", "count": count}
        assert gettext("Unsubscribe:") in received.text
    assert received.message["Content-Language"] == language
    text, html = received.text, received.html
    for title in titles:
        assert title in text and title in html
    assert old_title not in text
    assert text.index(titles[-1]) < text.index(titles[0]) or len(titles) == 1, "newest first"
    # Absolute links to the article in this language, in both parts.
    article_links = re.findall(rf"http://localhost/{language}/[^\s\"<>]+", text)
    assert news["everywhere"].get_url() is not None
    assert any(
        link.endswith(f"{news['everywhere'].slug}-{language}/") or language == "en" for link in article_links
    )
    for link in article_links:
        assert Client().get(link.removeprefix("http://localhost")).status_code == 200, link
        assert link in html

    # RFC 8058: the headers a mail provider's unsubscribe button uses, and the button works.
    unsubscribe = str(received.message["List-Unsubscribe"]).strip()  # folded: a long header
    assert re.fullmatch(rf"<http://localhost/{language}/newsletter/unsubscribe/[^>]+/>", unsubscribe)
    assert received.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe[1:-1] in text
    answer = Client(enforce_csrf_checks=True).post(
        unsubscribe[1:-2].removeprefix("http://localhost") + "/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert (answer.status_code, answer.content) == (200, b"")
    assert not Subscriber.objects.filter(email=reader.email).exists()


@pytest.mark.django_db
def test_running_twice_sends_once(news, smtp, make_article, site_tree):
    reader = subscriber("twice@example.org")
    send()
    first = Subscriber.objects.get(pk=reader.pk).last_digest_at
    make_article(site_tree.news, date=ago(minutes=1))  # news after the run: tomorrow's digest
    assert "Sent 0 digest(s); 0 due" in send()
    assert len(smtp.to("twice@example.org")) == 1
    assert Subscriber.objects.get(pk=reader.pk).last_digest_at == first


@pytest.mark.django_db
def test_nothing_new_means_no_message(site_tree, make_article, smtp):
    make_article(site_tree.news, date=ago(hours=1), languages=("en",))
    quiet = subscriber("ru@example.org", "ru")
    assert "Sent 0 digest(s); 1 due with nothing new" in send()
    assert not smtp.messages
    # The day counts as done: an article later today waits for tomorrow's digest.
    assert Subscriber.objects.get(pk=quiet.pk).last_digest_at > quiet.last_digest_at


@pytest.mark.django_db
def test_weekly_subscribers_get_one_digest_a_week(news, smtp):
    subscriber("recent@example.org", frequency="weekly", last=ago(days=3))
    subscriber("due@example.org", frequency="weekly", last=ago(days=8))
    send()
    assert not smtp.to("recent@example.org")
    assert len(smtp.to("due@example.org")) == 1


@pytest.mark.django_db
def test_a_new_subscribers_first_digest_starts_at_consent(site_tree, make_article, smtp):
    before = make_article(site_tree.news, date=ago(days=3))
    after = make_article(site_tree.news, date=ago(hours=20))
    Subscriber.objects.create(
        email="new@example.org", language="en", frequency="daily", consented_at=ago(days=2)
    )
    send()
    [received] = smtp.to("new@example.org")
    assert after.title in received.text
    assert before.title not in received.text


@pytest.mark.django_db
def test_digests_wait_for_the_send_hour(news, smtp, settings):
    settings.NEWSLETTER_SEND_HOUR = 24  # never reached
    subscriber("early@example.org")
    assert "Sent 0 digest(s); 0 due" in send()
    assert not smtp.messages


@pytest.mark.django_db
def test_a_long_day_lists_the_newest_and_counts_the_rest(site_tree, make_article, smtp, settings):
    settings.NEWSLETTER_DIGEST_MAX_ARTICLES = 2
    articles = [make_article(site_tree.news, date=ago(hours=hours)) for hours in (5, 4, 3)]
    subscriber("busy@example.org", "ru")
    send()
    [received] = smtp.to("busy@example.org")
    with translation.override("ru"):
        assert subject_of(received) == "Aze.Media: 3 новые статьи"
        assert articles[0].title not in received.text
        assert articles[2].title in received.text and articles[1].title in received.text
    assert "И ещё 1 статья на сайте: http://localhost/ru/" in received.text


@pytest.mark.django_db
def test_a_refused_address_does_not_stop_the_others_and_is_reported(news, smtp):
    for name in ("a", "b", "c"):
        subscriber(f"{name}@example.org")
    smtp.refuse("b@example.org")
    err = StringIO()
    with pytest.raises(CommandError, match="1 digest"):
        call_command("send_newsletter", stdout=StringIO(), stderr=err)
    assert "Failed: b@example.org: 550" in err.getvalue()
    assert [len(smtp.to(f"{name}@example.org")) for name in "abc"] == [1, 0, 1]
    # The refused one is tried again next time; the others are not sent twice.
    smtp.refused.clear()
    send()
    assert [len(smtp.to(f"{name}@example.org")) for name in "abc"] == [1, 1, 1]


@pytest.mark.django_db
def test_a_mail_server_that_is_down_loses_nothing(news, smtp, settings):
    for name in ("a", "b"):
        subscriber(f"{name}@example.org")
    smtp.stop()
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("send_newsletter", stdout=StringIO(), stderr=err)
    assert "Mail server unreachable" in err.getvalue() or "Failed" in err.getvalue()
    assert Subscriber.objects.filter(last_digest_at__gt=ago(hours=1)).count() == 0
    server = SMTPServer().start()
    try:
        use_smtp_server(settings, server)
        send()
        assert [len(server.to(f"{name}@example.org")) for name in "ab"] == [1, 1]
    finally:
        server.stop()


@pytest.mark.django_db
def test_dry_run_sends_and_records_nothing(news, smtp):
    reader = subscriber("dry@example.org")
    assert "Would send 1 digest(s)" in send(dry_run=True)
    assert not smtp.messages
    assert Subscriber.objects.get(pk=reader.pk).last_digest_at == reader.last_digest_at


@pytest.mark.django_db
def test_queries_do_not_grow_with_subscribers(news, smtp, django_assert_max_num_queries):
    last = ago(days=2)  # as after a previous run: everyone's last digest ended at the same moment
    for number in range(30):
        subscriber(f"reader{number}@example.org", LANGUAGES[number % len(LANGUAGES)], last=last)
    with django_assert_max_num_queries(30 + 12):  # one claim per subscriber, the rest per language
        send()
    assert len(smtp.messages) == 30


@pytest.mark.django_db
def test_smtp_with_a_login(news, settings):
    server = SMTPServer(credentials=("newsroom", "s3cret")).start()
    try:
        use_smtp_server(settings, server)
        subscriber("auth@example.org")
        send()
        assert len(server.to("auth@example.org")) == 1
        assert server.logins == [True]
    finally:
        server.stop()


def test_email_settings_come_from_the_environment(monkeypatch):
    from newsroom.settings import email as module

    try:
        monkeypatch.setenv("EMAIL_HOST", "smtp.example.net")
        monkeypatch.setenv("EMAIL_USE_SSL", "true")
        monkeypatch.setenv("EMAIL_HOST_USER", "mailer")
        monkeypatch.setenv("EMAIL_HOST_PASSWORD", "pw")
        monkeypatch.setenv("DEFAULT_FROM_EMAIL", "Aze.Media <news@aze.media>")
        loaded = importlib.reload(module)
        assert (loaded.EMAIL_HOST, loaded.EMAIL_PORT, loaded.EMAIL_USE_SSL, loaded.EMAIL_USE_TLS) == (
            "smtp.example.net",
            465,
            True,
            False,
        )
        assert (loaded.EMAIL_HOST_USER, loaded.EMAIL_HOST_PASSWORD) == ("mailer", "pw")
        assert loaded.NEWSLETTER_FROM_EMAIL == "Aze.Media <news@aze.media>"
        assert loaded.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
        monkeypatch.setenv("EMAIL_USE_TLS", "true")
        with pytest.raises(ImproperlyConfigured):
            importlib.reload(module)
        monkeypatch.setenv("EMAIL_USE_SSL", "false")
        monkeypatch.setenv("EMAIL_PORT", "2525")
        assert importlib.reload(module).EMAIL_PORT == 2525
    finally:
        monkeypatch.undo()
        importlib.reload(module)
