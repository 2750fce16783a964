"""Newsletter sign-up, confirmation and unsubscribe, as readers and mail providers use them, against a
real SMTP server (tests/smtp_server.py): double opt-in, one-click unsubscribe (RFC 8058), rate limits,
and a sign-up that never tells whether an address is subscribed."""

import re
import time

import pytest
from django.core import signing
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from newsletter import tokens
from newsletter.models import Subscriber
from tests.languages import LANGUAGES
from tests.newsletter_fixtures import newsletter_wiring  # noqa: F401
from tests.smtp_server import smtp_fixture  # noqa: F401

NONCE = re.compile(r'nonce-[A-Za-z0-9+/=]+|nonce="[^"]*"')


def signup_url(language):
    return f"/{language}/newsletter/"


def links_in(text):
    return re.findall(r"https?://[^\s<>\"]+", text)


def confirm_link(received):
    [link] = [url for url in links_in(received.text) if "/newsletter/confirm/" in url]
    return link


def subject_of(received):
    # Django folds an encoded Subject onto the next line; mail programs show it without that space.
    return str(received.message["Subject"]).strip()


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def reader(address="203.0.113.7", **extra):
    """A browser without cookies that CSRF protection would stop if the view relied on it."""
    return Client(enforce_csrf_checks=True, REMOTE_ADDR=address, **extra)


def subscribe(email="reader@example.org", language="en", frequency="daily"):
    return Subscriber.objects.create(
        email=email, language=language, frequency=frequency, consented_at=timezone.now()
    )


@pytest.fixture
def tree(site_tree):
    return site_tree


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_signup_page_in_each_language_has_no_csrf_token_cookie_or_cache(tree, soup, language):
    response = reader().get(signup_url(language))
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == language
    form = page.select_one("form.newsletter-form")
    assert form["action"] == signup_url(language)
    assert form["method"] == "post"
    assert not page.select('input[name="csrfmiddlewaretoken"]')
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    with translation.override(language):
        assert page.h1.get_text(strip=True) == gettext("Newsletter")
        assert page.select_one("button.newsletter-submit").get_text(strip=True) == gettext("Subscribe")
    if language != "en":
        assert page.h1.get_text(strip=True) != "Newsletter", "the page is not translated"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_double_opt_in(tree, smtp, soup, language):
    browser = reader()
    response = browser.post(signup_url(language), {"email": "Reader@Example.org", "frequency": "weekly"})
    assert response.status_code == 200
    with translation.override(language):
        assert soup(response).h1.get_text(strip=True) == gettext("Check your inbox")
    assert not Subscriber.objects.exists(), "nothing is stored before the address is confirmed"

    [received] = smtp.to("reader@example.org")
    with translation.override(language):
        expected = gettext("Confirm your subscription to the %(site)s newsletter") % {"site": "Aze.Media"}
    assert subject_of(received) == expected
    assert received.message["Content-Language"] == language
    link = confirm_link(received)
    assert link.startswith(f"http://localhost/{language}/newsletter/confirm/")
    assert link in received.html

    # Opening the link asks; it does not subscribe (mail scanners open links too).
    page = browser.get(path_of(link))
    assert page.status_code == 200
    assert "reader@example.org" in page.content.decode()
    assert not Subscriber.objects.exists()

    done = browser.post(path_of(link))
    assert done.status_code == 200
    with translation.override(language):
        assert soup(done).h1.get_text(strip=True) == gettext("You are subscribed")
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.language, subscriber.frequency) == (
        "reader@example.org",
        language,
        "weekly",
    )
    assert timezone.now() - subscriber.consented_at < timezone.timedelta(minutes=1)
    assert not done.cookies


@pytest.mark.django_db
def test_signup_does_not_tell_whether_an_address_is_subscribed(tree, smtp):
    subscribed = subscribe("old@example.org", language="ru", frequency="weekly")
    key = subscribed.unsubscribe_key
    gone = subscribe("gone@example.org")
    assert reader().post(f"/en/newsletter/unsubscribe/{tokens.unsubscribe_token(gone)}/").status_code == 200

    pages, queries = {}, {}
    for address in ("new@example.org", "old@example.org", "gone@example.org"):
        with CaptureQueriesContext(connection) as counted:
            response = reader().post(signup_url("en"), {"email": address, "frequency": "daily"})
        queries[address] = len(counted.captured_queries)
        assert response.status_code == 200
        pages[address] = NONCE.sub("", response.content.decode().replace(address, "ADDRESS"))
    assert pages["new@example.org"] == pages["old@example.org"] == pages["gone@example.org"]
    assert len(set(queries.values())) == 1, queries

    messages = {address: smtp.to(address) for address in pages}
    assert all(len(received) == 1 for received in messages.values())
    subjects = {subject_of(received[0]) for received in messages.values()}
    assert len(subjects) == 1

    # Confirming again changes the one subscription; it never adds a second.
    browser = reader()
    assert browser.post(path_of(confirm_link(messages["old@example.org"][0]))).status_code == 200
    subscriber = Subscriber.objects.get(email="old@example.org")
    assert (subscriber.language, subscriber.frequency, subscriber.unsubscribe_key) == ("en", "daily", key)
    assert Subscriber.objects.filter(email="old@example.org").count() == 1


@pytest.mark.django_db
def test_the_same_mailbox_subscribes_once_whatever_its_spelling(tree, smtp):
    for spelling in ("Ann@Example.ORG", " ann@example.org "):
        reader().post(signup_url("az"), {"email": spelling, "frequency": "daily"})
    for received in smtp.to("ann@example.org"):
        reader().post(path_of(confirm_link(received)))
    assert list(Subscriber.objects.values_list("email", "language")) == [("ann@example.org", "az")]


@pytest.mark.django_db
def test_at_most_three_confirmation_messages_per_address_an_hour(tree, smtp, settings):
    settings.NEWSLETTER_SIGNUP_LIMIT_PER_ADDRESS = 3
    pages = set()
    for number in range(5):
        response = reader(f"198.51.100.{number}").post(
            signup_url("en"), {"email": "target@example.org", "frequency": "daily"}
        )
        assert response.status_code == 200
        pages.add(NONCE.sub("", response.content.decode()))
    assert len(pages) == 1, "the reader cannot tell that the limit was reached"
    assert len(smtp.to("target@example.org")) == 3


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_too_many_signups_from_one_client_get_429(tree, smtp, settings, soup, language):
    settings.NEWSLETTER_SIGNUP_LIMIT_PER_IP = 4
    for number in range(4):
        ok = reader().post(signup_url(language), {"email": f"r{number}@example.org", "frequency": "daily"})
        assert ok.status_code == 200
    refused = reader().post(signup_url(language), {"email": "r9@example.org", "frequency": "daily"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == str(settings.NEWSLETTER_SIGNUP_WINDOW)
    with translation.override(language):
        assert soup(refused).h1.get_text(strip=True) == gettext("Too many sign-ups")
    assert not smtp.to("r9@example.org")
    other = reader("192.0.2.44").post(signup_url(language), {"email": "r9@example.org", "frequency": "daily"})
    assert other.status_code == 200
    assert len(smtp.to("r9@example.org")) == 1


@pytest.mark.django_db
def test_client_address_behind_our_proxy(tree, smtp, settings):
    settings.NEWSLETTER_SIGNUP_LIMIT_PER_IP = 1
    settings.NEWSLETTER_TRUSTED_PROXIES = 1
    # Two readers behind the same nginx (REMOTE_ADDR 127.0.0.1), told apart by X-Forwarded-For; what a
    # client writes on the left of the header does not matter.
    first = reader("127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.1")
    second = reader("127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.2, 203.0.113.2")
    assert first.post(signup_url("en"), {"email": "a@example.org", "frequency": "daily"}).status_code == 200
    assert second.post(signup_url("en"), {"email": "b@example.org", "frequency": "daily"}).status_code == 200
    spoofed = reader("127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.1")
    assert spoofed.post(signup_url("en"), {"email": "c@example.org", "frequency": "daily"}).status_code == 429


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wrong_address_is_explained_in_the_readers_language(tree, smtp, soup, language):
    response = reader().post(signup_url(language), {"email": "not-an-address", "frequency": "daily"})
    assert response.status_code == 400
    page = soup(response)
    field = page.select_one("#newsletter-page-email")
    assert field["value"] == "not-an-address"
    assert field["aria-invalid"] == "true"
    with translation.override(language):
        expected = gettext("Enter a valid e-mail address, such as name@example.com.")
    assert page.select_one("#newsletter-page-email-error").get_text(strip=True) == expected
    assert not smtp.messages


class _Yesterday(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 8 * 86400)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_bad_or_expired_links_get_a_clear_page_not_an_error(tree, soup, language):
    good = tokens.confirmation_token(tokens.SignUp("x@example.org", language, "daily"))
    old = _Yesterday(salt=tokens.CONFIRM_SALT).sign_object(
        {"e": "x@example.org", "l": language, "f": "daily"}, compress=True
    )
    cases = [
        (f"/{language}/newsletter/confirm/{good[:-3]}abc/", 400, "This link is not valid"),
        (f"/{language}/newsletter/confirm/garbage/", 400, "This link is not valid"),
        (f"/{language}/newsletter/confirm/{old}/", 410, "This link has expired"),
        (f"/{language}/newsletter/unsubscribe/{good}/", 400, "This link is not valid"),  # wrong purpose
        (f"/{language}/newsletter/unsubscribe/x:y:z/", 400, "This link is not valid"),
    ]
    for url, status, heading in cases:
        for method in ("get", "post"):
            response = getattr(reader(), method)(url)
            assert response.status_code == status, (url, method)
            with translation.override(language):
                assert soup(response).h1.get_text(strip=True) == gettext(heading)
            assert soup(response).select_one("form.newsletter-form"), "the page offers to sign up again"
    assert not Subscriber.objects.exists()


@pytest.mark.django_db
def test_one_click_unsubscribe_rfc_8058(tree):
    subscriber = subscribe()
    url = f"/en/newsletter/unsubscribe/{tokens.unsubscribe_token(subscriber)}/"
    # What a mail provider sends: a cookie-less POST with List-Unsubscribe=One-Click in the body.
    response = reader().post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert response.content == b""
    assert not response.has_header("Location")
    assert not Subscriber.objects.exists()
    again = reader().post(url, {"List-Unsubscribe": "One-Click"})  # multipart, and already gone
    assert (again.status_code, again.content) == (200, b"")
    forged = reader().post("/en/newsletter/unsubscribe/abc:def/", {"List-Unsubscribe": "One-Click"})
    assert (forged.status_code, forged.content) == (400, b"")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_unsubscribe_link_asks_first(tree, soup, language):
    subscriber = subscribe(language=language)
    url = f"/{language}/newsletter/unsubscribe/{tokens.unsubscribe_token(subscriber)}/"
    browser = reader()
    asked = browser.get(url)
    assert asked.status_code == 200
    assert Subscriber.objects.exists(), "opening the link does not unsubscribe"
    form = soup(asked).select_one("main form")
    assert (form["method"], form["action"]) == ("post", url)
    done = browser.post(url)
    assert done.status_code == 200
    with translation.override(language):
        assert soup(done).h1.get_text(strip=True) == gettext("You are unsubscribed")
        after = soup(browser.get(url))
        assert gettext("This address is not subscribed to the newsletter (any more).") in after.get_text()
    assert not Subscriber.objects.exists()


@pytest.mark.django_db
def test_only_get_head_and_post(tree):
    subscriber = subscribe()
    for url in (
        "/en/newsletter/",
        f"/en/newsletter/unsubscribe/{tokens.unsubscribe_token(subscriber)}/",
        f"/en/newsletter/confirm/{tokens.confirmation_token(tokens.SignUp('a@b.az', 'en', 'daily'))}/",
    ):
        assert reader().head(url).status_code in (200,)
        for method in ("put", "delete", "patch", "options", "trace"):
            assert getattr(reader(), method)(url).status_code == 405, (url, method)
    assert Subscriber.objects.count() == 1


@pytest.mark.django_db
def test_the_form_include_works_from_a_cached_page(tree, smtp, settings, soup):
    """The footer's copy of the form is the same for every reader (the page cache keeps it): posting it
    as it is, without a cookie or token, signs up."""
    with translation.override("ru"):
        html = render_to_string("newsletter/signup_form.html")
    form = soup(html).form
    assert form["action"] == "/ru/newsletter/"
    assert not form.select('input[type="hidden"]')
    data = {"email": "footer@example.org", "frequency": form.select_one("input[checked]")["value"]}
    assert reader().post(form["action"], data).status_code == 200
    [received] = smtp.to("footer@example.org")
    assert "/ru/newsletter/confirm/" in confirm_link(received)

    settings.PAGE_CACHE = True
    for _ in range(2):
        response = reader().get("/ru/newsletter/")
        assert response.get("X-Page-Cache") != "HIT"


@pytest.mark.django_db
def test_a_mail_server_that_is_down_does_not_change_the_answer(tree, smtp, soup):
    ok = reader().post(signup_url("en"), {"email": "one@example.org", "frequency": "daily"})
    smtp.stop()
    down = reader().post(signup_url("en"), {"email": "two@example.org", "frequency": "daily"})
    assert down.status_code == 200
    assert soup(down).h1.get_text() == soup(ok).h1.get_text()
