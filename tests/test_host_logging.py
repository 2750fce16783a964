"""A request with a Host header not in ALLOWED_HOSTS is a 400 and one log line, without a traceback."""

import logging
import subprocess
import sys
import textwrap

import pytest
from django.conf import settings
from django.test import override_settings

from newsroom.settings.host_logging import WithoutTraceback

LOGGER = "django.security.DisallowedHost"
FILTER_PATH = "newsroom.settings.host_logging.WithoutTraceback"


@pytest.fixture
def host_filter():
    """The filter on the DisallowedHost logger, as ``LOGGING`` sets it (added here if it does not yet)."""
    logger = logging.getLogger(LOGGER)
    added = None
    if not any(isinstance(f, WithoutTraceback) for f in logger.filters):
        added = WithoutTraceback()
        logger.addFilter(added)
    yield
    if added is not None:
        logger.removeFilter(added)


@override_settings(ALLOWED_HOSTS=["localhost", "testserver"])
@pytest.mark.parametrize("url", ["/en/", "/en/feed/rss/", "/robots.txt"])
def test_a_bad_host_is_a_400_and_one_line_in_the_log(client, site_tree, host_filter, caplog, url):
    caplog.set_level(logging.INFO)

    response = client.get(url, HTTP_HOST="evil.example")

    assert response.status_code == 400
    records = [r for r in caplog.records if r.name.startswith("django") and r.levelno >= logging.WARNING]
    assert [r.name for r in records] == [LOGGER]
    record = records[0]
    assert record.exc_info is None
    assert not record.exc_text
    assert "evil.example" in record.getMessage()
    line = logging.Formatter("%(levelname)s %(name)s %(message)s").format(record)
    assert "\n" not in line
    assert "Traceback" not in caplog.text


def test_the_logging_lines_give_one_line_from_a_fresh_configuration():
    # The LOGGING lines the settings use, applied by logging.config in a process of its own.
    script = textwrap.dedent(
        f"""
        import logging, logging.config
        logging.config.dictConfig({{
            "version": 1,
            "disable_existing_loggers": False,
            "filters": {{"without_traceback": {{"()": "{FILTER_PATH}"}}}},
            "handlers": {{"console": {{"class": "logging.StreamHandler"}}}},
            "root": {{"handlers": ["console"], "level": "INFO"}},
            "loggers": {{"{LOGGER}": {{"filters": ["without_traceback"]}}}},
        }})
        try:
            raise ValueError("Invalid HTTP_HOST header: 'evil.example'.")
        except ValueError as error:
            logging.getLogger("{LOGGER}").error(str(error), exc_info=error)
            logging.getLogger("django.request").error("Other loggers keep theirs", exc_info=error)
        """
    )
    result = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", script], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    )
    lines = result.stderr.splitlines()
    assert lines[0] == "Invalid HTTP_HOST header: 'evil.example'."
    assert lines[1] == "Other loggers keep theirs"
    assert lines[2].startswith("Traceback")


def test_the_settings_wire_the_filter():
    logging_settings = settings.LOGGING
    filters = {name: spec.get("()") for name, spec in logging_settings.get("filters", {}).items()}
    wired = logging_settings.get("loggers", {}).get(LOGGER, {}).get("filters", [])
    assert FILTER_PATH in filters.values()
    assert any(filters.get(name) == FILTER_PATH for name in wired)
    assert any(isinstance(f, WithoutTraceback) for f in logging.getLogger(LOGGER).filters)
