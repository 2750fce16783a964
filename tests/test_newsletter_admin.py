"""Newsletter subscribers in the Wagtail admin: listed, exported as CSV (confirmed only), deleted one
by one or in bulk; never added or edited by hand."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from newsletter.models import Subscriber
from tests.newsletter_fixtures import newsletter_wiring  # noqa: F401

LIST = "/admin/snippets/newsletter/subscriber/"


def csv_rows(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.fixture
def subscribers(db):
    now = timezone.now()
    return [
        Subscriber.objects.create(
            email=f"{code}@example.org", language=code, frequency=freq, consented_at=now
        )
        for code, freq in (("en", "daily"), ("az", "weekly"), ("ru", "daily"))
    ]


@pytest.fixture
def editor(client, db):
    """An editor allowed to see and delete subscribers (the permissions a newsroom group would get)."""
    user = get_user_model().objects.create_user("desk", "desk@example.org", "pw")
    group = Group.objects.create(name="Newsletter")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="newsletter", codename__in=["view_subscriber", "delete_subscriber"]
        ),
    )
    user.groups.add(group)
    client.force_login(user)
    return client


def test_the_listing_and_its_menu_item(editor, subscribers, soup):
    # The sidebar is drawn by script from the menu's JSON in the page.
    assert f'"url": "{LIST}"' in editor.get("/admin/").content.decode(), (
        "a menu item leads to the subscribers"
    )
    listing = editor.get(LIST)
    assert listing.status_code == 200
    text = soup(listing).get_text()
    assert all(item.email in text for item in subscribers)
    assert not soup(listing).select_one(f'a[href="{LIST}add/"]'), "nobody adds subscribers by hand"
    assert editor.get(f"{LIST}add/").status_code in (302, 403)
    assert editor.get(f"{LIST}edit/{subscribers[0].pk}/").status_code in (302, 403)


def test_csv_export_of_the_confirmed_subscribers(editor, subscribers):
    response = editor.get(LIST, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "newsletter-subscribers" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert len(rows) == 1 + len(subscribers)
    assert {row[0] for row in rows[1:]} == {item.email for item in subscribers}
    assert len(rows[0]) == 4  # address, language, frequency, consent time: nothing else is kept

    only_azerbaijani = editor.get(LIST, {"export": "csv", "language": "az"})
    rows = csv_rows(only_azerbaijani)
    assert [row[0] for row in rows[1:]] == ["az@example.org"]


def test_bulk_delete(editor, subscribers):
    url = "/admin/bulk/newsletter/subscriber/delete/"
    chosen = [subscribers[0].pk, subscribers[2].pk]
    query = "&".join(f"id={pk}" for pk in chosen)
    assert editor.get(f"{url}?{query}").status_code == 200  # the confirmation page
    response = editor.post(f"{url}?{query}")
    assert response.status_code == 302
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["az@example.org"]


def test_delete_one(editor, subscribers):
    target = subscribers[1]
    response = editor.post(f"{LIST}delete/{target.pk}/")
    assert response.status_code == 302
    assert not Subscriber.objects.filter(pk=target.pk).exists()


def test_people_without_the_permission_see_nothing(client, subscribers):
    user = get_user_model().objects.create_user("writer", "writer@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert LIST not in client.get("/admin/").content.decode()
    assert client.get(LIST).status_code in (302, 403)
    assert client.get(LIST, {"export": "csv"}).status_code in (302, 403)
