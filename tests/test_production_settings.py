"""Production settings refuse to start misconfigured and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET = "production-test-" + "x7Qm2vLp9RkT4wZs8NbY3cHd6FjG1aUe" * 2


def run(args, **env):
    unset = {
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DJANGO_SETTINGS_MODULE",
        "DATABASE_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    }
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    clean.update(DJANGO_SETTINGS_MODULE="newsroom.settings.production", **env)
    return subprocess.run(  # noqa: S603
        [sys.executable, *args], cwd=BASE_DIR, env=clean, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "env, missing",
    [
        ({}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": "aze.media"}, "SECRET_KEY"),
        ({"SECRET_KEY": SECRET}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": "   ", "ALLOWED_HOSTS": "aze.media"}, "SECRET_KEY"),
    ],
)
def test_production_settings_refuse_to_start_without_required_environment(env, missing):
    result = run(["-c", "import django; django.setup()"], **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_settings_pass_the_deploy_checks():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="aze.media,www.aze.media",
        DATABASE_URL="sqlite:////tmp/newsroom-deploy-check.sqlite3",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_read_hosts_and_database_from_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], s.DEBUG)"
    )
    result = run(
        ["-c", code],
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="aze.media, www.aze.media",
        DATABASE_URL="postgres://news:secret@db.internal:5432/newsroom",
    )
    assert result.returncode == 0, result.stderr
    assert "['aze.media', 'www.aze.media'] django.db.backends.postgresql False" in result.stdout
