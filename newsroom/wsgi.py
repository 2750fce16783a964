import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.production")

application = get_wsgi_application()

from newsroom.warmup import warm_up  # noqa: E402 - needs Django set up, which the line above does

warm_up()
