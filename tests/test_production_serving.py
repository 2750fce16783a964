"""`make serve` from a clean checkout answers 200 with production settings, in every language.

A copy of the files a fresh clone has (``git ls-files``: tracked and new, not ignored: no
``staticfiles/``, no database, no compiled catalogues) is made in a temporary folder, with the
project's ``.venv`` linked in. Its database gets the standard test tree and one article; then
``make serve`` runs with ``.env.example``'s variables (plus a secret key, this host, a free port, a
throw-away SQLite file and a real ``redis-server``): migrations, catalogues, ``collectstatic`` and the
deploy checks under production settings, the Wagtail Site set to ``SITE_URL``, gunicorn. Requests carry
``X-Forwarded-Proto: https`` as the TLS proxy in front would (``SECURE_SSL_REDIRECT`` stays on).
"""

import http.client
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.languages import LANGUAGES
from tests.redis_server import RedisServer, free_port

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 150.0
BUILD_CONTENT = """
import django
django.setup()
from django.utils import translation
from tests import factories
tree = factories.site_tree()
article = factories.create_article(tree.economy, title_en="Harbour expansion approved")
with translation.override("en"):
    from translations.links import page_url
    for code in {languages!r}:
        print(code, page_url(article, code))
"""


def clean_checkout(target: Path) -> None:
    """What ``git clone`` of the working tree gives once committed: tracked and new files, no ignored ones."""
    listed = subprocess.run(  # noqa: S603
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if not source.is_file():
            continue  # deleted in the working tree
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)  # keeps mtimes: make sees requirements already installed
    (target / ".venv").symlink_to(ROOT / ".venv")


def example_environment() -> dict[str, str]:
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def fetch(port: int, path: str) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}", "X-Forwarded-Proto": "https"})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


@pytest.fixture
def served(tmp_path):
    checkout = tmp_path / "checkout"
    clean_checkout(checkout)
    redis = RedisServer().start()
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "GUNICORN_"))}
    # `make test DATABASE_URL=…` passes its variables to every make below it (MAKEFLAGS): without this,
    # `make serve` would migrate and serve the developer's own database instead of this checkout's.
    for name in ("MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES", "MAKELEVEL"):
        env.pop(name, None)
    for name in (
        "DATABASE_URL",
        "REDIS_URL",
        "STATIC_ROOT",
        "PAGE_CACHE",
        "FRAGMENT_CACHE",
        "FRONTEND_CACHE_URL",
    ):
        env.pop(name, None)
    env.update(example_environment())
    env.update(
        SECRET_KEY="serving-test-" + "k3Jx9QpL2mVt7WzR" * 4,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        REDIS_URL=redis.url,
        MEDIA_ROOT=str(tmp_path / "media"),
        SITE_URL=f"http://127.0.0.1:{port}",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="newsroom.settings.production",
    )
    python = str(checkout / ".venv" / "bin" / "python")
    subprocess.run(  # noqa: S603
        [python, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=checkout,
        env=env,
        check=True,
        timeout=300,
    )
    built = subprocess.run(  # noqa: S603
        [python, "-c", BUILD_CONTENT.format(languages=list(LANGUAGES))],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    articles = dict(line.split(" ", 1) for line in built.stdout.strip().splitlines() if line[:2] in LANGUAGES)
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115
    server = subprocess.Popen(  # noqa: S603
        ["make", "serve"],  # noqa: S607
        cwd=checkout,
        env={key: value for key, value in env.items() if key != "DJANGO_SETTINGS_MODULE"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if server.poll() is not None:
                pytest.fail(f"make serve exited with {server.returncode}:\n{_tail(tmp_path / 'serve.log')}")
            try:
                if fetch(port, "/robots.txt")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"make serve did not answer in {START_TIMEOUT:.0f} s:\n{_tail(tmp_path / 'serve.log')}"
                )
            time.sleep(0.3)
        yield port, articles, tmp_path / "serve.log"
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=10)
        log.close()
        redis.stop()


def _tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def test_make_serve_from_a_clean_checkout_answers_every_language(served):
    port, articles, log = served
    base = f"http://127.0.0.1:{port}"
    stylesheets = set()
    for language in LANGUAGES:
        for path in (f"/{language}/", articles[language]):
            status, headers, body = fetch(port, path)
            assert status == 200, (path, status, _tail(log))
            html = body.decode()
            assert f'<html lang="{language}">' in html
            # Absolute URLs are the address it is served at (SITE_URL), not the Site record's default.
            assert f'<link rel="canonical" href="{base}{path}">' in html
            assert f'content="{base}{path}"' in html  # og:url
            stylesheets.update(re.findall(r'<link rel="stylesheet" href="([^"]+)"', html))
            # The second request comes from the page cache, in the real Redis.
            assert fetch(port, path)[1].get("x-page-cache") == "HIT", path
    assert stylesheets and all(re.search(r"\.[0-9a-f]{12}\.css$", href) for href in stylesheets), stylesheets
    for href in stylesheets:
        status, headers, body = fetch(port, href)
        assert status == 200 and headers["content-type"].startswith("text/css") and body, href
    status, _headers, body = fetch(port, "/sitemap-pages.xml")
    assert status == 200 and f"<loc>{base}/en/</loc>".encode() in body


@pytest.mark.django_db
def test_set_site_url_sets_the_address_every_absolute_url_uses(client, site_tree, make_article):
    from django.core.management import CommandError, call_command

    article = make_article(site_tree.economy)
    call_command("set_site_url", "http://news.example:8123")
    html = client.get(article.url, HTTP_HOST="news.example:8123").content.decode()
    assert f'<link rel="canonical" href="http://news.example:8123{article.url}">' in html
    call_command("set_site_url", "https://aze.media")
    site_tree.site.refresh_from_db()
    assert site_tree.site.root_url == "https://aze.media"
    for bad in ("ftp://aze.media", "https://aze.media:8443", "https://aze.media/en/", "aze.media"):
        with pytest.raises(CommandError):
            call_command("set_site_url", bad)
