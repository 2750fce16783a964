"""The page a locked-out sign-in gets (``AXES_LOCKOUT_CALLABLE``): translated, status 429."""

import math

from django.conf import settings
from django.shortcuts import render


def lockout(request, original_response=None, credentials=None):
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    response = render(request, "accounts/lockout.html", {"cooloff_minutes": minutes}, status=429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
