"""Repeated wrong passwords lock one account for one address (django-axes); administrators unlock it."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("axes_on")]
PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def browser(address="127.0.0.1", language="en"):
    return Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE=language)


def fail(client, username, times):
    for _ in range(times):
        response = sign_in(client, username, "wrong password")
        assert response.status_code == 200  # the form again, with its error


def lock_out(client, username):
    """Five wrong passwords: the fifth is answered with the lockout page."""
    fail(client, username, 4)
    assert sign_in(client, username, "wrong password").status_code == 429


def test_five_failures_lock_the_account_for_that_address_with_a_translated_page(editor):
    client = browser(language="ru")
    lock_out(client, "editor")
    locked = sign_in(client, "editor", PASSWORD)  # even the right password now
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Вход заблокирован" in text
    assert "15" in text
    assert int(locked["Retry-After"]) == 15 * 60
    assert "_auth_user_id" not in client.session


def test_other_people_and_other_addresses_are_unaffected(editor):
    get_user_model().objects.create_user("colleague", password=PASSWORD, is_staff=True, is_superuser=True)
    lock_out(browser(), "editor")
    assert sign_in(browser(), "colleague", PASSWORD).status_code == 302
    assert sign_in(browser("10.1.2.3"), "editor", PASSWORD).status_code == 302


def test_a_success_before_the_limit_resets_the_count(editor):
    client = browser()
    fail(client, "editor", 4)
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    client.logout()
    fail(client, "editor", 4)
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_an_administrator_sees_the_lock_and_unlocks_it(editor):
    get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    lock_out(browser(), "editor")
    assert sign_in(browser(), "editor", PASSWORD).status_code == 429

    admin = browser("10.9.9.9")
    assert sign_in(admin, "chief", PASSWORD).status_code == 302
    listing = admin.get(reverse("locked_sign_ins:index"))
    assert listing.status_code == 200
    assert "editor" in listing.content.decode()
    attempt = AccessAttempt.objects.get(username="editor")
    delete_url = reverse("locked_sign_ins:delete", args=[attempt.pk])
    assert admin.post(delete_url).status_code == 302
    assert not AccessAttempt.objects.filter(username="editor").exists()

    assert sign_in(browser(), "editor", PASSWORD).status_code == 302


def test_editors_who_are_not_administrators_cannot_unlock(editor):
    get_user_model().objects.create_user("reporter", password=PASSWORD, is_staff=True)
    from django.contrib.auth.models import Permission

    reporter = get_user_model().objects.get(username="reporter")
    reporter.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = browser("10.9.9.8")
    assert sign_in(client, "reporter", PASSWORD).status_code == 302
    assert client.get(reverse("locked_sign_ins:index")).status_code in (302, 403)
