"""While the database is unreachable, readers get a translated 503 page with Retry-After (never a 500 or
a traceback), served without the database; once it is back the site answers again by itself.

A real server (gunicorn) and a real outage: its database file's folder does not exist yet, so every
connection fails; then the database appears and the next requests succeed.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, language="en"):
    request = urllib.request.Request(url, headers={"Accept-Language": language})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback only
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def wait_for(predicate, seconds=20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    return predicate()


def environment(tmp_path):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.test",
        "TEST_MEDIA_ROOT": str(tmp_path / "media"),
        "CONN_MAX_AGE": "0",
        "LOG_LEVEL": "ERROR",
    }


@pytest.fixture
def outage(tmp_path):
    """A server whose database is missing (the outage): its URL, the database file it looks for (its folder
    appears when the database comes back) and its log."""
    live = tmp_path / "live" / "db.sqlite3"
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as log_file:
        server = subprocess.Popen(  # noqa: S603
            [str(GUNICORN), "-b", f"127.0.0.1:{port}", "-w", "1", "--timeout", "30", "newsroom.wsgi"],
            cwd=BASE,
            env={**environment(tmp_path), "DATABASE_URL": f"sqlite:///{live}"},
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: _answers(url)), "gunicorn did not start"
        yield url, live, log
    finally:
        server.terminate()
        server.wait(timeout=20)
        print(log.read_text(errors="replace")[-3000:])  # shown when the test fails


def _answers(url):
    try:
        return fetch(f"{url}/robots.txt")[0] > 0
    except OSError:
        return False


@pytest.fixture
def migrated(tmp_path):
    """A migrated database set aside, to bring back."""
    ready = tmp_path / "ready" / "db.sqlite3"
    ready.parent.mkdir()
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=BASE,
        env={**environment(tmp_path), "DATABASE_URL": f"sqlite:///{ready}"},
        check=True,
        timeout=300,
    )
    return ready


def test_outage_answers_503_then_recovers_by_itself(outage, migrated):
    url, live, _log = outage
    for language, path in [("en", "/en/search/?q=oil"), ("ru", "/ru/"), ("az", "/az/feed/rss/")]:
        status, headers, body = fetch(url + path, language)
        assert status == 503, (path, status, body[:500])
        assert headers["Retry-After"] == "30"
        assert "Traceback" not in body and "OperationalError" not in body
        assert f'<html lang="{language}">' in body
    assert "Скоро вернёмся" in fetch(url + "/ru/", "ru")[2]
    assert "Tezliklə qayıdırıq" in fetch(url + "/az/", "az")[2]

    live.parent.mkdir()
    shutil.copy(migrated, live)  # the database is back
    back = time.monotonic()
    assert wait_for(lambda: fetch(url + "/en/search/?q=oil")[0] == 200, seconds=5)
    assert time.monotonic() - back < 5
    assert fetch(url + "/ru/search/?q=" + urllib.parse.quote("нефть"))[0] == 200


def test_an_outage_is_one_traceback_not_one_per_request(outage):
    url, _live, log = outage
    for path in ["/en/", "/ru/", "/az/feed/rss/", "/en/search/?q=oil"] * 5:
        assert fetch(url + path)[0] == 503
    text = log.read_text(errors="replace")
    # Django logs each 503 as "Service Unavailable: <path>" with its traceback: one record for the 20.
    assert text.count("Service Unavailable: ") == 1, text[-3000:]
    assert "OperationalError" in text and "Traceback (most recent call last)" in text
