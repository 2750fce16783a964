"""The site's language codes, for module-level ``pytest.mark.parametrize`` and loops.

Read from ``settings.LANGUAGES`` when this module is first imported (pytest-django has configured the
settings by then), so a run under other settings gets that run's languages: the fourth-language check
(tests/fourth_language) sees en, az, ru and tr. Inside a test, the ``languages`` fixture gives the same
codes as a list. Which languages the factories write content in is another matter:
``tests.factories.CONTENT_LANGUAGES``.
"""

from django.conf import settings

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
"""Every language the site serves, in the order of ``settings.LANGUAGES``."""

TRANSLATED_LANGUAGES = tuple(code for code in LANGUAGES if code != settings.LANGUAGE_CODE)
"""The languages other than the default, the ones with a message catalogue in ``locale/``."""
