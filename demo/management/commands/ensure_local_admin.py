"""``manage.py ensure_local_admin``: a superuser for trying the site locally.

The password comes from ``LOCAL_ADMIN_PASSWORD`` or defaults to ``change-me-locally``. The command
refuses to run when DEBUG is off unless ``--force`` is given, and never uses the default password then.
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEFAULT_USERNAME = "admin"
DEFAULT_PASSWORD = "change-me-locally"  # noqa: S105 - local development only, see the docstring


class Command(BaseCommand):
    help = "Create a local superuser (admin / change-me-locally unless LOCAL_ADMIN_* say otherwise)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even when DEBUG is off.")

    def handle(self, *args, force=False, **options):
        password = os.environ.get("LOCAL_ADMIN_PASSWORD", "")
        if not settings.DEBUG:
            if not force:
                raise CommandError("DEBUG is off: refusing to create a local admin (use --force).")
            if not password:
                raise CommandError("Set LOCAL_ADMIN_PASSWORD: the default password is for local use only.")
        username = os.environ.get("LOCAL_ADMIN_USERNAME", DEFAULT_USERNAME)
        password = password or DEFAULT_PASSWORD
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin user {username!r} already exists; password unchanged.")
            return
        User.objects.create_superuser(username=username, email="admin@aze.media.example", password=password)
        self.stdout.write(
            f"Created admin user. Log in at /admin/ as {username!r} with password {password!r}."
        )
