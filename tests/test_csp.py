"""A strict Content-Security-Policy on reader pages: only this site's scripts, styles and images, the
inline script and the JSON-LD blocks carrying the request's nonce; the admin keeps working."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.languages import LANGUAGES
from translations.links import page_url


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = [part.strip().split() for part in header.split(";") if part.strip()]
    return {name: values for name, *values in directives}


def reader_urls(site_tree, article, language):
    return [
        f"/{language}/",
        page_url(site_tree.news, language),
        page_url(article, language),
        page_url(site_tree.about, language),
        f"/{language}/search/?q=story",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_reader_pages_allow_only_this_site_and_nonced_inline_scripts(
    client, soup, site_tree, make_article, language
):
    article = make_article(site_tree.economy, title_en="A story")
    for url in reader_urls(site_tree, article, language):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = policy(response)
        assert csp["default-src"] == ["'self'"]
        assert csp["object-src"] == ["'none'"]
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        nonces = [value for value in csp["script-src"] if value.startswith("'nonce-")]
        assert len(nonces) == 1, url
        nonce = nonces[0][len("'nonce-") : -1]
        inline = [tag for tag in soup(response).find_all("script") if not tag.get("src")]
        assert inline, url  # the "js" class switch and JSON-LD
        assert all(tag.get("nonce") == nonce for tag in inline), url
        # What the page loads (not what it links to) comes from this site.
        html = soup(response)
        loaded = [tag.get("src") for tag in html.find_all(["script", "img"], src=True)]
        loaded += [tag["href"] for tag in html.find_all("link", rel="stylesheet")]
        loaded += [tag["srcset"] for tag in html.find_all("source", srcset=True)]
        assert loaded, url
        assert not [address for address in loaded if re.match(r"\s*(https?:)?//", address)], url


@pytest.mark.django_db
def test_each_response_gets_a_new_nonce(client, site_tree):
    first, second = client.get("/en/"), client.get("/en/")
    assert policy(first)["script-src"] != policy(second)["script-src"]


@pytest.mark.django_db
def test_the_admin_is_left_out_of_the_reader_policy(admin_client):
    assert "Content-Security-Policy" not in admin_client.get("/admin/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_policy_violation_in_a_real_browser(live_server, browser_page, site_tree, make_article):
    get_user_model().objects.create_superuser("chief", "chief@example.org", "correct-horse")
    article = make_article(site_tree.economy, title_en="Ceasefire talks resume")
    page = browser_page
    violations = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and violations.append(message.text),
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    for language in LANGUAGES:
        for url in reader_urls(site_tree, article, language):
            page.goto(live_server.url + url)
            expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))  # the nonced script ran
    # The live search box (fetch to this site) and the mobile menu script work under the policy.
    page.goto(f"{live_server.url}/en/")
    page.locator("header input[type=search]").first.fill("Ceasefire")
    expect(page.get_by_role("option", name=re.compile("Ceasefire talks resume"))).to_be_visible()
    # The admin page editor, signed in: Wagtail's own scripts run.
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label(re.compile("Username", re.I)).fill("chief")
    page.get_by_label(re.compile("Password", re.I)).fill("correct-horse")
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    expect(page.get_by_role("button", name=re.compile("Save draft", re.I))).to_be_visible()
    page.goto(live_server.url + page_url(article, "en"))  # a reader page with the editor's userbar
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    assert violations == []
